// The property table and the text forms built on it; see properties.hpp.
#include "config/properties.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace mlp {

namespace {

// The shortest decimal text that reads back as the same double ("0.1", not "0.10000000000000001").
std::string num(double v) {
  char text[32];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, v);
    if (std::strtod(text, nullptr) == v) break;
  }
  return text;
}

// For messages: "1e+07", "0.25".
std::string short_num(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

bool parse_double(const std::string& s, double& out) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtod(s.c_str(), &end);
  return *end == '\0' && errno == 0 && std::isfinite(out);
}

bool parse_integer(const std::string& s, long long& out) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
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

// %XX encoding of the bytes percent_decode would change or split_pairs would split on (and of
// blanks and control bytes), so a value reads back as written: a file named "a+b&c.csv".
std::string percent_encode(const std::string& s) {
  std::string out;
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte != 0x7f && std::string("%&+=#").find(c) == std::string::npos) {
      out += c;
    } else {
      char code[4];
      std::snprintf(code, sizeof code, "%%%02X", byte);
      out += code;
    }
  }
  return out;
}

std::string not_valid(const Property& p, const std::string& value) {
  return std::string(p.key) + " '" + value + "' is not valid";
}

// `value` within the row's range: refused ("" and `error` set) or clamped with a note.
bool in_range(const Property& p, double& value, OutOfRange policy, std::vector<std::string>& notes,
              std::string& error) {
  if (value >= p.min && value <= p.max) return true;
  const double limit = value < p.min ? p.min : p.max;
  if (policy == OutOfRange::Refuse) {
    error = std::string(p.key) + " " + short_num(value) + " is outside " + short_num(p.min) + " .. " +
            short_num(p.max);
    return false;
  }
  notes.push_back(std::string(p.meaning) + " " + short_num(value) + (value < p.min ? " is below " : " is above ") +
                  short_num(limit) + ": using " + short_num(limit));
  value = limit;
  return true;
}

// Readers of one kind of value into a field given by `field(config)`.
template <class Field>
std::string read_number(const Property& p, RunConfig& c, const std::string& v, OutOfRange policy,
                        std::vector<std::string>& notes, Field field) {
  double d;
  if (!parse_double(v, d)) return not_valid(p, v);
  std::string error;
  if (!in_range(p, d, policy, notes, error)) return error;
  field(c) = d;
  return "";
}

template <class Field>
std::string read_integer(const Property& p, RunConfig& c, const std::string& v, OutOfRange policy,
                         std::vector<std::string>& notes, Field field) {
  long long i;
  if (!parse_integer(v, i)) return not_valid(p, v);
  double d = static_cast<double>(i);
  std::string error;
  if (!in_range(p, d, policy, notes, error)) return error;
  using T = std::remove_reference_t<decltype(field(c))>;
  field(c) = static_cast<T>(d == static_cast<double>(i) ? i : static_cast<long long>(d));
  return "";
}

template <class Field, class Parse>
std::string read_name(const std::string& v, RunConfig& c, Field field, Parse parse) {
  try {
    field(c) = parse(v);
    return "";
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
}

// Per-layer lists: "relu,relu" or one value for every layer.
template <class Apply>
std::string read_per_layer(const Property& p, RunConfig& c, const std::string& v, Apply apply) {
  if (c.hidden.empty()) return "";
  const auto parts = split(v, ',');
  if (parts.size() != 1 && parts.size() != c.hidden.size())
    return std::string(p.key) + ": " + std::to_string(parts.size()) + " values for " +
           std::to_string(c.hidden.size()) + " hidden layers (give one for all, or one per layer)";
  for (size_t i = 0; i < c.hidden.size(); ++i) {
    const std::string msg = apply(c.hidden[i], parts[parts.size() == 1 ? 0 : i]);
    if (!msg.empty()) return msg;
  }
  return "";
}

template <class Get>
std::string join_layers(const RunConfig& c, Get get) {
  std::string out;
  for (size_t i = 0; i < c.hidden.size(); ++i) out += (i ? "," : "") + get(c.hidden[i]);
  return out.empty() ? "none" : out;
}

std::string read_layers(const Property& p, RunConfig& c, const std::string& v, OutOfRange policy,
                        std::vector<std::string>& notes) {
  std::vector<LayerSpec> hidden;
  if (v != "none" && !v.empty()) {
    const auto parts = split(v, ',');
    if (parts.size() > static_cast<size_t>(NetworkSpec::kMaxHiddenLayers))
      return std::string(p.key) + ": " + std::to_string(parts.size()) + " hidden layers, at most " +
             std::to_string(NetworkSpec::kMaxHiddenLayers);
    for (const auto& part : parts) {
      long long units;
      if (!parse_integer(part, units)) return not_valid(p, v);
      double d = static_cast<double>(units);
      std::string error;
      if (!in_range(p, d, policy, notes, error)) return error;
      LayerSpec layer = c.hidden.empty() ? LayerSpec{} : c.hidden.front();
      layer.units = static_cast<int>(d);
      hidden.push_back(layer);
    }
  }
  c.hidden = hidden;
  return "";
}

std::string read_dropout(const Property& p, RunConfig& c, const std::string& v, OutOfRange policy,
                         std::vector<std::string>& notes) {
  return read_per_layer(p, c, v, [&](LayerSpec& h, const std::string& item) {
    double d;
    if (!parse_double(item, d)) return not_valid(p, item);
    std::string error;
    if (!in_range(p, d, policy, notes, error)) return error;
    h.dropout = d;
    return std::string();
  });
}

std::string read_activation(const Property& p, RunConfig& c, const std::string& v, OutOfRange,
                            std::vector<std::string>&) {
  return read_per_layer(p, c, v, [](LayerSpec& h, const std::string& item) {
    try {
      h.activation = parse_activation(item);
      return std::string();
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
  });
}

std::string read_switch(const Property& p, bool& field, const std::string& v) {
  if (v != "0" && v != "1") return not_valid(p, v);
  field = v == "1";
  return "";
}

// A comma-separated list of names among `valid` (empty: none); unknown names are refused.
std::string read_names(const Property& p, std::vector<std::string>& field, const std::string& v,
                       const std::vector<std::string>& valid) {
  std::vector<std::string> names;
  for (const std::string& name : split(v, ',')) {
    if (name.empty()) continue;
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
      std::string list;
      for (const std::string& n : valid) list += (list.empty() ? "" : ", ") + n;
      return std::string(p.key) + ": unknown '" + name + "' (valid: " + list + ")";
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  field = names;
  return "";
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
  return out;
}

constexpr double kMaxCount = 9e18;  // seeds and update counts: any whole number that fits

}  // namespace

const std::vector<Property>& properties() {
  using Notes = std::vector<std::string>;
  static const std::vector<Property> table = {
      // --- data --------------------------------------------------------------------------------
      {"data", "data", "NAME|FILE", "data set: a toy set, glyphs, mnist, fashion-mnist or (mlp) a text/CSV file", 0, 0,
       true, [](const RunConfig& c) { return c.data.source; },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         if (v.empty()) return not_valid(p, v);
         c.data.source = v;
         return std::string();
       }},
      {"n", "n", "N", "examples", 1, 1e7, true, [](const RunConfig& c) { return std::to_string(c.data.examples); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> int& { return r.data.examples; });
       }},
      {"noise", "noise", "X", "noise (toy sets: jitter; glyphs: pixel flip probability; -1 = the set's default)", -1,
       100, true, [](const RunConfig& c) { return num(c.data.noise); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.data.noise; });
       }},
      {"classes", "classes", "K", "classes (toy sets with several; 0 = the set's default)", 0, 100, true,
       [](const RunConfig& c) { return std::to_string(c.data.classes); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> int& { return r.data.classes; });
       }},
      {"test", "test-fraction", "F", "test fraction (share held out for testing)", 0, 0.9, true,
       [](const RunConfig& c) { return num(c.data.test_fraction); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.data.test_fraction; });
       }},
      {"scale", "preprocess", "P", "input scaling: none, rescale ([0, 1]), zscore (per feature), zscore-global", 0, 0,
       false, [](const RunConfig& c) { return std::string(scaling_name(c.data.scaling)); },
       [](const Property&, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_name(v, c, [](RunConfig& r) -> Scaling& { return r.data.scaling; }, parse_scaling);
       }},
      {"test-part", "test-part", "P", "part of the test set judged: all, first-half, second-half", 0, 0, false,
       [](const RunConfig& c) { return std::string(test_part_name(c.data.test_part)); },
       [](const Property&, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_name(v, c, [](RunConfig& r) -> TestPart& { return r.data.test_part; }, parse_test_part);
       }},
      {"limit", "limit", "N", "use only the first N training examples (0 = all)", 0, 1e8, false,
       [](const RunConfig& c) { return std::to_string(c.data.limit); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> int& { return r.data.limit; });
       }},
      {"features", "features", "F1,F2,..", "inputs of 2-D data: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2", 0, 0, true,
       [](const RunConfig& c) { return features_text(c.data.features); },
       [](const Property&, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_name(v, c, [](RunConfig& r) -> std::vector<InputFeature>& { return r.data.features; },
                          parse_features);
       }},
      {"target", "target", "T", "files: the last column is a class (class) or a real value to fit (value: regression)",
       0, 0, true, [](const RunConfig& c) { return std::string(c.data.real_targets ? "value" : "class"); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         if (v != "class" && v != "value") return not_valid(p, v);
         c.data.real_targets = v == "value";
         return std::string();
       }},
      // --- network -----------------------------------------------------------------------------
      {"layers", "layers", "W1,W2,..", "hidden layer widths, or none (a single-layer perceptron)", 1,
       NetworkSpec::kMaxUnits, true,
       [](const RunConfig& c) { return join_layers(c, [](const LayerSpec& h) { return std::to_string(h.units); }); },
       read_layers},
      {"act", "activation", "A[,A..]", "activation per hidden layer: sigmoid, relu, tanh, linear (one for all, or one per layer)",
       0, 0, true,
       [](const RunConfig& c) {
         return join_layers(c, [](const LayerSpec& h) { return std::string(activation_name(h.activation)); });
       },
       read_activation},
      {"drop", "dropout", "R[,R..]", "dropout ratio per hidden layer (one for all, or one per layer)", 0, 0.99, true,
       [](const RunConfig& c) { return join_layers(c, [](const LayerSpec& h) { return num(h.dropout); }); },
       read_dropout},
      {"out", "output", "O", "output + loss: softmax (cross-entropy), sigmoid (binary cross-entropy), linear (MSE)", 0,
       0, true, [](const RunConfig& c) { return std::string(output_name(c.output)); },
       [](const Property&, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_name(v, c, [](RunConfig& r) -> Output& { return r.output; }, parse_output);
       }},
      {"init", "init", "I", "initialisation: lecture, xavier, he, equal, large", 0, 0, true,
       [](const RunConfig& c) { return std::string(init_name(c.init)); },
       [](const Property&, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_name(v, c, [](RunConfig& r) -> Init& { return r.init; }, parse_init);
       }},
      // --- training ----------------------------------------------------------------------------
      {"lr", "lr", "RATE", "learning rate", 1e-12, 100, true,
       [](const RunConfig& c) { return num(c.train.learning_rate); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.train.learning_rate; });
       }},
      {"batch", "batch", "N", "batch size (0 = the whole training set)", 0, 1e8, true,
       [](const RunConfig& c) { return std::to_string(c.train.batch_size); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> int& { return r.train.batch_size; });
       }},
      {"shuffle", "shuffle", "", "reshuffle the training set every epoch (--no-shuffle: in order)", 0, 1, true,
       [](const RunConfig& c) { return std::string(c.train.shuffle ? "1" : "0"); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_switch(p, c.train.shuffle, v);
       }},
      // μ also picks the optimiser for links and flags that predate `opt`: μ > 0 turns plain
      // gradient descent into momentum, μ = 0 turns momentum back; an `opt` given too (read
      // after this row) decides.
      {"mom", "momentum", "M", "momentum μ of the momentum optimiser (given alone, μ > 0 also chooses it)", 0, 0.999, true,
       [](const RunConfig& c) { return num(c.train.optimizer.momentum); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         OptimizerConfig& opt = c.train.optimizer;
         const std::string error = read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.train.optimizer.momentum; });
         if (error.empty() && opt.kind == Optimizer::SGD && opt.momentum > 0) opt.kind = Optimizer::Momentum;
         if (error.empty() && opt.kind == Optimizer::Momentum && opt.momentum == 0) opt.kind = Optimizer::SGD;
         return error;
       }},
      {"opt", "optimizer", "O", "optimiser: sgd (plain gradient descent), momentum, adam", 0, 0, true,
       [](const RunConfig& c) { return std::string(optimizer_name(c.train.optimizer.kind)); },
       [](const Property&, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_name(v, c, [](RunConfig& r) -> Optimizer& { return r.train.optimizer.kind; }, parse_optimizer);
       }},
      {"beta1", "beta1", "B", "Adam's β₁ (decay of the mean gradient m)", 0, 0.9999, true,
       [](const RunConfig& c) { return num(c.train.optimizer.beta1); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.train.optimizer.beta1; });
       }},
      {"beta2", "beta2", "B", "Adam's β₂ (decay of the mean squared gradient v)", 0, 0.99999, true,
       [](const RunConfig& c) { return num(c.train.optimizer.beta2); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.train.optimizer.beta2; });
       }},
      {"eps", "epsilon", "E", "Adam's ε (added to √v̂)", 1e-12, 1, true,
       [](const RunConfig& c) { return num(c.train.optimizer.epsilon); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.train.optimizer.epsilon; });
       }},
      {"l1", "l1", "RATE", "L1 rate λ₁ (the step uses dW + λ₁·sign W, not on the bias row)", 0, 10, true,
       [](const RunConfig& c) { return num(c.train.l1); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.train.l1; });
       }},
      {"l2", "l2", "RATE", "L2 rate λ₂ (weight decay: the step uses dW + λ₂·W, not on the bias row)", 0, 10, true,
       [](const RunConfig& c) { return num(c.train.l2); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_number(p, c, v, o, n, [](RunConfig& r) -> double& { return r.train.l2; });
       }},
      {"seed", "seed", "S", "seed for the data, the weights, the order and the dropout masks", 0, kMaxCount, true,
       [](const RunConfig& c) { return std::to_string(c.train.seed); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> uint64_t& { return r.train.seed; });
       }},
      // --- how long ----------------------------------------------------------------------------
      {"epochs", "epochs", "N", "epochs to train", 1, 1e6, true,
       [](const RunConfig& c) { return std::to_string(c.schedule.epochs); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> int& { return r.schedule.epochs; });
       }},
      {"iterations", "iterations", "N", "train this many updates (batches) instead of whole epochs (0 = epochs)", 0, 1e9,
       false, [](const RunConfig& c) { return std::to_string(c.schedule.iterations); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> long& { return r.schedule.iterations; });
       }},
      {"eval-every", "eval-every", "N", "measure the train and test loss every N updates (0 = every epoch)", 0,
       kMaxCount, false, [](const RunConfig& c) { return std::to_string(c.schedule.eval_every); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> long& { return r.schedule.eval_every; });
       }},
      {"train-eval-limit", "train-eval-limit", "N", "measure the training loss on the first N examples (-1 = all)", -1,
       1e8, false, [](const RunConfig& c) { return std::to_string(c.schedule.train_eval_limit); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> int& { return r.schedule.train_eval_limit; });
       }},
      // --- the page (an instructor's link; written only when set) ------------------------------
      {"hide", "", "P1,P2,..", "parts of the page hidden", 0, 0, true,
       [](const RunConfig& c) { return join_names(c.page.hide); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_names(p, c.page.hide, v, hideable_parts());
       }},
      {"lock", "", "C1,C2,..", "controls shown but locked", 0, 0, true,
       [](const RunConfig& c) { return join_names(c.page.lock); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_names(p, c.page.lock, v, lockable_controls());
       }},
      {"lesson", "", "N", "open the Lessons tab on this chapter (0 = no)", 0, 100, true,
       [](const RunConfig& c) { return std::to_string(c.page.lesson); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange o, Notes& n) {
         return read_integer(p, c, v, o, n, [](RunConfig& r) -> int& { return r.page.lesson; });
       }},
      {"play", "", "", "start playing once loaded", 0, 1, true,
       [](const RunConfig& c) { return std::string(c.page.play ? "1" : "0"); },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         return read_switch(p, c.page.play, v);
       }},
      {"lang", "", "L", "the page's language: en, zh-TW (default: the browser's)", 0, 0, true,
       [](const RunConfig& c) { return c.page.lang; },
       [](const Property& p, RunConfig& c, const std::string& v, OutOfRange, Notes&) {
         std::vector<std::string> one;
         const std::string why = read_names(p, one, v, page_languages());
         if (why.empty()) c.page.lang = one.empty() ? "" : one.front();
         return why;
       }},
  };
  return table;
}

const Property* find_property(const std::string& key) {
  for (const Property& p : properties())
    if (key == p.key) return &p;
  return nullptr;
}

const Property* find_flag(const std::string& flag) {
  for (const Property& p : properties())
    if (*p.flag && flag == p.flag) return &p;
  return nullptr;
}

std::string encode_config(const RunConfig& config) {
  static const RunConfig defaults;
  std::string out;
  for (const Property& p : properties()) {
    if (!p.in_address) continue;
    const std::string value = p.write(config);
    if (!*p.flag && value == p.write(defaults)) continue;  // the page's rows only when set: links stay short
    out += (out.empty() ? "" : "&") + std::string(p.key) + "=" + percent_encode(value);
  }
  return out;
}

std::map<std::string, std::string> split_pairs(const std::string& text, std::vector<std::string>& notes) {
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
  return values;
}

void apply_pairs(RunConfig& config, std::map<std::string, std::string> values, std::vector<std::string>& notes) {
  for (const Property& p : properties()) {
    const auto it = values.find(p.key);
    if (it == values.end()) continue;
    const std::string msg = p.read(p, config, it->second, OutOfRange::Clamp, notes);
    if (!msg.empty()) notes.push_back("link: " + msg + " (ignored)");
    values.erase(it);
  }
  for (const auto& unknown : values) notes.push_back("link: unknown setting '" + unknown.first + "' (ignored)");
}

RunConfig decode_config(const std::string& text, std::vector<std::string>& notes) {
  RunConfig config;
  apply_pairs(config, split_pairs(text, notes), notes);
  return config;
}

RunConfig with_diff(RunConfig base, const std::string& diff) {
  std::vector<std::string> notes;
  auto values = split_pairs(diff, notes);
  for (const Property& p : properties()) {
    const auto it = values.find(p.key);
    if (it == values.end()) continue;
    const std::string msg = p.read(p, base, it->second, OutOfRange::Refuse, notes);
    if (!msg.empty()) notes.push_back(msg);
    values.erase(it);
  }
  for (const auto& unknown : values) notes.push_back("unknown setting '" + unknown.first + "'");
  if (!notes.empty()) throw std::invalid_argument("diff '" + diff + "': " + notes.front());
  return base;
}

bool RunConfig::operator==(const RunConfig& o) const { return config_diff(*this, o).empty(); }

std::string config_diff(const RunConfig& from, const RunConfig& to) {
  std::string out;
  for (const Property& p : properties()) {
    const std::string value = p.write(to);
    if (value != p.write(from)) out += (out.empty() ? "" : "&") + std::string(p.key) + "=" + percent_encode(value);
  }
  return out;
}

}  // namespace mlp
