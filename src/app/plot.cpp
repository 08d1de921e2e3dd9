// Line plots with axes, ticks, legend and hover read-out; see plot.hpp.
#include "app/plot.hpp"

#include "app/widgets.hpp"
#include "core/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace mlp::ui {

namespace {

constexpr ImU32 kAxis = IM_COL32(110, 115, 125, 255);
constexpr ImU32 kGrid = IM_COL32(228, 231, 236, 255);
constexpr ImU32 kLabel = IM_COL32(70, 75, 85, 255);

std::string tick_text(double v) {
  char text[32];
  if (v != 0.0 && (std::fabs(v) < 1e-3 || std::fabs(v) >= 1e5)) std::snprintf(text, sizeof text, "%.0e", v);
  else std::snprintf(text, sizeof text, "%.4g", v);
  return text;
}

// Maps data to screen along one axis (log10 first when `log`).
struct Axis {
  double lo = 0, hi = 1;     // in axis units (log10 of the value on a log axis)
  float p0 = 0, p1 = 1;      // screen coordinates of lo and hi
  bool log = false;
  float to_screen(double v) const {
    const double a = log ? std::log10(v) : v;
    return static_cast<float>(p0 + (a - lo) / (hi - lo) * (p1 - p0));
  }
  double from_screen(float p) const { return lo + (p - p0) / (p1 - p0) * (hi - lo); }
};

bool usable(double y, bool log) { return std::isfinite(y) && (!log || y > 0); }

// The y range of the data (axis units), padded a little.
void y_range(const std::vector<Series>& series, const PlotOptions& o, double& lo, double& hi) {
  if (o.fixed_y) {
    lo = o.log_y ? std::log10(o.y_min) : o.y_min;
    hi = o.log_y ? std::log10(o.y_max) : o.y_max;
    return;
  }
  lo = std::numeric_limits<double>::infinity();
  hi = -lo;
  for (const auto& s : series)
    for (double y : s.y)
      if (usable(y, o.log_y)) {
        const double a = o.log_y ? std::log10(y) : y;
        lo = std::min(lo, a);
        hi = std::max(hi, a);
      }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (!o.log_y && lo > 0 && lo < 0.5 * hi) lo = 0;  // losses: show the floor
  const double pad = std::max((hi - lo) * 0.06, o.log_y ? 0.05 : 1e-6);
  lo -= o.log_y || lo != 0 ? pad : 0;
  hi += pad;
}

std::vector<double> log_ticks(double lo, double hi) {
  std::vector<double> t;
  const int a = static_cast<int>(std::floor(lo)), b = static_cast<int>(std::ceil(hi));
  const int step = std::max(1, (b - a) / 6);
  for (int e = a; e <= b; e += step) {
    const double v = std::pow(10.0, e);
    if (e >= lo - 1e-9 && e <= hi + 1e-9) t.push_back(v);
    if (b - a <= 2)
      for (double m : {2.0, 5.0})
        if (std::log10(m * v) >= lo && std::log10(m * v) <= hi) t.push_back(m * v);
  }
  std::sort(t.begin(), t.end());
  return t;
}

// Draws one series with at most two vertices per pixel column: the column's first and last
// point, plus a vertical stroke over its min..max when many points share the column.
void draw_series(ImDrawList* draw, const Series& s, const Axis& ax, const Axis& ay) {
  std::vector<ImVec2> run;
  bool open = false;                 // a pixel column is being collected
  int column = 0;
  float col_min = 0, col_max = 0;
  ImVec2 col_last;
  bool col_many = false;
  auto close_column = [&] {
    if (!open) return;
    if (col_many) {
      if (col_max - col_min > 1.0f)
        draw->AddLine(ImVec2(col_last.x, col_min), ImVec2(col_last.x, col_max), s.colour, s.thickness * 0.6f);
      run.push_back(col_last);
    }
    open = false;
  };
  auto flush = [&] {
    close_column();
    if (run.size() >= 2) draw->AddPolyline(run.data(), static_cast<int>(run.size()), s.colour, 0, s.thickness);
    else if (run.size() == 1) draw->AddCircleFilled(run[0], s.thickness + 1.0f, s.colour);
    run.clear();
  };
  for (size_t i = 0; i < s.x.size(); ++i) {
    if (!usable(s.y[i], ay.log)) {
      flush();
      continue;
    }
    const ImVec2 p(ax.to_screen(s.x[i]), ay.to_screen(s.y[i]));
    const int c = static_cast<int>(std::floor(p.x));
    if (open && c == column) {
      col_min = std::min(col_min, p.y);
      col_max = std::max(col_max, p.y);
      col_last = p;
      col_many = true;
      continue;
    }
    close_column();
    open = true;
    column = c;
    col_min = col_max = p.y;
    col_last = p;
    col_many = false;
    run.push_back(p);
  }
  flush();
}

// The index of the point of `s` whose x is nearest to x (−1 when empty).
int nearest(const Series& s, double x) {
  if (s.x.empty()) return -1;
  const auto it = std::lower_bound(s.x.begin(), s.x.end(), x);
  size_t i = static_cast<size_t>(it - s.x.begin());
  if (i == s.x.size() || (i > 0 && x - s.x[i - 1] < s.x[i] - x)) --i;
  return static_cast<int>(i);
}

}  // namespace

void line_plot(const char* id, const std::vector<Series>& series, const PlotOptions& o, ImVec2 size) {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (size.x <= 0) size.x = avail.x;
  if (size.y <= 0) size.y = avail.y;
  size.x = std::max(size.x, 120.0f);
  size.y = std::max(size.y, 80.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  if (o.publish_id) publish_last_item(o.publish_id);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();

  // Data range.
  double x_lo = std::numeric_limits<double>::infinity(), x_hi = -x_lo;
  for (const auto& s : series)
    if (!s.x.empty()) x_lo = std::min(x_lo, s.x.front()), x_hi = std::max(x_hi, s.x.back());
  if (!std::isfinite(x_lo)) x_lo = 0, x_hi = 1;
  if (x_hi <= x_lo) x_hi = x_lo + 1;
  double y_lo, y_hi;
  y_range(series, o, y_lo, y_hi);

  // Plot rectangle inside the margins (y tick labels left, x ticks and label below, legend on top).
  const std::vector<double> y_ticks = o.log_y ? log_ticks(y_lo, y_hi) : nice_ticks(y_lo, y_hi, 5, TickSpan::Within);
  float label_w = 0;
  for (double v : y_ticks) label_w = std::max(label_w, ImGui::CalcTextSize(tick_text(v).c_str()).x);
  // Legend entries (y label first), wrapped into rows across the plot's width.
  std::vector<ImVec2> legend_pos;  // per entry: top-left of its swatch (y label: its text)
  float lx = 0, rows = 1;
  auto place = [&](float w) {
    if (lx > 0 && lx + w > size.x) lx = 0, rows += 1;
    legend_pos.push_back(ImVec2(origin.x + lx, origin.y + (rows - 1) * line));
    lx += w + line * 0.8f;
  };
  const bool y_label = o.y_label && *o.y_label;
  if (y_label) place(ImGui::CalcTextSize(o.y_label).x);
  for (const auto& s : series) place(line * 1.2f + ImGui::CalcTextSize(s.name.c_str()).x);
  const ImVec2 p0(origin.x + label_w + 8, origin.y + line * (rows + 0.4f));
  const ImVec2 p1(origin.x + size.x - 8, origin.y + size.y - line * 2.2f);
  Axis ax{x_lo, x_hi, p0.x, p1.x, false};
  Axis ay{y_lo, y_hi, p1.y, p0.y, o.log_y};
  draw->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 255));

  for (double v : y_ticks) {
    const float y = ay.to_screen(v);
    draw->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), kGrid);
    const std::string t = tick_text(v);
    draw->AddText(ImVec2(p0.x - 6 - ImGui::CalcTextSize(t.c_str()).x, y - line * 0.5f), kLabel, t.c_str());
  }
  const int x_count = std::max(2, static_cast<int>((p1.x - p0.x) / (line * 4.5f)));
  for (double v : nice_ticks(x_lo, x_hi, x_count, TickSpan::Within)) {
    const float x = ax.to_screen(v);
    draw->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), kGrid);
    draw->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y + 4), kAxis);
    const std::string t = tick_text(v);
    draw->AddText(ImVec2(x - ImGui::CalcTextSize(t.c_str()).x * 0.5f, p1.y + 4), kLabel, t.c_str());
  }
  draw->AddRect(p0, p1, kAxis);
  const ImVec2 xl = ImGui::CalcTextSize(o.x_label);
  draw->AddText(ImVec2((p0.x + p1.x - xl.x) * 0.5f, p1.y + 4 + line), kLabel, o.x_label);

  size_t entry = 0;
  if (y_label) draw->AddText(legend_pos[entry++], kLabel, o.y_label);
  for (const auto& s : series) {
    const ImVec2 p = legend_pos[entry++];
    draw->AddLine(ImVec2(p.x, p.y + line * 0.55f), ImVec2(p.x + line * 0.9f, p.y + line * 0.55f), s.colour, 3);
    draw->AddText(ImVec2(p.x + line * 1.2f, p.y), kLabel, s.name.c_str());
  }

  draw->PushClipRect(p0, p1, true);
  for (const auto& s : series) draw_series(draw, s, ax, ay);
  draw->PopClipRect();

  // Hover: a vertical rule and every series' value at the nearest x.
  const ImVec2 mouse = ImGui::GetMousePos();
  if (hovered && mouse.x >= p0.x && mouse.x <= p1.x) {
    const double x = ax.from_screen(mouse.x);
    draw->AddLine(ImVec2(mouse.x, p0.y), ImVec2(mouse.x, p1.y), IM_COL32(80, 80, 90, 160));
    ImGui::BeginTooltip();
    bool title = false;
    for (const auto& s : series) {
      const int i = nearest(s, x);
      if (i < 0) continue;
      if (!title) {
        ImGui::Text("%s %s", o.x_label, tick_text(s.x[i]).c_str());
        title = true;
      }
      char value[48];
      std::snprintf(value, sizeof value, o.y_format, s.y[i]);
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(s.colour), "%s: %s", s.name.c_str(),
                         std::isfinite(s.y[i]) ? value : "—");
      draw->AddCircleFilled(ImVec2(ax.to_screen(s.x[i]), usable(s.y[i], o.log_y) ? ay.to_screen(s.y[i]) : p1.y), 3.5f,
                            s.colour);
    }
    ImGui::EndTooltip();
  }
}

}  // namespace mlp::ui
