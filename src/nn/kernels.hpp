// The three matrix products of a dense layer, in one place so that the hot
// path can be tuned (sparse inputs, SIMD) without touching the model code.
// Each one is what the lecture writes with prepend_bias, without building [1 X]:
//   forward          Z  = [1 X] · W           affine_forward
//   weight gradient  dW = [1 X]ᵀ · dZ / N     affine_weight_gradient (scale = 1 / N)
//   input gradient   dX = dZ · W[1:]ᵀ         affine_input_gradient
// Next to each fast product (simd/kernels.cpp, simd/loops.hpp) stands its *_reference: the
// same formula in plain Eigen, building [1 X], to read, and to test the fast one against.
#pragma once

#include "core/matrix.hpp"

#include <vector>

namespace mlp {

template <class T>
using AlignedVector = std::vector<T, Eigen::aligned_allocator<T>>;  // aligned to the SIMD vector size

// Memory the kernels reuse from call to call: for MNIST's first layer the list of the
// inputs' entries and the aligned copies are a few hundred KB each, and allocating them
// anew in every call costs page faults (as much time as the kernels save otherwise).
// The buffers only grow. A caller that runs the kernels repeatedly keeps one (Pass has
// one); without it each call allocates its own.
template <class T>
struct KernelScratch {
  std::vector<long> starts;  // a sparse operand: row r's entries are starts[r] .. starts[r + 1)
  std::vector<int> index;    //   their columns
  std::vector<T> value;      //   and values
  AlignedVector<T> aligned;  // an operand copied to rows of whole vectors
  AlignedVector<T> block;    // a block of the weight gradient's rows, likewise
};

// Z = [1 X] · W            X: N x D, W: (D + 1) x M  ->  Z: N x M
template <class T>
void affine_forward(const Matrix<T>& X, const Matrix<T>& W, Matrix<T>& Z, KernelScratch<T>& scratch);
template <class T>
void affine_forward(const Matrix<T>& X, const Matrix<T>& W, Matrix<T>& Z);

template <class T>
Matrix<T> affine_forward_reference(const Matrix<T>& X, const Matrix<T>& W) {
  return prepend_bias(X) * W;  // (N x (D + 1)) · ((D + 1) x M) = N x M
}

// dW = [1 X]ᵀ · dZ · scale  X: N x D, dZ: N x M     ->  dW: (D + 1) x M
template <class T>
void affine_weight_gradient(const Matrix<T>& X, const Matrix<T>& dZ, T scale, Matrix<T>& dW,
                            KernelScratch<T>& scratch);
template <class T>
void affine_weight_gradient(const Matrix<T>& X, const Matrix<T>& dZ, T scale, Matrix<T>& dW);

template <class T>
Matrix<T> affine_weight_gradient_reference(const Matrix<T>& X, const Matrix<T>& dZ, T scale) {
  return prepend_bias(X).transpose() * dZ * scale;  // ((D + 1) x N) · (N x M) = (D + 1) x M
}

// dX = dZ · W[1:]ᵀ          dZ: N x M, W: (D + 1) x M  ->  dX: N x D
template <class T>
void affine_input_gradient(const Matrix<T>& dZ, const Matrix<T>& W, Matrix<T>& dX, KernelScratch<T>& scratch);
template <class T>
void affine_input_gradient(const Matrix<T>& dZ, const Matrix<T>& W, Matrix<T>& dX);

template <class T>
Matrix<T> affine_input_gradient_reference(const Matrix<T>& dZ, const Matrix<T>& W) {
  return dZ * W.bottomRows(W.rows() - 1).transpose();  // (N x M) · (M x D) = N x D
}

// The instruction set the kernels were compiled for, e.g. "AVX-512 (64-byte vectors)".
const char* kernel_isa();

}  // namespace mlp
