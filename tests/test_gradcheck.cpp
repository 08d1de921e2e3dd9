// Central-difference gradient checks (src/nn/gradcheck) for every activation,
// every output/loss, dropout with a fixed mask, and a 3-hidden-layer network.
#include <catch2/catch.hpp>

#include "nn/gradcheck.hpp"

using namespace mlp;

namespace {
Matrix<double> targets_for(Output out, int n, int k, Rng& rng) {
  std::vector<int> labels(n);
  for (auto& l : labels) l = static_cast<int>(rng.uniform_int(k));
  if (out == Output::Linear) return Matrix<double>::Random(n, output_units(out, k));
  return make_targets<double>(out, labels, k);
}

GradCheckResult check(const NetworkSpec& spec, uint64_t seed) {
  Rng rng(seed);
  const Network<double> net = Network<double>::initialized(spec, rng);
  Matrix<double> X(7, spec.inputs);
  for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.normal();
  const int classes = spec.output == Output::Sigmoid && spec.outputs == 1 ? 2 : spec.outputs;
  return gradient_check(net, X, targets_for(spec.output, 7, classes, rng), seed);
}
}  // namespace

TEST_CASE("back-propagation matches central differences for every activation and output", "[gradcheck]") {
  for (Activation act : all_activations()) {
    for (Output out : all_outputs()) {
      NetworkSpec spec;
      spec.inputs = 3;
      spec.hidden = {{5, act, 0.0}};
      spec.output = out;
      spec.outputs = out == Output::Sigmoid ? 1 : 3;
      const GradCheckResult r = check(spec, 17);
      INFO(activation_name(act) << " + " << output_name(out) << ": worst " << r.max_relative_error
                                << " at W" << r.worst.layer + 1 << "(" << r.worst.row << "," << r.worst.col << ")");
      CHECK(r.checked == 4 * 5 + 6 * spec.outputs);
      CHECK(r.max_relative_error < 1e-6);
    }
  }
}

TEST_CASE("gradient check passes with dropout (mask held fixed) in a 3-hidden-layer net", "[gradcheck]") {
  NetworkSpec spec;
  spec.inputs = 4;
  spec.hidden = {{6, Activation::Sigmoid, 0.3}, {5, Activation::Tanh, 0.2}, {6, Activation::ReLU, 0.25}};
  spec.outputs = 3;
  const GradCheckResult r = check(spec, 5);
  INFO("worst " << r.max_relative_error);
  CHECK(r.max_relative_error < 1e-6);
}

TEST_CASE("the gradient check catches a wrong gradient", "[gradcheck]") {
  // Forgetting the mask in the backward pass (the lecture sample's slip) or using the
  // wrong derivative must show up: compare the check against a deliberately broken gradient.
  NetworkSpec spec;
  spec.inputs = 2;
  spec.hidden = {{4, Activation::Sigmoid, 0.0}};
  spec.outputs = 2;
  Rng rng(9);
  const Network<double> net = Network<double>::initialized(spec, rng);
  const Matrix<double> X = Matrix<double>::NullaryExpr(5, 2, [&] { return rng.uniform(-1.0, 1.0); });
  const Matrix<double> Y = make_targets<double>(Output::Softmax, {0, 1, 1, 0, 1}, 2);
  Pass<double> pass;
  pass.X = X;
  pass.Y = Y;
  forward(net, pass, DropoutMode::Off, rng);
  backward(net, pass);
  // The lecture's back_sigmoid: σ(H)(1 − σ(H)) instead of H(1 − H).
  const Matrix<double> H = pass.H[0];
  const Matrix<double> slip = H.unaryExpr([](double h) { const double s = sigmoid(h); return s * (1 - s); });
  const Matrix<double> dW1_slip = prepend_bias(X).transpose() * pass.dH[0].cwiseProduct(slip) / 5.0;
  const double numeric = numeric_gradient(net, X, Y, {}, WeightRef{0, 1, 2});
  CHECK(pass.dW[0](1, 2) == Approx(numeric).epsilon(1e-6));
  CHECK((dW1_slip - pass.dW[0]).norm() / pass.dW[0].norm() > 1e-2);
}

TEST_CASE("the gradient check covers the L1 and L2 penalties", "[gradcheck]") {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.hidden = {LayerSpec{4, Activation::Tanh, 0.0}};
  spec.outputs = 2;
  Rng rng(5);
  const Network<double> net = Network<double>::initialized(spec, rng);
  Matrix<double> X(6, 3);
  for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.normal();
  const Matrix<double> Y = targets_for(spec.output, 6, 2, rng);
  const Penalty both{0.03, 0.2};
  const GradCheckResult with = gradient_check(net, X, Y, 1, -1, 1e-6, both);
  CHECK(with.checked == 4 * 4 + 5 * 2);
  CHECK(with.max_relative_error < 1e-6);
  // The penalty changes the gradient: the data-only dW differs from the objective's slope.
  const double numeric = numeric_gradient(net, X, Y, {}, WeightRef{1, 2, 1}, 1e-6, both);
  const double data_only = numeric_gradient(net, X, Y, {}, WeightRef{1, 2, 1}, 1e-6);
  const double w = net.W[1](2, 1);
  CHECK(numeric - data_only == Approx(0.2 * w + 0.03 * (w > 0 ? 1 : -1)).epsilon(1e-6));
  // ... and not on the bias row.
  CHECK(numeric_gradient(net, X, Y, {}, WeightRef{1, 0, 1}, 1e-6, both) ==
        Approx(numeric_gradient(net, X, Y, {}, WeightRef{1, 0, 1}, 1e-6)).epsilon(1e-9));
}
