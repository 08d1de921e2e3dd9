// `mlp gradcheck`: back-propagation against central differences, in double
// precision, for every combination of hidden activation, output/loss and dropout
// ratio on a small random network; PASS/FAIL per configuration against a threshold.
#include "cli/commands.hpp"
#include "nn/gradcheck.hpp"

#include <cstdio>
#include <string>
#include <stdexcept>

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
  Penalty penalty;                  // L1 and L2 rates, checked with the loss they add
  uint64_t seed = 1;
};

// Items of a comma list through a core parser (parse_activation, ...), errors naming the flag.
template <class V, class F>
std::vector<V> parse_list(const std::string& flag, const std::vector<std::string>& items, F parse) {
  std::vector<V> out;
  for (const auto& item : items) out.push_back(parse_flag(flag, item, parse));
  return out;
}

struct GradcheckFlags {
  Command command{"Checks back-propagation against central differences for every combination of the\n"
                  "given activations, outputs and dropout ratios on a small random network (double).",
                  "mlp gradcheck"};
  std::string layers = "5,4,3";
  std::vector<std::string> activations, outputs, inits;
  GradcheckOptions o;

  GradcheckFlags() {
    o.base.inputs = 4;
    CLI::App& app = command.app;
    app.add_option("--layers", layers, "hidden widths (default 5,4,3; 'none' for no hidden layer)")->type_name("W1,W2,..");
    app.add_option("--inputs", o.base.inputs, "input features (default 4)")->type_name("D")->check(CLI::Range(1, 100));
    app.add_option("--classes", o.classes, "classes (default 3)")->type_name("K")->check(CLI::Range(2, 20));
    app.add_option("--examples", o.examples, "batch size (default 6)")->type_name("N")->check(CLI::Range(1, 1000));
    app.add_option("--activation", activations, "hidden activations to check (default: all)")
        ->type_name("A,..")->delimiter(',');
    app.add_option("--output", outputs, "outputs to check (default: softmax,sigmoid,linear)")
        ->type_name("O,..")->delimiter(',');
    app.add_option("--dropout", o.dropouts, "dropout ratios to check, masks held fixed (default 0,0.25)")
        ->type_name("R,..")->delimiter(',')->check(CLI::Range(0.0, 0.9));
    app.add_option("--init", inits, "initialisations (default lecture)")->type_name("I,..")->delimiter(',');
    app.add_option("--threshold", o.threshold, "largest relative error that passes (default 1e-6)")
        ->type_name("X")->check(CLI::Range(0.0, 1.0));
    app.add_option("--eps", o.eps, "central-difference step (default 1e-5)")->type_name("X")->check(CLI::Range(1e-12, 1e-1));
    app.add_option("--seed", o.seed, "seed for weights, data and masks (default 1)")->type_name("S");
    app.add_option("--l1", o.penalty.l1, "L1 rate: check dW + l1·sign W against the loss + l1·Σ|w| (default 0)")
        ->type_name("RATE")->check(CLI::Range(0.0, 10.0));
    app.add_option("--l2", o.penalty.l2, "L2 rate: check dW + l2·W against the loss + l2/2·Σw² (default 0)")
        ->type_name("RATE")->check(CLI::Range(0.0, 10.0));
  }

  GradcheckOptions options() const {
    GradcheckOptions out = o;
    out.base.hidden.clear();
    if (layers != "none")
      for (const std::string& w : CLI::detail::split(layers, ','))
        out.base.hidden.push_back(LayerSpec{parse_flag("layers", w, [](const std::string& t) { return parse_width(t, 100); }), Activation::ReLU, 0.0});
    if (!activations.empty()) out.activations = parse_list<Activation>("activation", activations, parse_activation);
    if (!outputs.empty()) out.outputs = parse_list<Output>("output", outputs, parse_output);
    if (!inits.empty()) out.inits = parse_list<Init>("init", inits, parse_init);
    return out;
  }
};

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

std::string gradcheck_usage() { return GradcheckFlags().command.app.help(); }

int run_gradcheck(const Args& args) {
  GradcheckFlags flags;
  parse(flags.command.app, args);
  const GradcheckOptions o = flags.options();
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
          const GradCheckResult r = gradient_check(net, X, Y, o.seed, -1, o.eps, o.penalty);
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
