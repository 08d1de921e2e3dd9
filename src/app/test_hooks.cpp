// window.mlp.state for the browser tests. Fields:
//   setup (the address text), dataset, hidden [units], activations [names], output, lr, batch, seed,
//   iteration, epoch, batches_per_epoch, phase, next_phase, status, formula,
//   matrices [{name, rows, cols, sum}], history_points, batch_loss, train_loss, test_loss,
//   train_accuracy, test_accuracy, gradient_points, playing, diverged, chain {layer, row, col,
//   numeric, backprop} (while the chain-rule tab shows a gradient), pause_reason,
//   setup_error, setup_notes [..], io_message, import_error, imports, model_source,
//   example, weight {layer, row, col}, work_ms, frame_ms, frames, vertices
#include "app/test_hooks.hpp"

#include "app/phase_info.hpp"
#include "app/url_state.hpp"
#include "nn/json.hpp"

#include <cmath>

namespace mlp::ui {

namespace {

Json number(double v) { return std::isfinite(v) ? Json(v) : Json(); }

Json strings(const std::vector<std::string>& items) {
  Json::Array a;
  for (const auto& s : items) a.push_back(Json(s));
  return Json(a);
}

Json matrices(const PhaseView& v) {
  Json::Array a;
  for (const auto& m : v.matrices)
    a.push_back(Json::object({{"name", Json(m.name)},
                              {"rows", Json(static_cast<int>(m.stats.rows))},
                              {"cols", Json(static_cast<int>(m.stats.cols))},
                              {"sum", number(m.stats.sum)},
                              {"sample", Json(m.sample)}}));
  return Json(a);
}

void add_session(Json& j, AppState& state) {
  const Session& s = *state.session;
  const Trainer<float>& t = s.trainer();
  const PhaseView& v = phase_view(state);
  const auto last = s.last_phase();
  j.set("iteration", Json(static_cast<double>(t.iteration())));
  j.set("epoch", Json(t.epoch()));
  j.set("batches_per_epoch", Json(t.batches_per_epoch()));
  j.set("phase", Json(last ? phase_label(*last) : std::string("ready")));
  j.set("next_phase", Json(phase_label(t.next_phase())));
  j.set("status", Json(status_line(s)));
  j.set("formula", Json(v.formula));
  j.set("matrices", matrices(v));
  const History& h = s.run().history();
  j.set("history_points", Json(static_cast<int>(h.points.size())));
  if (!h.points.empty()) {
    const HistoryPoint& p = h.points.back();
    j.set("batch_loss", number(p.batch_loss));
    j.set("train_loss", number(p.train_loss));
    j.set("test_loss", number(p.test_loss));
    j.set("train_accuracy", number(p.train_accuracy));
    j.set("test_accuracy", number(p.test_accuracy));
  }
  j.set("gradient_points", Json(static_cast<int>(s.gradient_sizes().size())));
  j.set("diverged", Json(s.diverged()));
  const ChainCache& c = state.caches.chain;
  if (c.serial == state.session_serial && c.version == s.version() && c.error.empty()) {
    const WeightRef& w = c.weight;
    j.set("chain", Json::object({{"layer", Json(w.layer)}, {"row", Json(w.row)}, {"col", Json(w.col)},
                                 {"numeric", number(c.numeric)},
                                 {"backprop", number(s.pass().dW[w.layer](w.row, w.col))}}));
  }
  j.set("network", Json(s.network().spec.describe()));
}

}  // namespace

std::string state_json(AppState& state, const FrameStats& stats) {
  const RunSetup& setup = state.setup;
  Json j = Json::object();
  j.set("setup", Json(encode_setup(setup)));
  j.set("compare", compare_json(state.compare));
  j.set("lesson", lessons_json(state.lessons));
  j.set("dataset", Json(setup.data.source));
  Json::Array units, acts;
  for (const auto& h : setup.hidden) {
    units.push_back(Json(h.units));
    acts.push_back(Json(activation_name(h.activation)));
  }
  j.set("hidden", Json(units));
  j.set("activations", Json(acts));
  j.set("output", Json(output_name(setup.output)));
  j.set("lr", Json(setup.train.learning_rate));
  j.set("batch", Json(setup.train.batch_size));
  j.set("seed", Json(static_cast<double>(setup.train.seed)));
  if (state.session) add_session(j, state);
  j.set("playing", Json(state.play.playing || state.play.epoch_target >= 0));
  j.set("pause_reason", Json(state.messages.pause_reason));
  j.set("setup_error", Json(state.messages.setup_error));
  j.set("setup_notes", strings(state.messages.setup_notes));
  j.set("io_message", Json(state.messages.io));
  j.set("import_error", Json(state.messages.import_error));
  j.set("imports", Json(state.messages.imports));
  j.set("model_source", Json(state.model_source));
  j.set("example", Json(state.selection.example));
  const WeightRef& w = state.selection.weight;
  j.set("weight", Json::object({{"layer", Json(w.layer)}, {"row", Json(w.row)}, {"col", Json(w.col)}}));
  j.set("work_ms", number(stats.work_ms));
  j.set("frame_ms", number(stats.frame_ms));
  j.set("frames", Json(static_cast<double>(stats.frames)));
  j.set("vertices", Json(stats.vertices));
  return j.dump();
}

}  // namespace mlp::ui
