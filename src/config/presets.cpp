// The preset table; see presets.hpp. docs/presets.md tells how each set-up was chosen.
#include "config/presets.hpp"

#include "config/properties.hpp"

#include <stdexcept>

namespace mlp {

namespace {

RunPreset preset(std::string name, std::string title, std::string summary, const std::string& diff,
                 std::string plot = "") {
  return {std::move(name), std::move(title), std::move(summary), with_diff(cli_defaults(), diff), std::move(plot)};
}

}  // namespace

const std::vector<RunPreset>& run_presets() {
  static const std::vector<RunPreset> table = {
      preset("lecture-mnist", "Lecture: 784-100-10 sigmoid",
             "The lecture's MNIST network: one hidden layer of 100 sigmoid units, softmax output, batch 256, "
             "learning rate 1, 10 epochs, inputs z-scored with one mean and deviation. The lecture reports 98.38 % "
             "on the last 5000 test digits.",
             "data=mnist&scale=zscore-global&test-part=second-half&layers=100&act=sigmoid&drop=0&out=softmax"
             "&init=lecture&lr=1&batch=256&shuffle=0&epochs=10"),
      preset("hw10-1", "Homework 10-1: 3 x 50 ReLU, dropout 0.2",
             "Homework 10-1: three hidden ReLU layers of 50 with dropout 0.2, inputs rescaled to [0, 1], learning "
             "rate 0.01 (with momentum 0.9, without which 2000 small steps barely move), 2000 iterations of "
             "batch 64. The homework asks for at least 90 % on the test digits.",
             "data=mnist&scale=rescale&layers=50,50,50&act=relu&drop=0.2&out=softmax&init=lecture&lr=0.01&mom=0.9"
             "&batch=64&shuffle=1&iterations=2000&eval-every=50",
             "hw10-1-loss.svg"),  // the homework asks for the plot
      preset("hw10-2", "Homework 10-2: tuned 784-512-10 sigmoid",
             "Homework 10-2: the best configuration of a grid search (mlp search; docs/presets.md): 512 sigmoid "
             "units, learning rate 0.5, batch 64, 15 epochs, reshuffled each epoch, inputs z-scored with one mean "
             "and deviation. Reaches 98.26 % on all 10000 test digits (the homework asks for 98 %).",
             "data=mnist&scale=zscore-global&layers=512&act=sigmoid&drop=0&out=softmax&init=lecture&lr=0.5"
             "&batch=64&shuffle=1&epochs=15"),
      preset("glyphs", "Glyphs: 25-20-20-20-5 ReLU",
             "The lecture's 25-20-20-20-5 ReLU network on the five 5 x 5 digit glyphs.",
             "data=glyphs&layers=20,20,20&act=relu&drop=0&out=softmax&init=lecture&lr=0.1&batch=0&shuffle=0"
             "&epochs=500"),
      preset("perceptron-circles", "Perceptron on circles",
             "A single-layer perceptron (no hidden layer) on circles: it stays near chance, a line cannot "
             "separate a ring from a disk.",
             "data=circles&n=400&layers=none&out=sigmoid&init=lecture&lr=0.5&batch=0&shuffle=0&epochs=2000"),
      preset("hidden-circles", "One hidden layer on circles",
             "One hidden sigmoid layer of 8 on circles: separates the ring from the disk.",
             "data=circles&n=400&layers=8&act=sigmoid&drop=0&out=sigmoid&init=lecture&lr=1&batch=0&shuffle=0"
             "&epochs=3000"),
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
    if (p.config.data.source == data) out.push_back(&p);
  return out;
}

}  // namespace mlp
