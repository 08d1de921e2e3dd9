// The playground's view of a run configuration (config/run_config.hpp): the limits its
// set-up panel offers and clamps to, and the data and network a set-up describes.
#pragma once

#include "config/run_config.hpp"
#include "config/run_data.hpp"

#include <memory>
#include <string>
#include <vector>

namespace mlp::ui {

// Limits the playground offers (and clamps to): its toy runs are drawn whole every frame.
struct SetupLimits {
  static constexpr int kMaxHiddenLayers = 6;
  static constexpr int kMaxUnits = 32;
  static constexpr int kMinExamples = 10;
  static constexpr int kMaxExamples = 2000;
  static constexpr double kMaxNoise = 1.0;
  static constexpr double kMaxDropout = 0.9;
  static constexpr double kMinLearningRate = 1e-5;
  static constexpr double kMaxLearningRate = 100.0;
  static constexpr int kMaxBatch = 2000;
  static constexpr int kMaxEpochs = 100000;
  static constexpr double kMaxTestFraction = 0.5;
};

// A table of the student's own, opened in the page: while a set-up's data source is its file
// name, runs train on it (config/run_data.hpp: read_table_bytes, split_table).
struct OwnData {
  std::string name;                     // the file's name, e.g. "marks.csv"
  std::shared_ptr<const Dataset> table; // null: none opened
  bool is(const std::string& source) const { return table && source == name; }
};

// Clamps every field into the playground's range and replaces unknown data sets (neither
// generated nor `own`) by circles; returns one message per change, e.g. "learning rate 500 is
// above 100: using 100".
std::vector<std::string> sanitize(RunConfig& setup, const OwnData& own = {});

// Generates the data (seeded by setup.train.seed), or splits `own` when the set-up uses it.
// Throws std::invalid_argument.
DataSplit make_data(const RunConfig& setup, const OwnData& own = {});

// Puts back into `edited` every setting that `page` locks, as `current` has it: a locked
// section (data, network, training) all its rows, a locked row (lr, opt, ...) itself (opt with
// its constants). Whatever changes the set-up (the panel, a lesson, a model), locked stays locked.
void keep_locked(const PageConfig& page, const RunConfig& current, RunConfig& edited);

// The network shape for the set-up and the data it trains on.
NetworkSpec network_spec(const RunConfig& setup, const Dataset& train);

}  // namespace mlp::ui
