// RunSetup: defaults, clamping with messages, and the data and network it describes.
#include "app/run_setup.hpp"

#include "data/glyphs.hpp"
#include "data/preprocess.hpp"
#include "data/toy.hpp"
#include "nn/dropout.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace mlp::ui {

namespace {

constexpr const char* kGlyphs = "glyphs";
constexpr double kGlyphFlipDefault = 0.04;  // one pixel in 25 flipped on average
constexpr int kGlyphTestCopies = 20;        // noisy test copies per glyph

std::string number(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

const ToySpec* find_toy(const std::string& name) {
  for (const auto& t : toy_specs())
    if (t.name == name) return &t;
  return nullptr;
}

// Clamps `value` into [lo, hi]; records "what v is below/above lo/hi: using x" when it changes.
template <class V>
void clamp_field(V& value, V lo, V hi, const std::string& what, std::vector<std::string>& notes) {
  if (!(value >= lo)) {  // also NaN
    notes.push_back(what + " " + number(static_cast<double>(value)) + " is below " + number(static_cast<double>(lo)) +
                    ": using " + number(static_cast<double>(lo)));
    value = lo;
  } else if (value > hi) {
    notes.push_back(what + " " + number(static_cast<double>(value)) + " is above " + number(static_cast<double>(hi)) +
                    ": using " + number(static_cast<double>(hi)));
    value = hi;
  }
}

void sanitize_data(DataSetup& d, std::vector<std::string>& notes) {
  const auto names = data_source_names();
  if (std::find(names.begin(), names.end(), d.source) == names.end()) {
    notes.push_back("unknown data set '" + d.source + "': using circles");
    d.source = "circles";
  }
  clamp_field(d.examples, SetupLimits::kMinExamples, SetupLimits::kMaxExamples, "examples", notes);
  if (d.noise >= 0 || !std::isfinite(d.noise)) clamp_field(d.noise, 0.0, SetupLimits::kMaxNoise, "noise", notes);
  clamp_field(d.test_fraction, 0.0, SetupLimits::kMaxTestFraction, "test fraction", notes);
  if (const ToySpec* toy = find_toy(d.source)) {
    if (d.classes != 0) clamp_field(d.classes, toy->min_classes, toy->max_classes, d.source + " classes", notes);
  } else {
    d.classes = 0;
  }
}

void sanitize_network(RunSetup& s, std::vector<std::string>& notes) {
  if (static_cast<int>(s.hidden.size()) > SetupLimits::kMaxHiddenLayers) {
    notes.push_back("at most " + std::to_string(SetupLimits::kMaxHiddenLayers) + " hidden layers: dropped the rest");
    s.hidden.resize(SetupLimits::kMaxHiddenLayers);
  }
  for (size_t i = 0; i < s.hidden.size(); ++i) {
    LayerSpec& h = s.hidden[i];
    const std::string name = "hidden layer " + std::to_string(i + 1);
    clamp_field(h.units, 1, SetupLimits::kMaxUnits, name + " units", notes);
    clamp_field(h.dropout, 0.0, SetupLimits::kMaxDropout, name + " dropout", notes);
    if (h.dropout > 0 && dropout_kept(h.units, h.dropout) < 1) {
      notes.push_back(name + ": dropout " + number(h.dropout) + " would drop all " + std::to_string(h.units) +
                      " units of an example: using 0");
      h.dropout = 0.0;
    }
  }
}

void sanitize_training(RunSetup& s, std::vector<std::string>& notes) {
  TrainConfig& t = s.train;
  clamp_field(t.learning_rate, SetupLimits::kMinLearningRate, SetupLimits::kMaxLearningRate, "learning rate", notes);
  clamp_field(t.batch_size, 0, SetupLimits::kMaxBatch, "batch size", notes);
  clamp_field(t.momentum, 0.0, 0.99, "momentum", notes);
  clamp_field(s.epochs, 1, SetupLimits::kMaxEpochs, "epochs", notes);
}

}  // namespace

bool DataSetup::operator==(const DataSetup& o) const {
  return source == o.source && examples == o.examples && noise == o.noise && classes == o.classes &&
         test_fraction == o.test_fraction;
}

TrainConfig RunSetup::default_train_config() {
  TrainConfig c;
  c.learning_rate = 0.2;
  c.batch_size = 10;
  c.shuffle = true;
  c.momentum = 0.0;
  c.seed = 1;
  return c;
}

bool RunSetup::operator==(const RunSetup& o) const {
  if (!(data == o.data) || hidden.size() != o.hidden.size() || output != o.output || init != o.init ||
      epochs != o.epochs || iterations != o.iterations)
    return false;
  for (size_t i = 0; i < hidden.size(); ++i) {
    const LayerSpec &a = hidden[i], &b = o.hidden[i];
    if (a.units != b.units || a.activation != b.activation || a.dropout != b.dropout) return false;
  }
  const TrainConfig &a = train, &b = o.train;
  return a.learning_rate == b.learning_rate && a.batch_size == b.batch_size && a.shuffle == b.shuffle &&
         a.momentum == b.momentum && a.seed == b.seed;
}

std::vector<std::string> sanitize(RunSetup& setup) {
  std::vector<std::string> notes;
  sanitize_data(setup.data, notes);
  sanitize_network(setup, notes);
  sanitize_training(setup, notes);
  return notes;
}

SetupData make_data(const RunSetup& setup) {
  const DataSetup& d = setup.data;
  const uint64_t seed = setup.train.seed;
  SetupData out;
  if (d.source == kGlyphs) {
    out.train = lecture_glyphs();
    out.test = noisy_glyphs(kGlyphTestCopies, effective_noise(d), 0.0, seed);
    return out;
  }
  const Dataset all = make_toy(d.source, d.examples, effective_noise(d), seed, d.classes);
  if (d.test_fraction <= 0) {
    out.train = all;
    return out;
  }
  const Split split = split_indices(all.labels, 0.0, d.test_fraction, seed, true);
  out.train = take(all, split.train);
  out.test = take(all, split.test);
  return out;
}

NetworkSpec network_spec(const RunSetup& setup, const Dataset& train) {
  NetworkSpec spec;
  spec.inputs = train.features();
  spec.hidden = setup.hidden;
  spec.output = setup.output;
  spec.outputs = output_units(setup.output, train.num_classes);
  spec.init = setup.init;
  return spec;
}

std::vector<std::string> data_source_names() {
  std::vector<std::string> names = toy_names();
  names.push_back(kGlyphs);
  return names;
}

std::string data_source_description(const std::string& name) {
  if (name == kGlyphs)
    return "the lecture's five 5×5 digit images 1..5 (25 inputs, 5 classes); tested on noisy copies";
  const ToySpec* toy = find_toy(name);
  return toy ? toy->description : "";
}

double default_noise(const std::string& source) {
  if (source == kGlyphs) return kGlyphFlipDefault;
  const ToySpec* toy = find_toy(source);
  return toy ? toy->default_noise : 0.0;
}

double effective_noise(const DataSetup& data) {
  return data.noise < 0 ? default_noise(data.source) : data.noise;
}

}  // namespace mlp::ui
