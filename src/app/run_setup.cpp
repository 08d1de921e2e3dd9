// The playground's limits for a set-up, and the data and network it describes; see run_setup.hpp.
#include "app/run_setup.hpp"

#include "config/properties.hpp"
#include "data/toy.hpp"
#include "nn/dropout.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace mlp::ui {

namespace {

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

void sanitize_data(DataConfig& d, const OwnData& own, std::vector<std::string>& notes) {
  if (own.is(d.source)) {
    d.classes = 0;
    clamp_field(d.test_fraction, 0.0, SetupLimits::kMaxTestFraction, "test fraction", notes);
    if (own.table->features() != 2 && !is_plain(d.features)) {
      notes.push_back("input features need 2-D points; " + own.name + " has " +
                      std::to_string(own.table->features()) + " inputs: using them as they are");
      d.features = plain_features();
    }
    return;
  }
  if (!is_generated(d.source)) {
    notes.push_back("unknown data set '" + d.source + "': using circles");
    d.source = "circles";
  }
  clamp_field(d.examples, SetupLimits::kMinExamples, SetupLimits::kMaxExamples, "examples", notes);
  if (d.noise >= 0 || !std::isfinite(d.noise)) clamp_field(d.noise, 0.0, SetupLimits::kMaxNoise, "noise", notes);
  clamp_field(d.test_fraction, 0.0, SetupLimits::kMaxTestFraction, "test fraction", notes);
  const ToySpec* toy = find_toy(d.source);
  if (toy && d.classes != 0) clamp_field(d.classes, toy->min_classes, toy->max_classes, d.source + " classes", notes);
  if (!toy) d.classes = 0;
  if (!toy || toy->inputs != 2) {
    if (!is_plain(d.features)) notes.push_back("input features need 2-D points, not " + d.source + ": using x1, x2");
    d.features = plain_features();
  }
}

void sanitize_network(RunConfig& s, std::vector<std::string>& notes) {
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

void sanitize_training(RunConfig& s, std::vector<std::string>& notes) {
  TrainConfig& t = s.train;
  clamp_field(t.learning_rate, SetupLimits::kMinLearningRate, SetupLimits::kMaxLearningRate, "learning rate", notes);
  clamp_field(t.batch_size, 0, SetupLimits::kMaxBatch, "batch size", notes);
  clamp_field(t.optimizer.momentum, 0.0, 0.99, "momentum", notes);
  clamp_field(s.schedule.epochs, 1, SetupLimits::kMaxEpochs, "epochs", notes);
}

}  // namespace

// A regression set (a generated one, or a table read with real targets) has the linear output.
void sanitize_output(RunConfig& s, const OwnData& own, std::vector<std::string>& notes) {
  const bool regression = own.is(s.data.source) ? own.table->is_regression() : is_regression_source(s.data.source);
  const std::string note = fit_output(s, regression, s.data.source);
  if (!note.empty()) notes.push_back(note);
}

std::vector<std::string> sanitize(RunConfig& setup, const OwnData& own) {
  std::vector<std::string> notes;
  sanitize_data(setup.data, own, notes);
  sanitize_output(setup, own, notes);
  sanitize_network(setup, notes);
  sanitize_training(setup, notes);
  return notes;
}

DataSplit make_data(const RunConfig& setup, const OwnData& own) {
  if (own.is(setup.data.source)) return split_table(*own.table, setup.data, setup.train.seed);
  return generate_data(setup.data, setup.train.seed);
}

namespace {

// The address rows a lockable control stands for.
std::vector<std::string> locked_rows(const std::string& control) {
  if (control == "data") return {"data", "n", "noise", "classes", "test", "scale", "features", "target"};
  if (control == "network") return {"layers", "act", "drop", "out", "init"};
  if (control == "training") return {"lr", "batch", "shuffle", "opt", "mom", "beta1", "beta2", "eps", "l1", "l2", "seed",
                                     "epochs"};
  if (control == "opt") return {"opt", "mom", "beta1", "beta2", "eps"};
  return {control};
}

}  // namespace

void keep_locked(const PageConfig& page, const RunConfig& current, RunConfig& edited) {
  std::vector<std::string> unused;
  for (const std::string& control : page.lock)
    for (const std::string& key : locked_rows(control))
      if (const Property* p = find_property(key)) p->read(*p, edited, p->write(current), OutOfRange::Clamp, unused);
}

NetworkSpec network_spec(const RunConfig& setup, const Dataset& train) {
  return setup.spec(train.features(), train.num_classes);
}

}  // namespace mlp::ui
