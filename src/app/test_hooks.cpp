// window.mlp.state for the browser tests. Fields:
//   setup (the address text), compare, lessons (the Lessons tab: chapter, loaded, preset, title),
//   lang (the page's language in use: "en" or "zh-TW"), hide [..], lock [..], lesson, play (the page
//   settings a link gave), dataset, hidden [units], activations [names], output, lr, batch, seed,
//   iteration, epoch, batches_per_epoch, phase, next_phase, status, formula, numpy [lines],
//   matrices [{name, rows, cols, sum}], history_points, batch_loss, train_loss, test_loss,
//   train_accuracy, test_accuracy (R² for a regression), score ("accuracy" or "R²"), gradient_points, playing, diverged, chain {layer, row, col,
//   numeric, backprop} (while the chain-rule tab shows a gradient), pause_reason,
//   setup_error, setup_notes [..], io_message, import_error, imports, model_source, own_data (the
//   name of the table opened, or ""),
//   example, weight {layer, row, col}, work_ms, frame_ms, frames, vertices,
//   textures (GL textures alive, platform::live_textures), opt, mom, beta1, beta2, eps, l1, l2,
//   features, target (the set-up's optimiser, penalties, inputs and file targets, named as in the address), position {iteration,
//   phases}, earliest_iteration, latest_iteration (the timeline's reach), weights_hash (FNV-1a
//   of the weights' bytes: equal only for bit-identical weights)
// A NaN or infinite number (a diverged run) is written as null.
#include "app/test_hooks.hpp"

#include "app/phase_info.hpp"
#include "config/properties.hpp"
#include "nn/metrics.hpp"
#include "platform/texture.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace mlp::ui {

namespace {

using json = nlohmann::ordered_json;  // ordered: fields are written in the order set

json matrices(const PhaseView& v) {
  json a = json::array();
  for (const auto& m : v.matrices)
    a.push_back({{"name", m.name}, {"rows", m.stats.rows}, {"cols", m.stats.cols}, {"sum", m.stats.sum}, {"sample", m.sample}});
  return a;
}

// FNV-1a over the bytes of every weight matrix, as hex.
std::string weights_hash(const Network<float>& net) {
  uint64_t h = 1469598103934665603ULL;
  for (const auto& W : net.W) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(W.data());
    for (size_t i = 0; i < static_cast<size_t>(W.size()) * sizeof(float); ++i) h = (h ^ bytes[i]) * 1099511628211ULL;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

void add_session(json& j, const StateInput& in) {
  const Session& s = in.view->session;
  const Trainer<float>& t = s.trainer();
  const PhaseView& v = in.view->phase;
  const auto last = s.last_phase();
  j["iteration"] = t.iteration();
  j["epoch"] = t.epoch();
  j["batches_per_epoch"] = t.batches_per_epoch();
  j["phase"] = last ? phase_label(*last) : std::string("ready");
  j["next_phase"] = phase_label(t.next_phase());
  j["status"] = status_line(s);
  j["formula"] = v.formula;
  j["numpy"] = v.numpy;
  j["matrices"] = matrices(v);
  const History& h = s.run().history();
  j["history_points"] = h.points.size();
  if (!h.points.empty()) {
    const HistoryPoint& p = h.points.back();
    j["batch_loss"] = p.batch_loss;
    j["train_loss"] = p.train_loss;
    j["test_loss"] = p.test_loss;
    j["train_accuracy"] = p.train_accuracy;
    j["test_accuracy"] = p.test_accuracy;
  }
  j["score"] = score_name(s.train());
  j["gradient_points"] = s.gradient_sizes().size();
  j["diverged"] = s.diverged();
  const ChainCache& c = in.chain;
  if (c.serial == in.view->serial && c.version == s.version() && c.error.empty()) {
    const WeightRef& w = c.weight;
    j["chain"] = {{"layer", w.layer}, {"row", w.row}, {"col", w.col}, {"numeric", c.numeric},
                  {"backprop", s.pass().dW[w.layer](w.row, w.col)}};
  }
  j["network"] = s.network().spec.describe();
  const Session::Position at = s.position();
  j["position"] = {{"iteration", at.iteration}, {"phases", at.phases}};
  j["earliest_iteration"] = s.earliest_iteration();
  j["latest_iteration"] = s.latest_iteration();
  j["weights_hash"] = weights_hash(s.network());
}

}  // namespace

std::string state_json(const StateInput& in, const FrameStats& stats) {
  const PlaygroundRun& p = in.playground;
  const RunConfig& setup = p.setup;
  json j = json::object();
  j["setup"] = encode_config(setup);
  j["compare"] = in.compare;
  j["lessons"] = in.lesson;
  const PageConfig& page = setup.page;  // the instructor's settings, under their address keys
  j["lang"] = language_code(in.language);
  j["hide"] = page.hide;
  j["lock"] = page.lock;
  j["lesson"] = page.lesson;
  j["play"] = page.play;
  j["dataset"] = setup.data.source;
  json units = json::array(), acts = json::array();
  for (const auto& h : setup.hidden) {
    units.push_back(h.units);
    acts.push_back(activation_name(h.activation));
  }
  j["hidden"] = units;
  j["activations"] = acts;
  j["output"] = output_name(setup.output);
  j["lr"] = setup.train.learning_rate;
  j["batch"] = setup.train.batch_size;
  j["seed"] = setup.train.seed;
  const OptimizerConfig& opt = setup.train.optimizer;
  j["opt"] = optimizer_name(opt.kind);
  j["mom"] = opt.momentum;
  j["beta1"] = opt.beta1;
  j["beta2"] = opt.beta2;
  j["eps"] = opt.epsilon;
  j["l1"] = setup.train.l1;
  j["l2"] = setup.train.l2;
  j["features"] = features_text(setup.data.features);
  j["target"] = setup.data.real_targets ? "value" : "class";
  if (in.view) add_session(j, in);
  j["playing"] = p.run.busy();
  j["pause_reason"] = p.run.pause_reason();
  j["setup_error"] = p.setup_error;
  j["setup_notes"] = p.setup_notes;
  j["io_message"] = in.io.message;
  j["import_error"] = in.io.import_error;
  j["imports"] = in.io.imports;
  j["model_source"] = p.model_source;
  j["own_data"] = p.own.table ? p.own.name : std::string();
  j["example"] = in.selection.example;
  const WeightRef& w = in.selection.weight;
  j["weight"] = {{"layer", w.layer}, {"row", w.row}, {"col", w.col}};
  j["work_ms"] = stats.work_ms;
  j["frame_ms"] = stats.frame_ms;
  j["frames"] = stats.frames;
  j["vertices"] = stats.vertices;
  j["textures"] = platform::live_textures();
  return j.dump();
}

}  // namespace mlp::ui
