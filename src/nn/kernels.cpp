// Dense-layer products with Eigen; see kernels.hpp.
#include "nn/kernels.hpp"

namespace mlp {

template <class T>
void affine_forward(const Matrix<T>& X, const Matrix<T>& W, Matrix<T>& Z) {
  const Eigen::Index D = X.cols();
  Z.noalias() = X * W.bottomRows(D);
  Z.rowwise() += W.row(0);
}

template <class T>
void affine_weight_gradient(const Matrix<T>& X, const Matrix<T>& dZ, T scale, Matrix<T>& dW) {
  const Eigen::Index D = X.cols();
  dW.resize(D + 1, dZ.cols());
  dW.row(0) = dZ.colwise().sum() * scale;
  dW.bottomRows(D).noalias() = (X.transpose() * dZ) * scale;
}

template <class T>
void affine_input_gradient(const Matrix<T>& dZ, const Matrix<T>& W, Matrix<T>& dX) {
  const Eigen::Index D = W.rows() - 1;
  dX.noalias() = dZ * W.bottomRows(D).transpose();
}

#define MLP_INSTANTIATE(T)                                                                 \
  template void affine_forward<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);         \
  template void affine_weight_gradient<T>(const Matrix<T>&, const Matrix<T>&, T, Matrix<T>&); \
  template void affine_input_gradient<T>(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
