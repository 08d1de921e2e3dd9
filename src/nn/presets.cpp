// The preset table; see presets.hpp. docs/presets.md tells how each set-up was chosen.
#include "nn/presets.hpp"

#include <stdexcept>

namespace mlp {
namespace {

std::vector<LayerSpec> layers(std::initializer_list<int> widths, Activation activation, double dropout = 0.0) {
  std::vector<LayerSpec> out;
  for (int w : widths) out.push_back(LayerSpec{w, activation, dropout});
  return out;
}

TrainConfig optimiser(double learning_rate, int batch_size, double momentum, bool shuffle) {
  TrainConfig c;
  c.learning_rate = learning_rate;
  c.batch_size = batch_size;
  c.momentum = momentum;
  c.shuffle = shuffle;
  return c;
}

RunSchedule epochs(int count) {
  RunSchedule s;
  s.epochs = count;
  return s;
}

RunSchedule iterations(long count, long eval_every) {
  RunSchedule s;
  s.iterations = count;
  s.eval_every = eval_every;
  return s;
}

}  // namespace

const char* test_part_name(TestPart part) {
  switch (part) {
    case TestPart::All: return "all";
    case TestPart::FirstHalf: return "first-half";
    case TestPart::SecondHalf: return "second-half";
  }
  return "?";
}

NetworkSpec RunPreset::spec(int inputs, int classes) const {
  NetworkSpec s;
  s.inputs = inputs;
  s.hidden = hidden;
  s.output = output;
  s.outputs = output_units(output, classes);
  s.init = init;
  return s;
}

const std::vector<RunPreset>& run_presets() {
  static const std::vector<RunPreset> table = {
      {"lecture-mnist", "Lecture: 784-100-10 sigmoid",
       "The lecture's MNIST network: one hidden layer of 100 sigmoid units, softmax output, batch 256, "
       "learning rate 1, 10 epochs, inputs z-scored with one mean and deviation. The lecture reports 98.38 % "
       "on the last 5000 test digits.",
       "mnist", 0, Scaling::ZScoreGlobal, TestPart::SecondHalf, layers({100}, Activation::Sigmoid),
       Output::Softmax, Init::Lecture, optimiser(1.0, 256, 0.0, false), epochs(10)},
      {"hw10-1", "Homework 10-1: 3 x 50 ReLU, dropout 0.2",
       "Homework 10-1: three hidden ReLU layers of 50 with dropout 0.2, inputs rescaled to [0, 1], learning "
       "rate 0.01 (with momentum 0.9, without which 2000 small steps barely move), 2000 iterations of "
       "batch 64. The homework asks for at least 90 % on the test digits.",
       "mnist", 0, Scaling::Rescale, TestPart::All, layers({50, 50, 50}, Activation::ReLU, 0.2), Output::Softmax,
       Init::Lecture, optimiser(0.01, 64, 0.9, true), iterations(2000, 50)},
      {"hw10-2", "Homework 10-2: tuned 784-512-10 sigmoid",
       "Homework 10-2: the best configuration of a grid search (mlp search; docs/presets.md): 512 sigmoid "
       "units, learning rate 0.5, batch 64, 15 epochs, reshuffled each epoch, inputs z-scored with one mean "
       "and deviation. Reaches 98.26 % on all 10000 test digits (the homework asks for 98 %).",
       "mnist", 0, Scaling::ZScoreGlobal, TestPart::All, layers({512}, Activation::Sigmoid), Output::Softmax,
       Init::Lecture, optimiser(0.5, 64, 0.0, true), epochs(15)},
      {"glyphs", "Glyphs: 25-20-20-20-5 ReLU",
       "The lecture's 25-20-20-20-5 ReLU network on the five 5 x 5 digit glyphs.", "glyphs", 0, Scaling::None,
       TestPart::All, layers({20, 20, 20}, Activation::ReLU), Output::Softmax, Init::Lecture,
       optimiser(0.1, 0, 0.0, false), epochs(500)},
      {"perceptron-circles", "Perceptron on circles",
       "A single-layer perceptron (no hidden layer) on circles: it stays near chance, a line cannot "
       "separate a ring from a disk.",
       "circles", 400, Scaling::None, TestPart::All, {}, Output::Sigmoid, Init::Lecture,
       optimiser(0.5, 0, 0.0, false), epochs(2000)},
      {"hidden-circles", "One hidden layer on circles",
       "One hidden sigmoid layer of 8 on circles: separates the ring from the disk.", "circles", 400,
       Scaling::None, TestPart::All, layers({8}, Activation::Sigmoid), Output::Sigmoid, Init::Lecture,
       optimiser(1.0, 0, 0.0, false), epochs(3000)},
  };
  return table;
}

const RunPreset& find_run_preset(const std::string& name) {
  std::string names;
  for (const RunPreset& p : run_presets()) {
    if (p.name == name) return p;
    names += (names.empty() ? "" : ", ") + p.name;
  }
  throw std::invalid_argument("unknown preset '" + name + "' (known: " + names + ")");
}

std::vector<const RunPreset*> presets_for(const std::string& data) {
  std::vector<const RunPreset*> out;
  for (const RunPreset& p : run_presets())
    if (p.data == data) out.push_back(&p);
  return out;
}

}  // namespace mlp
