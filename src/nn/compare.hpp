// Comparison: 2 to 4 training configurations run in lockstep on the same data, each
// from the same initial weights where the architectures' weight shapes (and the
// initialisation) agree, so that only the compared setting differs (by default the
// hidden activation and dropout: sigmoid vs ReLU vs ReLU + dropout).
//
// Lockstep: step_batch() gives every unfinished run one update, step_epoch() runs every
// unfinished run to the end of its current epoch. With equal batch sizes all runs are
// therefore always at the same iteration. Each run is a TrainingRun, so its History and
// divergence handling are those of a single run; a diverged run stops, the others go on.
#pragma once

#include "data/dataset.hpp"
#include "nn/run.hpp"
#include "nn/trainer.hpp"

#include <memory>
#include <string>
#include <vector>

namespace mlp {

// One configuration of the comparison.
struct CompareEntry {
  std::string label;        // legend text, e.g. "relu + dropout"
  NetworkSpec spec;
  TrainConfig config;
};

struct CompareSettings {
  RunSchedule schedule;     // shared by all runs (epochs or iterations, evaluation interval)
  double target_loss = 0.1; // "iterations to reach": first evaluation with training loss <= this

  // Throws std::invalid_argument naming the bad field.
  void validate() const;
};

// What the summary table shows for one run, read from its last history point.
struct RunSummary {
  std::string label;
  long iterations = 0;                               // updates done
  double epochs = 0;                                 // epochs done (fractional)
  double train_loss = HistoryPoint::kNone, train_accuracy = HistoryPoint::kNone;
  double test_loss = HistoryPoint::kNone, test_accuracy = HistoryPoint::kNone;  // NaN: no test set
  long target_iteration = -1;                        // first evaluation at the target loss; -1 = not reached
  bool diverged = false;
  int shares_start_with = 0;                         // index of the run whose initial weights it got
};

// The default comparison for a set-up: every hidden layer sigmoid (no dropout), every
// hidden layer ReLU (no dropout), every hidden layer ReLU with dropout `dropout_ratio`.
std::vector<CompareEntry> activation_variants(const NetworkSpec& base, const TrainConfig& config,
                                              double dropout_ratio = 0.2);

// True when two specs give weight matrices of the same shapes and the same initialisation.
bool same_weight_shapes(const NetworkSpec& a, const NetworkSpec& b);

// The iteration of the first history point whose training loss is at most `target`, or −1.
// Its resolution is the run's evaluation interval.
long iterations_to_reach(const History& history, double target);

template <class T>
class Comparison {
 public:
  static constexpr int kMinRuns = 2, kMaxRuns = 4;

  // `train` and `test` (may be null) must outlive the comparison. Throws
  // std::invalid_argument for fewer than 2 or more than 4 entries, bad settings, or an
  // entry the data does not fit (the message names the entry).
  Comparison(const std::vector<CompareEntry>& entries, const Dataset& train, const Dataset* test,
             const CompareSettings& settings);

  void step_batch();        // one update for every unfinished run
  void step_epoch();        // every unfinished run to the end of its current epoch
  bool finished() const;    // every run finished or diverged

  int size() const { return static_cast<int>(runs_.size()); }
  const CompareEntry& entry(int i) const { return entries_[i]; }
  const TrainingRun<T>& run(int i) const { return *runs_[i]; }
  const Network<T>& network(int i) const { return trainers_[i]->network(); }
  const CompareSettings& settings() const { return settings_; }
  // Changes the summaries' target loss (no retraining needed). Throws std::invalid_argument.
  void set_target_loss(double target);
  RunSummary summary(int i) const;

 private:
  std::vector<CompareEntry> entries_;
  CompareSettings settings_;
  std::vector<std::unique_ptr<Trainer<T>>> trainers_;  // one per entry
  std::vector<std::unique_ptr<TrainingRun<T>>> runs_;  // each drives trainers_[i]
  std::vector<int> shares_start_with_;
};

}  // namespace mlp
