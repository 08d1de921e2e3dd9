// Session: one running training run of the playground, built from a RunConfig. It holds the
// data (generated from the set-up, or prepared elsewhere and shared: MNIST), the core's Trainer and TrainingRun (which record the history and detect divergence),
// and the per-layer gradient sizes over time. Stepping goes through the core only: a phase
// is Trainer::step_phase, except the update, which TrainingRun::step runs so that the history
// and the divergence check see every batch no matter how it was stepped.
#pragma once

#include "app/run_setup.hpp"
#include "core/thinned.hpp"
#include "nn/run.hpp"

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlp::ui {

// Size of each layer's weight gradient after one update, for the vanishing-gradient plot.
struct GradientSizes {
  long iteration = 0;
  std::vector<float> rms;   // rms[l] = sqrt(mean(dW_l²)) of the batch just used
};

class Session {
 public:
  // Sets larger than the playground's own (MNIST) are measured for the curves ten times per
  // epoch on this many training and test examples: a point then costs part of a frame.
  static constexpr int kCurveTrainSample = 500;
  static constexpr int kCurveTestSample = 1000;
  static constexpr int kCurvePointsPerEpoch = 10;
  // The curves and the gradient sizes keep at most this many points, thinned evenly over the
  // run: a playground left playing for an hour keeps a bounded memory and drawing time.
  static constexpr size_t kMaxCurvePoints = 4000;

  // Generates the data and the initial weights (or starts from `start`, e.g. an imported
  // model, which must match the data's inputs and classes). Throws std::invalid_argument.
  Session(const RunConfig& setup, const Network<float>* start = nullptr);
  // Trains on data prepared elsewhere (MNIST's digits), shared rather than copied.
  Session(const RunConfig& setup, std::shared_ptr<const DataSplit> data, const Network<float>* start = nullptr);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Stepping back keeps the start of each of the last kMaxCheckpoints batches (sets up to the
  // playground's size; not MNIST) and replays phases from one: the same numbers, bit for bit.
  static constexpr size_t kMaxCheckpoints = 500;

  // One phase / the rest of the batch. Return false (and do nothing) once diverged.
  bool step_phase();
  bool step_batch();

  // Where the run stands: `iteration` updates done and `phases` phases of the next batch run.
  struct Position {
    long iteration = 0;
    int phases = 0;
    bool operator==(const Position& o) const { return iteration == o.iteration && phases == o.phases; }
  };
  Position position() const;
  // The earliest and latest positions after an update that go_to can reach (the latest is the
  // furthest the run has been, even after stepping back); earliest > latest when none.
  long earliest_iteration() const;
  long latest_iteration() const;
  // Back or forward to a position within reach: from the checkpoint before it, the phases are
  // run again. Returns false (and does nothing) when it is out of reach.
  bool go_to(Position target);
  bool step_back_phase();   // one phase back
  bool step_back_batch();   // to just after the update before the current one

  const RunConfig& setup() const { return setup_; }
  const Dataset& train() const { return data_->train; }
  const Dataset* test() const { return data_->test.size() > 0 ? &data_->test : nullptr; }
  // Where the curves' test points are measured: all of test(), or a sample of a large test set.
  const Dataset* curve_test() const { return curve_test_.size() > 0 ? &curve_test_ : test(); }
  const Trainer<float>& trainer() const { return *trainer_; }
  // A copy of the trainer as the run started: its initial weights, example order and random
  // streams, before the first update (for a script that rebuilds the run).
  Trainer<float> trainer_at_start() const;
  const TrainingRun<float>& run() const { return *run_; }
  const Network<float>& network() const { return trainer_->network(); }
  const Pass<float>& pass() const { return trainer_->pass(); }
  // One entry per update, thinned to kMaxCurvePoints over a long run.
  const std::vector<GradientSizes>& gradient_sizes() const { return gradient_sizes_; }

  // The phase that ran last (nothing before the first step).
  std::optional<Phase> last_phase() const { return last_phase_; }
  // True once a batch has been loaded into pass() (after the first forward phase).
  bool has_pass() const { return last_phase_.has_value(); }
  // The weights the current pass() was computed with: before the update once it ran.
  const std::vector<Matrix<float>>& pass_weights() const;
  // Counts every change of weights or pass (caches compare it).
  long version() const { return version_; }

  bool diverged() const { return run_->diverged(); }
  std::string divergence_message() const { return run_->divergence_message(); }

 private:
  void after_update();
  void keep_checkpoint();
  int phases_per_batch() const { return 2 * network().spec.layers() + 2; }

  RunConfig setup_;
  std::shared_ptr<const DataSplit> data_;
  Dataset curve_test_;  // empty unless the test set is large
  std::unique_ptr<Trainer<float>> trainer_;
  std::unique_ptr<TrainingRun<float>> run_;
  std::vector<GradientSizes> gradient_sizes_;
  Thinning gradient_thinning_{kMaxCurvePoints};
  std::optional<Phase> last_phase_;
  long version_ = 0;
  bool keeps_checkpoints_ = false;
  std::deque<Trainer<float>::Checkpoint> checkpoints_;  // consecutive iterations, oldest first
  Trainer<float>::Checkpoint start_;                     // the run's start (trainer_at_start)
  long latest_iteration_ = 0;
};

}  // namespace mlp::ui
