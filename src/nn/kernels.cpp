// Dense-layer products; see kernels.hpp. Each one looks at the operand that multiplies
// from the left (X, or dZ for the input gradient). When most of its entries equal their
// column's background (81% of MNIST's pixels are 0; after z-scoring they share another
// value) it goes row by row through the other entries only, moving whole rows of the
// other matrix, and adds the background's share once; otherwise it runs a dense loop with
// tiles of several rows in registers. Both are the SIMD loops of kernels_simd.hpp.
#include "nn/kernels.hpp"

#include "nn/kernels_simd.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace mlp {

using simd::ColumnPlan;
using simd::DenseGather;
using simd::Gather;
using simd::Scatter;
using simd::SparseRow;

namespace {

void require(bool ok, const char* kernel, const std::string& what) {
  if (!ok) throw std::invalid_argument(std::string(kernel) + ": " + what);
}

std::string shape(Eigen::Index rows, Eigen::Index cols) {
  return std::to_string(rows) + " x " + std::to_string(cols);
}

template <class T>
const T* row_ptr(const Matrix<T>& A, Eigen::Index r) { return A.data() + r * A.cols(); }
template <class T>
T* row_ptr(Matrix<T>& A, Eigen::Index r) { return A.data() + r * A.cols(); }

// Rows of `width` elements that together stay in a 48 KB L1 data cache.
template <class T>
int rows_per_block(int width) {
  constexpr int kL1Bytes = 40 * 1024;
  return std::max(16, kL1Bytes / std::max(1, width * static_cast<int>(sizeof(T))));
}

// The background of A's columns: per column a finite value found in at least two of four
// sample rows, else 0. After z-scoring, MNIST's pixels outside the digit all have the
// same value; raw pixels and ReLU outputs have zeros.
template <class T>
std::vector<T> column_background(const Matrix<T>& A) {
  const Eigen::Index N = A.rows();
  std::vector<T> c(A.cols(), T(0));
  if (N < 4) return c;
  const T* r[4] = {row_ptr(A, 0), row_ptr(A, N / 4), row_ptr(A, N / 2), row_ptr(A, 3 * N / 4)};
  for (Eigen::Index i = 0; i < A.cols(); ++i)
    for (int s = 0; s < 3; ++s)
      if (std::isfinite(r[s][i]) && (r[s][i] == r[s + 1][i] || (s < 2 && r[s][i] == r[s + 2][i]) ||
                                     (s == 0 && r[0][i] == r[3][i]))) {
        c[i] = r[s][i];
        break;
      }
  return c;
}

// Whether more than 30% of A's entries differ from the background c of their column: then
// the dense, register-tiled loop beats listing them (the break-even measured natively and
// in wasm lies between 20% and 35% for entries scattered at random; MNIST's 19% are
// clustered, which favours the list).
template <class T>
bool is_dense(const Matrix<T>& A, const std::vector<T>& c) {
  long differ = 0;
  for (Eigen::Index n = 0; n < A.rows(); ++n) {
    const T* a = row_ptr(A, n);
    for (Eigen::Index i = 0; i < A.cols(); ++i) differ += !(a[i] == c[i]);
  }
  return 10 * differ > 3 * A.size();
}

}  // namespace

template <class T>
void affine_forward(const Matrix<T>& X, const Matrix<T>& W, Matrix<T>& Z) {
  const int N = static_cast<int>(X.rows()), D = static_cast<int>(X.cols()), M = static_cast<int>(W.cols());
  require(W.rows() == D + 1, "affine_forward", "X is " + shape(N, D) + " but W is " + shape(W.rows(), M));
  Z.resize(N, M);                                  // Z[n] = W[0] + Σ_i X[n, i] · W[1 + i]
  const std::vector<T> c = column_background(X);
  if (is_dense(X, c)) {
    ColumnPlan<T>(M, simd::kDenseChunk)
        .each(DenseGather<T>{X.data(), D, 1, N, D, row_ptr(W, 1), M, row_ptr(W, 0), Z.data(), M});
    return;
  }
  // With X[n] = c + (X[n] − c): Z[n] = (W[0] + Σ_i c_i W[1 + i]) + Σ_i (X[n, i] − c_i) W[1 + i].
  const ColumnPlan<T> columns(M);
  SparseRow<T> x(D);
  const std::vector<T> zeros(D, T(0));
  std::vector<T> bias(M);
  columns.each(Gather<T>{x.find(c.data(), zeros.data(), D, T(1)), row_ptr(W, 1), M, row_ptr(W, 0), bias.data()});
  for (int n = 0; n < N; ++n)
    columns.each(Gather<T>{x.find(row_ptr(X, n), c.data(), D, T(1)), row_ptr(W, 1), M, bias.data(), row_ptr(Z, n)});
}

template <class T>
void affine_weight_gradient(const Matrix<T>& X, const Matrix<T>& dZ, T scale, Matrix<T>& dW) {
  const int N = static_cast<int>(X.rows()), D = static_cast<int>(X.cols()), M = static_cast<int>(dZ.cols());
  require(dZ.rows() == N, "affine_weight_gradient", "X is " + shape(N, D) + " but dZ is " + shape(dZ.rows(), M));
  dW.resize(D + 1, M);
  dW.row(0) = dZ.colwise().sum() * scale;          // the bias column of [1 X]
  const std::vector<T> c = column_background(X);
  if (is_dense(X, c)) {                            // dW[1:] = Xᵀ · (scale · dZ)
    const Matrix<T> dZs = dZ * scale;              // N x M
    ColumnPlan<T>(M, simd::kDenseChunk)
        .each(DenseGather<T>{X.data(), 1, D, D, N, dZs.data(), M, nullptr, row_ptr(dW, 1), M});
    return;
  }
  // With X[n] = c + (X[n] − c): dW[1 + i] = c_i · dW[0] + scale · Σ_n (X[n, i] − c_i) · dZ[n].
  for (int i = 0; i < D; ++i) dW.row(1 + i) = c[i] * dW.row(0);
  const ColumnPlan<T> columns(M);
  const int block = rows_per_block<T>(M);
  SparseRow<T> x(std::min(block, D));
  for (int i0 = 0; i0 < D; i0 += block) {          // dW[1 + i0 .. 1 + i0 + block) stays in L1
    const int rows = std::min(block, D - i0);
    for (int n = 0; n < N; ++n)
      columns.each(Scatter<T>{x.find(row_ptr(X, n) + i0, c.data() + i0, rows, scale), row_ptr(dZ, n),
                              row_ptr(dW, 1 + i0), M});
  }
}

template <class T>
void affine_input_gradient(const Matrix<T>& dZ, const Matrix<T>& W, Matrix<T>& dX) {
  const int N = static_cast<int>(dZ.rows()), M = static_cast<int>(dZ.cols()), D = static_cast<int>(W.rows()) - 1;
  require(W.cols() == M && D >= 0, "affine_input_gradient",
          "dZ is " + shape(N, M) + " but W is " + shape(W.rows(), W.cols()));
  dX.resize(N, D);                                 // dX[n] = Σ_j dZ[n, j] · W[1:, j]ᵀ
  const Matrix<T> Wt = W.bottomRows(D).transpose();  // M x D
  const std::vector<T> zeros(M, T(0));             // dZ's background: zeros (ReLU's), if any
  if (is_dense(dZ, zeros)) {
    ColumnPlan<T>(D, simd::kDenseChunk)
        .each(DenseGather<T>{dZ.data(), M, 1, N, M, Wt.data(), D, nullptr, dX.data(), D});
    return;
  }
  const ColumnPlan<T> columns(D);
  SparseRow<T> dz(M);
  for (int n = 0; n < N; ++n)
    columns.each(Gather<T>{dz.find(row_ptr(dZ, n), zeros.data(), M, T(1)), Wt.data(), D, nullptr, row_ptr(dX, n)});
}

const char* kernel_isa() { return simd::kIsa; }

#define MLP_INSTANTIATE(T)                                                                 \
  template void affine_forward<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);         \
  template void affine_weight_gradient<T>(const Matrix<T>&, const Matrix<T>&, T, Matrix<T>&); \
  template void affine_input_gradient<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
