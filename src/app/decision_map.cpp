// Decision maps of 2-D data; see decision_map.hpp.
#include "app/decision_map.hpp"

#include "app/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace mlp::ui {

float map_extent(const Dataset& d) {
  float largest = 0.0f;
  for (int i = 0; i < d.size(); ++i) largest = std::max({largest, std::fabs(d.point_x1(i)), std::fabs(d.point_x2(i))});
  return std::max(kMapExtent, 1.1f * largest);
}

Matrix<float> map_points(int grid, float extent) {
  Matrix<float> X(grid * grid, 2);
  const float step = 2 * extent / grid;
  for (int r = 0; r < grid; ++r)
    for (int c = 0; c < grid; ++c) {
      X(r * grid + c, 0) = -extent + (c + 0.5f) * step;
      X(r * grid + c, 1) = extent - (r + 0.5f) * step;
    }
  return X;
}

Matrix<float> map_inputs(int grid, float extent, const std::vector<InputFeature>& features) {
  return is_plain(features) ? map_points(grid, extent) : compute_features(map_points(grid, extent), features);
}

float value_range(const Dataset& d) {
  if (!d.is_regression()) return 0;
  return std::max(1e-6f, d.targets.cwiseAbs().maxCoeff());
}

ImU32 map_colour(const Matrix<float>& Yhat, int i, float value_range) {
  if (value_range > 0) return diverging_colour(Yhat(i, 0), value_range);
  if (Yhat.cols() == 1) return diverging_colour(2.0 * Yhat(i, 0) - 1.0, 1.0);
  if (Yhat.cols() == 2) return diverging_colour(Yhat(i, 1) - Yhat(i, 0), 1.0);
  int best = 0;
  for (int k = 1; k < Yhat.cols(); ++k)
    if (Yhat(i, k) > Yhat(i, best)) best = k;
  const float confidence = std::clamp((Yhat(i, best) - 1.0f / Yhat.cols()) * 1.6f, 0.1f, 1.0f);
  return lighten(class_colour(best), 1.0f - confidence);
}

void upload_map(const Matrix<float>& Yhat, int grid, platform::Texture& texture, float value_range) {
  std::vector<platform::Rgba> pixels(static_cast<size_t>(grid * grid));
  for (int i = 0; i < grid * grid; ++i) pixels[i] = lighten(map_colour(Yhat, i, value_range), 0.45f);
  texture.upload(pixels, grid, grid);
}

ImVec2 map_to_screen(ImVec2 origin, float side, float extent, float x1, float x2) {
  const float scale = side / (2 * extent);
  return ImVec2(origin.x + (x1 + extent) * scale, origin.y + (extent - x2) * scale);
}

// Two filled 8-gons a point (about 30 vertices, where a filled circle plus an outline takes twice that).
void draw_map_points(ImDrawList* draw, const Dataset& d, ImVec2 origin, float side, float extent, float r, bool test,
                     float value_range) {
  const ImU32 rim = test ? IM_COL32(30, 30, 30, 255) : IM_COL32(255, 255, 255, 255);
  for (int i = 0; i < d.size(); ++i) {
    const ImVec2 p = map_to_screen(origin, side, extent, d.point_x1(i), d.point_x2(i));
    draw->AddCircleFilled(p, r + 1.1f, rim, 8);
    draw->AddCircleFilled(p, r, point_colour(d, i, value_range), 8);
  }
}

ImU32 point_colour(const Dataset& d, int i, float value_range) {
  if (d.is_regression() && value_range > 0) return diverging_colour(d.targets(i, 0), value_range);
  return class_colour(d.labels[i]);
}

}  // namespace mlp::ui
