// Run: a session, its stepper and where play pauses; see run.hpp.
#include "app/model/run.hpp"

#include "app/i18n.hpp"

#include <cstdio>
#include <utility>

namespace mlp::ui {

Run::Run(float batches_per_second, double frame_budget_ms, Clock clock)
    : stepper_(batches_per_second, frame_budget_ms, std::move(clock)) {}

void Run::start(const RunConfig& setup, std::shared_ptr<const DataSplit> data, const Network<float>* start) {
  stepper_.stop();
  pause_with("", 0);
  auto session = data ? std::make_unique<Session>(setup, data, start) : std::make_unique<Session>(setup, start);
  setup_ = setup;
  data_ = std::move(data);
  start_weights_.reset();
  if (start) start_weights_ = *start;
  session_ = std::move(session);
  ++serial_;
}

void Run::restart() {
  const RunConfig setup = setup_;
  const std::optional<Network<float>> weights = start_weights_;
  start(setup, data_, weights ? &*weights : nullptr);
}

void Run::clear() {
  stepper_.stop();
  session_.reset();
  data_.reset();
  start_weights_.reset();
}

void Run::step_phase() {
  stepper_.stop();
  session_->step_phase();
}

void Run::step_batch() {
  stepper_.stop();
  session_->step_batch();
}

void Run::step_back_phase() {
  stepper_.stop();
  pause_with("", 0);
  session_->step_back_phase();
}

void Run::step_back_batch() {
  stepper_.stop();
  pause_with("", 0);
  session_->step_back_batch();
}

void Run::go_to(Session::Position position) {
  stepper_.stop();
  pause_with("", 0);
  session_->go_to(position);
}

void Run::step_epoch() { stepper_.run_to_epoch(session_->trainer().epoch() + 1); }

void Run::toggle_play() {
  if (stepper_.playing()) {
    stepper_.stop();
    return;
  }
  stepper_.play();
  pause_with("", 0);
  const int epoch = session_->trainer().epoch(), epochs = setup_.schedule.epochs;
  stop_epoch_ = epoch < epochs ? epochs : epoch + epochs;
  const long iteration = session_->trainer().iteration(), length = setup_.schedule.iterations;
  stop_iteration_ = iteration < length ? length : iteration + length;
}

void Run::pause() { stepper_.stop(); }

Stepper::Report Run::advance(double frame_seconds) {
  if (!session_) return {};
  Stepper::Steps steps;
  steps.batch = [this] {
    session_->step_batch();
    return !should_pause();
  };
  steps.epoch = [this] { return session_->trainer().epoch(); };
  return stepper_.advance(frame_seconds, steps);
}

// Pauses with a reason when the run diverged or play reached the set-up's length.
bool Run::should_pause() {
  const Session& s = *session_;
  if (s.diverged()) {
    pause_with("", 0);
    pause_reason_ = s.divergence_message();
    return true;
  }
  if (!stepper_.playing() || !s.trainer().at_batch_start()) return false;
  if (setup_.schedule.iterations > 0) {
    if (s.trainer().iteration() < stop_iteration_) return false;
    pause_with(tr_noop("Paused after iteration %ld (the set-up's length). Press play to go on."), stop_iteration_);
    return true;
  }
  if (s.trainer().epoch() < stop_epoch_) return false;
  pause_with(tr_noop("Paused after epoch %ld (set-up: play epochs). Press play to go on."), stop_epoch_);
  return true;
}

void Run::pause_with(const char* format, long number) {
  pause_format_ = format;
  pause_number_ = number;
  pause_reason_.clear();
  if (*format == '\0') return;
  char text[256];
  std::snprintf(text, sizeof text, format, number);
  pause_reason_ = text;
}

}  // namespace mlp::ui
