// Run presets: the lecture's and the homework's set-ups as typed values, one table for the
// page (its MNIST panel and lessons) and the command line (`mlp train --preset NAME`).
// A preset names its data, the input scaling, the hidden layers, the output, the
// optimiser settings and how long to train; the input and output widths come from the data.
#pragma once

#include "data/scaling.hpp"
#include "nn/network.hpp"
#include "nn/run.hpp"
#include "nn/trainer.hpp"

#include <string>
#include <vector>

namespace mlp {

// Which part of the test set a preset is judged on. The lecture's MNIST code (after
// Perrotta, "Programming Machine Learning") splits the 10,000 test digits in two halves;
// its reported accuracy is on the second half.
enum class TestPart { All, FirstHalf, SecondHalf };
const char* test_part_name(TestPart part);  // "all", "first-half", "second-half"

struct RunPreset {
  std::string name;               // e.g. "lecture-mnist"
  std::string title;              // short, for a menu: "Lecture: 784-100-10 sigmoid"
  std::string summary;            // one or two sentences: what it is and what to expect
  std::string data;               // "mnist", "glyphs", or a toy set's name
  int examples = 0;               // toy sets: points generated (0 = the default)
  Scaling scaling = Scaling::None;
  TestPart test_part = TestPart::All;
  std::vector<LayerSpec> hidden;  // hidden layers, first to last
  Output output = Output::Softmax;
  Init init = Init::Lecture;
  TrainConfig config;             // learning rate, batch size, momentum, shuffle, seed
  RunSchedule schedule;           // epochs or iterations, evaluation interval

  // The network for data with `inputs` features and `classes` classes.
  NetworkSpec spec(int inputs, int classes) const;
};

// Every preset, in menu order.
const std::vector<RunPreset>& run_presets();

// The preset called `name`; throws std::invalid_argument listing the known names.
const RunPreset& find_run_preset(const std::string& name);

// The presets for one data set (e.g. "mnist"), in menu order.
std::vector<const RunPreset*> presets_for(const std::string& data);

}  // namespace mlp
