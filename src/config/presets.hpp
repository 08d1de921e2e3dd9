// Run presets: the lecture's and the homework's set-ups, each a RunConfig, one table for the
// page (its MNIST tab) and the command line (`mlp train --preset NAME`, later flags override).
// Each is written as a diff against the command line's defaults (cli_defaults()), in the
// property table's address form, so a preset reads as the settings that make it.
#pragma once

#include "config/run_config.hpp"

#include <string>
#include <vector>

namespace mlp {

struct RunPreset {
  std::string name;     // e.g. "lecture-mnist"
  std::string title;    // short, for a menu: "Lecture: 784-100-10 sigmoid"
  std::string summary;  // one or two sentences: what it is and what to expect
  RunConfig config;     // data, network, training and length
  std::string plot;     // `mlp train` writes the loss plot here unless --plot says otherwise ("" = none)
};

// Every preset, in menu order.
const std::vector<RunPreset>& run_presets();

// The preset called `name`; throws std::invalid_argument listing the known names.
const RunPreset& find_run_preset(const std::string& name);

// The presets for one data set (e.g. "mnist"), in menu order.
std::vector<const RunPreset*> presets_for(const std::string& data);

}  // namespace mlp
