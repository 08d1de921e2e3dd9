// Predictions of a network on a data set, chunk by chunk; see predictions.hpp.
#include "nn/predictions.hpp"

#include "nn/loss.hpp"
#include "nn/metrics.hpp"

#include <algorithm>
#include <limits>

namespace mlp {

Predictions::Predictions(const Network<float>& net, const Dataset& data)
    : net_(net), data_(&data), probabilities_(data.size(), net.spec.outputs), predicted_(data.size(), -1) {}

int Predictions::step(int rows) {
  const int begin = done_;
  const int end = std::min(size(), begin + std::max(rows, 0));
  if (end == begin) return 0;
  const Matrix<float> Yhat = predict_rows(net_, *data_, begin, end);  // rows x K
  probabilities_.middleRows(begin, end - begin) = Yhat;
  const std::vector<int> classes = predict_classes(Yhat);
  std::copy(classes.begin(), classes.end(), predicted_.begin() + begin);
  done_ = end;
  return end - begin;
}

float Predictions::confidence(int row) const {
  if (probabilities_.cols() == 1) {  // one sigmoid unit: ŷ is the probability of class 1
    const float p = probabilities_(row, 0);
    return predicted_[row] == 1 ? p : 1 - p;
  }
  return probabilities_(row, predicted_[row]);
}

double Predictions::accuracy() const { return accuracy(0, done_); }

double Predictions::accuracy(int begin, int end) const {
  begin = std::max(begin, 0);
  end = std::min(end, done_);
  if (end <= begin) return std::numeric_limits<double>::quiet_NaN();
  int correct = 0;
  for (int i = begin; i < end; ++i) correct += predicted_[i] == data_->labels[i];
  return static_cast<double>(correct) / (end - begin);
}

std::vector<std::vector<int>> Predictions::confusion() const {
  const int K = data_ ? data_->num_classes : 0;
  std::vector<std::vector<int>> counts(K, std::vector<int>(K, 0));
  for (int i = 0; i < done_; ++i)
    if (predicted_[i] >= 0 && predicted_[i] < K) ++counts[data_->labels[i]][predicted_[i]];
  return counts;
}

std::vector<int> Predictions::by_confidence(std::vector<int> rows) const {
  std::stable_sort(rows.begin(), rows.end(), [this](int a, int b) { return confidence(a) > confidence(b); });
  return rows;
}

std::vector<int> Predictions::rows_in_cell(int truth, int predicted) const {
  std::vector<int> rows;
  for (int i = 0; i < done_; ++i)
    if (data_->labels[i] == truth && predicted_[i] == predicted) rows.push_back(i);
  return by_confidence(std::move(rows));
}

std::vector<int> Predictions::most_confident_mistakes(int count) const {
  std::vector<int> rows;
  for (int i = 0; i < done_; ++i)
    if (predicted_[i] != data_->labels[i]) rows.push_back(i);
  rows = by_confidence(std::move(rows));
  if (static_cast<int>(rows.size()) > count) rows.resize(std::max(count, 0));
  return rows;
}

}  // namespace mlp
