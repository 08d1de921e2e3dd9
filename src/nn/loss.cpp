// Output activations and losses; see loss.hpp.
#include "nn/loss.hpp"

#include "core/names.hpp"
#include "data/dataset.hpp"
#include "nn/activation.hpp"

#include <cmath>
#include <stdexcept>

namespace mlp {

namespace {

// log(1 + e^z) without overflow.
template <class T>
T softplus(T z) {
  return z > T(0) ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}

// Row-wise log Σ_k e^{z_k}, shifted by the row maximum.
template <class T>
Vector<T> log_sum_exp(const Matrix<T>& Z) {
  const Vector<T> m = Z.rowwise().maxCoeff();
  return m.array() + (Z.colwise() - m).array().exp().rowwise().sum().log();
}

}  // namespace

template <class T>
Matrix<T> output_activation(Output out, const Matrix<T>& Z) {
  switch (out) {
    case Output::Softmax: {
      Matrix<T> E = (Z.colwise() - Vector<T>(Z.rowwise().maxCoeff())).array().exp();
      return E.array().colwise() / E.rowwise().sum().array();
    }
    case Output::Sigmoid: return Z.unaryExpr([](T z) { return sigmoid(z); });
    case Output::Linear: return Z;
  }
  throw std::logic_error("unknown output");
}

template <class T>
Vector<T> example_losses(Output out, const Matrix<T>& Z, const Matrix<T>& Y) {
  switch (out) {
    case Output::Softmax:  // −Σ_k y_k (z_k − lse(z))
      return -((Z.colwise() - log_sum_exp(Z)).cwiseProduct(Y)).rowwise().sum();
    case Output::Sigmoid: {  // −y ln σ(z) − (1−y) ln(1−σ(z)) = softplus(z) − y z
      const Matrix<T> sp = Z.unaryExpr([](T z) { return softplus(z); });
      return (sp - Y.cwiseProduct(Z)).rowwise().sum();
    }
    case Output::Linear: return (Z - Y).rowwise().squaredNorm() * T(0.5);
  }
  throw std::logic_error("unknown output");
}

template <class T>
T output_loss(Output out, const Matrix<T>& Z, const Matrix<T>& Y) {
  if (Z.rows() == 0) return T(0);
  return example_losses(out, Z, Y).mean();
}

int output_units(Output out, int num_classes) {
  return (out == Output::Sigmoid && num_classes == 2) ? 1 : num_classes;
}

template <class T>
Matrix<T> make_targets(Output out, const std::vector<int>& labels, int num_classes) {
  const int n = static_cast<int>(labels.size());
  const int k = output_units(out, num_classes);
  Matrix<T> Y = Matrix<T>::Zero(n, k);
  for (int i = 0; i < n; ++i) {
    if (labels[i] < 0 || labels[i] >= num_classes)
      throw std::invalid_argument("label " + std::to_string(labels[i]) + " out of range [0, " +
                                  std::to_string(num_classes) + ")");
    if (k == 1) Y(i, 0) = T(labels[i]);
    else Y(i, labels[i]) = T(1);
  }
  return Y;
}

template <class T>
Matrix<T> dataset_targets(Output out, const Dataset& data, const int* rows, int count) {
  if (rows == nullptr) count = data.size();
  auto row = [rows](int i) { return rows == nullptr ? i : rows[i]; };
  if (data.is_regression()) {
    if (out != Output::Linear)
      throw std::invalid_argument(data.name + " has real-valued targets: it needs the linear output (MSE), not " +
                                  output_name(out));
    Matrix<T> Y(count, 1);
    for (int i = 0; i < count; ++i) Y(i, 0) = static_cast<T>(data.targets(row(i), 0));
    return Y;
  }
  std::vector<int> labels(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) labels[static_cast<size_t>(i)] = data.labels[static_cast<size_t>(row(i))];
  return make_targets<T>(out, labels, data.num_classes);
}

template <class T>
std::vector<int> predict_classes(const Matrix<T>& Yhat) {
  std::vector<int> pred(Yhat.rows());
  for (Eigen::Index i = 0; i < Yhat.rows(); ++i) {
    if (Yhat.cols() == 1) {
      pred[i] = Yhat(i, 0) > T(0.5) ? 1 : 0;
    } else {
      Eigen::Index best;
      Yhat.row(i).maxCoeff(&best);
      pred[i] = static_cast<int>(best);
    }
  }
  return pred;
}

namespace {
const std::vector<Named<Output>> kOutputs = {{Output::Softmax, "softmax"}, {Output::Sigmoid, "sigmoid"},
                                             {Output::Linear, "linear"}};
const std::vector<Named<Output>> kLosses = {{Output::Softmax, "cross-entropy"},
                                            {Output::Sigmoid, "binary cross-entropy"},
                                            {Output::Linear, "MSE"}};
}  // namespace

const std::vector<Output>& all_outputs() {
  static const std::vector<Output> all = values_of(kOutputs);
  return all;
}

const char* output_name(Output out) { return name_of(kOutputs, out); }

const char* loss_name(Output out) { return name_of(kLosses, out); }

Output parse_output(const std::string& name) {
  return name == "mse" ? Output::Linear : parse_named(kOutputs, name, "output");
}

#define MLP_INSTANTIATE(T)                                                                  \
  template Matrix<T> output_activation<T>(Output, const Matrix<T>&);                        \
  template T output_loss<T>(Output, const Matrix<T>&, const Matrix<T>&);                    \
  template Vector<T> example_losses<T>(Output, const Matrix<T>&, const Matrix<T>&);         \
  template Matrix<T> make_targets<T>(Output, const std::vector<int>&, int);                 \
  template Matrix<T> dataset_targets<T>(Output, const Dataset&, const int*, int);           \
  template std::vector<int> predict_classes<T>(const Matrix<T>&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
