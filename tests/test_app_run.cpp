// Tests for the app's Run (src/app/model/run): a session with its stepper, as the top bar and
// the keys drive it. Play pauses at the set-up's length and, pressed again, plays as many more;
// "step epoch" finishes the epoch over frames; divergence pauses with the core's message;
// restart gives the same initial weights; a set-up that cannot start keeps the old session.
// The clock stands still, so no frame runs out of budget.
#include <catch2/catch.hpp>

#include "app/model/run.hpp"

using namespace mlp;
using ui::Run;

namespace {

constexpr double kFrame = 1.0 / 60;

RunConfig short_setup() {
  RunConfig s;                  // circles: 150 training points, batch 10: 15 batches per epoch
  s.hidden = {LayerSpec{4, Activation::Tanh, 0.0}};
  s.schedule.epochs = 2;
  return s;
}

Run still_clock_run(float speed) { return Run(speed, 12.0, [] { return 0.0; }); }

// Frames of play until the run pauses (at most `frames`).
void play_frames(Run& run, int frames) {
  for (int i = 0; i < frames && run.busy(); ++i) run.advance(kFrame);
}

}  // namespace

TEST_CASE("play pauses at the set-up's epochs, then plays as many more", "[app_run]") {
  Run run = still_clock_run(1000);
  run.start(short_setup());
  REQUIRE(run.session().trainer().batches_per_epoch() == 15);
  run.toggle_play();
  CHECK(run.stepper().playing());
  play_frames(run, 100);
  CHECK_FALSE(run.busy());
  CHECK(run.session().trainer().epoch() == 2);
  CHECK(run.session().trainer().iteration() == 30);
  CHECK(run.pause_reason() == "Paused after epoch 2 (set-up: play epochs). Press play to go on.");
  run.toggle_play();
  CHECK(run.pause_reason().empty());
  play_frames(run, 100);
  CHECK(run.session().trainer().epoch() == 4);
}

TEST_CASE("a set-up counted in iterations pauses after that many updates", "[app_run]") {
  RunConfig setup = short_setup();
  setup.schedule.iterations = 20;
  Run run = still_clock_run(1000);
  run.start(setup);
  run.toggle_play();
  play_frames(run, 100);
  CHECK(run.session().trainer().iteration() == 20);
  CHECK(run.pause_reason() == "Paused after iteration 20 (the set-up's length). Press play to go on.");
}

TEST_CASE("step epoch runs to the end of the current epoch; steps stop play", "[app_run]") {
  Run run = still_clock_run(20);
  run.start(short_setup());
  run.step_phase();
  run.step_batch();
  CHECK(run.session().trainer().iteration() == 1);
  run.step_epoch();
  CHECK(run.busy());
  run.advance(kFrame);
  CHECK_FALSE(run.busy());
  CHECK(run.session().trainer().epoch() == 1);
  CHECK(run.session().trainer().iteration() == 15);
  run.toggle_play();
  run.step_batch();
  CHECK_FALSE(run.busy());
  CHECK(run.session().trainer().iteration() == 16);
}

TEST_CASE("a diverging run pauses with the core's message", "[app_run]") {
  RunConfig setup = short_setup();
  setup.output = Output::Linear;
  setup.train.learning_rate = 100.0;
  Run run = still_clock_run(1000);
  run.start(setup);
  run.toggle_play();
  play_frames(run, 100);
  CHECK_FALSE(run.busy());
  REQUIRE(run.session().diverged());
  CHECK(run.pause_reason() == run.session().divergence_message());
}

TEST_CASE("restart gives a new session with the same initial weights", "[app_run]") {
  Run run = still_clock_run(20);
  run.start(short_setup());
  const Matrix<float> W1 = run.session().network().W[0];
  const long serial = run.serial();
  run.step_batch();
  run.toggle_play();
  run.restart();
  CHECK(run.serial() == serial + 1);
  CHECK_FALSE(run.busy());
  CHECK(run.session().trainer().iteration() == 0);
  CHECK(run.session().network().W[0] == W1);
}

TEST_CASE("a set-up that cannot start leaves the old session running", "[app_run]") {
  Run run = still_clock_run(20);
  run.start(short_setup());
  run.step_batch();
  RunConfig bad = short_setup();
  bad.data.source = "no such data";
  CHECK_THROWS_AS(run.start(bad), std::invalid_argument);
  REQUIRE(run.has_session());
  CHECK(run.serial() == 1);
  CHECK(run.setup() == short_setup());
  CHECK(run.session().trainer().iteration() == 1);
}
