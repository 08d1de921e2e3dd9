// Tests for the lockstep comparison (src/nn/compare): shared initial weights, equal
// iteration counts, the summary, bad input, and that ReLU beats sigmoid on a deep net.
#include <catch2/catch.hpp>

#include "data/glyphs.hpp"
#include "data/toy.hpp"
#include "nn/compare.hpp"

using namespace mlp;

namespace {
NetworkSpec deep_spec(const Dataset& d, int layers, int units) {
  NetworkSpec s;
  s.inputs = d.features();
  s.outputs = d.num_classes;
  s.hidden.assign(layers, LayerSpec{units, Activation::ReLU, 0.0});
  return s;
}

CompareSettings iterations(long n, long eval_every, double target) {
  CompareSettings cs;
  cs.schedule.iterations = n;
  cs.schedule.eval_every = eval_every;
  cs.target_loss = target;
  return cs;
}
}  // namespace

TEST_CASE("the default comparison is sigmoid, relu, relu + dropout on every hidden layer", "[compare]") {
  const Dataset d = make_toy("circles", 40, 0.1, 1);
  const auto entries = activation_variants(deep_spec(d, 2, 4), TrainConfig{}, 0.3);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].label == "sigmoid");
  CHECK(entries[2].label == "relu + dropout");
  for (const auto& layer : entries[0].spec.hidden) CHECK(layer.activation == Activation::Sigmoid);
  for (const auto& layer : entries[1].spec.hidden) CHECK(layer.dropout == 0.0);
  for (const auto& layer : entries[2].spec.hidden) {
    CHECK(layer.activation == Activation::ReLU);
    CHECK(layer.dropout == 0.3);
  }
}

TEST_CASE("runs with the same weight shapes start from the same weights", "[compare]") {
  const Dataset d = make_toy("circles", 40, 0.1, 1);
  TrainConfig cfg;
  cfg.seed = 7;
  auto entries = activation_variants(deep_spec(d, 2, 4), cfg);
  CompareEntry wider{"wider", deep_spec(d, 2, 6), cfg};
  entries.push_back(wider);
  Comparison<float> cmp(entries, d, nullptr, iterations(10, 1, 0.1));
  REQUIRE(cmp.size() == 4);
  for (int i = 1; i < 3; ++i) {
    CHECK(cmp.summary(i).shares_start_with == 0);
    for (int l = 0; l < 3; ++l) CHECK(cmp.network(i).W[l] == cmp.network(0).W[l]);
  }
  CHECK(cmp.summary(3).shares_start_with == 3);
  CHECK(cmp.network(3).W[0].cols() == 6);
  // The first run's start is the one a single Trainer with the same seed draws.
  const Trainer<float> single(entries[0].spec, d, cfg);
  CHECK(single.network().W[1] == cmp.network(0).W[1]);
  // After one batch the activations have pulled the weights apart.
  cmp.step_batch();
  CHECK(cmp.network(1).W[0] != cmp.network(0).W[0]);
}

TEST_CASE("a different initialisation is not shared", "[compare]") {
  const Dataset d = make_toy("xor", 40, 0.1, 1);
  CompareEntry a{"lecture", deep_spec(d, 1, 4), TrainConfig{}};
  CompareEntry b = a;
  b.label = "equal";
  b.spec.init = Init::Equal;
  Comparison<double> cmp({a, b}, d, nullptr, iterations(5, 1, 0.1));
  CHECK(cmp.summary(1).shares_start_with == 1);
  CHECK(cmp.network(1).W[0] != cmp.network(0).W[0]);
}

TEST_CASE("runs step in lockstep by batch and by epoch", "[compare]") {
  const Dataset d = make_toy("circles", 99, 0.1, 3);
  TrainConfig cfg;
  cfg.batch_size = 3;
  CompareSettings cs;
  cs.schedule.epochs = 3;
  Comparison<float> cmp(activation_variants(deep_spec(d, 1, 5), cfg), d, nullptr, cs);
  for (int k = 0; k < 4; ++k) cmp.step_batch();
  for (int i = 0; i < cmp.size(); ++i) CHECK(cmp.summary(i).iterations == 4);
  cmp.step_epoch();  // to the end of the first epoch: 33 iterations
  for (int i = 0; i < cmp.size(); ++i) {
    CHECK(cmp.summary(i).iterations == 33);
    CHECK(cmp.summary(i).epochs == 1.0);
  }
  CHECK_FALSE(cmp.finished());
  cmp.step_epoch();
  cmp.step_epoch();
  CHECK(cmp.finished());
  cmp.step_epoch();  // nothing left to do
  for (int i = 0; i < cmp.size(); ++i) {
    CHECK(cmp.summary(i).iterations == 99);
    CHECK(cmp.run(i).history().points.size() == 4);  // start + one per epoch
  }
}

TEST_CASE("the summary reports losses, accuracies on both sets, and not-reached targets", "[compare]") {
  const Dataset train = make_toy("xor", 100, 0.05, 4);
  const Dataset test = make_toy("xor", 100, 0.05, 5);
  TrainConfig cfg;
  cfg.learning_rate = 0.3;
  cfg.batch_size = 10;
  Comparison<float> cmp(activation_variants(deep_spec(train, 1, 8), cfg), train, &test, iterations(200, 10, 1e-6));
  while (!cmp.finished()) cmp.step_batch();
  for (int i = 0; i < cmp.size(); ++i) {
    const RunSummary s = cmp.summary(i);
    CHECK(s.iterations == 200);
    CHECK(s.train_loss > 0.0);
    CHECK(s.test_accuracy >= 0.0);
    CHECK(s.test_accuracy <= 1.0);
    CHECK(s.target_iteration == -1);  // a loss of 1e-6 is out of reach in 200 updates
    CHECK_FALSE(s.diverged);
  }
  CHECK(cmp.summary(0).train_loss != cmp.summary(1).train_loss);
}

TEST_CASE("iterations to reach a target come from the history and follow a changed target", "[compare]") {
  History h;
  for (long it : {0L, 10L, 20L, 30L}) {
    HistoryPoint p;
    p.iteration = it;
    p.train_loss = 1.0 / (1 + it);  // 1, 0.09, 0.048, 0.032
    h.add(p);
  }
  CHECK(iterations_to_reach(h, 2.0) == 0);
  CHECK(iterations_to_reach(h, 0.05) == 20);
  CHECK(iterations_to_reach(h, 0.01) == -1);

  const Dataset d = make_toy("circles", 60, 0.05, 2);
  TrainConfig cfg;
  cfg.learning_rate = 0.5;
  Comparison<float> cmp(activation_variants(deep_spec(d, 1, 8), cfg), d, nullptr, iterations(150, 1, 1e-9));
  while (!cmp.finished()) cmp.step_batch();
  CHECK(cmp.summary(1).target_iteration == -1);
  const double final_loss = cmp.summary(1).train_loss;
  cmp.set_target_loss(final_loss * 1.5);
  const long reached = cmp.summary(1).target_iteration;
  CHECK(reached > 0);
  CHECK(reached <= 150);
  CHECK(reached == iterations_to_reach(cmp.run(1).history(), final_loss * 1.5));
  CHECK_THROWS_WITH(cmp.set_target_loss(0.0), Catch::Contains("target loss"));
}

TEST_CASE("a diverging run stops and is flagged while the others go on", "[compare]") {
  const Dataset d = make_toy("circles", 40, 0.1, 1);
  CompareEntry calm{"calm", deep_spec(d, 1, 4), TrainConfig{}};
  CompareEntry wild = calm;
  wild.label = "wild";
  wild.config.learning_rate = 100.0;
  wild.spec.init = Init::Large;
  wild.spec.hidden[0].activation = Activation::Linear;
  wild.spec.hidden[0].units = 64;
  Comparison<float> cmp({calm, wild}, d, nullptr, iterations(300, 1, 0.1));
  while (!cmp.finished()) cmp.step_batch();
  CHECK_FALSE(cmp.summary(0).diverged);
  CHECK(cmp.summary(0).iterations == 300);
  CHECK(cmp.summary(1).diverged);
  CHECK(cmp.summary(1).iterations < 300);
}

TEST_CASE("bad comparisons are refused with a message", "[compare]") {
  const Dataset d = make_toy("circles", 40, 0.1, 1);
  const CompareEntry e{"one", deep_spec(d, 1, 4), TrainConfig{}};
  CHECK_THROWS_WITH(Comparison<float>({e}, d, nullptr, CompareSettings{}), Catch::Contains("2 to 4"));
  CHECK_THROWS_WITH(Comparison<float>({e, e, e, e, e}, d, nullptr, CompareSettings{}), Catch::Contains("got 5"));
  CompareSettings bad;
  bad.target_loss = -1;
  CHECK_THROWS_WITH(Comparison<float>({e, e}, d, nullptr, bad), Catch::Contains("target loss"));
  CompareEntry wrong = e;
  wrong.label = "three inputs";
  wrong.spec.inputs = 3;
  CHECK_THROWS_WITH(Comparison<float>({e, wrong}, d, nullptr, CompareSettings{}),
                    Catch::Contains("three inputs: the network has 3 inputs"));
}

TEST_CASE("ReLU reaches a target loss far sooner than sigmoid on the deep glyph network", "[compare][learning]") {
  // 25-20-20-20-5 as in the lecture, 100 noisy glyphs. Seen over seeds 1..10: ReLU reaches
  // a loss of 0.5 within 40-90 updates, sigmoid needs 1100-2000.
  for (uint64_t seed : {1u, 2u, 3u}) {
    const Dataset d = noisy_glyphs(20, 0.05, 0.0, seed);
    TrainConfig cfg;
    cfg.learning_rate = 0.1;
    cfg.batch_size = 10;
    cfg.seed = seed;
    Comparison<float> cmp(activation_variants(deep_spec(d, 3, 20), cfg), d, nullptr, iterations(300, 10, 0.5));
    while (!cmp.finished()) cmp.step_batch();
    const RunSummary sigmoid = cmp.summary(0), relu = cmp.summary(1), dropout = cmp.summary(2);
    CHECK(relu.target_iteration > 0);
    CHECK(relu.target_iteration <= 150);
    CHECK(dropout.target_iteration > 0);
    CHECK(sigmoid.target_iteration == -1);  // not reached in 300 updates
    CHECK(sigmoid.train_loss > relu.train_loss);
  }
}
