// Tests for Predictions (src/nn/predictions): chunked prediction gives the same answers as
// one pass, the confusion matrix and accuracy agree with evaluate(), a confusion cell lists
// exactly its rows, and the most confidently wrong rows come first.
#include "data_test_util.hpp"

#include "data/scaling.hpp"
#include "nn/metrics.hpp"
#include "nn/predictions.hpp"

#include <cmath>

using namespace mlp;

namespace {

// A linear softmax net over 3 inputs scoring class k by input k (logit = 2 * x_k).
Network<float> argmax_net() {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.outputs = 3;
  spec.hidden = {};
  Matrix<float> W = Matrix<float>::Zero(4, 3);
  W.bottomRows(3) = 2 * Matrix<float>::Identity(3, 3);
  return Network<float>{spec, {W}};
}

// Rows whose largest input decides the prediction; labels chosen so that rows 1, 4 and 5
// are wrong, row 4 the most confidently so.
Dataset sample() {
  Dataset d;
  d.X.resize(7, 3);
  d.X << 1, 0, 0,   // 0: predicted 0, true 0
      0, 1, 0,      // 1: predicted 1, true 2 (wrong)
      0, 0, 1,      // 2: predicted 2, true 2
      0, 3, 0,      // 3: predicted 1, true 1
      5, 0, 0,      // 4: predicted 0, true 1 (wrong, very confident)
      0, 0.5, 0.4,  // 5: predicted 1, true 2 (wrong, unsure)
      0, 2, 0;      // 6: predicted 1, true 1
  d.labels = {0, 2, 2, 1, 1, 2, 1};
  d.num_classes = 3;
  return d;
}

}  // namespace

TEST_CASE("Predictions in chunks match one pass and evaluate()", "[predictions]") {
  const Network<float> net = argmax_net();
  const Dataset data = sample();
  Predictions p(net, data);
  CHECK(p.size() == 7);
  CHECK(std::isnan(p.accuracy()));
  CHECK(p.step(3) == 3);
  CHECK_FALSE(p.finished());
  CHECK(p.done() == 3);
  CHECK(p.step(100) == 4);
  CHECK(p.finished());
  CHECK(p.step(5) == 0);

  const Matrix<float> all = predict(net, Matrix<float>(data.X));
  CHECK((p.probabilities() - all).cwiseAbs().maxCoeff() < 1e-6f);
  const Evaluation ev = evaluate(net, data);
  CHECK(p.accuracy() == Approx(ev.accuracy));
  CHECK(p.confusion() == ev.confusion);
  CHECK(p.predicted(4) == 0);
  CHECK(p.truth(4) == 1);
  CHECK(p.confidence(4) == Approx(all(4, 0)));
}

TEST_CASE("Predictions list a confusion cell's rows and the most confident mistakes", "[predictions]") {
  const Dataset data = sample();
  Predictions p(argmax_net(), data);
  p.step(7);
  CHECK(p.rows_in_cell(2, 1) == std::vector<int>{1, 5});  // row 1 (0,1,0) is surer than row 5
  CHECK(p.rows_in_cell(1, 1) == std::vector<int>{3, 6});
  CHECK(p.rows_in_cell(0, 2).empty());
  CHECK(p.most_confident_mistakes(10) == std::vector<int>{4, 1, 5});
  CHECK(p.most_confident_mistakes(1) == std::vector<int>{4});
  CHECK(p.most_confident_mistakes(0).empty());
}

TEST_CASE("Predictions count only the rows done so far", "[predictions]") {
  const Dataset data = sample();
  Predictions p(argmax_net(), data);
  p.step(2);  // rows 0 (right) and 1 (wrong)
  CHECK(p.accuracy() == Approx(0.5));
  CHECK(p.accuracy(1, 7) == Approx(0.0));  // only row 1 of these is done, and it is wrong
  CHECK(std::isnan(p.accuracy(2, 7)));
  CHECK(p.most_confident_mistakes(5) == std::vector<int>{1});
  int counted = 0;
  for (const auto& row : p.confusion())
    for (int c : row) counted += c;
  CHECK(counted == 2);
}

TEST_CASE("Predictions on a compact set equal those on its float copy", "[predictions][dataset]") {
  const auto [floats, compact] = mlp_test::scaled_storage_pair(90, 8, 4, 3, Scaling::Rescale);
  NetworkSpec spec;
  spec.inputs = 8;
  spec.outputs = 4;
  spec.hidden = {{5, Activation::Tanh, 0.0}};
  Rng rng(4);
  const Network<float> net = Network<float>::initialized(spec, rng);
  Predictions a(net, floats), b(net, compact);
  while (a.step(32) > 0) b.step(32);
  REQUIRE(b.finished());
  CHECK(mlp_test::same_bits(a.probabilities(), b.probabilities()));
  CHECK(a.confusion() == b.confusion());
}
