// Predictions: one network's class probabilities for every row of a data set, computed a
// chunk of rows at a time (so a page can spread MNIST's 10,000 test digits over several
// frames), and the questions the MNIST views ask of them: the predicted class and its
// probability, accuracy and the confusion matrix, the rows of one confusion cell, and the
// most confidently wrong rows.
//
//   Predictions p(net, test);          // copies the network: a snapshot
//   while (!p.finished()) p.step(512); // or spread over frames
//   p.confusion()[true][predicted], p.rows_in_cell(4, 9), p.most_confident_mistakes(16)
#pragma once

#include "data/dataset.hpp"
#include "nn/network.hpp"

#include <vector>

namespace mlp {

class Predictions {
 public:
  Predictions() = default;
  // `data` must outlive this object; the network is copied.
  Predictions(const Network<float>& net, const Dataset& data);

  // Predicts up to `rows` more rows; returns how many it did (0 once finished).
  int step(int rows);
  bool finished() const { return done_ == size(); }
  int done() const { return done_; }
  int size() const { return data_ ? data_->size() : 0; }
  const Network<float>& network() const { return net_; }

  // For a row < done(): Ŷ's row (K probabilities; one column for a single sigmoid unit),
  // the predicted class, and the probability the network gives that class.
  const Matrix<float>& probabilities() const { return probabilities_; }  // N x K, rows < done() filled
  int predicted(int row) const { return predicted_[row]; }
  float confidence(int row) const;
  int truth(int row) const { return data_->labels[row]; }

  // Over the rows done so far.
  double accuracy() const;                              // NaN before any row
  double accuracy(int begin, int end) const;            // of rows [begin, end) done; NaN if none
  std::vector<std::vector<int>> confusion() const;      // K x K, [true][predicted]
  // Rows with this true and predicted class, most confident first.
  std::vector<int> rows_in_cell(int truth, int predicted) const;
  // Up to `count` misclassified rows, the most confidently wrong first.
  std::vector<int> most_confident_mistakes(int count) const;

 private:
  std::vector<int> by_confidence(std::vector<int> rows) const;  // sorted, most confident first

  Network<float> net_;
  const Dataset* data_ = nullptr;
  Matrix<float> probabilities_;  // N x K
  std::vector<int> predicted_;   // N
  int done_ = 0;
};

}  // namespace mlp
