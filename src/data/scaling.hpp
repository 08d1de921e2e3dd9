// Scaling: a run's input preprocessing as one value, fitted on the training features and
// then applied, unchanged, to the validation and test sets and to any single new input
// (the page's hand-drawn digit must be scaled exactly like the training digits).
//   none           raw values
//   rescale        the training set's [min, max] onto [0, 1] (MNIST: [0, 255] -> [0, 1], homework 10-1)
//   zscore         per feature: (x - mean) / stddev
//   zscore-global  one mean and stddev over all training values (the lecture's MNIST code)
#pragma once

#include "data/dataset.hpp"
#include "data/preprocess.hpp"

#include <string>
#include <vector>

namespace mlp {

enum class Scaling { None, Rescale, ZScore, ZScoreGlobal };

const char* scaling_name(Scaling s);                 // "none", "rescale", "zscore", "zscore-global"
Scaling parse_scaling(const std::string& name);      // throws std::invalid_argument listing the names
const std::vector<Scaling>& all_scalings();

// A fitted scaling: apply() maps features the way the training set was mapped.
class Scaler {
 public:
  Scaler() = default;  // Scaling::None
  // Fits to training features (a matrix, or a Dataset in either storage: the same fit);
  // throws std::invalid_argument for an empty set, or for rescale when every value is the same.
  Scaler(Scaling kind, const FeatureMatrix& train);
  Scaler(Scaling kind, const Dataset& train);

  // X (N x D, D as in training) scaled in place; throws std::invalid_argument for another width.
  void apply(FeatureMatrix& X) const;
  // A data set's features scaled in place: X, or a compact set's value table (so its rows
  // then read as exactly the floats apply() would make of the raw values).
  void apply(Dataset& data) const;
  Scaling kind() const { return kind_; }
  // The mapping as a short formula, e.g. "zscore-global: (x - 33.3) / 78.6"
  std::string describe() const;

 private:
  void fit(const RowBlocks& train, Eigen::Index values);  // values: N x D of the training set

  Scaling kind_ = Scaling::None;
  float lo_ = 0, hi_ = 1;  // rescale: training minimum and maximum
  Standardizer stats_;     // zscore, zscore-global
};

}  // namespace mlp
