// The activation table: each activation with its names and derivative; see activation.hpp.
#include "nn/activation.hpp"

#include "core/names.hpp"

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
const std::vector<ActivationEntry<T>>& activation_table() {
  using M = Matrix<T>;
  static const std::vector<ActivationEntry<T>> table = {
      {Activation::Sigmoid, "sigmoid", "σ",
       [](const M& Z) -> M { return Z.array().logistic().matrix(); },  // Eigen's vectorised, stable σ
       [](const M& Z) -> M {
         const M S = Z.array().logistic().matrix();
         return (S.array() * (T(1) - S.array())).matrix();               // σ(Z)(1 − σ(Z))
       },
       [](const M& H) -> M { return (H.array() * (T(1) - H.array())).matrix(); }},  // H(1 − H)
      {Activation::ReLU, "relu", "ReLU",
       [](const M& Z) -> M { return Z.cwiseMax(T(0)); },
       // ρ'(z) = 1 for z > 0, else 0 (the lecture's convention at 0)
       [](const M& Z) -> M { return Z.unaryExpr([](T z) { return z > T(0) ? T(1) : T(0); }); },
       // H > 0 exactly where Z > 0 (the lecture's dh ∗ (h > 0))
       [](const M& H) -> M { return H.unaryExpr([](T h) { return h > T(0) ? T(1) : T(0); }); }},
      {Activation::Tanh, "tanh", "tanh",
       [](const M& Z) -> M { return Z.array().tanh().matrix(); },
       [](const M& Z) -> M { return Z.unaryExpr([](T z) { const T t = std::tanh(z); return T(1) - t * t; }); },
       nullptr},  // 1 − H² would round differently: H is Eigen's vectorised tanh, φ' uses std::tanh
      {Activation::Linear, "linear", "id",
       [](const M& Z) -> M { return Z; },
       [](const M& Z) -> M { return M::Ones(Z.rows(), Z.cols()); },
       [](const M& H) -> M { return M::Ones(H.rows(), H.cols()); }},
  };
  return table;
}

template <class T>
const ActivationEntry<T>& activation_entry(Activation act) {
  for (const auto& entry : activation_table<T>())
    if (entry.activation == act) return entry;
  throw std::logic_error("unknown activation");
}

template <class T>
Matrix<T> activate(Activation act, const Matrix<T>& Z) {
  return activation_entry<T>(act).f(Z);
}

template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z) {
  return activation_entry<T>(act).derivative(Z);
}

template <class T>
Matrix<T> activation_derivative(Activation act, const Matrix<T>& Z, const Matrix<T>& H) {
  const ActivationEntry<T>& entry = activation_entry<T>(act);
  return entry.derivative_from_output ? entry.derivative_from_output(H) : entry.derivative(Z);
}

namespace {
// The table's names, for the parser and its message listing them.
const std::vector<Named<Activation>>& activation_names() {
  static const std::vector<Named<Activation>> names = [] {
    std::vector<Named<Activation>> out;
    for (const auto& entry : activation_table<double>()) out.push_back({entry.activation, entry.name});
    return out;
  }();
  return names;
}
}  // namespace

const std::vector<Activation>& all_activations() {
  static const std::vector<Activation> all = values_of(activation_names());
  return all;
}

const char* activation_name(Activation act) { return activation_entry<double>(act).name; }

Activation parse_activation(const std::string& name) { return parse_named(activation_names(), name, "activation"); }

#define MLP_INSTANTIATE(T)                                                                 \
  template T sigmoid<T>(T);                                                                \
  template const std::vector<ActivationEntry<T>>& activation_table<T>();                   \
  template const ActivationEntry<T>& activation_entry<T>(Activation);                      \
  template Matrix<T> activate<T>(Activation, const Matrix<T>&);                            \
  template Matrix<T> activation_derivative<T>(Activation, const Matrix<T>&);               \
  template Matrix<T> activation_derivative<T>(Activation, const Matrix<T>&, const Matrix<T>&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
