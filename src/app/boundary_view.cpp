// Boundary view. 2-D data: the network's output over the plane as a coloured background (the
// decision boundary, or a regression's predicted surface) behind the training and test points,
// the current batch ringed, and one small map per hidden unit showing where that unit is
// active. 1-D data (a regression on one input): the points (x, y) and the network's curve ŷ(x),
// with each hidden unit's curve below. Image data (the 5×5 glyphs): each training image with
// the network's class probabilities, and the test confusion matrix. The maps come from one
// forward pass of the core over a grid, redone after each update.
#include "app/decision_map.hpp"
#include "app/i18n.hpp"
#include "app/run_views.hpp"
#include "app/widgets.hpp"

#include "nn/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace mlp::ui {

namespace {

constexpr int kGrid = 80;        // grid cells per side (texture pixels)
constexpr int kLineSamples = 200;  // 1-D data: where the curves are sampled
constexpr float kMaxThumb = 44;  // largest hidden-unit map
constexpr float kMinThumb = 12;  // smaller maps wrap onto more rows
constexpr float kThumbGap = 4;

// 1-D data: a curve over x instead of a map over the plane.
bool is_line(const Dataset& d) { return d.features() == 1 && d.is_regression(); }

// The x range of 1-D data (training and test), widened by 5% on each side.
std::pair<float, float> line_range(const Session& s) {
  float lo = s.train().X.col(0).minCoeff(), hi = s.train().X.col(0).maxCoeff();
  if (s.test()) lo = std::min(lo, s.test()->X.col(0).minCoeff()), hi = std::max(hi, s.test()->X.col(0).maxCoeff());
  const float pad = std::max(0.05f * (hi - lo), 1e-3f);
  return {lo - pad, hi + pad};
}

// kLineSamples evenly spaced x over [lo, hi]: kLineSamples x 1.
Matrix<float> line_inputs(std::pair<float, float> range) {
  Matrix<float> X(kLineSamples, 1);
  for (int i = 0; i < kLineSamples; ++i)
    X(i, 0) = range.first + (range.second - range.first) * static_cast<float>(i) / (kLineSamples - 1);
  return X;
}

// Output and hidden activations over the grid (or, for 1-D data, along x) and their images,
// recomputed when the weights changed (one forward pass of the core over the grid, no dropout).
const BoundaryMaps& grid_maps(BoundaryMaps& c, const RunView& in) {
  const Session& s = in.session;
  const long key = s.trainer().iteration();
  if (c.serial == in.serial && c.version == key) return c;
  Pass<float> pass;
  const bool line = is_line(s.train());
  c.extent = line ? 0.0f : std::max(map_extent(s.train()), s.test() ? map_extent(*s.test()) : 0.0f);
  c.line = line ? line_inputs(line_range(s)) : Matrix<float>();
  pass.X = line ? c.line : map_inputs(kGrid, c.extent, s.setup().data.features);
  Rng unused(0);
  forward(s.network(), pass, DropoutMode::Off, unused);
  c.serial = in.serial;
  c.version = key;
  c.grid = line ? kLineSamples : kGrid;
  c.value_range = value_range(s.train());
  c.output = pass.Yhat();
  c.columns.clear();
  c.column_names.clear();
  c.input_names = s.train().feature_names;
  if (!c.input_names.empty()) {  // input features: a map of each, as TensorFlow Playground shows them
    c.columns.push_back(pass.X);
    c.column_names.push_back("X");
  }
  for (size_t l = 0; l + 1 < pass.H.size(); ++l) {
    c.columns.push_back(pass.H[l]);
    c.column_names.push_back("H" + std::to_string(l + 1));
  }

  if (line) {  // drawn as curves, no images
    c.unit_maps.clear();
    return c;
  }
  upload_map(c.output, kGrid, c.output_map, c.value_range);
  std::vector<platform::Rgba> pixels(kGrid * kGrid);
  c.unit_maps.resize(c.columns.size());
  for (size_t l = 0; l < c.columns.size(); ++l) {
    const Matrix<float>& H = c.columns[l];
    const double range = symmetric_range(H);
    c.unit_maps[l].resize(H.cols());
    for (int u = 0; u < H.cols(); ++u) {
      for (int i = 0; i < kGrid * kGrid; ++i) pixels[i] = diverging_colour(H(i, u), range);
      c.unit_maps[l][u].upload(pixels, kGrid, kGrid);
    }
  }
  return c;
}

void boundary_plot(const BoundaryState& state, const RunView& in, float side) {
  const Session& s = in.session;
  const BoundaryMaps& maps = state.maps;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##boundary", ImVec2(side, side));
  publish_last_item("boundary");
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float cell = side / kGrid;
  draw->AddImage(maps.output_map.id(), origin, ImVec2(origin.x + side, origin.y + side));
  const float e = maps.extent;
  for (float t : {-1.0f, 0.0f, 1.0f}) {  // axes ticks
    const ImVec2 px = map_to_screen(origin, side, e, t, -e), py = map_to_screen(origin, side, e, -e, t);
    draw->AddLine(ImVec2(px.x, px.y), ImVec2(px.x, px.y - 5), IM_COL32(60, 60, 60, 255));
    draw->AddLine(ImVec2(py.x, py.y), ImVec2(py.x + 5, py.y), IM_COL32(60, 60, 60, 255));
  }
  const float r = std::clamp(side / 90.0f, 3.0f, 5.0f);
  draw_map_points(draw, s.train(), origin, side, e, r, false, maps.value_range);
  if (s.test() && state.show_test_points) draw_map_points(draw, *s.test(), origin, side, e, r, true, maps.value_range);
  if (s.has_pass()) {  // ring the current batch, mark the chosen example
    const auto& idx = s.trainer().batch_indices();
    for (size_t i = 0; i < idx.size(); ++i) {
      const ImVec2 p = map_to_screen(origin, side, e, s.train().point_x1(idx[i]), s.train().point_x2(idx[i]));
      const bool chosen = static_cast<int>(i) == in.selection.example;
      draw->AddCircle(p, chosen ? 9.0f : 6.5f, IM_COL32(20, 20, 20, 255), 16, chosen ? 2.5f : 1.2f);
    }
  }
  draw->AddRect(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(150, 155, 165, 255));
  if (hovered) {
    const ImVec2 m = ImGui::GetMousePos();
    const float scale = side / (2 * e);
    const int c = std::clamp(static_cast<int>((m.x - origin.x) / cell), 0, kGrid - 1);
    const int r = std::clamp(static_cast<int>((m.y - origin.y) / cell), 0, kGrid - 1);
    std::string probs;
    for (int k = 0; k < maps.output.cols(); ++k)
      probs += (k ? ", " : "") + format_value(maps.output(r * kGrid + c, k), 3);
    ImGui::SetTooltip("x = (%.2f, %.2f)\nŷ = (%s)", (m.x - origin.x) / scale - e, e - (m.y - origin.y) / scale,
                      probs.c_str());
  }
}

// 1-D data: the axes' ranges of the curve plot, x from the samples and y covering the targets,
// the network's curve and 0.
struct LinePlot {
  ImVec2 origin, size;
  float x_lo, x_hi, y_lo, y_hi;
  ImVec2 to_screen(float x, float y) const {
    return ImVec2(origin.x + (x - x_lo) / (x_hi - x_lo) * size.x, origin.y + (y_hi - y) / (y_hi - y_lo) * size.y);
  }
};

LinePlot line_plot_frame(const Session& s, const BoundaryMaps& maps, ImVec2 origin, ImVec2 size) {
  float lo = std::min({0.0f, s.train().targets.minCoeff(), maps.output.minCoeff()});
  float hi = std::max({0.0f, s.train().targets.maxCoeff(), maps.output.maxCoeff()});
  if (s.test()) lo = std::min(lo, s.test()->targets.minCoeff()), hi = std::max(hi, s.test()->targets.maxCoeff());
  const float pad = std::max(0.08f * (hi - lo), 1e-3f);
  return {origin, size, maps.line(0, 0), maps.line(maps.line.rows() - 1, 0), lo - pad, hi + pad};
}

void draw_line_points(ImDrawList* draw, const LinePlot& f, const Dataset& d, float range, float r, bool test) {
  const ImU32 rim = test ? IM_COL32(30, 30, 30, 255) : IM_COL32(255, 255, 255, 255);
  for (int i = 0; i < d.size(); ++i) {
    const ImVec2 p = f.to_screen(d.X(i, 0), d.targets(i, 0));
    draw->AddCircleFilled(p, r + 1.1f, rim, 8);
    draw->AddCircleFilled(p, r, point_colour(d, i, range), 8);
  }
}

// 1-D regression: the points (x, y), the network's curve ŷ(x), the current batch ringed.
void curve_plot(const BoundaryState& state, const RunView& in, ImVec2 size) {
  const Session& s = in.session;
  const BoundaryMaps& maps = state.maps;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##boundary", size);
  publish_last_item("boundary");
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const LinePlot f = line_plot_frame(s, maps, origin, size);
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(250, 250, 252, 255));
  draw->AddLine(f.to_screen(f.x_lo, 0), f.to_screen(f.x_hi, 0), IM_COL32(170, 175, 185, 255));  // y = 0
  for (int t = static_cast<int>(std::ceil(f.x_lo)); t <= static_cast<int>(std::floor(f.x_hi)); ++t) {  // x ticks
    const ImVec2 p = f.to_screen(static_cast<float>(t), f.y_lo);
    draw->AddLine(p, ImVec2(p.x, p.y - 5), IM_COL32(60, 60, 60, 255));
    draw->AddText(ImVec2(p.x + 2, p.y - ImGui::GetTextLineHeight() - 2), IM_COL32(110, 110, 120, 255),
                  std::to_string(t).c_str());
  }
  const float r = std::clamp(size.x / 150.0f, 2.5f, 4.0f);
  draw_line_points(draw, f, s.train(), maps.value_range, r, false);
  if (s.test() && state.show_test_points) draw_line_points(draw, f, *s.test(), maps.value_range, r, true);
  std::vector<ImVec2> curve(static_cast<size_t>(maps.line.rows()));
  for (int i = 0; i < maps.line.rows(); ++i) curve[static_cast<size_t>(i)] = f.to_screen(maps.line(i, 0), maps.output(i, 0));
  draw->AddPolyline(curve.data(), static_cast<int>(curve.size()), IM_COL32(25, 85, 160, 255), 0, 2.5f);
  if (s.has_pass()) {
    const auto& idx = s.trainer().batch_indices();
    for (size_t i = 0; i < idx.size(); ++i) {
      const ImVec2 p = f.to_screen(s.train().X(idx[i], 0), s.train().targets(idx[i], 0));
      const bool chosen = static_cast<int>(i) == in.selection.example;
      draw->AddCircle(p, chosen ? 9.0f : 6.5f, IM_COL32(20, 20, 20, 255), 16, chosen ? 2.5f : 1.2f);
    }
  }
  draw->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(150, 155, 165, 255));
  if (hovered) {
    const float x = f.x_lo + (ImGui::GetMousePos().x - origin.x) / size.x * (f.x_hi - f.x_lo);
    const int i = std::clamp(static_cast<int>(std::lround((x - f.x_lo) / (f.x_hi - f.x_lo) * (maps.line.rows() - 1))), 0,
                             static_cast<int>(maps.line.rows()) - 1);
    ImGui::SetTooltip("x = %.3f\nŷ = %s", maps.line(i, 0), format_value(maps.output(i, 0), 4).c_str());
  }
}

// One hidden unit's activation along x, scaled to its box (1-D data).
void unit_curve(ImDrawList* draw, const Matrix<float>& H, int u, double range, ImVec2 o, float side) {
  std::vector<ImVec2> points(static_cast<size_t>(H.rows()));
  for (int i = 0; i < H.rows(); ++i) {
    const float y = static_cast<float>(0.5 - 0.5 * H(i, u) / range);  // +range at the top, −range at the bottom
    points[static_cast<size_t>(i)] = ImVec2(o.x + side * i / (H.rows() - 1), o.y + side * std::clamp(y, 0.0f, 1.0f));
  }
  draw->AddRectFilled(o, ImVec2(o.x + side, o.y + side), IM_COL32(250, 250, 252, 255));
  draw->AddLine(ImVec2(o.x, o.y + side * 0.5f), ImVec2(o.x + side, o.y + side * 0.5f), IM_COL32(200, 203, 210, 255));
  draw->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(25, 85, 160, 255), 0, 1.5f);
}

// Size and count per row of the hidden-unit maps for a panel `width` wide: as large as lets
// the widest layer fit on one row (up to kMaxThumb), wrapping only below kMinThumb.
struct ThumbLayout {
  float side = kMaxThumb, label = 0;
  int per_row = 1;
  float height(const std::vector<Matrix<float>>& hidden) const {
    float h = 0;
    for (const auto& H : hidden) h += ((H.cols() + per_row - 1) / per_row) * (side + kThumbGap);
    return h;
  }
};

ThumbLayout thumb_layout(const std::vector<Matrix<float>>& hidden, float width, float height) {
  ThumbLayout t;
  t.label = ImGui::CalcTextSize("H0").x + kThumbGap * 2;
  int widest = 1;
  for (const auto& H : hidden) widest = std::max(widest, static_cast<int>(H.cols()));
  // At most 40% of the panel's height, so that the boundary itself stays large.
  const float by_height = hidden.empty() ? kMaxThumb : 0.4f * height / hidden.size() - kThumbGap;
  t.side = std::clamp(std::min((width - t.label) / widest - kThumbGap, by_height), kMinThumb, kMaxThumb);
  t.per_row = std::max(1, static_cast<int>((width - t.label) / (t.side + kThumbGap)));
  return t;
}

// The tooltip of one small map: an input feature's values or a hidden unit's activation.
void unit_tooltip(const NetworkSpec& spec, const BoundaryMaps& maps, size_t row, int u, double range) {
  const std::string full = format_value(range, 3);
  if (maps.column_names[row] == "X") {
    ImGui::SetTooltip(tr("Input x%d = %s over the plane: what the network sees instead of the point (x₁, x₂).\n"
                         "Blue: positive, grey: 0, orange: negative (full colour at ±%s)."),
                      u + 1, maps.input_names[u].c_str(), full.c_str());
    return;
  }
  const size_t l = maps.input_names.empty() ? row : row - 1;
  if (maps.line.size() > 0) {
    ImGui::SetTooltip(tr("H%zu unit %d (%s): its activation along x (top edge +%s, middle 0, bottom −%s).\nThe "
                         "network's curve is a weighted sum of these, plus a bias."), l + 1, u + 1,
                      activation_name(spec.hidden[l].activation), full.c_str(), full.c_str());
    return;
  }
  ImGui::SetTooltip(tr("H%zu unit %d (%s): its activation over the plane.\nBlue: positive, grey: 0, orange: "
                       "negative (full colour at ±%s)."), l + 1, u + 1, activation_name(spec.hidden[l].activation),
                    full.c_str());
}

// One small map per unit, a row of them per column of the network (inputs with features, hidden layers).
void unit_maps(const NetworkSpec& spec, const BoundaryMaps& maps, const ThumbLayout& t) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t l = 0; l < maps.columns.size(); ++l) {
    const Matrix<float>& H = maps.columns[l];
    const double range = symmetric_range(H);
    const ImVec2 row_start = ImGui::GetCursorScreenPos();
    draw->AddText(ImVec2(row_start.x, row_start.y + (t.side - ImGui::GetTextLineHeight()) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Text), maps.column_names[l].c_str());
    for (int u = 0; u < H.cols(); ++u) {
      const ImVec2 o(row_start.x + t.label + (u % t.per_row) * (t.side + kThumbGap),
                     row_start.y + (u / t.per_row) * (t.side + kThumbGap));
      ImGui::SetCursorScreenPos(o);
      ImGui::Dummy(ImVec2(t.side, t.side));
      if (maps.line.size() > 0) unit_curve(draw, H, u, range, o, t.side);
      else draw->AddImage(maps.unit_maps[l][u].id(), o, ImVec2(o.x + t.side, o.y + t.side));
      draw->AddRect(o, ImVec2(o.x + t.side, o.y + t.side), IM_COL32(150, 155, 165, 255));
      if (ImGui::IsItemHovered()) unit_tooltip(spec, maps, l, u, range);
    }
    const int rows = (static_cast<int>(H.cols()) + t.per_row - 1) / t.per_row;
    ImGui::SetCursorScreenPos(ImVec2(row_start.x, row_start.y + rows * (t.side + kThumbGap)));
  }
  ImGui::Dummy(ImVec2(1, 1));
}

// Image data: each training image, its true class and the network's probabilities.
void image_examples(const Session& s) {
  const Dataset& d = s.train();
  const Matrix<float> Yhat = predict_rows(s.network(), d, 0, std::min(d.size(), 10));
  const float px = std::clamp(ImGui::GetContentRegionAvail().x / 5 / d.image_width * 0.7f, 4.0f, 14.0f);
  for (int i = 0; i < Yhat.rows(); ++i) {
    if (i % 5) ImGui::SameLine(0, px * 2);
    ImGui::BeginGroup();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(px * d.image_width, px * d.image_height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int r = 0; r < d.image_height; ++r)
      for (int c = 0; c < d.image_width; ++c)
        draw->AddRectFilled(ImVec2(o.x + c * px, o.y + r * px), ImVec2(o.x + (c + 1) * px - 1, o.y + (r + 1) * px - 1),
                            diverging_colour(d.X(i, r * d.image_width + c), 1.0));
    int best = 0;
    for (int k = 1; k < Yhat.cols(); ++k)
      if (Yhat(i, k) > Yhat(i, best)) best = k;
    const bool right = best == d.labels[i];
    ImGui::TextColored(right ? ImVec4(0.1f, 0.45f, 0.2f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1), "→ %s %.0f%%",
                       d.class_names[best].c_str(), 100 * Yhat(i, best));
    ImGui::EndGroup();
    if (ImGui::IsItemHovered()) {
      std::string probs;
      for (int k = 0; k < Yhat.cols(); ++k) probs += d.class_names[k] + ": " + format_value(Yhat(i, k), 3) + "\n";
      ImGui::SetTooltip(tr("true class %s\nŷ:\n%s"), d.class_names[d.labels[i]].c_str(), probs.c_str());
    }
  }
}

void confusion(const Session& s) {
  if (!s.test()) return;
  const Evaluation e = evaluate(s.network(), *s.test());
  ImGui::Text(tr("Test set (%d noisy copies): accuracy %.1f%%"), e.examples, 100 * e.accuracy);
  const int K = static_cast<int>(e.confusion.size());
  if (!ImGui::BeginTable("##confusion", K + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn(tr("true \\ predicted"));
  for (int k = 0; k < K; ++k) ImGui::TableSetupColumn(s.test()->class_names[k].c_str());
  ImGui::TableHeadersRow();
  for (int t = 0; t < K; ++t) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(s.test()->class_names[t].c_str());
    for (int p = 0; p < K; ++p) {
      ImGui::TableNextColumn();
      if (e.confusion[t][p] > 0)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, t == p ? IM_COL32(200, 225, 245, 255) : IM_COL32(250, 215, 180, 255));
      ImGui::Text("%d", e.confusion[t][p]);
    }
  }
  ImGui::EndTable();
}

// 1-D regression: the curve plot above the hidden units' curves.
void show_curve_view(BoundaryState& state, const RunView& in) {
  const BoundaryMaps& maps = grid_maps(state.maps, in);
  ImGui::Checkbox(tr_id("test points", "test_points").c_str(), &state.show_test_points);
  ImGui::SameLine();
  ImGui::Checkbox(tr_id("unit curves", "unit_maps").c_str(), &state.show_unit_maps);
  ImGui::SameLine();
  help_marker(tr("Dots: the examples (x, y), training points with a white rim, test points with a dark one; rings: "
                 "the current batch, the thick ring its chosen example. Blue line: the network's prediction ŷ(x). "
                 "Below, each hidden unit's activation along x: the output adds them up with its weights W, so "
                 "more units let the curve bend in more places."));
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ThumbLayout thumbs = thumb_layout(maps.columns, avail.x, avail.y);
  const float units_h = state.show_unit_maps ? thumbs.height(maps.columns) : 0.0f;
  const ImVec2 size(avail.x, std::max(120.0f, std::min(avail.x * 0.75f, avail.y - units_h - 4)));
  curve_plot(state, in, size);
  if (state.show_unit_maps) unit_maps(in.session.network().spec, maps, thumbs);
}

}  // namespace

void show_boundary_view(BoundaryState& state, const RunView& in) {
  const Session& s = in.session;
  const Dataset& d = s.train();
  if (d.image_width > 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped("%s", tr("The training images and the network's answer (hover one for all probabilities):"));
    ImGui::PopStyleColor();
    image_examples(s);
    ImGui::Spacing();
    confusion(s);
    return;
  }
  if (is_line(d)) {
    show_curve_view(state, in);
    return;
  }
  if (!d.is_planar()) {
    text_wrapped(tr("The decision boundary is drawn for 2-D data only: these examples have %d inputs, so there "
                          "is no plane to colour. The network, the matrices, the chain rule and the curves show "
                          "the run."), d.features());
    return;
  }
  const BoundaryMaps& maps = grid_maps(state.maps, in);
  ImGui::Checkbox(tr_id("test points", "test_points").c_str(), &state.show_test_points);
  ImGui::SameLine();
  ImGui::Checkbox(tr_id("unit maps", "unit_maps").c_str(), &state.show_unit_maps);
  ImGui::SameLine();
  help_marker(d.is_regression()
                  ? tr("Background: the network's prediction ŷ at each point of the plane; dots: the targets y, on the "
                       "same scale (blue positive, orange negative, grey 0). Where the fit is good a dot vanishes "
                       "into its background. Training points have a white rim, test points a dark one; rings: the "
                       "current batch, the thick ring its chosen example. Unit maps: where each hidden unit is active.")
                  : tr("Background: the network's output at each point of the plane, on the shared scale (orange = "
                       "class 0, blue = class 1, pale = unsure); for more classes the winning class's colour. Dots: "
                       "training points (white rim) and test points (dark rim); rings: the current batch, the thick "
                       "ring its chosen example. Unit maps: where each hidden unit is active (and, with input "
                       "features, the value of each feature: row X)."));
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ThumbLayout thumbs = thumb_layout(maps.columns, avail.x, avail.y);
  const float maps_h = state.show_unit_maps ? thumbs.height(maps.columns) : 0.0f;
  const float side = std::max(120.0f, std::min(avail.x, avail.y - maps_h));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail.x - side) * 0.5f);
  boundary_plot(state, in, side);
  if (state.show_unit_maps) unit_maps(s.network().spec, maps, thumbs);
}

}  // namespace mlp::ui
