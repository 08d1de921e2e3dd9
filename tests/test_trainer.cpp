// Tests for the phase-by-phase trainer (src/nn/trainer): the lecture's batching,
// the phase order, seeded determinism, that networks actually learn, and that a compact
// training set (bytes converted batch by batch) trains exactly like its float copy.
#include "data_test_util.hpp"

#include "data/glyphs.hpp"
#include "data/scaling.hpp"
#include "data/toy.hpp"
#include "nn/metrics.hpp"
#include "nn/trainer.hpp"

using namespace mlp;

namespace {
Dataset counting_set(int n) {  // the lecture's tmpx = 0..n-1, tmpy alternating
  Dataset d;
  d.X.resize(n, 1);
  for (int i = 0; i < n; ++i) {
    d.X(i, 0) = static_cast<float>(i);
    d.labels.push_back(i % 2);
  }
  d.num_classes = 2;
  return d;
}

NetworkSpec net_for(const Dataset& d, std::vector<LayerSpec> hidden, Output out = Output::Softmax) {
  NetworkSpec s;
  s.inputs = d.features();
  s.hidden = std::move(hidden);
  s.output = out;
  s.outputs = output_units(out, d.num_classes);
  return s;
}

double train_accuracy(const NetworkSpec& spec, const Dataset& d, TrainConfig cfg, int epochs) {
  Trainer<float> t(spec, d, cfg);
  for (int e = 0; e < epochs; ++e) t.step_epoch();
  return evaluate(t.network(), d).accuracy;
}
}  // namespace

TEST_CASE("prepare_batches: 10 examples, batch 2 -> [0 1] [2 3] ... [8 9]", "[trainer]") {
  const Dataset d = counting_set(10);
  TrainConfig cfg;
  cfg.batch_size = 2;
  Trainer<float> t(net_for(d, {{3, Activation::Sigmoid, 0.0}}), d, cfg);
  CHECK(t.batches_per_epoch() == 5);
  for (int b = 0; b < 5; ++b) {
    t.step_phase();  // forward layer 1 loads the batch
    CHECK(t.pass().X.rows() == 2);
    CHECK(t.pass().X(0, 0) == 2.0f * b);
    CHECK(t.pass().X(1, 0) == 2.0f * b + 1);
    while (!t.at_batch_start()) t.step_phase();
  }
  CHECK(t.epoch() == 1);
  CHECK(t.iteration() == 5);
}

TEST_CASE("99 examples with batch 3 make 33 iterations per epoch, 330 in 10 epochs", "[trainer]") {
  const Dataset d = counting_set(99);
  TrainConfig cfg;
  cfg.batch_size = 3;
  Trainer<float> t(net_for(d, {}), d, cfg);
  CHECK(t.batches_per_epoch() == 33);
  for (int e = 0; e < 10; ++e) t.step_epoch();
  CHECK(t.iteration() == 330);
  CHECK(batches_per_epoch(10, 4) == 3);  // a last short batch is kept
  CHECK(batches_per_epoch(10, 0) == 1);  // 0 = full batch
}

TEST_CASE("one batch runs the phases forward 1..L, loss, backward L..1, update", "[trainer]") {
  const Dataset d = make_toy("circles", 40, 0.05, 1);
  TrainConfig cfg;
  cfg.batch_size = 8;
  Trainer<float> t(net_for(d, {{4, Activation::ReLU, 0.0}, {3, Activation::ReLU, 0.0}}), d, cfg);
  std::vector<std::string> labels;
  do labels.push_back(phase_label(t.step_phase()));
  while (!t.at_batch_start());
  CHECK(labels == std::vector<std::string>{"forward 1", "forward 2", "forward 3", "loss", "backward 3",
                                           "backward 2", "backward 1", "update"});
  // The update applied W ← W − α dW with the gradients of this batch.
  for (int l = 0; l < 3; ++l) {
    const Matrix<float> expected = t.weights_before_update()[l] - 0.1f * t.pass().dW[l];
    CHECK(t.network().W[l].isApprox(expected));
  }
}

TEST_CASE("a seed fixes weights, data order and dropout masks", "[trainer]") {
  const Dataset d = make_toy("xor", 60, 0.1, 3);
  TrainConfig cfg;
  cfg.batch_size = 10;
  cfg.shuffle = true;
  cfg.seed = 77;
  const NetworkSpec spec = net_for(d, {{8, Activation::ReLU, 0.25}});
  Trainer<float> a(spec, d, cfg), b(spec, d, cfg);
  for (int i = 0; i < 13; ++i) {
    a.step_batch();
    b.step_batch();
  }
  CHECK(a.batch_indices() == b.batch_indices());
  CHECK(a.pass().M[0] == b.pass().M[0]);
  CHECK(a.network().W[0] == b.network().W[0]);
  cfg.seed = 78;
  Trainer<float> c(spec, d, cfg);
  c.step_batch();
  CHECK(c.network().W[0] != a.weights_before_update()[0]);
}

TEST_CASE("momentum accumulates a velocity", "[trainer]") {
  const Dataset d = make_toy("linearly_separable", 30, 0.1, 1);
  TrainConfig cfg;
  cfg.batch_size = 0;
  cfg.optimizer.kind = Optimizer::Momentum;
  cfg.optimizer.momentum = 0.9;
  Trainer<double> t(net_for(d, {}), d, cfg);
  t.step_batch();
  const Matrix<double> first_step = t.network().W[0] - t.weights_before_update()[0];
  t.step_batch();
  const Matrix<double> second_step = t.network().W[0] - t.weights_before_update()[0];
  CHECK(second_step.isApprox(0.9 * first_step - 0.1 * t.pass().dW[0], 1e-9));
}

TEST_CASE("L2 adds λ₂·W to the step of the weights, not of the bias row", "[trainer]") {
  const Dataset d = make_toy("linearly_separable", 30, 0.1, 1);
  TrainConfig cfg;
  cfg.batch_size = 0;
  cfg.learning_rate = 0.5;
  cfg.l2 = 0.1;
  Trainer<double> t(net_for(d, {LayerSpec{3, Activation::Sigmoid, 0.0}}), d, cfg);
  t.step_batch();
  for (size_t l = 0; l < 2; ++l) {
    const Matrix<double>& W0 = t.weights_before_update()[l];
    const Matrix<double> step = W0 - t.network().W[l];  // α (dW + λ₂·W), bias row: α dW
    CHECK(step.row(0).isApprox(0.5 * t.pass().dW[l].row(0), 1e-12));
    const Eigen::Index n = W0.rows() - 1;
    CHECK(step.bottomRows(n).isApprox(0.5 * (t.pass().dW[l].bottomRows(n) + 0.1 * W0.bottomRows(n)), 1e-12));
  }
  cfg.l2 = -1;
  CHECK_THROWS_WITH(Trainer<float>(net_for(d, {}), d, cfg), Catch::Contains("L2 rate"));
}

TEST_CASE("L1 and L2 together step along dW + λ₂·W + λ₁·sign W, and the trainer shows that penalty", "[trainer]") {
  const Dataset d = make_toy("linearly_separable", 30, 0.1, 1);
  TrainConfig cfg;
  cfg.batch_size = 0;
  cfg.learning_rate = 0.5;
  cfg.l1 = 0.02;
  cfg.l2 = 0.1;
  Trainer<double> t(net_for(d, {LayerSpec{3, Activation::Sigmoid, 0.0}}), d, cfg);
  t.step_batch();
  REQUIRE(t.penalty_gradients().size() == 2);
  for (size_t l = 0; l < 2; ++l) {
    const Matrix<double>& W0 = t.weights_before_update()[l];
    const Eigen::Index n = W0.rows() - 1;
    const Matrix<double> P = 0.1 * W0.bottomRows(n) + 0.02 * W0.bottomRows(n).cwiseSign();
    CHECK(t.penalty_gradients()[l].row(0).isZero());
    CHECK(t.penalty_gradients()[l].bottomRows(n).isApprox(P, 1e-12));
    const Matrix<double> step = W0 - t.network().W[l];
    CHECK(step.bottomRows(n).isApprox(0.5 * (t.pass().dW[l].bottomRows(n) + P), 1e-12));
  }
  cfg.l1 = 11;
  CHECK_THROWS_WITH(Trainer<float>(net_for(d, {}), d, cfg), Catch::Contains("L1 rate"));
}

TEST_CASE("Adam trains the circles with one hidden layer", "[trainer]") {
  const Dataset d = make_toy("circles", 200, 0.05, 3);
  TrainConfig cfg;
  cfg.batch_size = 20;
  cfg.learning_rate = 0.02;
  cfg.shuffle = true;
  cfg.optimizer.kind = Optimizer::Adam;
  Trainer<float> t(net_for(d, {LayerSpec{8, Activation::ReLU, 0.0}}), d, cfg);
  const double before = evaluate(t.network(), d).loss;
  for (int e = 0; e < 60; ++e) t.step_epoch();
  CHECK(t.optimizer().steps() == 600);
  const Evaluation after = evaluate(t.network(), d);
  CHECK(after.loss < 0.2 * before);
  CHECK(after.accuracy > 0.95);
}

TEST_CASE("bad training settings and mismatched data are refused", "[trainer]") {
  const Dataset d = make_toy("circles", 20, 0.1, 1);
  TrainConfig cfg;
  cfg.learning_rate = -1;
  CHECK_THROWS_WITH(Trainer<float>(net_for(d, {}), d, cfg), Catch::Contains("learning rate"));
  cfg.learning_rate = 0.1;
  NetworkSpec spec = net_for(d, {});
  spec.inputs = 3;
  CHECK_THROWS_WITH(Trainer<float>(spec, d, cfg), Catch::Contains("3 inputs but the data has 2 features"));
}

TEST_CASE("a single-layer perceptron fails on circles, one hidden layer separates them", "[trainer][learning]") {
  const Dataset d = make_toy("circles", 200, 0.05, 2);
  TrainConfig cfg;
  cfg.learning_rate = 0.5;
  cfg.batch_size = 20;
  cfg.shuffle = true;
  const double perceptron = train_accuracy(net_for(d, {}, Output::Sigmoid), d, cfg, 300);
  const double hidden = train_accuracy(net_for(d, {{8, Activation::Sigmoid, 0.0}}, Output::Sigmoid), d, cfg, 300);
  CHECK(perceptron < 0.7);
  CHECK(hidden >= 0.97);
}

TEST_CASE("one hidden layer learns XOR", "[trainer][learning]") {
  const Dataset d = make_toy("xor", 200, 0.05, 4);
  TrainConfig cfg;
  cfg.learning_rate = 0.3;
  cfg.batch_size = 10;
  cfg.shuffle = true;
  CHECK(train_accuracy(net_for(d, {{8, Activation::ReLU, 0.0}}), d, cfg, 200) >= 0.97);
}

TEST_CASE("the lecture's 25-20-20-20-5 ReLU network learns the five glyphs", "[trainer][learning]") {
  const Dataset d = lecture_glyphs();
  TrainConfig cfg;
  cfg.learning_rate = 0.1;
  cfg.batch_size = 5;
  const std::vector<LayerSpec> hidden(3, LayerSpec{20, Activation::ReLU, 0.0});
  Trainer<float> t(net_for(d, hidden), d, cfg);
  for (int e = 0; e < 500; ++e) t.step_epoch();
  const Evaluation ev = evaluate(t.network(), d);
  CHECK(ev.accuracy == 1.0);
  CHECK(ev.loss < 0.05);
}

TEST_CASE("a trainer can learn from a subset of rows without copying them", "[trainer]") {
  const Dataset d = counting_set(10);
  TrainConfig cfg;
  cfg.batch_size = 2;
  Trainer<float> t(net_for(d, {}), d, cfg, {7, 3, 5});
  CHECK(t.examples() == 3);
  CHECK(t.batches_per_epoch() == 2);
  t.step_batch();
  CHECK(t.batch_indices() == std::vector<int>{7, 3});
  t.step_batch();
  CHECK(t.batch_indices() == std::vector<int>{5});
  CHECK(t.epoch() == 1);
  CHECK_THROWS_WITH(Trainer<float>(net_for(d, {}), d, cfg, {3, 10}), Catch::Contains("example index 10 out of range"));
}

template <class T>
void check_same_training(const Dataset& floats, const Dataset& compact) {
  TrainConfig cfg;
  cfg.batch_size = 32;
  cfg.shuffle = true;
  cfg.learning_rate = 0.5;
  cfg.seed = 9;
  const NetworkSpec spec = net_for(floats, {{12, Activation::Sigmoid, 0.0}});
  const std::vector<int> rows = {5, 1, 100, 42, 7, 250, 3, 99, 64, 8, 17, 180, 33, 2, 11, 77, 150, 260, 9, 30,
                                 31, 40, 41, 50, 60, 70, 80, 90, 110, 120, 130, 140, 145, 160, 170};
  for (const std::vector<int>& examples : {std::vector<int>{}, rows}) {
    Trainer<T> a(spec, floats, cfg, examples), b(spec, compact, cfg, examples);
    for (int e = 0; e < 3; ++e) {
      a.step_epoch();
      b.step_epoch();
    }
    CHECK(mlp_test::same_bits(a.pass().X, b.pass().X));
    for (size_t l = 0; l < a.network().W.size(); ++l) CHECK(mlp_test::same_bits(a.network().W[l], b.network().W[l]));
    const Evaluation ea = evaluate(a.network(), floats), eb = evaluate(a.network(), compact);
    CHECK(ea.loss == eb.loss);
    CHECK(ea.confusion == eb.confusion);
    CHECK(evaluate(a.network(), floats, rows).loss == evaluate(a.network(), compact, rows).loss);
    CHECK(mlp_test::same_bits(predict_rows(a.network(), floats, 10, 50), predict_rows(a.network(), compact, 10, 50)));
  }
}

TEST_CASE("a compact training set trains to bit-identical weights", "[trainer][dataset]") {
  const auto [floats, compact] = mlp_test::scaled_storage_pair(300, 16, 3, 21, Scaling::ZScore);
  check_same_training<float>(floats, compact);
  check_same_training<double>(floats, compact);
}
