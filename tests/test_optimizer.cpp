// Tests for the update step (src/nn/optimizer): the penalties' value and gradient, and one
// step of each optimiser against numbers worked out by hand.
#include "nn/optimizer.hpp"

#include <catch2/catch.hpp>

using namespace mlp;

namespace {
// One layer with one input: row 0 the bias 0.5, row 1 the weight −1.
std::vector<Matrix<double>> one_weight() {
  Matrix<double> W(2, 1);
  W << 0.5, -1.0;
  return {W};
}

std::vector<Matrix<double>> gradient(double bias, double weight) {
  Matrix<double> G(2, 1);
  G << bias, weight;
  return {G};
}
}  // namespace

TEST_CASE("optimisers are named in links and flags", "[optimizer]") {
  CHECK(parse_optimizer("adam") == Optimizer::Adam);
  CHECK(std::string(optimizer_name(Optimizer::Momentum)) == "momentum");
  CHECK_THROWS_WITH(parse_optimizer("rmsprop"), "unknown optimizer 'rmsprop' (use sgd, momentum or adam)");
  CHECK(all_optimizers().size() == 3);
  OptimizerConfig bad;
  bad.beta2 = 1.0;
  CHECK_THROWS_WITH(bad.validate(), Catch::Contains("beta2 must be in [0, 1)"));
  bad = OptimizerConfig{};
  bad.epsilon = 0.0;
  CHECK_THROWS_WITH(bad.validate(), Catch::Contains("epsilon"));
  CHECK(OptimizerConfig{}.describe() == "sgd");
}

TEST_CASE("the penalty counts the weights, not the bias row", "[optimizer]") {
  Matrix<double> W(3, 2);
  W << 5, -7,  // bias row: not counted
      1, -2,   //
      0, 3;
  // λ₁·Σ|w| + λ₂/2·Σw² = 0.1·6 + 0.5·0.01·14
  CHECK(penalty_value<double>({W}, 0.1, 0.01) == Approx(0.6 + 0.07).epsilon(1e-15));
  Matrix<double> P;
  penalty_gradient(W, 0.1, 0.01, P);
  Matrix<double> expected(3, 2);
  expected << 0, 0,        //
      0.01 + 0.1, -0.02 - 0.1,  // λ₂·w + λ₁·sign w
      0, 0.03 + 0.1;            // sign 0 = 0
  CHECK(P.isApprox(expected, 1e-15));
}

TEST_CASE("plain gradient descent and momentum step as written", "[optimizer]") {
  auto W = one_weight();
  OptimizerConfig sgd;
  OptimizerState<double> plain(sgd, W);
  plain.step(0.1, W, gradient(0.2, -0.4));
  CHECK(W[0](0, 0) == Approx(0.48));  // 0.5 − 0.1·0.2
  CHECK(W[0](1, 0) == Approx(-0.96)); // −1 + 0.1·0.4

  W = one_weight();
  OptimizerConfig momentum;
  momentum.kind = Optimizer::Momentum;
  momentum.momentum = 0.5;
  OptimizerState<double> heavy(momentum, W);
  heavy.step(0.1, W, gradient(0.2, -0.4));  // V = −0.1·G = (−0.02, 0.04)
  heavy.step(0.1, W, gradient(0.2, -0.4));  // V = 0.5·V − 0.1·G = (−0.03, 0.06)
  CHECK(heavy.velocity(0)(0, 0) == Approx(-0.03));
  CHECK(heavy.velocity(0)(1, 0) == Approx(0.06));
  CHECK(W[0](0, 0) == Approx(0.5 - 0.02 - 0.03));
  CHECK(W[0](1, 0) == Approx(-1.0 + 0.04 + 0.06));
}

TEST_CASE("two Adam steps match the hand-worked numbers", "[optimizer]") {
  auto W = one_weight();
  OptimizerConfig adam;
  adam.kind = Optimizer::Adam;  // β₁ 0.9, β₂ 0.999, ε 1e-8
  OptimizerState<double> state(adam, W);
  // t = 1: m = 0.1·G, v = 0.001·G², so m̂ = G and v̂ = G²: each weight moves by α·G/(|G| + ε) ≈ α.
  state.step(0.1, W, gradient(0.2, -0.4));
  CHECK(state.steps() == 1);
  CHECK(state.corrected_first(0)(0, 0) == Approx(0.2).epsilon(1e-12));
  CHECK(state.corrected_second(0)(1, 0) == Approx(0.16).epsilon(1e-12));
  CHECK(W[0](0, 0) == Approx(0.5 - 0.1 * 0.2 / (0.2 + 1e-8)).epsilon(1e-14));   // 0.400000005
  CHECK(W[0](1, 0) == Approx(-1.0 + 0.1 * 0.4 / (0.4 + 1e-8)).epsilon(1e-14));  // −0.9000000025
  // t = 2 with G = (−0.2, −0.4): m = (0.018 − 0.02, −0.036 − 0.04) = (−0.002, −0.076), 1 − β₁² = 0.19;
  // v = 0.999·(4e−5, 1.6e−4) + 0.001·(0.04, 0.16) = (7.996e−5, 3.1984e−4), 1 − β₂² = 0.001999,
  // so v̂ = (0.04, 0.16) and √v̂ = (0.2, 0.4).
  state.step(0.1, W, gradient(-0.2, -0.4));
  CHECK(state.corrected_first(0)(0, 0) == Approx(-0.002 / 0.19).epsilon(1e-12));
  CHECK(state.corrected_first(0)(1, 0) == Approx(-0.4).epsilon(1e-12));
  CHECK(state.corrected_second(0)(0, 0) == Approx(0.04).epsilon(1e-12));
  CHECK(W[0](0, 0) == Approx(0.4000000049999997 + 0.1 * (0.002 / 0.19) / (0.2 + 1e-8)).epsilon(1e-12));  // 0.405263163
  CHECK(W[0](1, 0) == Approx(-0.9000000024999999 + 0.1 * 0.4 / (0.4 + 1e-8)).epsilon(1e-12));          // −0.800000005
}

TEST_CASE("Adam in single precision takes the same steps", "[optimizer]") {
  std::vector<Matrix<float>> W{one_weight()[0].cast<float>()};
  OptimizerConfig adam;
  adam.kind = Optimizer::Adam;
  OptimizerState<float> state(adam, W);
  for (int t = 0; t < 3000; ++t) state.step(0.001, W, {gradient(0.2, -0.4)[0].cast<float>()});
  // A constant gradient: m̂ = G and v̂ = G² at every t, so every step is α·sign(G).
  CHECK(W[0](0, 0) == Approx(0.5 - 3.0).epsilon(1e-4));
  CHECK(W[0](1, 0) == Approx(-1.0 + 3.0).epsilon(1e-4));
}
