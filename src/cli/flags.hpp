// Command-line flags: a table of known flags per command, a parser that turns
// argv into values (later occurrences override earlier ones, so a preset's flags
// can be overridden by the flags after it), and typed getters whose errors name
// the flag and the bad value.
//
//   --name value   --name=value   a flag with a value
//   --name         --no-name      a switch (value_name empty) on / off
//   anything else                 a positional argument
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace mlp::cli {

// A mistake on the command line: main prints it with the command's usage and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FlagSpec {
  std::string name;        // without the dashes, e.g. "lr"
  std::string value_name;  // shown in the usage, e.g. "RATE"; empty for a switch
  std::string help;        // one line
};

// "  --lr RATE        learning rate ..." lines for a command's usage message.
std::string flag_help(const std::vector<FlagSpec>& specs);

// Comma-separated items; "a,,b" and a trailing comma are errors naming the flag.
std::vector<std::string> split_list(const std::string& flag, const std::string& text);

class Flags {
 public:
  // Throws UsageError for an unknown flag, a missing value, or a value given to a switch.
  Flags(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args);

  bool has(const std::string& name) const;
  // Position of the flag's last occurrence among the flags (-1 when absent): of two
  // flags that exclude each other (--epochs, --iterations) the later one wins.
  int position(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  std::string text(const std::string& name, const std::string& fallback) const;
  bool enabled(const std::string& name, bool fallback) const;
  // Whole numbers / reals within [min, max]; errors say what was expected.
  long integer(const std::string& name, long fallback, long min, long max) const;
  double number(const std::string& name, double fallback, double min, double max) const;
  // Comma lists of the above (empty when the flag is absent).
  std::vector<std::string> texts(const std::string& name) const;
  std::vector<long> integers(const std::string& name, long min, long max) const;
  std::vector<double> numbers(const std::string& name, double min, double max) const;

 private:
  const FlagSpec& spec(const std::string& name) const;  // throws UsageError if unknown
  std::vector<FlagSpec> specs_;
  std::map<std::string, std::string> values_;            // last occurrence wins
  std::map<std::string, int> positions_;                 // index of the last occurrence
  std::vector<std::string> positional_;
};

// --name's value through `parse` (e.g. a core parse_* helper, which throws
// std::invalid_argument), its error becoming a UsageError naming the flag; `fallback`
// when the flag is absent.
template <class V, class F>
V parse_value(const Flags& flags, const std::string& name, F parse, V fallback) {
  if (!flags.has(name)) return fallback;
  try {
    return parse(flags.text(name, ""));
  } catch (const std::invalid_argument& e) {
    throw UsageError("--" + name + ": " + e.what());
  }
}

// The same for every item of a comma list.
template <class V, class F>
std::vector<V> parse_items(const Flags& flags, const std::string& name, F parse, std::vector<V> fallback) {
  if (!flags.has(name)) return fallback;
  std::vector<V> out;
  for (const auto& item : flags.texts(name)) {
    try {
      out.push_back(parse(item));
    } catch (const std::invalid_argument& e) {
      throw UsageError("--" + name + ": " + e.what());
    }
  }
  return out;
}

// Parses one whole number / real; `what` names it in the error ("--lr", "--layers item 2").
long parse_integer(const std::string& what, const std::string& text, long min, long max);
double parse_number(const std::string& what, const std::string& text, double min, double max);

}  // namespace mlp::cli
