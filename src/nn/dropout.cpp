// Dropout masks; see dropout.hpp.
#include "nn/dropout.hpp"

#include <cmath>
#include <numeric>
#include <vector>

namespace mlp {

long dropout_kept(long size, double ratio) {
  return std::lround(static_cast<double>(size) * (1.0 - ratio));
}

template <class T>
Matrix<T> dropout_mask(int rows, int cols, double ratio, Rng& rng) {
  const long size = static_cast<long>(rows) * cols;
  const long kept = dropout_kept(size, ratio);
  Matrix<T> mask = Matrix<T>::Zero(rows, cols);
  // Partial Fisher-Yates: the first `kept` positions of a random permutation.
  std::vector<long> index(size);
  std::iota(index.begin(), index.end(), 0L);
  const T scale = T(1.0 / (1.0 - ratio));
  for (long i = 0; i < kept; ++i) {
    const long j = i + static_cast<long>(rng.uniform_int(static_cast<uint64_t>(size - i)));
    std::swap(index[i], index[j]);
    mask.data()[index[i]] = scale;
  }
  return mask;
}

template Matrix<float> dropout_mask<float>(int, int, double, Rng&);
template Matrix<double> dropout_mask<double>(int, int, double, Rng&);

}  // namespace mlp
