// Evaluation of a network on a data set (loss, accuracy, confusion matrix) and
// the training history that the curves, the CSV export and the CLI report read.
#pragma once

#include "core/thinned.hpp"
#include "data/dataset.hpp"
#include "nn/network.hpp"

#include <iosfwd>
#include <limits>
#include <vector>

namespace mlp {

// The score a run reports: for classes, the accuracy (fraction correct, in [0, 1]); for a
// regression set, in its place, the coefficient of determination R² = 1 − Σ(ŷ−y)² / Σ(y−ȳ)²
// (1 for a perfect fit, 0 for predicting the mean, negative when worse).
struct Evaluation {
  double loss = 0.0;                      // mean loss (no dropout)
  double accuracy = 0.0;                  // the score: accuracy, or R² for a regression set
  int examples = 0;                       // N evaluated
  std::vector<std::vector<int>> confusion;  // K x K, confusion[true][predicted] (classes only)
};

// "accuracy", or "R²" for a regression set: what Evaluation::accuracy holds.
const char* score_name(const Dataset& data);

// R² of predictions against targets (both N x 1); NaN when the targets do not vary.
double r_squared(const Vector<double>& predicted, const Vector<double>& targets);

// Evaluates on the first `limit` examples (all when limit < 0), in chunks.
template <class T>
Evaluation evaluate(const Network<T>& net, const Dataset& data, int limit = -1);

// Evaluates on the listed rows of `data` (a fold, a validation split), in chunks.
template <class T>
Evaluation evaluate(const Network<T>& net, const Dataset& data, const std::vector<int>& rows);

// Ŷ for rows [begin, end) of a data set, no dropout: (end − begin) x K.
template <class T>
Matrix<T> predict_rows(const Network<T>& net, const Dataset& data, int begin, int end);

// One row of the history; NaN where a quantity was not measured at that point.
struct HistoryPoint {
  static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
  long iteration = 0;                     // updates done
  double epoch = 0;                       // epochs done (fractional inside an epoch)
  double batch_loss = kNone;              // loss of the last batch (with dropout)
  double train_loss = kNone, train_accuracy = kNone;  // *_accuracy: the score (R² for regression)
  double test_loss = kNone, test_accuracy = kNone;  // validation or test set
  double penalty = kNone;                 // λ₁·Σ|w| + λ₂/2·Σw² of the weights (with L1 or L2 only)
};

// Every point, or (max_points > 0) at most that many, thinned evenly over the run (see
// core/thinned.hpp) so that a run played for hours keeps a bounded curve.
struct History {
  explicit History(size_t max_points = 0) : thinning(max_points) {}
  std::vector<HistoryPoint> points;       // in order of iteration
  Thinning thinning;
  void add(const HistoryPoint& p) { thinning.add(points, p); }
  // Forgets every point after the first `count` added (see Thinning::truncate).
  void truncate(long count) { thinning.truncate(points, count); }
  void clear() {
    points.clear();
    thinning.clear();
  }
  // CSV with a header: iteration,epoch,batch_loss,train_loss,train_accuracy,test_loss,test_accuracy
  void write_csv(std::ostream& out) const;
};

}  // namespace mlp
