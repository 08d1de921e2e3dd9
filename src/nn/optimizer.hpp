// The update step: the weight penalties (L1, L2) and the optimisers (plain gradient descent,
// momentum, Adam), with the state each keeps between updates. The trainer runs them once per
// batch; the playground draws the penalty and the state.
//
// With G = dW + P the step's gradient, P = λ₂·W + λ₁·sign(W) the penalty's (zero on the bias
// row, row 0), and α the learning rate:
//   sgd        W ← W − α·G
//   momentum   V ← μ·V − α·G                W ← W + V
//   adam       m ← β₁·m + (1 − β₁)·G         v ← β₂·v + (1 − β₂)·G∗G
//              m̂ = m / (1 − β₁ᵗ)             v̂ = v / (1 − β₂ᵗ)            (t: updates so far, from 1)
//              W ← W − α·m̂ / (√v̂ + ε)
#pragma once

#include "core/matrix.hpp"

#include <string>
#include <vector>

namespace mlp {

enum class Optimizer { SGD, Momentum, Adam };
const char* optimizer_name(Optimizer o);               // "sgd", "momentum", "adam"
Optimizer parse_optimizer(const std::string& name);    // throws std::invalid_argument listing the names
const std::vector<Optimizer>& all_optimizers();

// The optimiser and its constants; the learning rate and the penalties' rates live in TrainConfig.
struct OptimizerConfig {
  Optimizer kind = Optimizer::SGD;
  double momentum = 0.9;   // μ (momentum)
  double beta1 = 0.9;      // β₁ (adam): decay of the mean of the gradients
  double beta2 = 0.999;    // β₂ (adam): decay of the mean of their squares
  double epsilon = 1e-8;   // ε (adam): keeps the step finite where v̂ is 0

  void validate() const;   // throws std::invalid_argument naming the bad field
  // "sgd", "momentum 0.9", "adam (beta1 0.9, beta2 0.999, eps 1e-08)"
  std::string describe() const;
};

// The rates of the weight penalties (0 = off).
struct Penalty {
  double l1 = 0.0;  // λ₁
  double l2 = 0.0;  // λ₂
};

// The penalty λ₁·Σ|w| + λ₂/2·Σw² over the weights of every layer (the bias rows not counted).
template <class T>
double penalty_value(const std::vector<Matrix<T>>& W, double l1, double l2);

// Its gradient for one layer, P = λ₂·W + λ₁·sign(W) with a zero bias row.   (rows × cols, like W)
template <class T>
void penalty_gradient(const Matrix<T>& W, double l1, double l2, Matrix<T>& P);

// The state an optimiser carries from one update to the next, one matrix per layer like W.
template <class T>
class OptimizerState {
 public:
  OptimizerState() = default;
  OptimizerState(const OptimizerConfig& config, const std::vector<Matrix<T>>& W);

  // One update of every layer: W[l] moves along G[l] as the optimiser says.
  void step(double learning_rate, std::vector<Matrix<T>>& W, const std::vector<Matrix<T>>& G);

  const OptimizerConfig& config() const { return config_; }
  long steps() const { return steps_; }                      // t: updates made
  const Matrix<T>& velocity(int l) const { return first_[l]; }  // momentum: V
  // Adam's bias-corrected means after the last step: m̂ (first) and v̂ (second).
  Matrix<T> corrected_first(int l) const;
  Matrix<T> corrected_second(int l) const;

 private:
  OptimizerConfig config_;
  std::vector<Matrix<T>> first_;   // momentum: V; adam: m
  std::vector<Matrix<T>> second_;  // adam: v
  long steps_ = 0;
};

}  // namespace mlp
