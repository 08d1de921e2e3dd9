// Gradient check: central differences (L(w + ε) − L(w − ε)) / 2ε against the
// back-propagated dW, in double precision, with dropout masks held fixed. With weight
// penalties, L includes λ₁·Σ|w| + λ₂/2·Σw² and the gradient is dW + λ₂·W + λ₁·sign W.
#pragma once

#include "nn/network.hpp"
#include "nn/optimizer.hpp"

namespace mlp {

struct WeightRef {
  int layer = 0, row = 0, col = 0;        // W[layer](row, col); row 0 is the bias
};

struct GradCheckResult {
  double max_relative_error = 0.0;        // worst |a − n| / max(|a| + |n|, 1e−12) over the checked weights
  WeightRef worst;                        // where it occurred
  double analytic = 0.0, numeric = 0.0;   // the two gradients at `worst`
  long checked = 0;                       // weights compared
};

// Mean loss of the network on (X, Y) reusing the masks in `masks` (may be empty), plus the penalty.
double loss_with_masks(const Network<double>& net, const Matrix<double>& X, const Matrix<double>& Y,
                       const std::vector<Matrix<double>>& masks, const Penalty& penalty = {});

// The central-difference estimate of ∂L/∂w for one weight.
double numeric_gradient(const Network<double>& net, const Matrix<double>& X, const Matrix<double>& Y,
                        const std::vector<Matrix<double>>& masks, const WeightRef& w, double eps = 1e-6,
                        const Penalty& penalty = {});

// Compares back-propagation with central differences for every weight (or at most
// `max_per_layer` evenly spread weights per layer when > 0). Dropout masks are drawn
// once from `dropout_seed` and then held fixed.
GradCheckResult gradient_check(const Network<double>& net, const Matrix<double>& X,
                               const Matrix<double>& Y, uint64_t dropout_seed = 1,
                               int max_per_layer = -1, double eps = 1e-6, const Penalty& penalty = {});

}  // namespace mlp
