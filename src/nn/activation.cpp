// Activations and their derivatives; see activation.hpp.
#include "nn/activation.hpp"

#include "nn/names.hpp"

#include <cmath>
#include <stdexcept>

namespace mlp {

template <class T>
T sigmoid(T z) {
  // Never evaluates exp of a large positive number.
  if (z >= 0) return T(1) / (T(1) + std::exp(-z));
  const T e = std::exp(z);
  return e / (T(1) + e);
}

template <class T>
Matrix<T> activate(Activation act, const Matrix<T>& Z) {
  switch (act) {
    case Activation::Sigmoid: return Z.array().logistic().matrix();  // Eigen's vectorised, stable σ
    case Activation::ReLU: return Z.cwiseMax(T(0));
    case Activation::Tanh: return Z.array().tanh().matrix();
    case Activation::Linear: return Z;
  }
  throw std::logic_error("unknown activation");
}

template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z) {
  switch (act) {
    case Activation::Sigmoid: {
      const Matrix<T> S = Z.array().logistic().matrix();
      return (S.array() * (T(1) - S.array())).matrix();
    }
    case Activation::ReLU:  // ρ'(z) = 1 for z > 0, else 0 (the lecture's convention at 0)
      return Z.unaryExpr([](T z) { return z > T(0) ? T(1) : T(0); });
    case Activation::Tanh:
      return Z.unaryExpr([](T z) { const T t = std::tanh(z); return T(1) - t * t; });
    case Activation::Linear: return Matrix<T>::Ones(Z.rows(), Z.cols());
  }
  throw std::logic_error("unknown activation");
}

template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z, const Matrix<T>& H) {
  if (act == Activation::Sigmoid) return (H.array() * (T(1) - H.array())).matrix();
  return activation_derivative(act, Z);
}

namespace {
const std::vector<Named<Activation>> kActivations = {{Activation::Sigmoid, "sigmoid"},
                                                     {Activation::ReLU, "relu"},
                                                     {Activation::Tanh, "tanh"},
                                                     {Activation::Linear, "linear"}};
}  // namespace

const std::vector<Activation>& all_activations() {
  static const std::vector<Activation> all = values_of(kActivations);
  return all;
}

const char* activation_name(Activation act) { return name_of(kActivations, act); }

Activation parse_activation(const std::string& name) { return parse_named(kActivations, name, "activation"); }

#define MLP_INSTANTIATE(T)                                                                 \
  template T sigmoid<T>(T);                                                                \
  template Matrix<T> activate<T>(Activation, const Matrix<T>&);                            \
  template Matrix<T> activation_derivative<T>(Activation, const Matrix<T>&);               \
  template Matrix<T> activation_derivative<T>(Activation, const Matrix<T>&, const Matrix<T>&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
