// Tests for the input features of 2-D data (src/data/features): names, values at hand-picked
// points, a set's inputs replaced while its points are kept, and bad lists refused.
#include <catch2/catch.hpp>

#include "data/features.hpp"
#include "data/preprocess.hpp"
#include "data/toy.hpp"

#include <cmath>

using namespace mlp;

TEST_CASE("features are named in links and computed from the point", "[features]") {
  CHECK(all_features().size() == 7);
  CHECK(features_text(parse_features("x1sq,x2,sinx1")) == "x1sq,x2,sinx1");
  CHECK(is_plain(parse_features("x1,x2")));
  CHECK_FALSE(is_plain(parse_features("x2,x1")));
  FeatureMatrix points(2, 2);
  points << 0.5f, -2.0f,  //
      3.0f, 1.0f;
  const FeatureMatrix X = compute_features(points, all_features());
  REQUIRE(X.cols() == 7);
  // x1, x2, x1², x2², x1·x2, sin x1, sin x2 of (0.5, −2)
  CHECK(X(0, 0) == 0.5f);
  CHECK(X(0, 1) == -2.0f);
  CHECK(X(0, 2) == 0.25f);
  CHECK(X(0, 3) == 4.0f);
  CHECK(X(0, 4) == -1.0f);
  CHECK(X(0, 5) == Approx(0.4794255));
  CHECK(X(0, 6) == Approx(-0.9092974));
  CHECK(X(1, 4) == 3.0f);
}

TEST_CASE("a 2-D set gets its features as inputs and keeps its points", "[features]") {
  Dataset d = make_toy("circles", 40, 0.05, 1);
  const FeatureMatrix before = d.X;
  use_features(d, parse_features("x1sq,x2sq,x1x2"));
  CHECK(d.features() == 3);
  CHECK(d.points == before);
  CHECK(d.feature_names == std::vector<std::string>{"x₁²", "x₂²", "x₁x₂"});
  CHECK(d.X(7, 0) == before(7, 0) * before(7, 0));
  CHECK(d.point_x2(7) == before(7, 1));
  CHECK(d.is_planar());
  const Dataset some = take(d, {7, 3});  // a subset keeps the points and names
  CHECK(some.points.row(0) == before.row(7));
  CHECK(some.feature_names.size() == 3);
  Dataset plain = make_toy("circles", 40, 0.05, 1);
  use_features(plain, plain_features());  // nothing to compute
  CHECK(plain.points.size() == 0);
  CHECK(plain.X == before);
}

TEST_CASE("bad feature lists and sets without points are refused", "[features]") {
  CHECK_THROWS_WITH(parse_features("x1,x3"), Catch::Contains("unknown input feature 'x3'"));
  CHECK_THROWS_WITH(parse_features("x1,x1"), Catch::Contains("listed twice"));
  CHECK_THROWS_WITH(parse_features(""), Catch::Contains("no input feature"));
  Dataset wide;
  wide.name = "wide";
  wide.X = FeatureMatrix::Zero(3, 5);
  wide.labels = {0, 1, 0};
  wide.num_classes = 2;
  CHECK_THROWS_WITH(use_features(wide, parse_features("x1sq")), "input features need 2-D points; wide has 5 inputs");
}
