// Glyphs: the lecture's five 5x5 digit images (1..5) for the 25-20-20-20-5 network,
// and seeded noisy copies of them for a training set.
//
// Pixels are stored row by row (row-major, as numpy's reshape(5, 25) in the lecture),
// 1 = ink, 0 = background. Labels 0..4 stand for the digits "1".."5".
#pragma once

#include "data/dataset.hpp"

#include <cstdint>

namespace mlp {

// The five glyphs exactly as in the lecture: 5 x 25, labels 0..4, class names "1".."5", image 5x5.
Dataset lecture_glyphs();

// copies_per_glyph noisy copies of each glyph, in the order 1,2,3,4,5,1,2,... Each pixel is
// flipped (0 <-> 1) with probability flip_probability, then Gaussian noise with standard
// deviation noise_stddev is added. Both 0 gives exact copies. Throws std::invalid_argument
// for copies_per_glyph < 1, a probability outside [0, 1] or a negative/non-finite stddev.
Dataset noisy_glyphs(int copies_per_glyph, double flip_probability, double noise_stddev, uint64_t seed);

}  // namespace mlp
