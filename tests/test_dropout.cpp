// Tests for dropout masks (src/nn/dropout).
#include <catch2/catch.hpp>

#include "nn/dropout.hpp"

using namespace mlp;

TEST_CASE("dropout keeps exactly round(size*(1-ratio)) units at 1/(1-ratio)", "[dropout]") {
  Rng rng(42);
  // The lecture's example: a 2 x 3 activation, ratio 0.2 -> 5 kept, value 1.25.
  const Matrix<float> m = dropout_mask<float>(2, 3, 0.2, rng);
  CHECK((m.array() == 1.25f).count() == 5);
  CHECK((m.array() == 0.0f).count() == 1);
  for (double ratio : {0.1, 0.25, 0.5, 0.73}) {
    const Matrix<double> big = dropout_mask<double>(37, 19, ratio, rng);
    const long kept = dropout_kept(37 * 19, ratio);
    CHECK(kept == std::lround(37 * 19 * (1 - ratio)));
    CHECK((big.array() != 0.0).count() == kept);
    CHECK(big.maxCoeff() == Approx(1.0 / (1.0 - ratio)));
  }
}

TEST_CASE("dropout masks are seeded", "[dropout]") {
  Rng a(7), b(7), c(8);
  const Matrix<float> ma = dropout_mask<float>(10, 10, 0.5, a);
  CHECK(ma == dropout_mask<float>(10, 10, 0.5, b));
  CHECK(ma != dropout_mask<float>(10, 10, 0.5, c));
}
