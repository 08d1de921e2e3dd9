// The address property table and its encoder/decoder; see url_state.hpp.
#include "app/url_state.hpp"

#include "nn/activation.hpp"
#include "nn/init.hpp"
#include "nn/loss.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <stdexcept>

namespace mlp::ui {

namespace {

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", v);
  return text;
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(s.c_str(), &end);
  return *end == '\0' && errno == 0 && std::isfinite(out);
}

bool parse_long(const std::string& s, long long& out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtoll(s.c_str(), &end, 10);
  return *end == '\0' && errno == 0;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!s.empty() && s.back() == sep) parts.push_back("");
  return parts;
}

// %XX and '+' decoding of one address component.
std::string percent_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::strtol(s.substr(i + 1, 2).c_str(), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

std::string bad(const char* what, const std::string& value) {
  return std::string(what) + " '" + value + "' is not valid";
}

// Readers for each kind of field.
template <class Setter>
std::string read_number(const std::string& v, const char* what, Setter set) {
  double d;
  if (!parse_double(v, d)) return bad(what, v);
  set(d);
  return "";
}

template <class Setter>
std::string read_integer(const std::string& v, const char* what, Setter set) {
  long long i;
  if (!parse_long(v, i) || i < -2000000000LL || i > 2000000000LL) return bad(what, v);
  set(i);
  return "";
}

template <class Enum, class Parse>
std::string read_name(const std::string& v, Enum& field, Parse parse) {
  try {
    field = parse(v);
    return "";
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
}

// Per-layer lists: "relu,relu" or one value for every layer.
template <class Apply>
std::string read_per_layer(RunSetup& s, const std::string& v, const char* what, Apply apply) {
  const auto parts = split(v, ',');
  if (parts.size() != 1 && parts.size() != s.hidden.size())
    return std::string(what) + ": " + std::to_string(parts.size()) + " values for " + std::to_string(s.hidden.size()) +
           " hidden layers";
  for (size_t i = 0; i < s.hidden.size(); ++i) {
    const std::string msg = apply(s.hidden[i], parts[parts.size() == 1 ? 0 : i]);
    if (!msg.empty()) return msg;
  }
  return "";
}

template <class Get>
std::string join_layers(const RunSetup& s, Get get) {
  std::string out;
  for (size_t i = 0; i < s.hidden.size(); ++i) out += (i ? "," : "") + get(s.hidden[i]);
  return out.empty() ? "none" : out;
}

std::string read_layers(RunSetup& s, const std::string& v) {
  std::vector<LayerSpec> hidden;
  if (v != "none" && !v.empty()) {
    for (const auto& part : split(v, ',')) {
      long long units;
      if (!parse_long(part, units) || units < 1 || units > 100000) return bad("layers", v);
      LayerSpec layer = s.hidden.empty() ? LayerSpec{} : s.hidden.front();
      layer.units = static_cast<int>(units);
      hidden.push_back(layer);
    }
  }
  s.hidden = hidden;
  return "";
}

}  // namespace

const std::vector<UrlProperty>& url_properties() {
  static const std::vector<UrlProperty> table = {
      {"data", "data set",
       [](const RunSetup& s) { return s.data.source; },
       [](RunSetup& s, const std::string& v) { s.data.source = v; return std::string(); }},
      {"n", "examples (toy sets)",
       [](const RunSetup& s) { return std::to_string(s.data.examples); },
       [](RunSetup& s, const std::string& v) {
         return read_integer(v, "n", [&](long long i) { s.data.examples = static_cast<int>(i); });
       }},
      {"noise", "noise (−1 = the set's default)",
       [](const RunSetup& s) { return num(s.data.noise); },
       [](RunSetup& s, const std::string& v) { return read_number(v, "noise", [&](double d) { s.data.noise = d; }); }},
      {"classes", "classes (0 = default)",
       [](const RunSetup& s) { return std::to_string(s.data.classes); },
       [](RunSetup& s, const std::string& v) {
         return read_integer(v, "classes", [&](long long i) { s.data.classes = static_cast<int>(i); });
       }},
      {"test", "test share",
       [](const RunSetup& s) { return num(s.data.test_fraction); },
       [](RunSetup& s, const std::string& v) {
         return read_number(v, "test", [&](double d) { s.data.test_fraction = d; });
       }},
      {"layers", "hidden layer widths, or none",
       [](const RunSetup& s) { return join_layers(s, [](const LayerSpec& h) { return std::to_string(h.units); }); },
       read_layers},
      {"act", "activation per hidden layer",
       [](const RunSetup& s) {
         return join_layers(s, [](const LayerSpec& h) { return std::string(activation_name(h.activation)); });
       },
       [](RunSetup& s, const std::string& v) {
         if (s.hidden.empty()) return std::string();
         return read_per_layer(s, v, "act", [](LayerSpec& h, const std::string& p) {
           return read_name(p, h.activation, parse_activation);
         });
       }},
      {"drop", "dropout ratio per hidden layer",
       [](const RunSetup& s) { return join_layers(s, [](const LayerSpec& h) { return num(h.dropout); }); },
       [](RunSetup& s, const std::string& v) {
         if (s.hidden.empty()) return std::string();
         return read_per_layer(s, v, "drop", [](LayerSpec& h, const std::string& p) {
           return read_number(p, "drop", [&](double d) { h.dropout = d; });
         });
       }},
      {"out", "output + loss",
       [](const RunSetup& s) { return std::string(output_name(s.output)); },
       [](RunSetup& s, const std::string& v) { return read_name(v, s.output, parse_output); }},
      {"init", "initialisation",
       [](const RunSetup& s) { return std::string(init_name(s.init)); },
       [](RunSetup& s, const std::string& v) { return read_name(v, s.init, parse_init); }},
      {"lr", "learning rate",
       [](const RunSetup& s) { return num(s.train.learning_rate); },
       [](RunSetup& s, const std::string& v) {
         return read_number(v, "lr", [&](double d) { s.train.learning_rate = d; });
       }},
      {"batch", "batch size (0 = full batch)",
       [](const RunSetup& s) { return std::to_string(s.train.batch_size); },
       [](RunSetup& s, const std::string& v) {
         return read_integer(v, "batch", [&](long long i) { s.train.batch_size = static_cast<int>(i); });
       }},
      {"shuffle", "reshuffle each epoch (0/1)",
       [](const RunSetup& s) { return std::string(s.train.shuffle ? "1" : "0"); },
       [](RunSetup& s, const std::string& v) {
         if (v != "0" && v != "1") return bad("shuffle", v);
         s.train.shuffle = v == "1";
         return std::string();
       }},
      {"mom", "momentum",
       [](const RunSetup& s) { return num(s.train.momentum); },
       [](RunSetup& s, const std::string& v) { return read_number(v, "mom", [&](double d) { s.train.momentum = d; }); }},
      {"seed", "seed",
       [](const RunSetup& s) { return std::to_string(s.train.seed); },
       [](RunSetup& s, const std::string& v) {
         return read_integer(v, "seed", [&](long long i) {
           s.train.seed = static_cast<uint64_t>(i < 0 ? 0 : i);
         });
       }},
      {"epochs", "play epochs",
       [](const RunSetup& s) { return std::to_string(s.epochs); },
       [](RunSetup& s, const std::string& v) {
         return read_integer(v, "epochs", [&](long long i) { s.epochs = static_cast<int>(i); });
       }},
  };
  return table;
}

std::string encode_setup(const RunSetup& setup) {
  std::string out;
  for (const auto& p : url_properties()) out += (out.empty() ? "" : "&") + std::string(p.key) + "=" + p.write(setup);
  return out;
}

RunSetup decode_setup(const std::string& text, std::vector<std::string>& notes) {
  std::map<std::string, std::string> values;
  for (const auto& pair : split(text, '&')) {
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    const std::string key = percent_decode(pair.substr(0, eq));
    if (eq == std::string::npos) {
      notes.push_back("link: '" + key + "' has no value");
      continue;
    }
    values[key] = percent_decode(pair.substr(eq + 1));
  }
  RunSetup setup;
  for (const auto& p : url_properties()) {
    const auto it = values.find(p.key);
    if (it == values.end()) continue;
    const std::string msg = p.read(setup, it->second);
    if (!msg.empty()) notes.push_back("link: " + msg + " (ignored)");
    values.erase(it);
  }
  for (const auto& unknown : values) notes.push_back("link: unknown setting '" + unknown.first + "' (ignored)");
  return setup;
}

}  // namespace mlp::ui
