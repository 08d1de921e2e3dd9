// `mlp gradcheck`: back-propagation against central differences, in double
// precision, for every combination of hidden activation, output/loss and dropout
// ratio on a small random network; PASS/FAIL per configuration against a threshold.
#include "cli/commands.hpp"
#include "nn/gradcheck.hpp"

#include <cstdio>
#include <string>
#include <limits>

namespace mlp::cli {

namespace {

struct GradcheckOptions {
  NetworkSpec base;                 // inputs, hidden widths, outputs
  int classes = 3;
  int examples = 6;
  std::vector<Activation> activations = all_activations();
  std::vector<Output> outputs = all_outputs();
  std::vector<double> dropouts = {0.0, 0.25};
  std::vector<Init> inits = {Init::Lecture};
  double threshold = 1e-6;
  double eps = 1e-5;
  uint64_t seed = 1;
};

GradcheckOptions read_options(const Flags& flags) {
  GradcheckOptions o;
  o.base.inputs = static_cast<int>(flags.integer("inputs", 4, 1, 100));
  o.base.hidden.clear();
  const std::string layers = flags.text("layers", "5,4,3");
  if (layers != "none")
    for (long w : flags.has("layers") ? flags.integers("layers", 1, 100) : std::vector<long>{5, 4, 3})
      o.base.hidden.push_back(LayerSpec{static_cast<int>(w), Activation::ReLU, 0.0});
  o.classes = static_cast<int>(flags.integer("classes", 3, 2, 20));
  o.examples = static_cast<int>(flags.integer("examples", 6, 1, 1000));
  o.activations = parse_items(flags, "activation", parse_activation, o.activations);
  o.outputs = parse_items(flags, "output", parse_output, o.outputs);
  o.inits = parse_items(flags, "init", parse_init, o.inits);
  if (flags.has("dropout")) o.dropouts = flags.numbers("dropout", 0.0, 0.9);
  o.threshold = flags.number("threshold", o.threshold, 0.0, 1.0);
  o.eps = flags.number("eps", o.eps, 1e-12, 1e-1);
  o.seed = static_cast<uint64_t>(flags.integer("seed", 1, 0, std::numeric_limits<long>::max()));
  return o;
}

// Random inputs in [-1, 1] and random class targets for `spec`.
std::pair<Matrix<double>, Matrix<double>> random_batch(const NetworkSpec& spec, int classes, int n, Rng& rng) {
  Matrix<double> X(n, spec.inputs);
  for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform(-1.0, 1.0);
  std::vector<int> labels(n);
  for (int& label : labels) label = static_cast<int>(rng.uniform_int(static_cast<uint64_t>(classes)));
  return {X, make_targets<double>(spec.output, labels, classes)};
}

// "1.234e-07", or "~0" when the check counted the difference as round-off.
std::string error_text(double e) {
  if (e == 0) return "~0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3e", e);
  return buf;
}

}  // namespace

const std::vector<FlagSpec>& gradcheck_flags() {
  static const std::vector<FlagSpec> t = {
      {"layers", "W1,W2,..", "hidden widths (default 5,4,3; 'none' for no hidden layer)"},
      {"inputs", "D", "input features (default 4)"},
      {"classes", "K", "classes (default 3)"},
      {"examples", "N", "batch size (default 6)"},
      {"activation", "A,..", "hidden activations to check (default: all)"},
      {"output", "O,..", "outputs to check (default: softmax,sigmoid,linear)"},
      {"dropout", "R,..", "dropout ratios to check, masks held fixed (default 0,0.25)"},
      {"init", "I,..", "initialisations (default lecture)"},
      {"threshold", "X", "largest relative error that passes (default 1e-6)"},
      {"eps", "X", "central-difference step (default 1e-5)"},
      {"seed", "S", "seed for weights, data and masks (default 1)"},
  };
  return t;
}

int run_gradcheck(const Args& args) {
  const Flags flags(gradcheck_flags(), args);
  if (!flags.positional().empty()) throw UsageError("unexpected argument '" + flags.positional()[0] + "'");
  const GradcheckOptions o = read_options(flags);
  std::printf("%-44s %8s %13s  %s\n", "configuration", "weights", "worst rel err", "result");
  int failures = 0, checks = 0;
  double worst = 0;
  for (Init init : o.inits)
    for (Output output : o.outputs)
      for (Activation act : o.activations)
        for (double dropout : o.dropouts) {
          if (o.base.hidden.empty() && (act != o.activations[0] || dropout != o.dropouts[0])) continue;
          NetworkSpec spec = o.base;
          spec.output = output;
          spec.outputs = output_units(output, o.classes);
          spec.init = init;
          for (auto& h : spec.hidden) h = LayerSpec{h.units, act, dropout};
          Rng rng(o.seed);
          const Network<double> net = Network<double>::initialized(spec, rng);
          const auto [X, Y] = random_batch(spec, o.classes, o.examples, rng);
          const GradCheckResult r = gradient_check(net, X, Y, o.seed, -1, o.eps);
          const bool pass = r.max_relative_error <= o.threshold;
          failures += !pass;
          ++checks;
          worst = std::max(worst, r.max_relative_error);
          std::printf("%-44s %8ld %13s  %s\n", spec.describe().c_str(), r.checked,
                      error_text(r.max_relative_error).c_str(), pass ? "PASS" : "FAIL");
          if (!pass)
            std::printf("    worst at W%d(%d,%d): back-propagation %.10g, central difference %.10g\n",
                        r.worst.layer + 1, r.worst.row, r.worst.col, r.analytic, r.numeric);
        }
  std::printf("%s: %d of %d configurations within %.0e (worst %s)\n", failures ? "FAIL" : "PASS",
              checks - failures, checks, o.threshold, error_text(worst).c_str());
  std::printf("(relative error |a - n| / (|a| + |n|); a difference below 1e-10 counts as round-off, shown as '~0')\n");
  return failures ? 1 : 0;
}

}  // namespace mlp::cli
