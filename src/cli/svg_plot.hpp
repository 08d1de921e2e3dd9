// A small SVG line-plot writer for loss and accuracy curves: axes with "nice"
// ticks (1, 2, 5 × 10^k, core/ticks.hpp) that cover the data, and labels, a title,
// a legend, one polyline per series.
// Points whose y is NaN or infinite are skipped (a series may be measured less
// often than another).
#pragma once

#include <string>
#include <vector>

namespace mlp::cli {

struct PlotSeries {
  std::string name;          // legend entry
  std::string color;         // SVG colour, e.g. "#1f77b4"
  bool dashed = false;       // dashed line (tells overlapping curves apart)
  std::vector<double> x, y;  // same length
};

struct PlotSpec {
  std::string title;
  std::string x_label, y_label;
  std::vector<PlotSeries> series;
  int width = 800, height = 500;  // pixels
};

// A tick label without trailing zeros ("0.25", "1000", "1e-05").
std::string tick_label(double value, double step);

// The whole SVG document; a long title is set in a smaller font so that it fits. Throws std::invalid_argument if no series has a finite point
// or a series' x and y differ in length.
std::string render_svg(const PlotSpec& plot);

// render_svg into a file; throws std::runtime_error naming the file if it cannot be written.
void write_svg(const std::string& path, const PlotSpec& plot);

}  // namespace mlp::cli
