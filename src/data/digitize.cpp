// Digitize: brush strokes on an ink canvas, and the canvas as an MNIST-like row; see digitize.hpp.
#include "data/digitize.hpp"

#include <algorithm>
#include <cmath>

namespace mlp {
namespace {

using Weights = Eigen::MatrixXf;  // out x in

// Distance from point p to the segment a-b.
float segment_distance(float px, float py, float ax, float ay, float bx, float by) {
  const float dx = bx - ax, dy = by - ay;
  const float length2 = dx * dx + dy * dy;
  float t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0.0f;
  t = std::clamp(t, 0.0f, 1.0f);
  return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Area-averaging resampler from `in` pixels onto `out` pixels (a 1-D box filter):
// W(o, i) = share of output pixel o covered by input pixel i, so every row sums to 1.
Weights box_resampler(int out, int in) {
  Weights W = Weights::Zero(out, in);  // out x in
  const double scale = static_cast<double>(out) / in;  // output pixels per input pixel
  for (int o = 0; o < out; ++o) {
    const double lo = o / scale, hi = (o + 1) / scale;  // output pixel o in input coordinates
    for (int i = static_cast<int>(std::floor(lo)); i < std::min(in, static_cast<int>(std::ceil(hi))); ++i) {
      const double overlap = std::min<double>(hi, i + 1) - std::max<double>(lo, i);
      if (overlap > 0) W(o, i) = static_cast<float>(overlap * scale);
    }
  }
  return W;
}

struct Box {
  int top = 0, left = 0, height = 0, width = 0;
};

// The bounding box of the pixels above threshold (height 0 when there are none).
Box ink_box(const InkImage& ink, float threshold) {
  Box box;
  int bottom = -1, right = -1;
  box.top = static_cast<int>(ink.rows());
  box.left = static_cast<int>(ink.cols());
  for (int r = 0; r < ink.rows(); ++r) {
    for (int c = 0; c < ink.cols(); ++c) {
      if (ink(r, c) <= threshold) continue;
      box.top = std::min(box.top, r);
      box.left = std::min(box.left, c);
      bottom = std::max(bottom, r);
      right = std::max(right, c);
    }
  }
  if (bottom < 0) return Box{};
  box.height = bottom - box.top + 1;
  box.width = right - box.left + 1;
  return box;
}

}  // namespace

void paint_stroke(InkImage& ink, float x0, float y0, float x1, float y1, float radius) {
  const int r_lo = std::max(0, static_cast<int>(std::floor(std::min(y0, y1) - radius - 1)));
  const int r_hi = std::min(static_cast<int>(ink.rows()), static_cast<int>(std::ceil(std::max(y0, y1) + radius + 1)));
  const int c_lo = std::max(0, static_cast<int>(std::floor(std::min(x0, x1) - radius - 1)));
  const int c_hi = std::min(static_cast<int>(ink.cols()), static_cast<int>(std::ceil(std::max(x0, x1) + radius + 1)));
  for (int r = r_lo; r < r_hi; ++r) {
    for (int c = c_lo; c < c_hi; ++c) {
      const float d = segment_distance(c + 0.5f, r + 0.5f, x0, y0, x1, y1);
      const float coverage = std::clamp(radius + 0.5f - d, 0.0f, 1.0f);  // one-pixel soft edge
      ink(r, c) = std::max(ink(r, c), coverage);
    }
  }
}

bool has_ink(const InkImage& ink, float threshold) { return (ink.array() > threshold).any(); }

FeatureMatrix digitize(const InkImage& ink) {
  constexpr float kThreshold = 0.05f;
  FeatureMatrix row = FeatureMatrix::Zero(1, kMnistSide * kMnistSide);  // 1 x 784
  const Box box = ink_box(ink, kThreshold);
  if (box.height == 0) return row;

  // 1-2. crop and fit the longer side to the 20-pixel box.
  const double scale = static_cast<double>(kMnistBox) / std::max(box.width, box.height);
  const int out_h = std::clamp(static_cast<int>(std::lround(box.height * scale)), 1, kMnistBox);
  const int out_w = std::clamp(static_cast<int>(std::lround(box.width * scale)), 1, kMnistBox);
  const Eigen::MatrixXf crop = ink.block(box.top, box.left, box.height, box.width);           // h x w
  const Eigen::MatrixXf small =
      box_resampler(out_h, box.height) * crop * box_resampler(out_w, box.width).transpose();  // out_h x out_w

  // 3. shift so that the centre of mass lands on the centre of the 28 x 28 field.
  double mass = 0, row_sum = 0, col_sum = 0;
  for (int r = 0; r < out_h; ++r) {
    for (int c = 0; c < out_w; ++c) {
      mass += small(r, c);
      row_sum += r * static_cast<double>(small(r, c));
      col_sum += c * static_cast<double>(small(r, c));
    }
  }
  const double centre = (kMnistSide - 1) / 2.0;
  const int top = static_cast<int>(std::lround(centre - row_sum / mass));
  const int left = static_cast<int>(std::lround(centre - col_sum / mass));
  for (int r = 0; r < out_h; ++r) {
    for (int c = 0; c < out_w; ++c) {
      const int y = top + r, x = left + c;
      if (y >= 0 && y < kMnistSide && x >= 0 && x < kMnistSide)
        row(0, y * kMnistSide + x) = std::clamp(small(r, c), 0.0f, 1.0f) * 255.0f;
    }
  }
  return row;
}

}  // namespace mlp
