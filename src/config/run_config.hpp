// RunConfig: the one description of a training run, shared by the page, the `mlp` tool, the
// presets, the lessons and the model file: which data, which network, how it trains and for
// how long. Every field is a row of the property table (config/properties.hpp), which reads
// and writes it as text for the page address and the command-line flags.
//
// The page and the command line start from different defaults (a small playground run, a
// longer command-line run): RunConfig{} is the page's, cli_defaults() the tool's.
#pragma once

#include "data/features.hpp"
#include "data/scaling.hpp"
#include "nn/network.hpp"
#include "nn/run.hpp"
#include "nn/trainer.hpp"

#include <string>
#include <vector>

namespace mlp {

// Which part of the test set a run is judged on. The lecture's MNIST code (after
// Perrotta, "Programming Machine Learning") splits the 10,000 test digits in two halves;
// its reported accuracy is on the second half.
enum class TestPart { All, FirstHalf, SecondHalf };
const char* test_part_name(TestPart part);         // "all", "first-half", "second-half"
TestPart parse_test_part(const std::string& name);  // throws std::invalid_argument listing the names

struct DataConfig {
  std::string source = "circles";  // a toy set's name, "glyphs", "mnist", "fashion-mnist" or (CLI) a file
  int examples = 200;              // toy sets: points generated (train + test)
  double noise = -1.0;             // toy: jitter; glyphs: pixel flip probability of the test copies; < 0 = default
  int classes = 0;                 // toy sets with several classes; 0 = the set's default
  double test_fraction = 0.25;     // toy sets and files: share held out for testing
  Scaling scaling = Scaling::None; // input scaling, fitted on the training set
  TestPart test_part = TestPart::All;
  int limit = 0;                   // > 0: keep only the first `limit` training examples
  std::vector<InputFeature> features = plain_features();  // 2-D data: the inputs computed from (x₁, x₂)
  bool real_targets = false;       // files: the last column is a real value to fit (regression), not a class
};

// What the page shows of a run, set by an instructor's link (page address only, never a flag):
// parts hidden, controls locked (shown, but they cannot change), the lesson chapter to open,
// whether to start playing, and the page's language.
struct PageConfig {
  std::vector<std::string> hide;  // names among hideable_parts()
  std::vector<std::string> lock;  // names among lockable_controls()
  int lesson = 0;                 // > 0: open the Lessons tab on this chapter (1-based)
  bool play = false;              // start playing once the page has loaded
  std::string lang;               // "en", "zh-TW", or "" = the browser's language

  bool hidden(const std::string& part) const;
  bool locked(const std::string& control) const;
};

// The parts a link can hide: the tabs setup, lessons, compare, mnist; the set-up's sections
// setup.data, setup.network, setup.training; the detail tabs matrices, chain, gradients; the
// step-back buttons and timeline, stepback.
const std::vector<std::string>& hideable_parts();
// The controls a link can lock: whole set-up sections (data, network, training) or single rows
// by their address key (lr, batch, epochs, opt, ...).
const std::vector<std::string>& lockable_controls();
// The page's languages, as the address writes them: "en", "zh-TW".
const std::vector<std::string>& page_languages();

struct RunConfig {
  DataConfig data;
  std::vector<LayerSpec> hidden = {LayerSpec{6, Activation::ReLU, 0.0}, LayerSpec{6, Activation::ReLU, 0.0}};
  Output output = Output::Softmax;
  Init init = Init::Lecture;
  TrainConfig train = playground_train_config();
  RunSchedule schedule = playground_schedule();
  PageConfig page;

  // The network for data with `inputs` features and `classes` classes.
  NetworkSpec spec(int inputs, int classes) const;

  static TrainConfig playground_train_config();  // lr 0.2, batch 10, shuffled, seed 1
  static RunSchedule playground_schedule();      // 200 epochs
  // Equal when every property reads the same (config/properties.cpp).
  bool operator==(const RunConfig& o) const;
  bool operator!=(const RunConfig& o) const { return !(*this == o); }
};

// The command line's starting point: 400 examples, one hidden ReLU layer of 8, lr 0.1,
// batch 32 in order, 10 epochs.
RunConfig cli_defaults();

}  // namespace mlp
