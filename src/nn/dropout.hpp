// Dropout exactly as the lecture defines it: over all rows·cols elements of a
// layer's activation matrix for the batch, keep exactly round(size·(1 − ratio))
// of them, chosen without replacement; kept ones are 1/(1 − ratio), the rest 0.
// The same mask multiplies the activations forward and the gradient backward.
#pragma once

#include "core/matrix.hpp"
#include "core/random.hpp"

namespace mlp {

// Number of units kept out of `size` for a drop ratio in [0, 1).
long dropout_kept(long size, double ratio);

// A rows x cols mask: exactly dropout_kept(rows·cols, ratio) entries 1/(1 − ratio), others 0.
template <class T>
Matrix<T> dropout_mask(int rows, int cols, double ratio, Rng& rng);

}  // namespace mlp
