// RunConfig: the test parts, the two starting points, the network shape and the page's
// names (hideable parts, lockable controls, languages); see run_config.hpp.
#include "config/run_config.hpp"

#include "core/names.hpp"

#include <algorithm>

namespace mlp {

namespace {

const std::vector<Named<TestPart>>& test_parts() {
  static const std::vector<Named<TestPart>> table = {
      {TestPart::All, "all"}, {TestPart::FirstHalf, "first-half"}, {TestPart::SecondHalf, "second-half"}};
  return table;
}

}  // namespace

const char* test_part_name(TestPart part) { return name_of(test_parts(), part); }

TestPart parse_test_part(const std::string& name) { return parse_named(test_parts(), name, "test part"); }

NetworkSpec RunConfig::spec(int inputs, int classes) const {
  NetworkSpec s;
  s.inputs = inputs;
  s.hidden = hidden;
  s.output = output;
  s.outputs = output_units(output, classes);
  s.init = init;
  return s;
}

TrainConfig RunConfig::playground_train_config() {
  TrainConfig c;
  c.learning_rate = 0.2;
  c.batch_size = 10;
  c.shuffle = true;
  return c;
}

RunSchedule RunConfig::playground_schedule() {
  RunSchedule s;
  s.epochs = 200;
  return s;
}

RunConfig cli_defaults() {
  RunConfig c;
  c.data.examples = 400;
  c.hidden = {LayerSpec{8, Activation::ReLU, 0.0}};
  c.train = TrainConfig{};
  c.schedule = RunSchedule{};
  return c;
}

bool PageConfig::hidden(const std::string& part) const {
  return std::find(hide.begin(), hide.end(), part) != hide.end();
}

bool PageConfig::locked(const std::string& control) const {
  return std::find(lock.begin(), lock.end(), control) != lock.end();
}

const std::vector<std::string>& hideable_parts() {
  static const std::vector<std::string> parts = {"setup",         "lessons",        "compare",  "mnist",
                                                 "setup.data",    "setup.network",  "setup.training",
                                                 "matrices",      "chain",          "gradients", "stepback"};
  return parts;
}

const std::vector<std::string>& lockable_controls() {
  static const std::vector<std::string> controls = {"data", "network", "training", "layers", "act",   "drop", "out",
                                                    "init", "lr",      "batch",    "epochs", "opt",   "mom",  "l1",
                                                    "l2",   "features"};
  return controls;
}

const std::vector<std::string>& page_languages() {
  static const std::vector<std::string> languages = {"en", "zh-TW"};
  return languages;
}

}  // namespace mlp
