// Digitize: a digit drawn by hand (a square ink canvas) turned into an MNIST-like input,
// following the preparation of the MNIST digits themselves (LeCun et al.):
//   1. crop to the ink's bounding box,
//   2. scale it (keeping its aspect ratio, area-averaged so edges turn grey) to fit a
//      20 x 20 box,
//   3. place it in a 28 x 28 field so that its centre of mass is at the field's centre.
// Values are in MNIST's raw range: 0 = background, 255 = full ink, one image per row.
//
// Shape convention: an InkImage is H x W (row-major, row 0 at the top), ink in [0, 1].
#pragma once

#include "data/dataset.hpp"

#include <Eigen/Core>

namespace mlp {

using InkImage = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;  // H x W

constexpr int kMnistSide = 28;  // MNIST images are 28 x 28
constexpr int kMnistBox = 20;   // the digit itself fits a 20 x 20 box

// Paints a round brush stroke of the given radius (in pixels) from (x0, y0) to (x1, y1)
// (column, row; pixel centres at whole numbers + 0.5) with soft, anti-aliased edges.
// Ink only grows (max with what is there) and stays in [0, 1]; points off the image are fine.
void paint_stroke(InkImage& ink, float x0, float y0, float x1, float y1, float radius);

// True when some pixel has ink above `threshold`.
bool has_ink(const InkImage& ink, float threshold = 0.05f);

// The 1 x 784 MNIST-like row for an ink canvas (values 0..255); all zeros when the
// canvas has no ink (has_ink is false).
FeatureMatrix digitize(const InkImage& ink);

}  // namespace mlp
