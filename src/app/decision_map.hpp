// The decision map of a 2-D toy set, shared by the boundary view and the compare view: the
// plane [−extent, extent]² as a grid of cells, the network's output in each cell as a colour
// (the decision boundary, or for a regression the predicted surface), and the data points
// drawn on top.
#pragma once

#include "data/dataset.hpp"
#include "data/features.hpp"
#include "core/matrix.hpp"
#include "platform/texture.hpp"

#include <imgui.h>

namespace mlp::ui {

constexpr float kMapExtent = 1.6f;  // the map shows at least [−extent, extent]²; toy sets lie in ±1.5

// The half-width of the square a set's points are drawn in: kMapExtent, or more for a table of
// the student's own whose points lie further out.
float map_extent(const Dataset& d);

// Cell centres of a grid x grid map of [−extent, extent]², row by row from the top: grid² x 2.
Matrix<float> map_points(int grid, float extent);
// The network's inputs at those centres: their input features (grid² x F), or the centres.
Matrix<float> map_inputs(int grid, float extent, const std::vector<InputFeature>& features);

// The colour range of a regression set's values: the largest |target|, so that the surface and
// the points share one scale (full colour at ±range); 0 for classes.
float value_range(const Dataset& d);

// A cell's colour: ŷ(class 1) − ŷ(class 0) on the diverging scale for two classes (orange =
// class 0, blue = class 1), or the winning class's colour, paler when unsure, for more; for a
// regression (value_range > 0) the value ŷ itself on the diverging scale.
ImU32 map_colour(const Matrix<float>& Yhat, int i, float value_range = 0);

// Uploads the outputs Yhat (grid² x K, from map_points) as the map's background image.
void upload_map(const Matrix<float>& Yhat, int grid, platform::Texture& texture, float value_range = 0);

// Where the point (x1, x2) lies on a map drawn at `origin` with side `side` (screen pixels).
ImVec2 map_to_screen(ImVec2 origin, float side, float extent, float x1, float x2);

// Each point (its place in the plane, whatever its input features) as a dot in its class colour
// (a regression: its target's colour at value_range) on a rim (white: training, dark: test); radius r.
void draw_map_points(ImDrawList* draw, const Dataset& d, ImVec2 origin, float side, float extent, float r, bool test,
                     float value_range = 0);

// A point's colour: its class's, or its target's on the diverging scale (value_range > 0).
ImU32 point_colour(const Dataset& d, int i, float value_range);

}  // namespace mlp::ui
