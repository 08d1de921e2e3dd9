// Line plots drawn with ImDrawList: axes with "nice" ticks (core/ticks.hpp), an optional log-scale y axis,
// a legend, and a hover read-out of every series at the pointer's x. Shared by the curves
// view (and meant for a compare view's overlaid curves).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace mlp::ui {

struct Series {
  std::string name;
  ImU32 colour = IM_COL32(30, 90, 160, 255);
  std::vector<double> x, y;   // same length; x ascending; non-finite y values leave a gap
  float thickness = 2.0f;
};

struct PlotOptions {
  const char* x_label = "iteration";
  const char* y_label = "";
  bool log_y = false;          // values <= 0 are skipped on a log axis
  bool fixed_y = false;        // use y_min..y_max instead of the data's range
  double y_min = 0.0, y_max = 1.0;
  const char* y_format = "%.3g";  // hover read-out of the values
  const char* publish_id = nullptr;  // publish the plot's rectangle for the browser tests
};

// Draws the plot filling `size` (a size component <= 0 takes the available space).
void line_plot(const char* id, const std::vector<Series>& series, const PlotOptions& options, ImVec2 size);

}  // namespace mlp::ui
