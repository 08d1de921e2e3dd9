// The command line's plumbing on CLI11: a usage error type, parsing with CLI11's errors turned
// into usage errors, and the run configuration's flags made from the property table
// (config/properties.hpp), so `mlp train --lr 0.1` and the page's `#lr=0.1` are one row.
#pragma once

#include "config/run_config.hpp"
#include "data/dataset.hpp"

#include <CLI/CLI.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace mlp::cli {

using Args = std::vector<std::string>;

// A mistake on the command line: main prints it with the command's usage and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A command's option parser: CLI11 without its own --help (main handles help).
struct Command {
  explicit Command(const std::string& description, const std::string& name);
  CLI::App app;
};

// Parses `args` (the arguments after the command's name); CLI11's errors become UsageError.
void parse(CLI::App& app, const Args& args);

// The property table's flags on a command: `--preset NAME` (optional) and one flag per row
// whose key is in `keys` (every row with a flag when `keys` is empty).
class ConfigFlags {
 public:
  ConfigFlags(CLI::App& app, bool with_preset, const std::vector<std::string>& keys = {});
  ConfigFlags(const ConfigFlags&) = delete;
  ConfigFlags& operator=(const ConfigFlags&) = delete;

  // After parsing: the preset's config (or `defaults` without --preset) with the given flags
  // applied in table order; of --epochs and --iterations the later one wins. Throws
  // UsageError naming the flag for a refused value.
  RunConfig config(const RunConfig& defaults) const;
  // The --preset given ("" = none).
  const std::string& preset() const { return preset_; }
  // Whether the row with this key was given on the command line.
  bool given(const std::string& key) const;

 private:
  CLI::App& app_;
  std::string preset_;
  std::map<std::string, std::string> texts_;  // row key -> the flag's text
  std::map<std::string, bool> switches_;      // row key -> a switch's value
  std::map<std::string, CLI::Option*> options_;
};

// The network of `config` for a training set, and the training settings, checked by the core;
// its std::invalid_argument becomes a UsageError (the flags asked for something impossible).
// A regression set switches `config` to the linear output, with a note on stderr.
NetworkSpec checked_spec(RunConfig& config, const Dataset& train);
TrainConfig checked_config(const TrainConfig& config);

// Adds --data-dir DIR: the MNIST folder (default: found from here, see find_mnist_dir).
void add_mnist_dir(CLI::App& app, std::string& dir);

// Where `option` was last given among the parsed options (-1 when it was not): of two options
// that exclude each other, the later one wins.
long last_position(const CLI::App& app, const CLI::Option* option);

// A hidden layer width, a whole number in 1..max; throws std::invalid_argument.
int parse_width(const std::string& text, int max);

// Turns a core parser's std::invalid_argument into a UsageError naming the flag.
template <class F>
auto parse_flag(const std::string& flag, const std::string& text, F parse) -> decltype(parse(text)) {
  try {
    return parse(text);
  } catch (const std::invalid_argument& e) {
    throw UsageError("--" + flag + ": " + e.what());
  }
}

}  // namespace mlp::cli
