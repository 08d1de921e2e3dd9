// Matrix types and the lecture's bias convention.
//
// Every matrix is row-major, one example per row (as numpy in the lecture):
// a batch X is N x D, a weight matrix W is (inputs + 1) x outputs with the bias
// as its first row, so a layer computes [1 X] · W.
#pragma once

#include <Eigen/Core>

namespace mlp {

template <class T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

template <class T>
using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;

// [1 X]: X (N x D) with a column of ones in front -> N x (D + 1).
template <class Derived>
Matrix<typename Derived::Scalar> prepend_bias(const Eigen::MatrixBase<Derived>& X) {
  using T = typename Derived::Scalar;
  Matrix<T> out(X.rows(), X.cols() + 1);
  out.col(0).setOnes();
  out.rightCols(X.cols()) = X;
  return out;
}

}  // namespace mlp
