// Stepper: play and "step one epoch" within a frame budget; see stepper.hpp.
#include "app/model/stepper.hpp"

#include <algorithm>
#include <utility>

namespace mlp::ui {

namespace {

constexpr double kLongestFrame = 0.25;   // seconds: a stalled tab does not owe a burst of batches
constexpr long kUntilEpochEnd = 1000000; // batches asked while running to an epoch (the budget ends it first)

}  // namespace

Stepper::Stepper(float speed, double budget_ms, Clock clock)
    : batches_per_second(speed), frame_budget_ms(budget_ms), clock_(std::move(clock)) {}

void Stepper::play() {
  stop();
  playing_ = true;
}

void Stepper::run_to_epoch(int epoch) {
  stop();
  epoch_target_ = epoch;
}

void Stepper::stop() {
  playing_ = false;
  epoch_target_ = -1;
  owed_batches_ = 0.0;
}

Stepper::Report Stepper::advance(double frame_seconds, const Steps& steps) {
  Report report;
  long batches = 0;
  if (playing_) {
    owed_batches_ += batches_per_second * std::min(frame_seconds, kLongestFrame);
    batches = static_cast<long>(owed_batches_);
    owed_batches_ -= static_cast<double>(batches);
  } else if (epoch_target_ >= 0) {
    batches = kUntilEpochEnd;
  } else {
    return report;
  }
  auto target_reached = [&] { return epoch_target_ >= 0 && steps.epoch() >= epoch_target_; };
  const double start = clock_();
  for (long i = 0; i < batches; ++i) {
    if (target_reached()) break;
    ++report.batches;
    if (!steps.batch()) {
      stop();
      break;
    }
    if (1000.0 * (clock_() - start) > frame_budget_ms) {
      owed_batches_ = 0.0;  // what does not fit is dropped
      break;
    }
  }
  if (target_reached()) epoch_target_ = -1;
  report.milliseconds = 1000.0 * (clock_() - start);
  return report;
}

}  // namespace mlp::ui
