// Preprocessing: scaling features, z-scoring with training statistics, seeded
// train/validation/test splits and k-fold index sets, one-hot targets, row subsets.
//
// Statistics are always fitted on the training set and then applied, unchanged, to the
// validation and test sets (fit_standardizer once, standardize each set).
// Index sets are returned in ascending order: a split chooses which rows go where, the
// trainer decides the order they are visited in.
#pragma once

#include "data/dataset.hpp"

#include <cstdint>
#include <vector>

namespace mlp {

// ---------------------------------------------------------------------------- scaling

// Maps [lo, hi] linearly onto [0, 1]: X = (X - lo) / (hi - lo). rescale(X, 0, 255) turns
// MNIST's raw pixels into the homework's [0, 1] inputs. Throws std::invalid_argument unless lo < hi.
void rescale(FeatureMatrix& X, float lo, float hi);

// Mean and standard deviation (population, as numpy's std) of the training features.
struct Standardizer {
  Eigen::RowVectorXf mean;    // 1 x D
  Eigen::RowVectorXf stddev;  // 1 x D; a constant feature gets 1 (it becomes 0 after centring)
  bool per_feature = true;    // false: one mean/stddev over all values, repeated D times
};

// Fits z-scoring statistics per feature (column) or globally over all values (accumulated
// in double). Throws std::invalid_argument for an empty matrix.
// Per feature on MNIST: a pixel that is (nearly) constant in training gets a tiny or unit
// stddev, so a test image with ink there gives large values; the global variant avoids that.
Standardizer fit_standardizer(const FeatureMatrix& X, bool per_feature = true);
// The same statistics from rows read block by block (e.g. row_blocks of a compact Dataset).
Standardizer fit_standardizer(const RowBlocks& rows, bool per_feature);

// X = (X - mean) / stddev, row by row. Throws std::invalid_argument if the widths differ.
void standardize(FeatureMatrix& X, const Standardizer& stats);

// ---------------------------------------------------------------------------- splits

struct Split {
  std::vector<int> train, validation, test;  // disjoint, together all of 0..N-1, ascending
};

// Randomly assigns round(N * fraction) rows to validation and to test (per class when
// stratified, so each part keeps the class proportions), the rest to train. Seeded.
// Throws std::invalid_argument unless both fractions are >= 0 with a sum < 1, or (stratified)
// when a label is negative.
Split split_indices(const std::vector<int>& labels, double validation_fraction, double test_fraction, uint64_t seed,
                    bool stratified = false);

struct Fold {
  std::vector<int> train, validation;  // disjoint, together all of 0..N-1, ascending
};

// k folds for cross-validation: every row is in exactly one fold's validation set, fold
// sizes differ by at most one (and, stratified, each fold keeps the class proportions).
// Throws std::invalid_argument unless 2 <= k <= N.
std::vector<Fold> kfold(const std::vector<int>& labels, int k, uint64_t seed, bool stratified = false);

// ---------------------------------------------------------------------------- targets, subsets

// Throws std::invalid_argument unless every label is in [0, num_classes).
void check_labels(const std::vector<int>& labels, int num_classes);

// N x K matrix with Y(i, labels[i]) = 1 and 0 elsewhere, e.g. one_hot<Eigen::MatrixXd>(labels, 10).
template <class MatrixType>
MatrixType one_hot(const std::vector<int>& labels, int num_classes) {
  check_labels(labels, num_classes);
  MatrixType Y = MatrixType::Zero(static_cast<Eigen::Index>(labels.size()), num_classes);  // N x K
  for (size_t i = 0; i < labels.size(); ++i) Y(static_cast<Eigen::Index>(i), labels[i]) = 1;
  return Y;
}

// The rows of data at the given indices (in that order), with the same classes, names,
// image shape and storage (floats, or compact bytes with the same value table). Throws std::invalid_argument for an index outside [0, N).
Dataset take(const Dataset& data, const std::vector<int>& indices);

}  // namespace mlp
