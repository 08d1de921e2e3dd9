// The fast dense-layer products behind nn/kernels.hpp (which also holds the plain Eigen
// reference each one must match). Each one looks at the operand that multiplies
// from the left (X, or dZ for the input gradient). When most of its entries equal their
// column's background (81% of MNIST's pixels are 0; after z-scoring they share another
// value) it lists the other entries once and goes row by row through them only, moving
// whole rows of the other matrix (copied to vector-aligned rows when they are not), and
// adds the background's share once; otherwise it runs a dense loop with tiles of several
// rows in registers. Both are the SIMD loops of simd/loops.hpp.
#include "nn/kernels.hpp"

#include "nn/simd/loops.hpp"

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
using simd::SparseRows;

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

// The most entries of A (N x D) the sparse loops take: above 30% that differ from the
// background of their column, the dense, register-tiled loop beats listing them (the
// break-even measured natively and in wasm lies between 20% and 35% for entries scattered
// at random; MNIST's 19% are clustered, which favours the list).
template <class T>
long sparse_budget(const Matrix<T>& A) {
  return 3 * static_cast<long>(A.size()) / 10;
}

// A's entries that differ from the background c of their column, scaled, kept in the
// scratch's lists, or false when there are too many of them for the sparse loops.
template <class T>
bool find_sparse(const Matrix<T>& A, const std::vector<T>& c, T scale, SparseRows<T>& rows) {
  const int N = static_cast<int>(A.rows()), D = static_cast<int>(A.cols());
  return rows.find(A.data(), D, N, D, c.data(), scale, sparse_budget(A));
}
template <class T>
SparseRows<T> sparse_rows(KernelScratch<T>& scratch) {
  return SparseRows<T>(scratch.starts, scratch.index, scratch.value);
}

// The row stride of whole vectors for rows of `width` elements (see VectorRows).
template <class T>
int vector_stride(int width) {
  constexpr int lanes = ColumnPlan<T>::kMaxLanes;
  return width < lanes ? width : (width + lanes - 1) / lanes * lanes;
}

// Room for n elements in v, which only grows (so that no call pays for fresh pages).
template <class T>
T* room(AlignedVector<T>& v, std::ptrdiff_t n) {
  if (v.size() < static_cast<size_t>(n)) v.resize(n);
  return v.data();
}

// The rows of B (rows x width) at a stride of whole vectors, so that the loads of a row
// start on a vector boundary (a 400-byte row of 100 floats does not, for 64-byte vectors):
// B itself when that holds already or B is narrower than a vector, else an aligned copy
// with zeros after each row (in `copy`, reused from call to call).
template <class T>
class VectorRows {
 public:
  VectorRows(const T* B, int rows, int width, AlignedVector<T>& copy) : data_(B), stride_(vector_stride<T>(width)) {
    if (stride_ == width) return;
    T* out = room(copy, static_cast<std::ptrdiff_t>(rows) * stride_);
    for (int r = 0; r < rows; ++r) {
      std::copy(B + static_cast<std::ptrdiff_t>(r) * width, B + static_cast<std::ptrdiff_t>(r + 1) * width, out);
      std::fill(out + width, out + stride_, T(0));
      out += stride_;
    }
    data_ = copy.data();
  }
  const T* row(int r) const { return data_ + static_cast<std::ptrdiff_t>(r) * stride_; }
  int stride() const { return stride_; }

 private:
  const T* data_;
  int stride_;
};

}  // namespace

template <class T>
void affine_forward(const Matrix<T>& X, const Matrix<T>& W, Matrix<T>& Z, KernelScratch<T>& scratch) {
  const int N = static_cast<int>(X.rows()), D = static_cast<int>(X.cols()), M = static_cast<int>(W.cols());
  require(W.rows() == D + 1, "affine_forward", "X is " + shape(N, D) + " but W is " + shape(W.rows(), M));
  Z.resize(N, M);                                  // Z[n] = W[0] + Σ_i X[n, i] · W[1 + i]
  const std::vector<T> c = column_background(X);
  SparseRows<T> x = sparse_rows(scratch);
  if (!find_sparse(X, c, T(1), x)) {
    ColumnPlan<T>(M, simd::kDenseChunk)
        .each(DenseGather<T>{X.data(), D, 1, N, D, row_ptr(W, 1), M, row_ptr(W, 0), Z.data(), M});
    return;
  }
  // With X[n] = c + (X[n] − c): Z[n] = (W[0] + Σ_i c_i W[1 + i]) + Σ_i (X[n, i] − c_i) W[1 + i].
  const VectorRows<T> w(W.data(), D + 1, M, scratch.aligned);  // (D + 1) x stride
  const ColumnPlan<T> columns(w.stride());
  KernelScratch<T> row_scratch;                    // the background row's few entries
  SparseRows<T> background = sparse_rows(row_scratch);
  const std::vector<T> zeros(D, T(0));
  background.find(c.data(), D, 1, D, zeros.data(), T(1), D);
  std::vector<T> bias(w.stride());
  columns.each(Gather<T>{background.row(0), w.row(1), w.stride(), w.row(0), bias.data(), w.stride()});
  for (int n = 0; n < N; ++n)
    columns.each(Gather<T>{x.row(n), w.row(1), w.stride(), bias.data(), row_ptr(Z, n), M});
}

template <class T>
void affine_weight_gradient(const Matrix<T>& X, const Matrix<T>& dZ, T scale, Matrix<T>& dW,
                            KernelScratch<T>& scratch) {
  const int N = static_cast<int>(X.rows()), D = static_cast<int>(X.cols()), M = static_cast<int>(dZ.cols());
  require(dZ.rows() == N, "affine_weight_gradient", "X is " + shape(N, D) + " but dZ is " + shape(dZ.rows(), M));
  dW.resize(D + 1, M);
  dW.row(0) = dZ.colwise().sum() * scale;          // the bias column of [1 X]
  const std::vector<T> c = column_background(X);
  SparseRows<T> x = sparse_rows(scratch);
  if (!find_sparse(X, c, scale, x)) {              // dW[1:] = Xᵀ · (scale · dZ)
    const Matrix<T> dZs = dZ * scale;              // N x M
    ColumnPlan<T>(M, simd::kDenseChunk)
        .each(DenseGather<T>{X.data(), 1, D, D, N, dZs.data(), M, nullptr, row_ptr(dW, 1), M});
    return;
  }
  // With X[n] = c + (X[n] − c): dW[1 + i] = c_i · dW[0] + scale · Σ_n (X[n, i] − c_i) · dZ[n],
  // summed in an aligned block of rows that stays in L1, then copied to dW.
  const VectorRows<T> dz(dZ.data(), N, M, scratch.aligned);  // N x stride
  const int stride = dz.stride();
  const ColumnPlan<T> columns(stride);
  const int block = std::min(D, rows_per_block<T>(stride));
  T* sums = room(scratch.block, static_cast<std::ptrdiff_t>(block) * stride);  // block x stride
  std::vector<int> done(N, 0);                     // entries of row n already added
  for (int i0 = 0; i0 < D; i0 += block) {          // dW[1 + i0 .. 1 + i0 + rows)
    const int rows = std::min(block, D - i0);
    std::fill(sums, sums + static_cast<std::ptrdiff_t>(rows) * stride, T(0));
    for (int r = 0; r < rows; ++r)
      Eigen::Map<Matrix<T>>(sums + static_cast<std::ptrdiff_t>(r) * stride, 1, M) = c[i0 + r] * dW.row(0);
    for (int n = 0; n < N; ++n) {
      simd::SparseSpan<T> a = x.row(n);
      a.index += done[n];
      a.value += done[n];
      a.count -= done[n];
      // The block's entries come first, at most `rows` of them: counted without a branch per entry.
      const int window = std::min(a.count, rows);
      int in_block = 0;
      for (int k = 0; k < window; ++k) in_block += a.index[k] < i0 + rows;
      a.count = in_block;
      done[n] += in_block;
      columns.each(Scatter<T>{a, dz.row(n), sums, stride, i0});
    }
    for (int r = 0; r < rows; ++r)
      std::copy(sums + static_cast<std::ptrdiff_t>(r) * stride, sums + static_cast<std::ptrdiff_t>(r) * stride + M,
                row_ptr(dW, 1 + i0 + r));
  }
}

template <class T>
void affine_input_gradient(const Matrix<T>& dZ, const Matrix<T>& W, Matrix<T>& dX, KernelScratch<T>& scratch) {
  const int N = static_cast<int>(dZ.rows()), M = static_cast<int>(dZ.cols()), D = static_cast<int>(W.rows()) - 1;
  require(W.cols() == M && D >= 0, "affine_input_gradient",
          "dZ is " + shape(N, M) + " but W is " + shape(W.rows(), W.cols()));
  dX.resize(N, D);                                 // dX[n] = Σ_j dZ[n, j] · W[1:, j]ᵀ
  const Matrix<T> Wt = W.bottomRows(D).transpose();  // M x D
  const std::vector<T> zeros(M, T(0));             // dZ's background: zeros (ReLU's), if any
  SparseRows<T> dz = sparse_rows(scratch);
  if (!find_sparse(dZ, zeros, T(1), dz)) {
    ColumnPlan<T>(D, simd::kDenseChunk)
        .each(DenseGather<T>{dZ.data(), M, 1, N, M, Wt.data(), D, nullptr, dX.data(), D});
    return;
  }
  const VectorRows<T> wt(Wt.data(), M, D, scratch.aligned);  // M x stride
  const ColumnPlan<T> columns(wt.stride());
  for (int n = 0; n < N; ++n)
    columns.each(Gather<T>{dz.row(n), wt.row(0), wt.stride(), nullptr, row_ptr(dX, n), D});
}

template <class T>
void affine_forward(const Matrix<T>& X, const Matrix<T>& W, Matrix<T>& Z) {
  KernelScratch<T> scratch;
  affine_forward(X, W, Z, scratch);
}

template <class T>
void affine_weight_gradient(const Matrix<T>& X, const Matrix<T>& dZ, T scale, Matrix<T>& dW) {
  KernelScratch<T> scratch;
  affine_weight_gradient(X, dZ, scale, dW, scratch);
}

template <class T>
void affine_input_gradient(const Matrix<T>& dZ, const Matrix<T>& W, Matrix<T>& dX) {
  KernelScratch<T> scratch;
  affine_input_gradient(dZ, W, dX, scratch);
}

const char* kernel_isa() { return simd::kIsa; }

#define MLP_INSTANTIATE(T)                                                                          \
  template void affine_forward<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&, KernelScratch<T>&); \
  template void affine_forward<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);                  \
  template void affine_weight_gradient<T>(const Matrix<T>&, const Matrix<T>&, T, Matrix<T>&,        \
                                          KernelScratch<T>&);                                      \
  template void affine_weight_gradient<T>(const Matrix<T>&, const Matrix<T>&, T, Matrix<T>&);       \
  template void affine_input_gradient<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&, KernelScratch<T>&); \
  template void affine_input_gradient<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
