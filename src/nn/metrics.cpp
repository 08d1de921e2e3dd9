// Evaluation and history; see metrics.hpp.
#include "nn/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <ostream>

namespace mlp {

template <class T>
Matrix<T> predict_rows(const Network<T>& net, const Dataset& data, int begin, int end) {
  Matrix<T> X;  // (end − begin) x D
  data.copy_rows(begin, end - begin, X);
  return predict(net, X);
}

const char* score_name(const Dataset& data) { return data.is_regression() ? "R²" : "accuracy"; }

double r_squared(const Vector<double>& predicted, const Vector<double>& targets) {
  const double mean = targets.size() > 0 ? targets.mean() : 0.0;
  const double total = (targets.array() - mean).square().sum();
  const double residual = (predicted - targets).squaredNorm();
  return total > 0 ? 1.0 - residual / total : std::numeric_limits<double>::quiet_NaN();
}

template <class T>
Evaluation evaluate(const Network<T>& net, const Dataset& data, const std::vector<int>& rows) {
  constexpr int kChunk = 1024;
  const int n = static_cast<int>(rows.size());
  const int K = data.is_regression() ? 0 : data.num_classes;
  Evaluation ev;
  ev.examples = n;
  ev.confusion.assign(K, std::vector<int>(K, 0));
  double loss_sum = 0.0;
  int correct = 0;
  Vector<double> predicted(data.is_regression() ? n : 0), targets(predicted.size());  // regression: ŷ and y
  Pass<T> pass;
  for (int begin = 0; begin < n; begin += kChunk) {
    const int count = std::min(kChunk, n - begin);
    data.copy_rows(rows.data() + begin, count, pass.X);  // count x D
    pass.Y = dataset_targets<T>(net.spec.output, data, rows.data() + begin, count);  // count x K
    Rng unused(0);
    forward(net, pass, DropoutMode::Off, unused);
    loss_sum += static_cast<double>(example_losses(net.spec.output, pass.Z.back(), pass.Y).sum());
    if (data.is_regression()) {
      predicted.segment(begin, count) = pass.Yhat().col(0).template cast<double>();
      targets.segment(begin, count) = pass.Y.col(0).template cast<double>();
      continue;
    }
    const std::vector<int> pred = predict_classes(pass.Yhat());
    for (int i = 0; i < count; ++i) {
      const int label = data.labels[static_cast<size_t>(rows[begin + i])];
      correct += pred[i] == label;
      if (pred[i] >= 0 && pred[i] < K) ++ev.confusion[label][pred[i]];
    }
  }
  ev.loss = n > 0 ? loss_sum / n : 0.0;
  if (data.is_regression()) ev.accuracy = r_squared(predicted, targets);
  else ev.accuracy = n > 0 ? static_cast<double>(correct) / n : 0.0;
  return ev;
}

template <class T>
Evaluation evaluate(const Network<T>& net, const Dataset& data, int limit) {
  std::vector<int> rows(limit < 0 ? data.size() : std::min(limit, data.size()));
  std::iota(rows.begin(), rows.end(), 0);
  return evaluate(net, data, rows);
}

void History::write_csv(std::ostream& out) const {
  out << "iteration,epoch,batch_loss,train_loss,train_accuracy,test_loss,test_accuracy\n";
  auto field = [&out](double v) {
    if (std::isnan(v)) out << ',';
    else out << ',' << v;
  };
  for (const auto& p : points) {
    out << p.iteration;
    field(p.epoch);
    field(p.batch_loss);
    field(p.train_loss);
    field(p.train_accuracy);
    field(p.test_loss);
    field(p.test_accuracy);
    out << '\n';
  }
}

template Evaluation evaluate<float>(const Network<float>&, const Dataset&, int);
template Evaluation evaluate<float>(const Network<float>&, const Dataset&, const std::vector<int>&);
template Evaluation evaluate<double>(const Network<double>&, const Dataset&, const std::vector<int>&);
template Evaluation evaluate<double>(const Network<double>&, const Dataset&, int);
template Matrix<float> predict_rows<float>(const Network<float>&, const Dataset&, int, int);
template Matrix<double> predict_rows<double>(const Network<double>&, const Dataset&, int, int);

}  // namespace mlp
