// Presets: named lists of flags for the lecture's runs (`--preset hw10-1`).
// A preset is expanded in place, so flags written after it override it:
//   mlp train --preset lecture-mnist --epochs 2
#pragma once

#include <string>
#include <vector>

namespace mlp::cli {

struct Preset {
  std::string name;               // e.g. "hw10-1"
  std::string summary;            // one line for `mlp help`
  std::vector<std::string> args;  // the flags it stands for
};

// All presets, in the order `mlp help` lists them.
const std::vector<Preset>& presets();

// Throws UsageError listing the known names.
const Preset& find_preset(const std::string& name);

// args with every "--preset NAME" / "--preset=NAME" replaced by that preset's flags.
// Throws UsageError for an unknown name or a missing one.
std::vector<std::string> expand_presets(const std::vector<std::string>& args);

// "--data mnist --layers 100 ..." for printing.
std::string join_args(const std::vector<std::string>& args);

}  // namespace mlp::cli
