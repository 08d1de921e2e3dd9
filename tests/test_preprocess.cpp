// Tests for preprocessing (src/data/preprocess): rescaling, z-scoring with the training
// set's statistics (per feature and global), seeded splits and k-fold index sets that
// cover every row exactly once, one-hot targets, row subsets.
#include <catch2/catch.hpp>

#include "data/preprocess.hpp"
#include "data/toy.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

using namespace mlp;

namespace {

FeatureMatrix matrix(int rows, int cols, std::initializer_list<float> values) {
  FeatureMatrix X(rows, cols);
  std::copy(values.begin(), values.end(), X.data());  // row-major: values row by row
  return X;
}

// Labels 0 (60 rows) and 1 (40 rows), interleaved.
std::vector<int> sixty_forty() {
  std::vector<int> labels(100);
  for (int i = 0; i < 100; ++i) labels[i] = i % 5 < 3 ? 0 : 1;
  return labels;
}

int count_label(const std::vector<int>& indices, const std::vector<int>& labels, int label) {
  return static_cast<int>(std::count_if(indices.begin(), indices.end(), [&](int i) { return labels[i] == label; }));
}

// Concatenation of index sets, sorted: equals 0..n-1 exactly when they partition the rows.
std::vector<int> sorted_union(std::initializer_list<const std::vector<int>*> parts) {
  std::vector<int> all;
  for (const std::vector<int>* part : parts) all.insert(all.end(), part->begin(), part->end());
  std::sort(all.begin(), all.end());
  return all;
}

std::vector<int> iota(int n) {
  std::vector<int> v(n);
  std::iota(v.begin(), v.end(), 0);
  return v;
}

}  // namespace

// ---------------------------------------------------------------------------- scaling

TEST_CASE("rescale maps [lo, hi] onto [0, 1]", "[preprocess]") {
  FeatureMatrix X = matrix(1, 4, {0, 51, 127.5f, 255});
  rescale(X, 0, 255);
  CHECK(X(0, 0) == 0.0f);
  CHECK(X(0, 1) == Approx(0.2));
  CHECK(X(0, 2) == Approx(0.5));
  CHECK(X(0, 3) == 1.0f);

  FeatureMatrix Y = matrix(1, 2, {-2, 2});
  rescale(Y, -2, 6);
  CHECK(Y(0, 0) == 0.0f);
  CHECK(Y(0, 1) == 0.5f);
  CHECK_THROWS_AS(rescale(Y, 1, 1), std::invalid_argument);
  CHECK_THROWS_AS(rescale(Y, 2, 1), std::invalid_argument);
}

TEST_CASE("per-feature z-scoring: hand-computed statistics, constant features, test set uses training stats",
          "[preprocess]") {
  // Columns: mean 2 / population stddev sqrt(8/3); mean 10 / stddev 0 (constant).
  FeatureMatrix train = matrix(3, 2, {0, 10, 2, 10, 4, 10});
  const Standardizer stats = fit_standardizer(train, true);
  CHECK(stats.per_feature);
  CHECK(stats.mean(0) == Approx(2.0));
  CHECK(stats.mean(1) == Approx(10.0));
  CHECK(stats.stddev(0) == Approx(std::sqrt(8.0 / 3.0)));
  CHECK(stats.stddev(1) == 1.0f);  // constant feature: divide by 1, not 0

  standardize(train, stats);
  CHECK(train(0, 0) == Approx(-2.0 / std::sqrt(8.0 / 3.0)));
  CHECK(train.col(0).sum() == Approx(0.0).margin(1e-6));
  CHECK(train.col(0).squaredNorm() / 3 == Approx(1.0));
  CHECK(train.col(1).isZero());

  FeatureMatrix test = matrix(1, 2, {2, 13});
  standardize(test, stats);
  CHECK(test(0, 0) == Approx(0.0).margin(1e-7));  // the training mean, not the test set's own
  CHECK(test(0, 1) == Approx(3.0));

  FeatureMatrix wrong_width = matrix(1, 3, {1, 2, 3});
  CHECK_THROWS_AS(standardize(wrong_width, stats), std::invalid_argument);
  CHECK_THROWS_AS(fit_standardizer(FeatureMatrix(0, 2)), std::invalid_argument);
}

TEST_CASE("global z-scoring uses one mean and stddev over all values", "[preprocess]") {
  // Values 0, 2, 4, 6: mean 3, population stddev sqrt(5).
  FeatureMatrix X = matrix(2, 2, {0, 2, 4, 6});
  const Standardizer stats = fit_standardizer(X, false);
  CHECK_FALSE(stats.per_feature);
  REQUIRE(stats.mean.size() == 2);
  CHECK(stats.mean(0) == Approx(3.0));
  CHECK(stats.mean(1) == Approx(3.0));
  CHECK(stats.stddev(0) == Approx(std::sqrt(5.0)));
  CHECK(stats.stddev(1) == Approx(std::sqrt(5.0)));
  standardize(X, stats);
  CHECK(X(1, 1) == Approx(3.0 / std::sqrt(5.0)));
  CHECK(X.sum() == Approx(0.0).margin(1e-6));
}

// ---------------------------------------------------------------------------- splits

TEST_CASE("split_indices: sizes, a partition of all rows, seeded", "[preprocess][split]") {
  const std::vector<int> labels = sixty_forty();
  const Split s = split_indices(labels, 0.2, 0.1, 7);
  CHECK(s.train.size() == 70u);
  CHECK(s.validation.size() == 20u);
  CHECK(s.test.size() == 10u);
  CHECK(sorted_union({&s.train, &s.validation, &s.test}) == iota(100));
  CHECK(std::is_sorted(s.train.begin(), s.train.end()));
  CHECK(std::is_sorted(s.test.begin(), s.test.end()));

  const Split same = split_indices(labels, 0.2, 0.1, 7);
  const Split other = split_indices(labels, 0.2, 0.1, 8);
  CHECK(same.test == s.test);
  CHECK(same.validation == s.validation);
  CHECK(other.test != s.test);

  const Split no_holdout = split_indices(labels, 0.0, 0.0, 1);
  CHECK(no_holdout.train == iota(100));
  CHECK(no_holdout.validation.empty());
}

TEST_CASE("stratified split keeps the class proportions in every part", "[preprocess][split]") {
  const std::vector<int> labels = sixty_forty();
  const Split s = split_indices(labels, 0.25, 0.1, 3, true);
  CHECK(count_label(s.validation, labels, 0) == 15);
  CHECK(count_label(s.validation, labels, 1) == 10);
  CHECK(count_label(s.test, labels, 0) == 6);
  CHECK(count_label(s.test, labels, 1) == 4);
  CHECK(count_label(s.train, labels, 0) == 39);
  CHECK(sorted_union({&s.train, &s.validation, &s.test}) == iota(100));
}

TEST_CASE("bad split arguments are rejected", "[preprocess][split]") {
  const std::vector<int> labels = sixty_forty();
  CHECK_THROWS_WITH(split_indices(labels, 0.6, 0.4, 1),
                    "validation and test fractions must be >= 0 with a sum below 1 (got 0.600000 and 0.400000)");
  CHECK_THROWS_AS(split_indices(labels, -0.1, 0.1, 1), std::invalid_argument);
  CHECK_THROWS_AS(split_indices(labels, std::nan(""), 0.1, 1), std::invalid_argument);
  CHECK_THROWS_WITH(split_indices({0, -1}, 0.5, 0.0, 1, true), "cannot stratify: label -1 at row 1 is negative");
}

TEST_CASE("k-fold: every row validates exactly once, train is the rest, sizes differ by at most one",
          "[preprocess][kfold]") {
  std::vector<int> labels(103, 0);
  const std::vector<Fold> folds = kfold(labels, 5, 11);
  REQUIRE(folds.size() == 5u);
  std::vector<int> validated;
  for (const Fold& fold : folds) {
    validated.insert(validated.end(), fold.validation.begin(), fold.validation.end());
    CHECK(sorted_union({&fold.train, &fold.validation}) == iota(103));
    CHECK((fold.validation.size() == 20u || fold.validation.size() == 21u));
  }
  std::sort(validated.begin(), validated.end());
  CHECK(validated == iota(103));  // each index exactly once
  CHECK(kfold(labels, 5, 11)[2].validation == folds[2].validation);
  CHECK(kfold(labels, 5, 12)[2].validation != folds[2].validation);
}

TEST_CASE("stratified k-fold keeps the class proportions in each fold", "[preprocess][kfold]") {
  const std::vector<int> labels = sixty_forty();
  for (const Fold& fold : kfold(labels, 4, 2, true)) {
    CHECK(fold.validation.size() == 25u);
    CHECK(count_label(fold.validation, labels, 0) == 15);
    CHECK(count_label(fold.validation, labels, 1) == 10);
  }
  CHECK_THROWS_WITH(kfold(labels, 1, 1), "k-fold needs 2 <= k <= number of examples (got k = 1 for 100 examples)");
  CHECK_THROWS_AS(kfold(labels, 101, 1), std::invalid_argument);
}

// ---------------------------------------------------------------------------- targets, subsets

TEST_CASE("one_hot: the lecture's labels 3, 5, 3, 0 as rows of a 10-column matrix", "[preprocess]") {
  const Eigen::MatrixXd Y = one_hot<Eigen::MatrixXd>({3, 5, 3, 0}, 10);
  REQUIRE(Y.rows() == 4);
  REQUIRE(Y.cols() == 10);
  CHECK(Y(0, 3) == 1.0);
  CHECK(Y(1, 5) == 1.0);
  CHECK(Y(2, 3) == 1.0);
  CHECK(Y(3, 0) == 1.0);
  CHECK(Y.sum() == 4.0);  // and zeros everywhere else
  const FeatureMatrix F = one_hot<FeatureMatrix>({1, 0}, 2);
  CHECK(F == matrix(2, 2, {0, 1, 1, 0}));
  CHECK_THROWS_WITH(one_hot<Eigen::MatrixXf>({0, 2}, 2), "label 2 at row 1 is outside 0..1");
  CHECK_THROWS_AS(one_hot<Eigen::MatrixXf>({-1}, 2), std::invalid_argument);
}

TEST_CASE("take copies the chosen rows in order and keeps the metadata", "[preprocess]") {
  const Dataset d = make_toy("gaussians", 30, 0.1, 1, 3);
  const Dataset subset = take(d, {4, 0, 4});
  REQUIRE(subset.size() == 3);
  CHECK(subset.X.row(0) == d.X.row(4));
  CHECK(subset.X.row(1) == d.X.row(0));
  CHECK(subset.X.row(2) == d.X.row(4));
  CHECK(subset.labels == std::vector<int>{d.labels[4], d.labels[0], d.labels[4]});
  CHECK(subset.num_classes == 3);
  CHECK(subset.class_names == d.class_names);
  CHECK(subset.name == d.name);
  CHECK_THROWS_WITH(take(d, {30}), "row index 30 outside 0..29");
  CHECK(take(d, {}).size() == 0);
}
