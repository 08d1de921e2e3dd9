// Tests for weight initialisation (src/nn/init).
#include <catch2/catch.hpp>

#include "nn/init.hpp"

using namespace mlp;

TEST_CASE("the lecture's init has standard deviation sqrt(1/rows)", "[init]") {
  Rng rng(3);
  const int rows = 785, cols = 100;
  const Matrix<double> W = init_weights<double>(Init::Lecture, rows, cols, rng);
  const double mean = W.mean();
  const double var = (W.array() - mean).square().mean();
  CHECK(std::abs(mean) < 0.01 * std::sqrt(1.0 / rows) * 10);
  CHECK(std::sqrt(var) == Approx(std::sqrt(1.0 / rows)).epsilon(0.02));
}

TEST_CASE("equal init gives identical weights; large init is large", "[init]") {
  Rng rng(3);
  const Matrix<float> E = init_weights<float>(Init::Equal, 3, 4, rng);
  CHECK(E.maxCoeff() == E.minCoeff());
  const Matrix<double> L = init_weights<double>(Init::Large, 50, 50, rng);
  CHECK(L.cwiseAbs().mean() > 5.0);
}

TEST_CASE("Xavier and He have zero bias rows and the right spread", "[init]") {
  Rng rng(5);
  const Matrix<double> X = init_weights<double>(Init::Xavier, 101, 50, rng);
  CHECK(X.row(0).isZero());
  CHECK(X.cwiseAbs().maxCoeff() <= std::sqrt(6.0 / 150));
  const Matrix<double> H = init_weights<double>(Init::He, 401, 300, rng);
  CHECK(H.row(0).isZero());
  const double sd = std::sqrt(H.bottomRows(400).array().square().mean());
  CHECK(sd == Approx(std::sqrt(2.0 / 400)).epsilon(0.03));
}

TEST_CASE("init names parse", "[init]") {
  for (Init i : all_inits()) CHECK(parse_init(init_name(i)) == i);
  CHECK_THROWS_WITH(parse_init("zeros"), Catch::Contains("unknown init"));
}
