// Glyphs: pixel data copied from the lecture's "Example: ReLU and Dropout" slide.
#include "data/glyphs.hpp"

#include "core/random.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace mlp {
namespace {

constexpr int kGlyphs = 5;
constexpr int kSide = 5;

// X[0..4, :, :] from the lecture, one string per glyph, 5 rows of 5 pixels.
constexpr const char* kGlyphPixels[kGlyphs] = {
    "01100"
    "00100"
    "00100"
    "00100"
    "01110",
    "11110"
    "00001"
    "01110"
    "10000"
    "11111",
    "11110"
    "00001"
    "01110"
    "00001"
    "11110",
    "00010"
    "00110"
    "01010"
    "11111"
    "00010",
    "11111"
    "10000"
    "11110"
    "00001"
    "11110",
};

Dataset empty_glyph_set(int rows) {
  Dataset data;
  data.name = "glyphs";
  data.X.resize(rows, kSide * kSide);  // rows x 25
  data.labels.resize(rows);
  data.num_classes = kGlyphs;
  data.class_names = numbered_class_names(kGlyphs, 1);
  data.image_width = kSide;
  data.image_height = kSide;
  return data;
}

}  // namespace

Dataset lecture_glyphs() {
  Dataset data = empty_glyph_set(kGlyphs);
  for (int g = 0; g < kGlyphs; ++g) {
    data.labels[g] = g;
    for (int p = 0; p < kSide * kSide; ++p) data.X(g, p) = kGlyphPixels[g][p] == '1' ? 1.0f : 0.0f;
  }
  return data;
}

Dataset noisy_glyphs(int copies_per_glyph, double flip_probability, double noise_stddev, uint64_t seed) {
  if (copies_per_glyph < 1)
    throw std::invalid_argument("copies per glyph must be >= 1 (got " + std::to_string(copies_per_glyph) + ")");
  if (!(flip_probability >= 0 && flip_probability <= 1))
    throw std::invalid_argument("flip probability must be in [0, 1] (got " + std::to_string(flip_probability) + ")");
  if (!(noise_stddev >= 0) || !std::isfinite(noise_stddev))
    throw std::invalid_argument("noise standard deviation must be a finite number >= 0 (got " +
                                std::to_string(noise_stddev) + ")");

  const Dataset clean = lecture_glyphs();
  Dataset data = empty_glyph_set(copies_per_glyph * kGlyphs);
  data.name = "glyphs-noisy";
  Rng rng(seed);
  for (int i = 0; i < data.size(); ++i) {
    const int g = i % kGlyphs;
    data.labels[i] = g;
    for (int p = 0; p < kSide * kSide; ++p) {
      const bool flip = rng.uniform() < flip_probability;
      const double pixel = flip ? 1.0 - clean.X(g, p) : clean.X(g, p);
      data.X(i, p) = static_cast<float>(pixel + noise_stddev * rng.normal());
    }
  }
  return data;
}

}  // namespace mlp
