// Pictures for the MNIST views: digits as grey images (ink dark on white paper), and
// DigitAtlas, a grid of digits in one texture that the gallery, the confusion cell and the
// mistakes views draw from. (Weight maps use the playground's one colour scale, widgets.hpp.)
#pragma once

#include "platform/texture.hpp"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace mlp {

constexpr int kDigitPixels = 28 * 28;

// Grey for an MNIST intensity 0..255: 0 white paper, 255 dark ink.
platform::Rgba ink_colour(float intensity);

// The test digits' raw pixels (28 x 28 bytes each, row by row), for drawing.
struct DigitPixels {
  const uint8_t* data = nullptr;
  int count = 0;
  const uint8_t* image(int i) const { return data + static_cast<size_t>(i) * kDigitPixels; }
};

// Up to `capacity` digits side by side in one texture, re-uploaded only when the rows change.
class DigitAtlas {
 public:
  explicit DigitAtlas(int capacity = 64) : capacity_(capacity) {}
  // Shows these test rows (the first `capacity` of them), in this order.
  void set_rows(const std::vector<int>& rows, const DigitPixels& pixels);
  const std::vector<int>& rows() const { return rows_; }
  // Draws the k-th digit of the atlas into the rectangle a-b.
  void draw(ImDrawList* list, int k, ImVec2 a, ImVec2 b) const;

 private:
  int capacity_;
  std::vector<int> rows_;
  const uint8_t* source_ = nullptr;
  platform::Texture texture_;
};

}  // namespace mlp
