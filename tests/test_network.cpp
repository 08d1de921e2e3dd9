// Tests for the network's forward and backward passes (src/nn/network):
// constant weights against hand-computed values, and the lecture's matrix formulas.
#include <catch2/catch.hpp>

#include "nn/network.hpp"

using namespace mlp;

namespace {
NetworkSpec two_layer(Activation act, Output out, int inputs, int hidden, int outputs) {
  NetworkSpec s;
  s.inputs = inputs;
  s.hidden = {LayerSpec{hidden, act, 0.0}};
  s.outputs = outputs;
  s.output = out;
  return s;
}
}  // namespace

TEST_CASE("prepend_bias puts a column of ones in front", "[network]") {
  Matrix<float> X(2, 2);
  X << 3, 4, 5, 6;
  const Matrix<float> B = prepend_bias(X);
  CHECK(B.cols() == 3);
  CHECK(B(0, 0) == 1.0f);
  CHECK(B(1, 0) == 1.0f);
  CHECK(B(1, 2) == 6.0f);
}

TEST_CASE("forward pass with constant weights matches a hand computation", "[network]") {
  Network<double> net{two_layer(Activation::Sigmoid, Output::Softmax, 2, 2, 2), {}};
  net.W.push_back(Matrix<double>::Constant(3, 2, 0.5));  // a = 0.5 + 0.5·1 + 0.5·2 = 2
  Matrix<double> W2(3, 2);
  W2 << 0.1, 0.2, 0.1, 0.2, 0.1, 0.2;
  net.W.push_back(W2);
  Pass<double> pass;
  pass.X = (Matrix<double>(1, 2) << 1, 2).finished();
  pass.Y = (Matrix<double>(1, 2) << 0, 1).finished();
  Rng rng(1);
  forward(net, pass, DropoutMode::Off, rng);
  compute_loss(net, pass);
  CHECK(pass.Z[0](0, 0) == Approx(2.0));
  CHECK(pass.H[0](0, 1) == Approx(0.8807970779778823));
  CHECK(pass.Z[1](0, 1) == Approx(0.5523188311911529));
  CHECK(pass.Yhat()(0, 0) == Approx(0.4313955968955414));
  CHECK(pass.Yhat()(0, 1) == Approx(0.5686044031044587));
  CHECK(pass.loss == Approx(0.5645703360307838));
}

TEST_CASE("equal weights make every hidden node compute the same value (lecture)", "[network]") {
  NetworkSpec spec = two_layer(Activation::Sigmoid, Output::Softmax, 3, 2, 2);
  spec.init = Init::Equal;
  Rng rng(1);
  const Network<double> net = Network<double>::initialized(spec, rng);
  Pass<double> pass;
  pass.X = (Matrix<double>(2, 3) << 1, 2, 3, 4, 5, 6).finished();
  forward(net, pass, DropoutMode::Off, rng);
  CHECK(pass.H[0](0, 0) == pass.H[0](0, 1));
  CHECK(pass.H[0](1, 0) == pass.H[0](1, 1));
}

TEST_CASE("backward equals the lecture's matrix formulas", "[network]") {
  // dW2 = [1 H]ᵀ(Ŷ − Y)/N, dH = (Ŷ − Y)·W2[1:]ᵀ, dA = dH ∗ σ'(A), dW1 = [1 X]ᵀ dA / N
  Rng rng(11);
  const Network<double> net =
      Network<double>::initialized(two_layer(Activation::Sigmoid, Output::Softmax, 3, 4, 3), rng);
  Pass<double> pass;
  pass.X = Matrix<double>::Random(5, 3);
  pass.Y = Matrix<double>::Zero(5, 3);
  for (int i = 0; i < 5; ++i) pass.Y(i, i % 3) = 1;
  forward(net, pass, DropoutMode::Off, rng);
  backward(net, pass);
  const double N = 5;
  const Matrix<double> E = pass.Yhat() - pass.Y;
  const Matrix<double> dW2 = prepend_bias(pass.H[0]).transpose() * E / N;
  const Matrix<double> dH = E * net.W[1].bottomRows(4).transpose();
  const Matrix<double> H = pass.H[0];
  const Matrix<double> dA = dH.cwiseProduct(H.cwiseProduct((1 - H.array()).matrix()));
  const Matrix<double> dW1 = prepend_bias(pass.X).transpose() * dA / N;
  CHECK(pass.dW[1].isApprox(dW2, 1e-12));
  CHECK(pass.dH[0].isApprox(dH, 1e-12));
  CHECK(pass.dZ[0].isApprox(dA, 1e-12));
  CHECK(pass.dW[0].isApprox(dW1, 1e-12));
}

TEST_CASE("shapes follow the (inputs + 1) x outputs convention", "[network]") {
  NetworkSpec spec;
  spec.inputs = 25;
  spec.hidden = {{20, Activation::ReLU, 0.0}, {20, Activation::ReLU, 0.0}, {20, Activation::ReLU, 0.0}};
  spec.outputs = 5;
  Rng rng(2);
  const Network<float> net = Network<float>::initialized(spec, rng);
  REQUIRE(net.W.size() == 4);
  CHECK(net.W[0].rows() == 26);
  CHECK(net.W[0].cols() == 20);
  CHECK(net.W[3].rows() == 21);
  CHECK(net.W[3].cols() == 5);
  CHECK(spec.describe() == "25-20-20-20-5 (relu, relu, relu; softmax)");
}

TEST_CASE("dropout multiplies activations forward and gradients backward by the same mask", "[network]") {
  NetworkSpec spec = two_layer(Activation::ReLU, Output::Softmax, 4, 10, 2);
  spec.hidden[0].dropout = 0.5;
  Rng rng(4);
  const Network<double> net = Network<double>::initialized(spec, rng);
  Pass<double> pass;
  pass.X = Matrix<double>::Random(6, 4);
  pass.Y = Matrix<double>::Zero(6, 2);
  pass.Y.col(0).setOnes();
  forward(net, pass, DropoutMode::Sample, rng);
  backward(net, pass);
  REQUIRE(pass.M[0].size() == 60);
  CHECK((pass.M[0].array() != 0).count() == 30);
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 10; ++j)
      if (pass.M[0](i, j) == 0) {
        CHECK(pass.H[0](i, j) == 0.0);
        CHECK(pass.dZ[0](i, j) == 0.0);
      }
  Pass<double> eval;
  eval.X = pass.X;
  forward(net, eval, DropoutMode::Off, rng);
  CHECK(eval.M[0].size() == 0);
}

TEST_CASE("bad network specs are refused with a message", "[network]") {
  NetworkSpec spec;
  spec.hidden = {{0, Activation::ReLU, 0.0}};
  CHECK_THROWS_WITH(spec.validate(), Catch::Contains("hidden layer 1: units must be between 1 and 4096"));
  spec.hidden = {{8, Activation::ReLU, 1.0}};
  CHECK_THROWS_WITH(spec.validate(), Catch::Contains("dropout ratio must be in [0, 1)"));
  spec.hidden = {{8, Activation::ReLU, 0.2}};
  spec.inputs = 0;
  CHECK_THROWS_WITH(spec.validate(), Catch::Contains("inputs must be"));
}

TEST_CASE("backward before forward is an error, not a crash", "[network]") {
  Rng rng(1);
  const Network<float> net = Network<float>::initialized(two_layer(Activation::ReLU, Output::Softmax, 2, 3, 2), rng);
  Pass<float> pass;
  CHECK_THROWS_AS(backward_layer(net, pass, 1), std::logic_error);
}

TEST_CASE("forward_layer only computes: the pass is sized once, beforehand", "[network]") {
  Rng rng(2);
  const Network<float> net = Network<float>::initialized(two_layer(Activation::Sigmoid, Output::Softmax, 2, 3, 2), rng);
  Pass<float> pass;
  pass.X = Matrix<float>::Ones(4, 2);
  CHECK_THROWS_AS(forward_layer(net, pass, 0, DropoutMode::Off, rng), std::logic_error);  // not sized
  pass.resize(net.spec.layers());
  forward_layer(net, pass, 0, DropoutMode::Off, rng);
  forward_layer(net, pass, 1, DropoutMode::Off, rng);
  CHECK(pass.Z.size() == 2);
  CHECK(pass.Yhat().rows() == 4);
  const Matrix<float> first = pass.Yhat();
  forward_layer(net, pass, 0, DropoutMode::Off, rng);  // a layer again: the other slots stay
  CHECK(pass.Yhat() == first);
  CHECK(predict(net, pass.X) == first);                 // forward() sizes its pass itself
}
