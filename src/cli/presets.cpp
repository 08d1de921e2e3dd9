// The presets as flags, made from the core's table (src/nn/presets, which the page's MNIST tab
// uses too), and their expansion; see presets.hpp. docs/presets.md explains each preset and
// the runs that chose its settings.
#include "cli/presets.hpp"

#include "cli/flags.hpp"
#include "nn/presets.hpp"

#include <cstdio>

namespace mlp::cli {

namespace {

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

// The flags that make `mlp train` run a core preset (src/nn/presets: the page's table too).
// The presets give every hidden layer the same activation and dropout.
std::vector<std::string> preset_args(const RunPreset& p) {
  std::vector<std::string> a = {"--data", p.data};
  if (p.examples > 0) a.insert(a.end(), {"--n", std::to_string(p.examples)});
  if (p.data == "mnist") a.insert(a.end(), {"--test-part", test_part_name(p.test_part)});
  a.insert(a.end(), {"--preprocess", scaling_name(p.scaling)});
  std::string widths;
  for (const LayerSpec& l : p.hidden) widths += (widths.empty() ? "" : ",") + std::to_string(l.units);
  a.insert(a.end(), {"--layers", widths.empty() ? "none" : widths});
  if (!p.hidden.empty())
    a.insert(a.end(), {"--activation", activation_name(p.hidden.front().activation), "--dropout",
                       number(p.hidden.front().dropout)});
  a.insert(a.end(), {"--output", output_name(p.output), "--init", init_name(p.init), "--lr",
                     number(p.config.learning_rate)});
  if (p.config.momentum > 0) a.insert(a.end(), {"--momentum", number(p.config.momentum)});
  a.insert(a.end(), {"--batch", std::to_string(p.config.batch_size), p.config.shuffle ? "--shuffle" : "--no-shuffle"});
  if (p.schedule.iterations > 0) a.insert(a.end(), {"--iterations", std::to_string(p.schedule.iterations)});
  else a.insert(a.end(), {"--epochs", std::to_string(p.schedule.epochs)});
  if (p.schedule.eval_every > 0) a.insert(a.end(), {"--eval-every", std::to_string(p.schedule.eval_every)});
  if (p.name == "hw10-1") a.insert(a.end(), {"--plot", "hw10-1-loss.svg"});  // the homework asks for the plot
  return a;
}

}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> table = [] {
    std::vector<Preset> out;
    for (const RunPreset& p : run_presets()) out.push_back({p.name, p.title, preset_args(p)});
    return out;
  }();
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
