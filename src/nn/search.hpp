// Hyperparameter search (homework 10-2): a grid or random search over hidden layer
// widths, learning rate, batch size and epochs (and optionally the hidden activation
// and dropout), each configuration judged on a validation split held out from the
// training set or by k-fold cross-validation; then the best one retrained on the whole
// training set and evaluated once on the test set.
//
// Everything runs incrementally, so the page can drive it a few batches per frame:
//   Search search(train, space, options);          // throws, listing every problem at once
//   while (search.step(8)) draw(search.progress());  // 8 units = 8 batches or evaluation chunks
//   Trial final = final_trial(train, test, search.rows()[search.best()].config, options);
//   while (final.step(8)) ...;                    // or retrain_and_test(...) in one call
// A configuration whose training diverges (NaN loss) is marked and the search goes on.
// Training uses Trainer<float>; times come from a clock the caller may replace.
#pragma once

#include "data/dataset.hpp"
#include "data/preprocess.hpp"
#include "nn/network.hpp"
#include "nn/trainer.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace mlp {

using Clock = std::function<double()>;  // seconds since any fixed point
double steady_seconds();                // std::chrono::steady_clock

// The values to try, one list per hyperparameter; a search tries combinations of them.
struct SearchSpace {
  std::vector<std::vector<int>> hidden;                      // widths, e.g. {{50}, {100}, {100, 50}}; {} = none
  std::vector<double> learning_rates;                        // in (0, 100]
  std::vector<int> batch_sizes;                              // >= 1, or 0 for the whole training set
  std::vector<int> epochs;                                   // >= 1
  std::vector<Activation> activations = {Activation::ReLU};  // of every hidden layer
  std::vector<double> dropouts = {0.0};                      // drop ratio of every hidden layer, in [0, 1)

  int64_t size() const;  // number of combinations (saturates at INT64_MAX)
};

// One combination of the search space.
struct SearchConfig {
  std::vector<int> hidden;
  double learning_rate = 0.1;
  int batch_size = 32;
  int epochs = 1;
  Activation activation = Activation::ReLU;
  double dropout = 0.0;

  // e.g. "100-50 relu, lr 0.1, batch 32, 10 epochs, dropout 0.2"
  std::string describe() const;
};

enum class SearchMethod { Grid, Random };
enum class Validation { Holdout, KFold };

struct SearchOptions {
  SearchMethod method = SearchMethod::Grid;
  int samples = 10;                  // random: distinct combinations drawn (all of them if fewer)
  Validation validation = Validation::Holdout;
  double validation_fraction = 0.2;  // holdout: share of the training set held out
  int folds = 5;                     // k-fold: k
  bool stratified = true;            // splits keep the class proportions
  Output output = Output::Softmax;
  Init init = Init::Lecture;
  TrainConfig train;                 // momentum, shuffle, and the seed of the training runs, the split and
                                     // the random draws; learning_rate and batch_size come from each config
};

// Every problem with a search set-up as one sentence each (empty when it can run):
// empty lists, zero/negative/absurd values, too many combinations, impossible splits.
std::vector<std::string> search_problems(const SearchSpace& space, const SearchOptions& options,
                                         const Dataset& train);

// All combinations in grid order (hidden widths slowest, dropout fastest) or, for a
// random search, options.samples distinct ones in the order drawn.
std::vector<SearchConfig> search_configs(const SearchSpace& space, const SearchOptions& options);

// The network and the training settings a configuration stands for, for a data set.
NetworkSpec network_spec(const SearchConfig& config, const SearchOptions& options, const Dataset& data);
TrainConfig train_config(const SearchConfig& config, const SearchOptions& options);

enum class TrialStatus { Pending, Running, Ok, Diverged, Invalid, Stopped };

// One configuration trained on one data set and then evaluated on rows of another, a
// unit of work per step: a training batch, or an evaluation chunk of up to 256 rows.
class Trial {
 public:
  static constexpr int kEvalChunk = 256;

  // `train` and `eval` must outlive the trial. A set-up the trainer rejects (or an
  // evaluation set that does not fit) makes an Invalid trial that is already finished.
  // `train_rows` picks the training rows (empty = all), without copying them.
  Trial(const NetworkSpec& spec, const TrainConfig& config, int epochs, const Dataset& train,
        std::vector<int> train_rows, const Dataset& eval, std::vector<int> eval_rows,
        Clock clock = steady_seconds);

  // Runs at most `units` units; returns how many it ran (0 once finished).
  int step(int units);
  bool finished() const { return status_ != TrialStatus::Running; }

  TrialStatus status() const { return status_; }
  // Invalid: why; Diverged: e.g. "NaN loss after 3 updates".
  const std::string& message() const { return message_; }
  double accuracy() const { return accuracy_; }            // on the evaluation rows; NaN until Ok
  double loss() const { return loss_; }                    // mean loss there; NaN until Ok
  double train_seconds() const { return train_seconds_; }  // time spent in training steps
  int epoch() const;                                       // completed epochs
  int epochs() const { return epochs_; }
  int64_t units_done() const { return units_done_; }
  int64_t units_total() const { return units_total_; }
  // The trained network; throws std::logic_error for an Invalid trial.
  const Network<float>& network() const;

 private:
  int train(int units);  // up to `units` timed training batches; marks a divergence
  void evaluate_chunk();
  void finish();

  std::unique_ptr<Trainer<float>> trainer_;
  const Dataset* eval_;
  std::vector<int> eval_rows_;
  Clock clock_;
  int epochs_;
  TrialStatus status_ = TrialStatus::Running;
  std::string message_;
  size_t eval_done_ = 0;
  double loss_sum_ = 0, correct_ = 0;
  double accuracy_ = std::numeric_limits<double>::quiet_NaN();
  double loss_ = std::numeric_limits<double>::quiet_NaN();
  double train_seconds_ = 0;
  int64_t units_done_ = 0, units_total_ = 0;
};

// One configuration's result: validation accuracy and loss are means over the folds.
struct SearchRow {
  SearchConfig config;
  TrialStatus status = TrialStatus::Pending;
  std::string message;                // see Trial::message (a divergence names the fold for k-fold)
  double accuracy = std::numeric_limits<double>::quiet_NaN();
  double loss = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> fold_accuracy;  // one per fold (one for a holdout split)
  std::vector<double> fold_loss;
  double train_seconds = 0;           // summed over the folds

  // "ok", "pending", "running", "stopped", "diverged (NaN loss after 3 updates)", "invalid: ..."
  std::string status_text() const;
};

struct SearchProgress {
  int done = 0, total = 0;  // configurations finished / all
  int current = -1;         // row in training, -1 when none
  int fold = 0, folds = 1;  // fold of the current row (0-based) / number of folds
  int epoch = 0, epochs = 0;  // completed / planned epochs of the current fold
  double fraction = 0;      // share of all planned work done, in [0, 1]
};

class Search {
 public:
  // `train` must outlive the search. Throws std::invalid_argument with every problem
  // from search_problems, one per line.
  Search(const Dataset& train, const SearchSpace& space, const SearchOptions& options,
         Clock clock = steady_seconds);

  // Runs at most `units` units of work (a batch or an evaluation chunk each);
  // returns true while there is work left.
  bool step(int units = 1);
  // Stops now: the configuration in training is marked "stopped", later ones stay "pending".
  void stop();
  bool finished() const { return stopped_ || current_ >= static_cast<int>(rows_.size()); }

  SearchProgress progress() const;
  const std::vector<SearchRow>& rows() const { return rows_; }
  // Row indices, best first: "ok" rows by validation accuracy (ties: lower loss, then
  // earlier row), then the others in row order.
  std::vector<int> ranking() const;
  int best() const;  // the first of ranking() if it is "ok", else -1
  // The folds used (one for a holdout split): indices into the training set.
  const std::vector<Fold>& folds() const { return folds_; }

 private:
  void start_trial();
  void finish_trial();

  const Dataset* train_;
  SearchOptions options_;
  Clock clock_;
  std::vector<Fold> folds_;
  std::vector<SearchRow> rows_;
  std::vector<int64_t> row_units_;  // planned units per row (all folds)
  int64_t units_total_ = 0, units_finished_ = 0;  // finished: rows and folds done
  int current_ = 0, fold_ = 0;
  bool stopped_ = false;
  std::unique_ptr<Trial> trial_;
};

// The final run: `config` retrained on all of `train`, evaluated once on all of `test`.
Trial final_trial(const Dataset& train, const Dataset& test, const SearchConfig& config,
                  const SearchOptions& options, Clock clock = steady_seconds);
// The same, run to the end in one call.
Trial retrain_and_test(const Dataset& train, const Dataset& test, const SearchConfig& config,
                       const SearchOptions& options, Clock clock = steady_seconds);

}  // namespace mlp
