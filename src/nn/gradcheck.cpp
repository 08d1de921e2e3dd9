// Central-difference gradient check; see gradcheck.hpp.
#include "nn/gradcheck.hpp"

#include <algorithm>
#include <cmath>

namespace mlp {

double loss_with_masks(const Network<double>& net, const Matrix<double>& X, const Matrix<double>& Y,
                       const std::vector<Matrix<double>>& masks, const Penalty& penalty) {
  Pass<double> pass;
  pass.X = X;
  pass.Y = Y;
  if (!masks.empty()) pass.M = masks;  // forward keeps them (and sizes the rest of the pass)
  Rng unused(0);
  forward(net, pass, DropoutMode::Keep, unused);
  compute_loss(net, pass);
  return pass.loss + penalty_value(net.W, penalty.l1, penalty.l2);
}

double numeric_gradient(const Network<double>& net, const Matrix<double>& X, const Matrix<double>& Y,
                        const std::vector<Matrix<double>>& masks, const WeightRef& w, double eps,
                        const Penalty& penalty) {
  Network<double> probe = net;
  double& weight = probe.W[w.layer](w.row, w.col);
  const double original = weight;
  weight = original + eps;
  const double plus = loss_with_masks(probe, X, Y, masks, penalty);
  weight = original - eps;
  const double minus = loss_with_masks(probe, X, Y, masks, penalty);
  return (plus - minus) / (2 * eps);
}

GradCheckResult gradient_check(const Network<double>& net, const Matrix<double>& X,
                               const Matrix<double>& Y, uint64_t dropout_seed, int max_per_layer,
                               double eps, const Penalty& penalty) {
  Pass<double> pass;
  pass.X = X;
  pass.Y = Y;
  Rng rng(dropout_seed);
  forward(net, pass, DropoutMode::Sample, rng);
  compute_loss(net, pass);
  backward(net, pass);

  GradCheckResult result;
  Matrix<double> P;
  for (int l = 0; l < net.spec.layers(); ++l) {
    penalty_gradient(net.W[l], penalty.l1, penalty.l2, P);  // λ₂·W + λ₁·sign W, zero bias row
    const Eigen::Index size = net.W[l].size();
    const Eigen::Index count = max_per_layer > 0 ? std::min<Eigen::Index>(size, max_per_layer) : size;
    for (Eigen::Index k = 0; k < count; ++k) {
      const Eigen::Index flat = count == size ? k : (k * size) / count;
      const WeightRef w{l, static_cast<int>(flat / net.W[l].cols()), static_cast<int>(flat % net.W[l].cols())};
      const double analytic = pass.dW[l](w.row, w.col) + P(w.row, w.col);
      const double numeric = numeric_gradient(net, X, Y, pass.M, w, eps, penalty);
      const double rel = std::abs(analytic - numeric) / std::max(std::abs(analytic) + std::abs(numeric), 1e-12);
      // Both tiny: agreement to within round-off counts as exact.
      const double err = std::abs(analytic - numeric) < 1e-10 ? 0.0 : rel;
      if (err > result.max_relative_error || result.checked == 0) {
        result.max_relative_error = err;
        result.worst = w;
        result.analytic = analytic;
        result.numeric = numeric;
      }
      ++result.checked;
    }
  }
  return result;
}

}  // namespace mlp
