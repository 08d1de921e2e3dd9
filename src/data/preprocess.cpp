// Preprocessing: scaling, z-scoring, seeded splits and folds, row subsets.
#include "data/preprocess.hpp"

#include "core/random.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace mlp {
namespace {

// Groups of row indices to split separately (one per class when stratified, else one
// group of all rows), each shuffled with rng.
std::vector<std::vector<int>> shuffled_strata(const std::vector<int>& labels, bool stratified, Rng& rng) {
  std::vector<std::vector<int>> strata(1);
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    int group = 0;
    if (stratified) {
      if (labels[i] < 0)
        throw std::invalid_argument("cannot stratify: label " + std::to_string(labels[i]) + " at row " +
                                    std::to_string(i) + " is negative");
      group = labels[i];
    }
    if (group >= static_cast<int>(strata.size())) strata.resize(group + 1);
    strata[group].push_back(i);
  }
  for (std::vector<int>& stratum : strata) rng.shuffle(stratum);
  return strata;
}

void sort(std::vector<int>& indices) { std::sort(indices.begin(), indices.end()); }

bool is_fraction(double f) { return f >= 0 && f < 1; }

}  // namespace

void rescale(FeatureMatrix& X, float lo, float hi) {
  if (!(lo < hi) || !std::isfinite(hi - lo))
    throw std::invalid_argument("rescale needs lo < hi (got " + std::to_string(lo) + ", " + std::to_string(hi) + ")");
  X = (X.array() - lo) / (hi - lo);
}

Standardizer fit_standardizer(const FeatureMatrix& X, bool per_feature) {
  return fit_standardizer(row_blocks(X), per_feature);
}

Standardizer fit_standardizer(const RowBlocks& rows, bool per_feature) {
  double count = 0;                 // rows
  Eigen::RowVectorXd sum;           // 1 x D
  rows([&](const FeatureMatrix& block) {
    if (sum.size() == 0) sum = Eigen::RowVectorXd::Zero(block.cols());
    for (Eigen::Index i = 0; i < block.rows(); ++i) sum += block.row(i).cast<double>();
    count += static_cast<double>(block.rows());
  });
  if (count == 0 || sum.size() == 0)
    throw std::invalid_argument("cannot fit z-scoring statistics to an empty data set");
  const Eigen::Index D = sum.size();
  const double values = count * static_cast<double>(D);
  const Eigen::RowVectorXd mean =
      per_feature ? Eigen::RowVectorXd(sum / count) : Eigen::RowVectorXd::Constant(D, sum.sum() / values);
  Eigen::RowVectorXd squares = Eigen::RowVectorXd::Zero(D);  // 1 x D, sum of squared deviations
  rows([&](const FeatureMatrix& block) {
    for (Eigen::Index i = 0; i < block.rows(); ++i) squares += (block.row(i).cast<double>() - mean).cwiseAbs2();
  });
  const Eigen::RowVectorXd stddev = per_feature ? Eigen::RowVectorXd((squares / count).cwiseSqrt())
                                                : Eigen::RowVectorXd::Constant(D, std::sqrt(squares.sum() / values));

  Standardizer stats;
  stats.per_feature = per_feature;
  stats.mean = mean.cast<float>();
  stats.stddev = stddev.cast<float>();
  for (Eigen::Index c = 0; c < D; ++c)
    if (!(stats.stddev(c) > 0)) stats.stddev(c) = 1;
  return stats;
}

void standardize(FeatureMatrix& X, const Standardizer& stats) {
  if (stats.mean.size() != X.cols() || stats.stddev.size() != X.cols())
    throw std::invalid_argument("z-scoring statistics are for " + std::to_string(stats.mean.size()) +
                                " features, the data has " + std::to_string(X.cols()));
  const Eigen::RowVectorXf inverse = stats.stddev.cwiseInverse();
  for (Eigen::Index i = 0; i < X.rows(); ++i) X.row(i) = (X.row(i) - stats.mean).cwiseProduct(inverse);
}

Split split_indices(const std::vector<int>& labels, double validation_fraction, double test_fraction, uint64_t seed,
                    bool stratified) {
  if (!is_fraction(validation_fraction) || !is_fraction(test_fraction) || !(validation_fraction + test_fraction < 1))
    throw std::invalid_argument("validation and test fractions must be >= 0 with a sum below 1 (got " +
                                std::to_string(validation_fraction) + " and " + std::to_string(test_fraction) + ")");
  Rng rng(seed);
  Split split;
  for (const std::vector<int>& stratum : shuffled_strata(labels, stratified, rng)) {
    const double size = static_cast<double>(stratum.size());
    const auto test_end = stratum.begin() + std::lround(size * test_fraction);
    const auto validation_end = test_end + std::lround(size * validation_fraction);
    split.test.insert(split.test.end(), stratum.begin(), test_end);
    split.validation.insert(split.validation.end(), test_end, validation_end);
    split.train.insert(split.train.end(), validation_end, stratum.end());
  }
  sort(split.train);
  sort(split.validation);
  sort(split.test);
  return split;
}

std::vector<Fold> kfold(const std::vector<int>& labels, int k, uint64_t seed, bool stratified) {
  const int n = static_cast<int>(labels.size());
  if (k < 2 || k > n)
    throw std::invalid_argument("k-fold needs 2 <= k <= number of examples (got k = " + std::to_string(k) +
                                " for " + std::to_string(n) + " examples)");
  Rng rng(seed);
  std::vector<int> fold_of(n);
  int dealt = 0;  // deal round-robin across all strata so fold sizes differ by at most one
  for (const std::vector<int>& stratum : shuffled_strata(labels, stratified, rng))
    for (int index : stratum) fold_of[index] = dealt++ % k;

  std::vector<Fold> folds(k);
  for (int i = 0; i < n; ++i)
    for (int f = 0; f < k; ++f) (f == fold_of[i] ? folds[f].validation : folds[f].train).push_back(i);
  return folds;
}

void check_labels(const std::vector<int>& labels, int num_classes) {
  for (size_t i = 0; i < labels.size(); ++i)
    if (labels[i] < 0 || labels[i] >= num_classes)
      throw std::invalid_argument("label " + std::to_string(labels[i]) + " at row " + std::to_string(i) +
                                  " is outside 0.." + std::to_string(num_classes - 1));
}

Dataset take(const Dataset& data, const std::vector<int>& indices) {
  Dataset subset;
  subset.name = data.name;
  subset.num_classes = data.num_classes;
  subset.class_names = data.class_names;
  subset.image_width = data.image_width;
  subset.image_height = data.image_height;
  subset.feature_names = data.feature_names;
  const auto M = static_cast<Eigen::Index>(indices.size());
  const int D = data.features();
  ByteMatrix bytes;  // M x D when compact
  if (data.is_compact()) bytes.resize(M, D);
  else subset.X.resize(M, D);
  if (data.points.size() > 0) subset.points.resize(M, 2);
  if (data.is_regression()) subset.targets.resize(M, 1);
  subset.labels.reserve(indices.size());
  for (Eigen::Index r = 0; r < M; ++r) {
    const int i = indices[static_cast<size_t>(r)];
    if (i < 0 || i >= data.size())
      throw std::invalid_argument("row index " + std::to_string(i) + " outside 0.." + std::to_string(data.size() - 1));
    if (data.is_compact()) std::copy_n(data.compact.row(i), D, bytes.row(r).data());
    else subset.X.row(r) = data.X.row(i);
    if (data.points.size() > 0) subset.points.row(r) = data.points.row(i);
    if (data.is_regression()) subset.targets.row(r) = data.targets.row(i);
    subset.labels.push_back(data.labels[static_cast<size_t>(i)]);
  }
  if (data.is_compact()) {
    subset.compact = raw_byte_features(std::move(bytes));
    subset.compact.values = data.compact.values;
  }
  return subset;
}

}  // namespace mlp
