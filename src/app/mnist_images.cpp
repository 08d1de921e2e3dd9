// Digit images and the digit atlas; see mnist_images.hpp.
#include "app/mnist_images.hpp"

#include <algorithm>
#include <cmath>

namespace mlp {
namespace {

constexpr int kSide = 28;
constexpr int kAtlasColumns = 16;

}  // namespace

platform::Rgba ink_colour(float intensity) {
  const int grey = 255 - static_cast<int>(std::clamp(intensity, 0.0f, 255.0f) * (235.0f / 255.0f));
  return IM_COL32(grey, grey, grey, 255);
}

void DigitAtlas::set_rows(const std::vector<int>& rows, const DigitPixels& pixels) {
  const size_t count = std::min(rows.size(), static_cast<size_t>(capacity_));
  const std::vector<int> shown(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(count));
  if (shown == rows_ && source_ == pixels.data && !texture_.empty()) return;
  rows_ = shown;
  source_ = pixels.data;
  const int columns = kAtlasColumns;
  const int atlas_rows = std::max(1, (capacity_ + columns - 1) / columns);
  std::vector<platform::Rgba> image(static_cast<size_t>(columns * kSide) * atlas_rows * kSide, ink_colour(0));
  for (size_t k = 0; k < rows_.size(); ++k) {
    if (rows_[k] < 0 || rows_[k] >= pixels.count) continue;
    const uint8_t* digit = pixels.image(rows_[k]);
    const int x0 = static_cast<int>(k % columns) * kSide, y0 = static_cast<int>(k / columns) * kSide;
    for (int y = 0; y < kSide; ++y)
      for (int x = 0; x < kSide; ++x)
        image[static_cast<size_t>(y0 + y) * columns * kSide + x0 + x] = ink_colour(digit[y * kSide + x]);
  }
  texture_.upload(image, columns * kSide, atlas_rows * kSide);
}

void DigitAtlas::draw(ImDrawList* list, int k, ImVec2 a, ImVec2 b) const {
  if (k < 0 || k >= static_cast<int>(rows_.size()) || texture_.empty()) return;
  const float u = 1.0f / kAtlasColumns;
  const float v = static_cast<float>(kSide) / texture_.height();
  const float u0 = (k % kAtlasColumns) * u, v0 = (k / kAtlasColumns) * v;
  list->AddImage(texture_.id(), a, b, ImVec2(u0, v0), ImVec2(u0 + u, v0 + v));
}

}  // namespace mlp
