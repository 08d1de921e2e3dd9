// Tests for evaluation and history (src/nn/metrics).
#include <catch2/catch.hpp>

#include "nn/metrics.hpp"

#include <sstream>

using namespace mlp;

TEST_CASE("evaluate computes loss, accuracy and the confusion matrix", "[metrics]") {
  // A linear softmax net that predicts class = argmax of the two inputs.
  NetworkSpec spec;
  spec.inputs = 2;
  spec.outputs = 2;
  Network<double> net{spec, {(Matrix<double>(3, 2) << 0, 0, 1, 0, 0, 1).finished()}};
  Dataset d;
  d.X.resize(4, 2);
  d.X << 2, 0, 0, 2, 3, 1, 1, 3;
  d.labels = {0, 1, 1, 1};
  d.num_classes = 2;
  const Evaluation ev = evaluate(net, d);
  CHECK(ev.examples == 4);
  CHECK(ev.accuracy == Approx(0.75));
  CHECK(ev.confusion[0][0] == 1);
  CHECK(ev.confusion[1][0] == 1);  // true 1, predicted 0
  CHECK(ev.confusion[1][1] == 2);
  const double l0 = std::log(1 + std::exp(-2.0));  // -ln softmax([2,0])[0]
  const double l2 = std::log(1 + std::exp(2.0));   // true 1 but logits [3,1]
  CHECK(ev.loss == Approx((l0 + l0 + l2 + l0) / 4));
  CHECK(evaluate(net, d, 2).examples == 2);
}

TEST_CASE("history writes CSV with blanks for unmeasured values", "[metrics]") {
  History h;
  HistoryPoint p;
  p.iteration = 3;
  p.epoch = 0.5;
  p.batch_loss = 0.25;
  h.add(p);
  std::ostringstream out;
  h.write_csv(out);
  CHECK(out.str() == "iteration,epoch,batch_loss,train_loss,train_accuracy,test_loss,test_accuracy\n3,0.5,0.25,,,,\n");
}

TEST_CASE("evaluate on a list of rows", "[metrics]") {
  NetworkSpec spec;
  spec.inputs = 2;
  spec.outputs = 2;
  Network<double> net{spec, {(Matrix<double>(3, 2) << 0, 0, 1, 0, 0, 1).finished()}};
  Dataset d;
  d.X.resize(4, 2);
  d.X << 2, 0, 0, 2, 3, 1, 1, 3;
  d.labels = {0, 1, 1, 1};
  d.num_classes = 2;
  const Evaluation ev = evaluate(net, d, std::vector<int>{3, 2});
  CHECK(ev.examples == 2);
  CHECK(ev.accuracy == Approx(0.5));
  CHECK(ev.confusion[1][0] == 1);
  CHECK(ev.confusion[1][1] == 1);
}
