// Tests for evaluation and history (src/nn/metrics).
#include <catch2/catch.hpp>

#include "nn/metrics.hpp"

#include <cmath>
#include <sstream>
#include <string>

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

TEST_CASE("R² by hand: 1 − Σ(ŷ−y)² / Σ(y−ȳ)²", "[metrics]") {
  Vector<double> y(3), yhat(3);
  y << 1, 2, 3;
  yhat << 1, 2, 4;
  CHECK(r_squared(yhat, y) == Approx(0.5));  // residual 1, total 2
  CHECK(r_squared(y, y) == 1.0);
  Vector<double> mean = Vector<double>::Constant(3, 2.0);
  CHECK(r_squared(mean, y) == Approx(0.0).margin(1e-12));
  CHECK(std::isnan(r_squared(y, mean)));  // targets that do not vary
}

TEST_CASE("evaluate a regression: MSE loss and R² in place of accuracy", "[metrics]") {
  // ŷ = 2x: for x = 0, 1, 2 and y = 0, 2, 5 the errors are 0, 0, −1.
  NetworkSpec spec;
  spec.inputs = 1;
  spec.outputs = 1;
  spec.output = Output::Linear;
  Network<double> net{spec, {(Matrix<double>(2, 1) << 0, 2).finished()}};
  Dataset d;
  d.name = "line";
  d.X.resize(3, 1);
  d.X << 0, 1, 2;
  set_regression_targets(d, (FeatureMatrix(3, 1) << 0, 2, 5).finished());
  const Evaluation ev = evaluate(net, d);
  CHECK(ev.loss == Approx(0.5 / 3));                         // mean of ½(ŷ − y)²
  CHECK(ev.accuracy == Approx(1.0 - 1.0 / (114.0 / 9.0)));  // Σ(y − 7/3)² = 114/9
  CHECK(ev.confusion.empty());
  CHECK(std::string(score_name(d)) == "R²");
  spec.output = Output::Softmax;
  const Network<double> softmax{spec, net.W};
  CHECK_THROWS_WITH(evaluate(softmax, d), "line has real-valued targets: it needs the linear output (MSE), not softmax");
}
