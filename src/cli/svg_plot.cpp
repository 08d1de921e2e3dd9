// The SVG line-plot writer; see svg_plot.hpp.
#include "cli/svg_plot.hpp"

#include "core/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace mlp::cli {

namespace {

struct Range {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool empty() const { return lo > hi; }
};

bool finite_point(const PlotSeries& s, size_t i) { return std::isfinite(s.x[i]) && std::isfinite(s.y[i]); }

std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// 17 px, or smaller so that the title fits the width (a bold glyph is ~0.62 em wide).
double title_font_size(const std::string& title, int width) {
  const double fit = (width - 30) / (0.62 * std::max<size_t>(title.size(), 1));
  return std::max(8.0, std::min(17.0, fit));
}

std::string fmt(double v) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(1) << v;
  return s.str();
}

// Maps data coordinates to pixels inside the plot area.
struct Frame {
  double left, top, right, bottom;    // plot area in pixels
  double x0, x1, y0, y1;              // data range (first and last tick)
  double px(double x) const { return left + (x - x0) / (x1 - x0) * (right - left); }
  double py(double y) const { return bottom - (y - y0) / (y1 - y0) * (bottom - top); }
};

void draw_axes(std::ostringstream& svg, const Frame& f, const std::vector<double>& xt,
               const std::vector<double>& yt, const PlotSpec& plot) {
  const double xstep = xt[1] - xt[0], ystep = yt[1] - yt[0];
  svg << "<g stroke=\"#dddddd\" stroke-width=\"1\">\n";
  for (double x : xt)
    svg << "<line x1=\"" << fmt(f.px(x)) << "\" y1=\"" << fmt(f.top) << "\" x2=\"" << fmt(f.px(x))
        << "\" y2=\"" << fmt(f.bottom) << "\"/>\n";
  for (double y : yt)
    svg << "<line x1=\"" << fmt(f.left) << "\" y1=\"" << fmt(f.py(y)) << "\" x2=\"" << fmt(f.right)
        << "\" y2=\"" << fmt(f.py(y)) << "\"/>\n";
  svg << "</g>\n<g stroke=\"#333333\" stroke-width=\"1.5\" fill=\"none\">\n"
      << "<rect x=\"" << fmt(f.left) << "\" y=\"" << fmt(f.top) << "\" width=\"" << fmt(f.right - f.left)
      << "\" height=\"" << fmt(f.bottom - f.top) << "\"/>\n";
  for (double x : xt)
    svg << "<line x1=\"" << fmt(f.px(x)) << "\" y1=\"" << fmt(f.bottom) << "\" x2=\"" << fmt(f.px(x))
        << "\" y2=\"" << fmt(f.bottom + 6) << "\"/>\n";
  for (double y : yt)
    svg << "<line x1=\"" << fmt(f.left - 6) << "\" y1=\"" << fmt(f.py(y)) << "\" x2=\"" << fmt(f.left)
        << "\" y2=\"" << fmt(f.py(y)) << "\"/>\n";
  svg << "</g>\n<g font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\" fill=\"#333333\">\n";
  for (double x : xt)
    svg << "<text x=\"" << fmt(f.px(x)) << "\" y=\"" << fmt(f.bottom + 22) << "\" text-anchor=\"middle\">"
        << tick_label(x, xstep) << "</text>\n";
  for (double y : yt)
    svg << "<text x=\"" << fmt(f.left - 10) << "\" y=\"" << fmt(f.py(y) + 4) << "\" text-anchor=\"end\">"
        << tick_label(y, ystep) << "</text>\n";
  const double mid_x = (f.left + f.right) / 2, mid_y = (f.top + f.bottom) / 2;
  svg << "<text x=\"" << fmt(mid_x) << "\" y=\"" << fmt(f.bottom + 48) << "\" text-anchor=\"middle\" font-size=\"15\">"
      << escape(plot.x_label) << "</text>\n"
      << "<text x=\"20\" y=\"" << fmt(mid_y) << "\" text-anchor=\"middle\" font-size=\"15\" transform=\"rotate(-90 20 "
      << fmt(mid_y) << ")\">" << escape(plot.y_label) << "</text>\n"
      << "<text x=\"" << fmt(plot.width / 2.0) << "\" y=\"28\" text-anchor=\"middle\" font-size=\""
      << fmt(title_font_size(plot.title, plot.width)) << "\" font-weight=\"bold\">" << escape(plot.title)
      << "</text>\n</g>\n";
}

void draw_series(std::ostringstream& svg, const Frame& f, const PlotSeries& s) {
  svg << "<polyline fill=\"none\" stroke=\"" << escape(s.color) << "\" stroke-width=\"2\" "
      << (s.dashed ? "stroke-dasharray=\"8 5\" " : "") << "stroke-linejoin=\"round\" points=\"";
  for (size_t i = 0; i < s.x.size(); ++i)
    if (finite_point(s, i)) svg << fmt(f.px(s.x[i])) << ',' << fmt(f.py(s.y[i])) << ' ';
  svg << "\"/>\n";
}

void draw_legend(std::ostringstream& svg, const Frame& f, const std::vector<PlotSeries>& series) {
  size_t longest = 0;
  for (const auto& s : series) longest = std::max(longest, s.name.size());
  const double w = 44 + 7.5 * static_cast<double>(longest), h = 10 + 20 * static_cast<double>(series.size());
  const double x = f.right - w - 10, y = f.top + 10;
  svg << "<g font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n"
      << "<rect x=\"" << fmt(x) << "\" y=\"" << fmt(y) << "\" width=\"" << fmt(w) << "\" height=\"" << fmt(h)
      << "\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#999999\"/>\n";
  for (size_t i = 0; i < series.size(); ++i) {
    const double ly = y + 15 + 20 * static_cast<double>(i);
    svg << "<line x1=\"" << fmt(x + 8) << "\" y1=\"" << fmt(ly) << "\" x2=\"" << fmt(x + 32) << "\" y2=\"" << fmt(ly)
        << "\" stroke=\"" << escape(series[i].color) << "\" stroke-width=\"3\""
        << (series[i].dashed ? " stroke-dasharray=\"8 5\"" : "") << "/>\n"
        << "<text x=\"" << fmt(x + 38) << "\" y=\"" << fmt(ly + 4) << "\" fill=\"#333333\">" << escape(series[i].name)
        << "</text>\n";
  }
  svg << "</g>\n";
}

}  // namespace

std::string tick_label(double value, double step) {
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  std::ostringstream s;
  if (step < 1e-4 || std::abs(value) >= 1e7) s << std::setprecision(3) << value;
  else s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

std::string render_svg(const PlotSpec& plot) {
  Range xr, yr;
  for (const auto& s : plot.series) {
    if (s.x.size() != s.y.size()) throw std::invalid_argument("plot series '" + s.name + "': x and y differ in length");
    for (size_t i = 0; i < s.x.size(); ++i)
      if (finite_point(s, i)) {
        xr.add(s.x[i]);
        yr.add(s.y[i]);
      }
  }
  if (xr.empty()) throw std::invalid_argument("nothing to plot: no series has a finite point");
  const std::vector<double> xt = nice_ticks(xr.lo, xr.hi, 8, TickSpan::Covering),
                            yt = nice_ticks(yr.lo, yr.hi, 7, TickSpan::Covering);
  const Frame f{80, 45, plot.width - 25.0, plot.height - 65.0, xt.front(), xt.back(), yt.front(), yt.back()};

  std::ostringstream svg;
  svg << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << plot.width << "\" height=\"" << plot.height
      << "\" viewBox=\"0 0 " << plot.width << ' ' << plot.height << "\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  draw_axes(svg, f, xt, yt, plot);
  for (const auto& s : plot.series) draw_series(svg, f, s);
  draw_legend(svg, f, plot.series);
  svg << "</svg>\n";
  return svg.str();
}

void write_svg(const std::string& path, const PlotSpec& plot) {
  const std::string doc = render_svg(plot);
  std::ofstream out(path, std::ios::binary);
  out << doc;
  if (!out.good()) throw std::runtime_error(path + ": cannot write the plot");
}

}  // namespace mlp::cli
