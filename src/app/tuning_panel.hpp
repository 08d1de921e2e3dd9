// The tuning panel (homework 10-2): a grid or random search over hidden layer widths,
// learning rate, batch size and epochs (and the hidden activation and dropout), each
// configuration judged on a validation split held out from the training digits or by
// k-fold cross-validation. The search runs a few batches per frame and can be stopped;
// results fill a sortable table (validation accuracy, loss, time, status: a diverging
// configuration is marked and the rest go on); the best one is then retrained on all the
// training digits and tested once on the test digits.
#pragma once

#include "data/dataset.hpp"
#include "nn/search.hpp"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <vector>

namespace mlp {

class TuningPanel {
 public:
  TuningPanel();
  // Runs search work for up to budget_seconds (call every frame, whether shown or not).
  // `train` and `test` must stay the same objects while a search runs; when they change,
  // the search is stopped and forgotten.
  void advance(const Dataset* train, const Dataset* test, double budget_seconds);
  void show();                     // draws the panel into the current window
  bool busy() const;               // a search or the final run is in progress
  void stop();
  nlohmann::ordered_json state() const;              // for window.mlp.state.mnist.tuning (browser tests)

 private:
  // The values typed into the fields; parsed when the search starts.
  struct Fields {
    char hidden[96] = "50, 100";
    char learning_rates[96] = "0.1, 0.5";
    char batch_sizes[96] = "64, 256";
    char epochs[96] = "1";
    char dropouts[96] = "0";
    bool sigmoid = false, relu = true;
  };

  void show_fields();
  void show_progress();
  void show_table();
  void show_final();
  void start(const Dataset& train);
  void run(double budget_seconds);

  Fields fields_;
  int method_ = 0;             // 0 grid, 1 random
  int samples_ = 6;            // random: configurations drawn
  int validation_ = 0;         // 0 holdout, 1 k-fold
  float holdout_ = 0.2f;       // holdout share of the training digits
  int folds_ = 3;
  std::vector<std::string> problems_;  // why the last start was refused

  const Dataset* train_ = nullptr;
  const Dataset* test_ = nullptr;
  SearchOptions options_;
  std::unique_ptr<Search> search_;
  std::unique_ptr<Trial> final_;
  SearchConfig final_config_;
  double search_seconds_ = 0;  // wall time of the search so far
  std::vector<int> order_;     // table rows in display order
  bool resort_ = true;
};

}  // namespace mlp
