// The flag parser and typed getters; see flags.hpp.
#include "cli/flags.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace mlp::cli {

namespace {

std::string range_text(double min, double max) {
  std::ostringstream s;
  s << "between " << min << " and " << max;
  return s.str();
}

}  // namespace

std::string flag_help(const std::vector<FlagSpec>& specs) {
  std::ostringstream out;
  for (const auto& f : specs) {
    std::string left = "  --" + f.name + (f.value_name.empty() ? "" : " " + f.value_name);
    if (left.size() < 26) left.resize(26, ' ');
    else left += "  ";
    out << left << f.help << '\n';
  }
  return out.str();
}

std::vector<std::string> split_list(const std::string& flag, const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) throw UsageError("--" + flag + ": empty item in the list '" + text + "'");
    items.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

long parse_integer(const std::string& what, const std::string& text, long min, long max) {
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE)
    throw UsageError(what + ": expected a whole number, got '" + text + "'");
  if (v < min || v > max)
    throw UsageError(what + ": must be " + range_text(static_cast<double>(min), static_cast<double>(max)) +
                     ", got " + text);
  return static_cast<long>(v);
}

double parse_number(const std::string& what, const std::string& text, double min, double max) {
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v))
    throw UsageError(what + ": expected a number, got '" + text + "'");
  if (v < min || v > max) throw UsageError(what + ": must be " + range_text(min, max) + ", got " + text);
  return v;
}

Flags::Flags(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args) : specs_(specs) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      positional_.push_back(arg);
      continue;
    }
    const int at = static_cast<int>(i);
    std::string name = arg.substr(2);
    std::string value;
    const size_t eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const bool negated = name.compare(0, 3, "no-") == 0 && !inline_value;
    const auto known = [&](const std::string& n) {
      return std::any_of(specs_.begin(), specs_.end(), [&](const FlagSpec& f) { return f.name == n; });
    };
    if (negated && !known(name) && known(name.substr(3))) {
      const FlagSpec& f = spec(name.substr(3));
      if (!f.value_name.empty()) throw UsageError("--" + name + ": --" + f.name + " is not a switch");
      values_[f.name] = "false";
      positions_[f.name] = at;
      continue;
    }
    const FlagSpec& f = spec(name);
    if (f.value_name.empty()) {
      if (inline_value) throw UsageError("--" + name + " is a switch and takes no value (use --no-" + name + " to turn it off)");
      values_[name] = "true";
      positions_[name] = at;
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value (" + f.value_name + ")");
      value = args[++i];
    }
    values_[name] = value;
    positions_[name] = at;
  }
}

const FlagSpec& Flags::spec(const std::string& name) const {
  for (const auto& f : specs_)
    if (f.name == name) return f;
  throw UsageError("unknown flag --" + name);
}

bool Flags::has(const std::string& name) const {
  spec(name);
  return values_.count(name) > 0;
}

int Flags::position(const std::string& name) const {
  return has(name) ? positions_.at(name) : -1;
}

std::string Flags::text(const std::string& name, const std::string& fallback) const {
  return has(name) ? values_.at(name) : fallback;
}

bool Flags::enabled(const std::string& name, bool fallback) const {
  return has(name) ? values_.at(name) == "true" : fallback;
}

long Flags::integer(const std::string& name, long fallback, long min, long max) const {
  return has(name) ? parse_integer("--" + name, values_.at(name), min, max) : fallback;
}

double Flags::number(const std::string& name, double fallback, double min, double max) const {
  return has(name) ? parse_number("--" + name, values_.at(name), min, max) : fallback;
}

std::vector<std::string> Flags::texts(const std::string& name) const {
  return has(name) ? split_list(name, values_.at(name)) : std::vector<std::string>{};
}

std::vector<long> Flags::integers(const std::string& name, long min, long max) const {
  std::vector<long> out;
  for (const auto& item : texts(name)) out.push_back(parse_integer("--" + name, item, min, max));
  return out;
}

std::vector<double> Flags::numbers(const std::string& name, double min, double max) const {
  std::vector<double> out;
  for (const auto& item : texts(name)) out.push_back(parse_number("--" + name, item, min, max));
  return out;
}

}  // namespace mlp::cli
