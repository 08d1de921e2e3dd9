// RunSetup: everything that defines a run in the playground (data set, network, training
// settings, seed) as one plain value. The set-up panel edits it, the URL stores it, a lesson
// can load one and a compare view can clone one; apply_setup (app_state.hpp) turns it into
// a running Session.
#pragma once

#include "data/dataset.hpp"
#include "nn/network.hpp"
#include "nn/trainer.hpp"

#include <string>
#include <vector>

namespace mlp::ui {

// Where the examples come from.
struct DataSetup {
  std::string source = "circles";  // a toy set name (toy_specs) or "glyphs"
  int examples = 200;              // toy sets: points generated (train + test)
  double noise = -1.0;             // toy: jitter; glyphs: pixel flip probability of test copies; <0 = default
  int classes = 0;                 // toy sets with several classes; 0 = the set's default
  double test_fraction = 0.25;     // toy sets: share held out for testing
  bool operator==(const DataSetup& o) const;
};

struct RunSetup {
  DataSetup data;
  std::vector<LayerSpec> hidden = {LayerSpec{6, Activation::ReLU, 0.0}, LayerSpec{6, Activation::ReLU, 0.0}};
  Output output = Output::Softmax;
  Init init = Init::Lecture;
  TrainConfig train = default_train_config();
  int epochs = 200;                // play stops after this many epochs
  long iterations = 0;             // > 0: play stops after this many updates instead (the homework's 2000)

  static TrainConfig default_train_config();
  bool operator==(const RunSetup& o) const;
  bool operator!=(const RunSetup& o) const { return !(*this == o); }
};

// Limits the UI offers (and clamps to).
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

// Clamps every field into range and replaces unknown names by defaults; returns one
// message per change, e.g. "learning rate 500 is above 100: using 100".
std::vector<std::string> sanitize(RunSetup& setup);

// The training and test sets of a set-up.
struct SetupData {
  Dataset train;
  Dataset test;                    // may be empty
};

// Generates the data (seeded by setup.train.seed). Throws std::invalid_argument.
SetupData make_data(const RunSetup& setup);

// The network shape for the set-up and the data it trains on.
NetworkSpec network_spec(const RunSetup& setup, const Dataset& train);

// Data source names in menu order: the toy sets, then "glyphs".
std::vector<std::string> data_source_names();
// One line about a data source for tooltips.
std::string data_source_description(const std::string& name);
// The default noise of a source (toy: its own; glyphs: pixel flip probability).
double default_noise(const std::string& source);
// The noise actually used (the default when setup noise < 0).
double effective_noise(const DataSetup& data);

}  // namespace mlp::ui
