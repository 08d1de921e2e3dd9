// Tests for output layers and losses (src/nn/loss).
#include <catch2/catch.hpp>

#include "nn/loss.hpp"

using namespace mlp;

TEST_CASE("softmax rows sum to one and survive huge logits", "[loss]") {
  Matrix<float> Z(2, 3);
  Z << 1000.0f, 0.0f, -1000.0f, 1.0f, 2.0f, 3.0f;
  const Matrix<float> P = output_activation(Output::Softmax, Z);
  CHECK(P.allFinite());
  CHECK(P.row(0).sum() == Approx(1.0f));
  CHECK(P(0, 0) == Approx(1.0f));
  CHECK(P(1, 2) == Approx(std::exp(3.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0))));
}

TEST_CASE("categorical cross-entropy matches -ln(y_hat) and never takes log(0)", "[loss]") {
  Matrix<double> Z(1, 3), Y(1, 3);
  Z << 0.5, 1.5, -0.2;
  Y << 0, 1, 0;
  const Matrix<double> P = output_activation(Output::Softmax, Z);
  CHECK(output_loss(Output::Softmax, Z, Y) == Approx(-std::log(P(0, 1))));
  Matrix<double> Zbad(1, 2), Ybad(1, 2);
  Zbad << 800.0, -800.0;   // ŷ for the true class underflows to 0 in naive code
  Ybad << 0, 1;
  const double L = output_loss(Output::Softmax, Zbad, Ybad);
  CHECK(std::isfinite(L));
  CHECK(L == Approx(1600.0));
}

TEST_CASE("binary cross-entropy from logits equals the lecture's formula", "[loss]") {
  Matrix<double> Z(2, 1), Y(2, 1);
  Z << 0.8, -2.0;
  Y << 1, 0;
  double expected = 0;
  for (int i = 0; i < 2; ++i) {
    const double yh = 1 / (1 + std::exp(-Z(i, 0)));
    expected += -(Y(i, 0) * std::log(yh) + (1 - Y(i, 0)) * std::log(1 - yh));
  }
  CHECK(output_loss(Output::Sigmoid, Z, Y) == Approx(expected / 2));
  Matrix<float> Zbig(1, 1), Ybig(1, 1);
  Zbig << 200.0f;
  Ybig << 0.0f;
  CHECK(output_loss(Output::Sigmoid, Zbig, Ybig) == Approx(200.0f));
}

TEST_CASE("mean squared error is half the squared distance", "[loss]") {
  Matrix<double> Z(1, 2), Y(1, 2);
  Z << 1.0, 3.0;
  Y << 0.0, 1.0;
  CHECK(output_loss(Output::Linear, Z, Y) == Approx(0.5 * (1 + 4)));
}

TEST_CASE("targets: one-hot, or one column for a single sigmoid", "[loss]") {
  const Matrix<float> Y = make_targets<float>(Output::Softmax, {3, 5, 3, 0}, 10);
  CHECK(Y.rows() == 4);
  CHECK(Y.cols() == 10);
  CHECK(Y(0, 3) == 1.0f);
  CHECK(Y(1, 5) == 1.0f);
  CHECK(Y.sum() == 4.0f);
  const Matrix<float> B = make_targets<float>(Output::Sigmoid, {1, 0, 1}, 2);
  CHECK(B.cols() == 1);
  CHECK(B(2, 0) == 1.0f);
  CHECK_THROWS_WITH(make_targets<float>(Output::Softmax, {0, 7}, 5), Catch::Contains("label 7 out of range"));
}

TEST_CASE("predicted classes: argmax, or threshold 0.5", "[loss]") {
  Matrix<float> P(2, 3);
  P << 0.1f, 0.7f, 0.2f, 0.5f, 0.2f, 0.3f;
  CHECK(predict_classes(P) == std::vector<int>{1, 0});
  Matrix<float> S(3, 1);
  S << 0.2f, 0.9f, 0.5f;
  CHECK(predict_classes(S) == std::vector<int>{0, 1, 0});
}
