// Tests for the playground's set-up and run (src/app/model/playground_run): apply_setup
// clamps a set-up to the playground's limits and says what it changed, keeps an imported
// model's weights only while the network matches them, and leaves the old run going (with a
// message) when a set-up cannot start; reset keeps the notes.
#include <catch2/catch.hpp>

#include "app/model/playground_run.hpp"

#include <cmath>
#include <memory>

using namespace mlp;
using namespace mlp::ui;

TEST_CASE("apply_setup clamps to the playground's limits and notes it", "[playground_run]") {
  PlaygroundRun p;
  RunConfig s;
  s.train.learning_rate = 500.0;
  REQUIRE(apply_setup(p, s));
  CHECK(p.setup.train.learning_rate == SetupLimits::kMaxLearningRate);
  REQUIRE(p.setup_notes.size() == 1);
  CHECK(p.setup_notes[0].find("learning rate") != std::string::npos);
  CHECK(p.run.setup() == p.setup);
  reset_session(p);
  CHECK(p.setup_notes.size() == 1);  // reset keeps them
  CHECK(p.run.serial() == 2);
}

TEST_CASE("an imported model's weights are kept while the network matches", "[playground_run]") {
  PlaygroundRun p;
  REQUIRE(apply_setup(p, RunConfig{}));
  p.run.step_batch();
  p.start_weights = p.run.session().network();
  p.model_source = "model.json";
  RunConfig same = p.setup;
  same.train.learning_rate = 0.05;  // not the network: the weights stay
  REQUIRE(apply_setup(p, same));
  CHECK(p.run.session().network().W[0] == p.start_weights->W[0]);
  RunConfig wider = p.setup;
  wider.hidden[0].units = 7;
  REQUIRE(apply_setup(p, wider));
  CHECK_FALSE(p.start_weights);
  CHECK(p.model_source.empty());
  REQUIRE(p.setup_notes.size() == 1);
  CHECK(p.setup_notes[0] == "the network changed: training starts from the seed again, not from model.json");
}

TEST_CASE("a set-up that cannot start leaves the old run and says why", "[playground_run]") {
  PlaygroundRun p;
  REQUIRE(apply_setup(p, RunConfig{}));
  p.start_weights = p.run.session().network();  // 2 inputs (circles)
  p.model_source = "model.json";
  RunConfig glyphs;
  glyphs.data.source = "glyphs";                // the same layers on 25 inputs: the model does not fit
  CHECK_FALSE(apply_setup(p, glyphs));
  CHECK(p.setup_error.rfind("This set-up cannot start: the model has 2 inputs", 0) == 0);
  CHECK(p.setup == glyphs);                     // the set-up panel shows what was asked for
  CHECK(p.run.setup() == RunConfig{});           // the old run goes on
  CHECK(p.run.serial() == 1);
}

TEST_CASE("a table of the student's own is a data source while it is opened", "[playground_run]") {
  PlaygroundRun p;
  RunConfig s;
  s.data.source = "marks.csv";
  REQUIRE(apply_setup(p, s));  // not opened: unknown, the circles instead
  CHECK(p.setup.data.source == "circles");
  std::string text = "a b label\n";
  for (int i = 0; i < 40; ++i) text += std::to_string(i % 7) + " " + std::to_string(i % 5) + " " + std::to_string(i % 3) + "\n";
  p.own = OwnData{"marks.txt", std::make_shared<const Dataset>(read_table_bytes("marks.txt", text))};
  s.data.source = "marks.txt";
  s.data.test_fraction = 0.25;
  s.data.scaling = Scaling::ZScore;
  REQUIRE(apply_setup(p, s));
  CHECK(p.setup_notes.empty());
  CHECK(p.run.session().train().size() == 30);
  CHECK(p.run.session().test()->size() == 10);
  CHECK(p.run.session().network().spec.outputs == 3);
  CHECK(std::abs(p.run.session().train().X.col(0).mean()) < 1e-5f);  // z-scored on the training part
  p.run.step_batch();
  CHECK(p.run.session().trainer().iteration() == 1);
}
