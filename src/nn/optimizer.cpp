// Penalties and optimisers; see optimizer.hpp.
#include "nn/optimizer.hpp"

#include "core/names.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace mlp {

namespace {
const std::vector<Named<Optimizer>> kOptimizers = {
    {Optimizer::SGD, "sgd"}, {Optimizer::Momentum, "momentum"}, {Optimizer::Adam, "adam"}};

// The weight rows of W (every row but the bias row 0).
template <class M>
auto weight_rows(M& W) {
  return W.bottomRows(W.rows() - 1);
}
}  // namespace

const char* optimizer_name(Optimizer o) { return name_of(kOptimizers, o); }

Optimizer parse_optimizer(const std::string& name) { return parse_named(kOptimizers, name, "optimizer"); }

const std::vector<Optimizer>& all_optimizers() {
  static const std::vector<Optimizer> all = values_of(kOptimizers);
  return all;
}

void OptimizerConfig::validate() const {
  auto fail = [](const std::string& msg) { throw std::invalid_argument(msg); };
  if (!(momentum >= 0.0 && momentum < 1.0)) fail("momentum must be in [0, 1), got " + std::to_string(momentum));
  if (!(beta1 >= 0.0 && beta1 < 1.0)) fail("beta1 must be in [0, 1), got " + std::to_string(beta1));
  if (!(beta2 >= 0.0 && beta2 < 1.0)) fail("beta2 must be in [0, 1), got " + std::to_string(beta2));
  if (!(epsilon > 0.0 && epsilon <= 1.0)) fail("epsilon must be in (0, 1], got " + std::to_string(epsilon));
}

std::string OptimizerConfig::describe() const {
  std::ostringstream out;
  out << optimizer_name(kind);
  if (kind == Optimizer::Momentum) out << ' ' << momentum;
  if (kind == Optimizer::Adam) out << " (beta1 " << beta1 << ", beta2 " << beta2 << ", eps " << epsilon << ')';
  return out.str();
}

template <class T>
double penalty_value(const std::vector<Matrix<T>>& W, double l1, double l2) {
  double sum_abs = 0.0, sum_sq = 0.0;
  for (const auto& w : W) {
    const auto weights = weight_rows(w).template cast<double>();
    sum_abs += weights.cwiseAbs().sum();
    sum_sq += weights.squaredNorm();
  }
  return l1 * sum_abs + 0.5 * l2 * sum_sq;
}

template <class T>
void penalty_gradient(const Matrix<T>& W, double l1, double l2, Matrix<T>& P) {
  P.resize(W.rows(), W.cols());
  P.row(0).setZero();
  weight_rows(P) = T(l2) * weight_rows(W) + T(l1) * weight_rows(W).cwiseSign();
}

template <class T>
OptimizerState<T>::OptimizerState(const OptimizerConfig& config, const std::vector<Matrix<T>>& W) : config_(config) {
  config_.validate();
  for (const auto& w : W) {
    if (config_.kind != Optimizer::SGD) first_.push_back(Matrix<T>::Zero(w.rows(), w.cols()));
    if (config_.kind == Optimizer::Adam) second_.push_back(Matrix<T>::Zero(w.rows(), w.cols()));
  }
}

template <class T>
void OptimizerState<T>::step(double learning_rate, std::vector<Matrix<T>>& W, const std::vector<Matrix<T>>& G) {
  ++steps_;
  const T lr = T(learning_rate);
  const T b1 = T(config_.beta1), b2 = T(config_.beta2);
  // 1 − β in double too: in float, 1 − 0.999f is 0.000999987, 1.3e-5 off the 0.001 meant.
  const T rest1 = T(1.0 - config_.beta1), rest2 = T(1.0 - config_.beta2);
  // Bias corrections 1 − βᵗ, in double: β₂ᵗ stays close to 1 for thousands of steps.
  const T c1 = T(1.0 - std::pow(config_.beta1, static_cast<double>(steps_)));
  const T c2 = T(1.0 - std::pow(config_.beta2, static_cast<double>(steps_)));
  for (size_t l = 0; l < W.size(); ++l) {
    switch (config_.kind) {
      case Optimizer::SGD: W[l].noalias() -= lr * G[l]; break;  // W ← W − α·G
      case Optimizer::Momentum:
        first_[l] = T(config_.momentum) * first_[l] - lr * G[l];  // V ← μ·V − α·G
        W[l] += first_[l];                                        // W ← W + V
        break;
      case Optimizer::Adam:
        first_[l] = b1 * first_[l] + rest1 * G[l];                               // m
        second_[l] = b2 * second_[l] + rest2 * G[l].cwiseAbs2();                 // v
        W[l].array() -= lr * (first_[l].array() / c1) /
                        ((second_[l].array() / c2).sqrt() + T(config_.epsilon));  // W ← W − α·m̂ / (√v̂ + ε)
        break;
    }
  }
}

template <class T>
Matrix<T> OptimizerState<T>::corrected_first(int l) const {
  return first_[l] / T(1.0 - std::pow(config_.beta1, static_cast<double>(steps_ > 0 ? steps_ : 1)));
}

template <class T>
Matrix<T> OptimizerState<T>::corrected_second(int l) const {
  return second_[l] / T(1.0 - std::pow(config_.beta2, static_cast<double>(steps_ > 0 ? steps_ : 1)));
}

#define MLP_INSTANTIATE(T)                                                               \
  template double penalty_value<T>(const std::vector<Matrix<T>>&, double, double);     \
  template void penalty_gradient<T>(const Matrix<T>&, double, double, Matrix<T>&);     \
  template class OptimizerState<T>;
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
