// RunConfig: the test parts, the two starting points and the network shape; see run_config.hpp.
#include "config/run_config.hpp"

#include "core/names.hpp"

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

}  // namespace mlp
