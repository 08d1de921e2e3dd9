// The preset table and its expansion; see presets.hpp. docs/presets.md explains
// each preset and the runs that chose its settings.
#include "cli/presets.hpp"

#include "cli/flags.hpp"

namespace mlp::cli {

const std::vector<Preset>& presets() {
  static const std::vector<Preset> table = {
      {"hw10-1",
       "homework 10-1: MNIST 784-50-50-50-10 ReLU, dropout 0.2, lr 0.01 (momentum 0.9), 2000 iterations of "
       "batch 64, [0,1] inputs, full test set, loss plot",
       {"--data", "mnist", "--test-part", "all", "--preprocess", "rescale", "--layers", "50,50,50",
        "--activation", "relu", "--dropout", "0.2", "--output", "softmax", "--init", "lecture", "--lr", "0.01",
        "--momentum", "0.9", "--batch", "64", "--shuffle", "--iterations", "2000", "--eval-every", "50",
        "--plot", "hw10-1-loss.svg"}},
      {"lecture-mnist",
       "the lecture's MNIST run: 784-100-10 sigmoid, batch 256, lr 1, 10 epochs, global z-scoring, "
       "tested on the last 5000 test digits (lecture: 98.38%)",
       {"--data", "mnist", "--test-part", "second-half", "--preprocess", "zscore-global", "--layers", "100",
        "--activation", "sigmoid", "--dropout", "0", "--output", "softmax", "--init", "lecture", "--lr", "1",
        "--momentum", "0", "--batch", "256", "--no-shuffle", "--epochs", "10"}},
      {"hw10-2",
       "homework 10-2: the best of an `mlp search` grid: 784-512-10 sigmoid, lr 0.5, batch 64, 15 epochs, "
       "global z-scoring, full test set",
       {"--data", "mnist", "--test-part", "all", "--preprocess", "zscore-global", "--layers", "512",
        "--activation", "sigmoid", "--dropout", "0", "--output", "softmax", "--init", "lecture", "--lr", "0.5",
        "--momentum", "0", "--batch", "64", "--shuffle", "--epochs", "15"}},
      {"glyphs",
       "the lecture's 25-20-20-20-5 ReLU network on the five 5x5 digit glyphs",
       {"--data", "glyphs", "--preprocess", "none", "--layers", "20,20,20", "--activation", "relu",
        "--dropout", "0", "--output", "softmax", "--init", "lecture", "--lr", "0.1", "--batch", "0",
        "--epochs", "500", "--no-shuffle"}},
      {"perceptron-circles",
       "a single-layer perceptron (no hidden layer) on circles: stays near chance",
       {"--data", "circles", "--n", "400", "--preprocess", "none", "--layers", "none", "--output", "sigmoid",
        "--init", "lecture", "--lr", "0.5", "--batch", "0", "--epochs", "2000", "--no-shuffle"}},
      {"hidden-circles",
       "one hidden sigmoid layer of 8 on circles: separates the ring from the disk",
       {"--data", "circles", "--n", "400", "--preprocess", "none", "--layers", "8", "--activation", "sigmoid",
        "--dropout", "0", "--output", "sigmoid", "--init", "lecture", "--lr", "1", "--batch", "0",
        "--epochs", "3000", "--no-shuffle"}},
  };
  return table;
}

const Preset& find_preset(const std::string& name) {
  std::string names;
  for (const auto& p : presets()) {
    if (p.name == name) return p;
    names += (names.empty() ? "" : ", ") + p.name;
  }
  throw UsageError("unknown preset '" + name + "' (known: " + names + ")");
}

std::vector<std::string> expand_presets(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name;
    if (args[i] == "--preset") {
      if (i + 1 >= args.size()) throw UsageError("--preset needs a value (NAME)");
      name = args[++i];
    } else if (args[i].compare(0, 9, "--preset=") == 0) {
      name = args[i].substr(9);
    } else {
      out.push_back(args[i]);
      continue;
    }
    const Preset& p = find_preset(name);
    out.insert(out.end(), p.args.begin(), p.args.end());
  }
  return out;
}

std::string join_args(const std::vector<std::string>& args) {
  std::string s;
  for (const auto& a : args) s += (s.empty() ? "" : " ") + a;
  return s;
}

}  // namespace mlp::cli
