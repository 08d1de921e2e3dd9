// Run: one training run as the app steps it. A Session (data, trainer, history), the Stepper
// that plays it within the frame budget, where play pauses (the set-up's epochs, or its
// iterations; pressed again after them, as many more) and why it last paused. The top bar and
// the keys drive "the active run" through it: the playground's, or the MNIST tab's.
#pragma once

#include "app/model/session.hpp"
#include "app/model/stepper.hpp"

#include <memory>
#include <optional>
#include <string>

namespace mlp::ui {

class Run {
 public:
  explicit Run(float batches_per_second = 20.0f, double frame_budget_ms = 12.0, Clock clock = steady_seconds);

  // Starts a fresh session of `setup`: on `data` when given (shared: MNIST's digits), else on the
  // data the set-up generates; from the `start` weights when given (an imported model), else
  // from the seed. Stops stepping and clears the pause reason first. Throws
  // std::invalid_argument when the set-up cannot start (the old session stays).
  void start(const RunConfig& setup, std::shared_ptr<const DataSplit> data = nullptr,
             const Network<float>* start = nullptr);
  // Starts the same set-up again: same data, same initial weights.
  void restart();
  // Forgets the session (until the next start).
  void clear();

  bool has_session() const { return session_ != nullptr; }
  const Session& session() const { return *session_; }  // only when has_session()
  long serial() const { return serial_; }               // sessions started so far (view caches compare it)
  const RunConfig& setup() const { return setup_; }      // the set-up of the session
  // Play epochs change no computation: they are edited without a restart.
  void set_play_epochs(int epochs) { setup_.schedule.epochs = epochs; }

  // The top bar's and the keys' actions. Each step stops play first.
  void step_phase();
  void step_batch();
  void step_epoch();   // batches until this epoch ends, spread over frames by advance()
  // Back in time (Session::go_to); each stops play and forgets why it paused.
  void step_back_phase();
  void step_back_batch();
  void go_to(Session::Position position);
  void toggle_play();  // play until the set-up's length (then as many more); pause
  void pause();        // stops play and "step epoch"

  bool busy() const { return stepper_.busy(); }  // playing or finishing an epoch
  Stepper& stepper() { return stepper_; }
  const Stepper& stepper() const { return stepper_; }
  const std::string& pause_reason() const { return pause_reason_; }
  // The same reason for the page to translate: a format with one %ld (an i18n tr_noop text; ""
  // when there is no reason or it is the core's divergence message) and its number.
  const char* pause_format() const { return pause_format_; }
  long pause_number() const { return pause_number_; }

  // This frame's training (every frame): what play or "step epoch" owe, within the budget;
  // pauses with a reason on divergence or at the set-up's length.
  Stepper::Report advance(double frame_seconds);

 private:
  bool should_pause();
  void pause_with(const char* format, long number);  // sets the reason ("" format: none)

  RunConfig setup_;
  std::shared_ptr<const DataSplit> data_;       // null: the session generated its data
  std::optional<Network<float>> start_weights_; // empty: from the seed
  std::unique_ptr<Session> session_;
  long serial_ = 0;
  Stepper stepper_;
  int stop_epoch_ = 0;       // play pauses when this many epochs are done
  long stop_iteration_ = 0;  // or, for set-ups counted in iterations, this many updates
  std::string pause_reason_;
  const char* pause_format_ = "";
  long pause_number_ = 0;
};

}  // namespace mlp::ui
