// The property table: one row per setting of a RunConfig, with its name in the page address,
// its `mlp` flag, what it means, the values it takes, and how it is written and read as text.
// Everything that turns a run into text or back goes through it: the page address
// (`#data=circles&layers=6,6&lr=0.2...`), the `mlp` flags and their help, the lessons (small
// address-style diffs against a start), the presets' flag listing and the model file's metadata.
// Adding a setting is adding one row here (and the code that uses the field).
//
//   key=value&key=value   an address or a diff: rows are read in table order, whatever the text's order
//   --flag value           the same rows on the command line (a switch row takes --flag / --no-flag)
#pragma once

#include "config/run_config.hpp"

#include <map>
#include <string>
#include <vector>

namespace mlp {

// How a reader treats a number outside the row's range: the command line refuses it, the page
// clamps it into the range and says so.
enum class OutOfRange { Refuse, Clamp };

struct Property {
  const char* key;         // name in the page address and in diffs, e.g. "lr"
  const char* flag;        // `mlp` flag without dashes, e.g. "lr"; "" = the page only
  const char* value_name;  // for the flag help, e.g. "RATE"; "" = a switch (--flag / --no-flag)
  const char* meaning;     // one line, e.g. "learning rate α"
  double min, max;         // the accepted range of a number (of each item of a list)
  bool in_address;         // written into the page address
  std::string (*write)(const RunConfig&);
  // Reads `value` into the config: "" when accepted, else why not. Numbers out of range are
  // refused or clamped (with a message appended to `notes`) as `policy` says.
  std::string (*read)(const Property&, RunConfig&, const std::string& value, OutOfRange policy,
                      std::vector<std::string>& notes);
};

// The table, in reading order (layers before their activations and dropout).
const std::vector<Property>& properties();

// The row with this key; null when there is none.
const Property* find_property(const std::string& key);
// The row with this flag name; null when there is none.
const Property* find_flag(const std::string& flag);

// "key=value&key=value..." of every address row; a value's '%', '&', '+', '=', '#', blanks and
// control bytes are written as %XX, so it reads back unchanged.
std::string encode_config(const RunConfig& config);

// key -> value pairs of an address or diff text ("%XX" and "+" decoded); pairs without a
// value get a message in `notes`.
std::map<std::string, std::string> split_pairs(const std::string& text, std::vector<std::string>& notes);

// Applies key -> value pairs to `config` in table order. Unknown keys and refused values are
// skipped with a message in `notes` ("link: ..."); out-of-range numbers are clamped with one.
void apply_pairs(RunConfig& config, std::map<std::string, std::string> values, std::vector<std::string>& notes);

// The set-up an address describes, starting from RunConfig{}; messages in `notes`.
RunConfig decode_config(const std::string& text, std::vector<std::string>& notes);

// `base` with a diff applied ("layers=8&act=sigmoid"); throws std::invalid_argument if any
// part of the diff is refused (diffs are written in the code, so a bad one is a bug).
RunConfig with_diff(RunConfig base, const std::string& diff);

// The rows whose values differ between two configs, as a diff text (for printing), values
// encoded as encode_config writes them.
std::string config_diff(const RunConfig& from, const RunConfig& to);

}  // namespace mlp
