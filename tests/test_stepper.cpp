// Tests for the app's budgeted stepper (src/app/model/stepper): how many batches a frame of play
// owes (the fraction carried over, long frames capped), the frame budget, stopping when a batch
// says so, and running to the end of an epoch. A fake clock and counters stand for the run.
#include <catch2/catch.hpp>

#include "app/model/stepper.hpp"

using namespace mlp;
using ui::Stepper;

namespace {

// A run of `per_epoch` batches per epoch whose every batch takes `ms_per_batch` on `now`.
struct FakeRun {
  double now = 0.0;  // seconds
  double ms_per_batch = 0.0;
  int per_epoch = 10;
  long batches = 0;
  long stop_after = -1;  // the batch that returns false (−1: none)

  Stepper stepper(float speed, double budget_ms) {
    return Stepper(speed, budget_ms, [this] { return now; });
  }
  Stepper::Steps steps() {
    Stepper::Steps s;
    s.batch = [this] {
      ++batches;
      now += ms_per_batch / 1000.0;
      return batches != stop_after;
    };
    s.epoch = [this] { return static_cast<int>(batches / per_epoch); };
    return s;
  }
};

}  // namespace

TEST_CASE("a paused stepper runs nothing", "[stepper]") {
  FakeRun run;
  Stepper s = run.stepper(20, 12);
  CHECK_FALSE(s.busy());
  CHECK(s.advance(1.0, run.steps()).batches == 0);
  CHECK(run.batches == 0);
}

TEST_CASE("play owes speed x frame time batches and carries the fraction", "[stepper]") {
  FakeRun run;
  Stepper s = run.stepper(20, 12);
  s.play();
  CHECK(s.playing());
  CHECK(s.advance(0.1, run.steps()).batches == 2);     // 20/s for 0.1 s
  CHECK(s.advance(0.03, run.steps()).batches == 0);    // 0.6 owed
  CHECK(s.advance(0.03, run.steps()).batches == 1);    // 1.2 owed: one now, 0.2 carried
  CHECK(s.advance(0.04, run.steps()).batches == 1);    // 0.2 + 0.8
  CHECK(run.batches == 4);
  SECTION("a long frame counts as 0.25 s") {
    CHECK(s.advance(10.0, run.steps()).batches == 5);
  }
  SECTION("stop forgets what is owed") {
    s.advance(0.03, run.steps());  // 0.6 owed
    s.stop();
    s.play();
    CHECK(s.advance(0.03, run.steps()).batches == 0);
  }
}

TEST_CASE("a frame's work ends at the budget and the rest is dropped", "[stepper]") {
  FakeRun run;
  run.ms_per_batch = 5.0;
  Stepper s = run.stepper(1000, 12);
  s.play();
  const Stepper::Report r = s.advance(0.1, run.steps());  // 100 owed, 5 ms each
  CHECK(r.batches == 3);                                   // 15 ms > 12 ms after the third
  CHECK(r.milliseconds == Approx(15.0));
  CHECK(s.playing());
  CHECK(s.advance(0.001, run.steps()).batches == 1);       // nothing carried from the dropped 97
}

TEST_CASE("a batch that returns false stops the stepper", "[stepper]") {
  FakeRun run;
  run.stop_after = 3;
  Stepper s = run.stepper(100, 12);
  s.play();
  CHECK(s.advance(0.1, run.steps()).batches == 3);  // 10 owed
  CHECK_FALSE(s.busy());
  CHECK(s.advance(0.1, run.steps()).batches == 0);
}

TEST_CASE("run_to_epoch steps until the epoch is reached, over several frames if needed", "[stepper]") {
  FakeRun run;
  run.batches = 3;  // epoch 0, batch 4 of 10
  Stepper s = run.stepper(20, 12);
  s.run_to_epoch(1);
  CHECK(s.busy());
  CHECK_FALSE(s.playing());
  SECTION("within one frame") {
    CHECK(s.advance(0.016, run.steps()).batches == 7);
    CHECK(run.batches == 10);
    CHECK_FALSE(s.busy());
    CHECK(s.epoch_target() == -1);
  }
  SECTION("across frames when the budget ends a frame first") {
    run.ms_per_batch = 5.0;
    CHECK(s.advance(0.016, run.steps()).batches == 3);
    CHECK(s.busy());
    CHECK(s.advance(0.016, run.steps()).batches == 3);
    CHECK(s.advance(0.016, run.steps()).batches == 1);
    CHECK(run.batches == 10);
    CHECK_FALSE(s.busy());
  }
  SECTION("play replaces the epoch target") {
    s.play();
    CHECK(s.epoch_target() == -1);
    CHECK(s.advance(0.1, run.steps()).batches == 2);
  }
}
