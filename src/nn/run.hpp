// A training run: a Trainer driven for a number of epochs or iterations, with
// the training and test sets evaluated at a fixed interval into a History, and
// divergence (a NaN or infinite loss or weight) detected after every update.
// The command-line trainer and the UI share it, so both record the same curves.
#pragma once

#include "data/dataset.hpp"
#include "nn/metrics.hpp"
#include "nn/trainer.hpp"

#include <string>

namespace mlp {

struct RunSchedule {
  int epochs = 10;            // used when iterations == 0
  long iterations = 0;        // > 0: stop after this many updates instead of after `epochs`
  long eval_every = 0;        // evaluate every this many updates; 0 = at the end of every epoch
  int train_eval_limit = -1;  // evaluate the training loss on at most this many examples (-1 = all)
  size_t max_history_points = 0;  // 0: keep every history point; else thin them to at most this many

  // Throws std::invalid_argument naming the bad field.
  void validate() const;
  // Updates the run makes with `batches_per_epoch` batches per epoch.
  long total_iterations(int batches_per_epoch) const;
};

template <class T>
class TrainingRun {
 public:
  // `trainer` and `test` (may be null) must outlive the run. Records a first history
  // point (the untrained network) at iteration 0.
  TrainingRun(Trainer<T>& trainer, const Dataset* test, const RunSchedule& schedule);

  // One batch (forward, backward, update); then a history point if one is due, which
  // is always the case after the last update. Does nothing once finished().
  void step();
  bool finished() const { return diverged_ || trainer_.iteration() >= total_; }
  bool diverged() const { return diverged_; }
  // Why the run diverged, with a hint (empty when it did not).
  std::string divergence_message() const;

  // Back to a checkpoint of the trainer (Trainer::checkpoint): the history forgets the points
  // measured after it and measures its iteration again when one was due there.
  void restore(const typename Trainer<T>::Checkpoint& c);

  long total_iterations() const { return total_; }
  const History& history() const { return history_; }
  const Trainer<T>& trainer() const { return trainer_; }

  // Evaluates the current network on the training (and test) set now.
  HistoryPoint measure() const;

 private:
  bool evaluation_due() const;
  long points_before(long iteration) const;  // history points measured at iterations < iteration

  Trainer<T>& trainer_;
  const Dataset* test_;
  RunSchedule schedule_;
  long total_;
  bool diverged_ = false;
  History history_;
};

}  // namespace mlp
