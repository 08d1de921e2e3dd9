// Tests for the training-run loop (src/nn/run): its length in epochs or
// iterations, when it records history points, and how it stops on divergence.
#include <catch2/catch.hpp>

#include "data/toy.hpp"
#include "nn/run.hpp"

#include <cmath>

using namespace mlp;

namespace {

NetworkSpec small_net(const Dataset& d, Output out = Output::Softmax) {
  NetworkSpec s;
  s.inputs = d.features();
  s.hidden = {LayerSpec{8, Activation::Tanh, 0.0}};
  s.output = out;
  s.outputs = output_units(out, d.num_classes);
  return s;
}

}  // namespace

TEST_CASE("a run of epochs evaluates after every epoch", "[run]") {
  const Dataset data = make_toy("circles", 100, 0.05, 1);
  const Dataset test = make_toy("circles", 40, 0.05, 2);
  TrainConfig c;
  c.batch_size = 30;  // 4 batches per epoch, the last one short
  c.learning_rate = 0.5;
  Trainer<double> trainer(small_net(data), data, c);
  RunSchedule s;
  s.epochs = 3;
  TrainingRun<double> run(trainer, &test, s);
  CHECK(run.total_iterations() == 12);
  REQUIRE(run.history().points.size() == 1);  // the untrained network
  CHECK(run.history().points[0].iteration == 0);
  CHECK(std::isnan(run.history().points[0].batch_loss));
  while (!run.finished()) run.step();
  const auto& pts = run.history().points;
  REQUIRE(pts.size() == 4);
  CHECK(pts[1].iteration == 4);
  CHECK(pts[1].epoch == Approx(1.0));
  CHECK(pts[3].iteration == 12);
  CHECK(trainer.iteration() == 12);
  CHECK(pts[3].test_accuracy >= 0.0);
  CHECK_FALSE(std::isnan(pts[3].test_loss));
  CHECK(pts[3].train_loss < pts[0].train_loss);
  run.step();  // finished: nothing happens
  CHECK(trainer.iteration() == 12);
}

TEST_CASE("a run of iterations evaluates every eval_every updates and at the end", "[run]") {
  const Dataset data = make_toy("xor", 64, 0.05, 3);
  TrainConfig c;
  c.batch_size = 16;
  Trainer<float> trainer(small_net(data), data, c);
  RunSchedule s;
  s.iterations = 25;
  s.eval_every = 10;
  TrainingRun<float> run(trainer, nullptr, s);
  CHECK(run.total_iterations() == 25);
  while (!run.finished()) run.step();
  std::vector<long> at;
  for (const auto& p : run.history().points) at.push_back(p.iteration);
  CHECK(at == std::vector<long>{0, 10, 20, 25});
  CHECK(std::isnan(run.history().points.back().test_loss));  // no test set
  CHECK(run.history().points.back().epoch == Approx(25.0 / 4.0));
}

TEST_CASE("a diverging run stops with a message suggesting a lower learning rate", "[run]") {
  const Dataset data = make_toy("circles", 60, 0.05, 4);
  TrainConfig c;
  c.batch_size = 0;
  c.learning_rate = 100;
  NetworkSpec spec = small_net(data, Output::Linear);
  spec.hidden[0].activation = Activation::Linear;
  Trainer<float> trainer(spec, data, c);
  RunSchedule s;
  s.epochs = 1000;
  TrainingRun<float> run(trainer, nullptr, s);
  while (!run.finished()) run.step();
  CHECK(run.diverged());
  CHECK(trainer.iteration() < 1000);
  CHECK_THAT(run.divergence_message(), Catch::Contains("lower learning rate") && Catch::Contains("100"));
}

TEST_CASE("run schedules reject impossible lengths", "[run]") {
  RunSchedule s;
  s.epochs = 0;
  CHECK_THROWS_WITH(s.validate(), Catch::Contains("epochs"));
  s.epochs = 1;
  s.eval_every = -1;
  CHECK_THROWS_WITH(s.validate(), Catch::Contains("eval_every"));
  s.eval_every = 0;
  s.train_eval_limit = 0;
  CHECK_THROWS_WITH(s.validate(), Catch::Contains("train_eval_limit"));
  s.train_eval_limit = -1;
  s.iterations = 7;
  CHECK_NOTHROW(s.validate());
  CHECK(s.total_iterations(100) == 7);
}
