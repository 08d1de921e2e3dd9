// Widgets shared by every panel: the one diverging colour scale (orange −, light grey 0,
// blue +) with its legend, matrix heatmaps, the "(?)" help marker, buttons that publish
// their rectangle for the browser tests, and number formatting.
//
// Index
//   1. Colour scale:  diverging_colour, class_colour, colour_legend
//   2. Heatmap:       HeatmapStyle, heatmap (draws a matrix, numbers when cells are big, hover value),
//                     MatrixStats (shape, min, mean, max, rms of a matrix too large to draw)
//   3. Help and ids:  help_marker, publish_last_item, published_button, begin_tab, TabRequest,
//                     slider_double, drag_double, LockedScope
//   4. Text:          format_value, shape_text, printf_string, wrap_lines, text_wrapped
#pragma once

#include "core/matrix.hpp"

#include <imgui.h>

#include <string>
#include <utility>
#include <vector>

namespace mlp::ui {

// --- 1. Colour scale ----------------------------------------------------------------------
// The diverging scale: v / range clamped to [−1, 1]; −1 orange, 0 light grey, +1 blue.
// NaN and infinities are drawn in a warning red.
ImU32 diverging_colour(double v, double range, float alpha = 1.0f);

// `colour` mixed with white: amount 0 = unchanged, 1 = white (opaque, so adjacent cells never
// darken where they overlap).
ImU32 lighten(ImU32 colour, float amount);

// Colour of class k: 0 orange, 1 blue (the two ends of the diverging scale), then green, purple, ...
ImU32 class_colour(int k, float alpha = 1.0f);

// A horizontal legend bar from −range (orange) through 0 (grey) to +range (blue), with
// `label` before it, e.g. "weights". `width` is the bar width in pixels.
void colour_legend(const char* label, double range, float width);

// A symmetric range for a matrix: its largest finite |value| (1 when all are 0 or not finite).
double symmetric_range(const Matrix<float>& m);

// --- 2. Heatmap ---------------------------------------------------------------------------
struct HeatmapStyle {
  float max_cell = 34.0f;   // largest cell side in pixels
  float min_cell = 2.0f;    // smallest cell side; the heatmap scrolls beyond that
  double range = 0.0;       // colour range; 0 = symmetric_range of the matrix
  int first_row_ones = 0;   // 1: draw column 0 as the prepended ones column of [1 X] (hatched)
  int highlight_row = -1;   // outline this row (the chosen example)
  int highlight_col = -1;   // with highlight_row: outline one cell; alone: a column
  // When the matrix drawn is a sample of a larger one: the larger matrix's row / column index
  // of each row / column drawn (null = the same). Hover, clicks and highlights use those indices.
  const std::vector<int>* row_index = nullptr;
  const std::vector<int>* col_index = nullptr;
};

// What the pointer is over after heatmap(): row/col of the cell (through row_index /
// col_index when set), or −1.
struct HeatmapHover {
  int row = -1, col = -1;
  bool clicked = false;
};

// The size heatmap() will take for a rows x cols matrix within max_width x max_height.
ImVec2 heatmap_size(long rows, long cols, float max_width, float max_height, const HeatmapStyle& style = {});

// Draws `m` as a grid of coloured cells fitting in max_width x max_height (cells stay square
// between min_cell and max_cell), prints numbers when cells are large enough, and shows a
// tooltip "name[r, c] = value" on hover. `id` must be unique in the window.
HeatmapHover heatmap(const char* id, const char* name, const Matrix<float>& m, float max_width,
                     float max_height, const HeatmapStyle& style = {});

// Shape and summary of a whole matrix (over its finite values; `non_finite` counts the rest).
struct MatrixStats {
  long rows = 0, cols = 0;
  double min = 0, mean = 0, max = 0, rms = 0, sum = 0;
  long non_finite = 0;
  double range() const;     // as symmetric_range: the largest finite |value|, 1 when 0
};
MatrixStats matrix_stats(const Matrix<float>& m);

// {"min −0.42", "mean 0.013", "max 2.8", "rms 0.31"} (and "3 NaN/inf" if any).
std::vector<std::string> stats_parts(const MatrixStats& s);

// `parts` joined by " · ", a new line instead where the next part would pass `width` pixels.
std::string join_lines(const std::vector<std::string>& parts, float width);

// --- 3. Help and ids ----------------------------------------------------------------------
// A "(?)" marker that shows `text` in a tooltip on hover (as in ImGui's demo).
void help_marker(const char* text);

// Publishes the visible part of the last item's rectangle as window.mlp.widgets[id] (browser
// tests); nothing when it is scrolled out of view.
void publish_last_item(const char* id);

// A button that publishes its rectangle under `id`; `tooltip` (may be null) on hover.
bool published_button(const char* label, const char* id, const char* tooltip = nullptr,
                      const ImVec2& size = ImVec2(0, 0));

// ImGui::BeginTabItem that also publishes the tab's rectangle under `id`, which is also its
// ImGui id (so the tab stays selected when its label changes language). Pair with
// ImGui::EndTabItem() when it returns true.
bool begin_tab(const char* label, const char* id, ImGuiTabItemFlags flags = 0);

// Sliders on a double, for the run configuration's numbers: a value typed (Ctrl+click) or
// rounded to the format stays that decimal (0.01, not the float 0.009999999776), so the page
// address shows what the student chose.
bool slider_double(const char* label, double& v, double lo, double hi, const char* format,
                   ImGuiSliderFlags flags = 0);
bool drag_double(const char* label, double& v, float speed, double lo, double hi, const char* format);

// While alive, the controls drawn are greyed out and cannot change when `locked` (a link an
// instructor made locked them); hovering the last control drawn says why.
class LockedScope {
 public:
  explicit LockedScope(bool locked);
  ~LockedScope();
  LockedScope(const LockedScope&) = delete;
  LockedScope& operator=(const LockedScope&) = delete;

 private:
  bool locked_;
};

// A request to bring a tab forward. ImGui selects a tab only while drawing its tab bar, so a
// request made elsewhere (a lesson loaded, a weight clicked) waits here until then, once.
class TabRequest {
 public:
  void ask() { asked_ = true; }
  // The flags for this frame's begin_tab; the request is used up.
  ImGuiTabItemFlags take() { return std::exchange(asked_, false) ? ImGuiTabItemFlags_SetSelected : 0; }

 private:
  bool asked_ = false;
};

// --- 4. Text ------------------------------------------------------------------------------
// A compact number: 4 significant digits, "NaN"/"inf" for non-finite values.
std::string format_value(double v, int digits = 4);

// "(rows×cols)"
std::string shape_text(long rows, long cols);

// printf into a string (at most 1023 bytes), e.g. with a translated format: printf_string(tr("epoch %d"), e).
std::string printf_string(const char* format, ...) IM_FMTARGS(1);

// `text` with line breaks ('\n') so that no line is wider than `width` pixels in the current
// font: breaks at spaces, and between Chinese characters (not before closing punctuation such
// as ，。） nor after opening （「); a Latin word stays whole unless it alone is too wide.
std::string wrap_lines(const std::string& text, float width);

// ImGui::TextWrapped (printf-style) that wraps Chinese text as wrap_lines does: ImGui 1.86 breaks
// lines only at spaces and ASCII punctuation, so a run of Chinese would move whole to the next line.
void text_wrapped(const char* format, ...) IM_FMTARGS(1);

}  // namespace mlp::ui
