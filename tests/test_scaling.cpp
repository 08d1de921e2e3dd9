// Tests for Scaler (src/data/scaling): fitted on the training features only, then the same
// mapping for other sets and single rows; names round-trip; bad set-ups are refused.
#include <catch2/catch.hpp>

#include "data/scaling.hpp"

#include <stdexcept>

using namespace mlp;

namespace {

FeatureMatrix rows(std::initializer_list<std::initializer_list<float>> values) {
  FeatureMatrix X(static_cast<Eigen::Index>(values.size()), static_cast<Eigen::Index>(values.begin()->size()));
  int r = 0;
  for (const auto& row : values) {
    int c = 0;
    for (float v : row) X(r, c++) = v;
    ++r;
  }
  return X;
}

}  // namespace

TEST_CASE("scaling names round-trip and unknown names are refused", "[scaling]") {
  for (Scaling s : all_scalings()) CHECK(parse_scaling(scaling_name(s)) == s);
  CHECK_THROWS_WITH(parse_scaling("z"), Catch::Contains("zscore-global"));
}

TEST_CASE("rescale uses the training range for every set", "[scaling]") {
  const Scaler scaler(Scaling::Rescale, rows({{0, 100}, {200, 50}}));
  FeatureMatrix other = rows({{100, 400}});
  scaler.apply(other);
  CHECK(other(0, 0) == Approx(0.5));
  CHECK(other(0, 1) == Approx(2.0));  // beyond the training range: not clipped
  CHECK(scaler.describe() == "rescale: (x - 0) / 200");
}

TEST_CASE("zscore-global uses one mean and stddev of the training values", "[scaling]") {
  const FeatureMatrix train = rows({{0, 0}, {4, 4}});  // mean 2, stddev 2
  const Scaler scaler(Scaling::ZScoreGlobal, train);
  FeatureMatrix x = rows({{2, 6}});
  scaler.apply(x);
  CHECK(x(0, 0) == Approx(0));
  CHECK(x(0, 1) == Approx(2));
  CHECK(scaler.kind() == Scaling::ZScoreGlobal);
  CHECK(scaler.describe() == "zscore-global: (x - 2.0) / 2.0");
}

TEST_CASE("zscore is per feature; none changes nothing", "[scaling]") {
  const Scaler per_feature(Scaling::ZScore, rows({{0, 10}, {2, 30}}));  // means 1, 20; stddevs 1, 10
  FeatureMatrix x = rows({{1, 40}});
  per_feature.apply(x);
  CHECK(x(0, 0) == Approx(0));
  CHECK(x(0, 1) == Approx(2));
  FeatureMatrix y = rows({{7, 8}});
  Scaler().apply(y);
  CHECK(y(0, 1) == 8);
}

TEST_CASE("scalers refuse what they cannot fit or apply", "[scaling]") {
  CHECK_THROWS_AS(Scaler(Scaling::Rescale, rows({{3, 3}})), std::invalid_argument);
  CHECK_THROWS_AS(Scaler(Scaling::ZScore, FeatureMatrix(0, 2)), std::invalid_argument);
  const Scaler scaler(Scaling::ZScore, rows({{0, 10}, {2, 30}}));
  FeatureMatrix wrong = rows({{1, 2, 3}});
  CHECK_THROWS_AS(scaler.apply(wrong), std::invalid_argument);
}
