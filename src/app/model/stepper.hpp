// Stepper: how play and "step one epoch" spread training over frames, the one loop behind the
// playground's top bar, the Compare view and the MNIST tab. While playing, each frame owes
// speed × frame time batches (the fraction is carried to the next frame); while finishing an
// epoch, every batch up to the epoch's end is owed. Either way a frame's work stops at the frame
// budget and what did not fit is dropped, so the page stays responsive.
//
// The stepper drives a run through two functions (step one batch, read the epoch) and reads the
// time from a clock passed in, so it is tested without a network or wall time.
#pragma once

#include "nn/search.hpp"

#include <functional>

namespace mlp::ui {

class Stepper {
 public:
  // What advance() steps: one batch (false when the run must stop: diverged, finished, or a
  // point where play pauses), and the run's current epoch (needed for run_to_epoch only).
  struct Steps {
    std::function<bool()> batch;
    std::function<int()> epoch;
  };

  // What one advance() did.
  struct Report {
    long batches = 0;           // batches stepped
    double milliseconds = 0.0;  // time they took
  };

  explicit Stepper(float speed = 20.0f, double budget_ms = 12.0, Clock clock = steady_seconds);

  void play();                      // batch after batch at batches_per_second
  void run_to_epoch(int epoch);     // batches until the run's epoch reaches `epoch` (as fast as the budget allows)
  void stop();                      // pause; forgets owed batches and the epoch target
  bool playing() const { return playing_; }
  bool busy() const { return playing_ || epoch_target_ >= 0; }  // playing or running to an epoch
  int epoch_target() const { return epoch_target_; }            // −1: none

  // This frame's training: the owed batches (playing) or batches until the epoch target is
  // reached, each through steps.batch, stopping when a batch returns false (the stepper stops)
  // or after frame_budget_ms (the rest is dropped). frame_seconds counts at most 0.25 s.
  Report advance(double frame_seconds, const Steps& steps);

  float batches_per_second;  // play speed (the speed slider edits it)
  double frame_budget_ms;    // training work per frame stops after this long

 private:
  Clock clock_;
  bool playing_ = false;
  double owed_batches_ = 0.0;  // fractional batches carried to the next frame
  int epoch_target_ = -1;
};

}  // namespace mlp::ui
