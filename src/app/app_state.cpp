// Applying a set-up to the app state; see app_state.hpp.
#include "app/app_state.hpp"

#include <algorithm>
#include <exception>

namespace mlp::ui {

namespace {

// Keeps the picked weight inside the network (same place when it still exists).
void clamp_selection(Selection& sel, const NetworkSpec& spec) {
  sel.weight.layer = std::clamp(sel.weight.layer, 0, spec.layers() - 1);
  sel.weight.row = std::clamp(sel.weight.row, 0, spec.fan_in(sel.weight.layer));
  sel.weight.col = std::clamp(sel.weight.col, 0, spec.units(sel.weight.layer) - 1);
  sel.example = 0;
}

// True when the set-up's hidden layers and output are those of the imported model.
bool matches_model(const RunSetup& setup, const NetworkSpec& model) {
  if (setup.output != model.output || setup.hidden.size() != model.hidden.size()) return false;
  for (size_t i = 0; i < setup.hidden.size(); ++i) {
    const LayerSpec &a = setup.hidden[i], &b = model.hidden[i];
    if (a.units != b.units || a.activation != b.activation || a.dropout != b.dropout) return false;
  }
  return true;
}

}  // namespace

bool apply_setup(AppState& state, RunSetup setup) {
  state.messages.setup_notes = state.prepared_data ? std::vector<std::string>{} : sanitize(setup);
  state.setup = setup;
  state.play.playing = false;
  state.play.epoch_target = -1;
  state.play.owed_batches = 0.0;
  state.messages.pause_reason.clear();
  if (state.start_weights && !matches_model(setup, state.start_weights->spec)) {
    state.messages.setup_notes.push_back("the network changed: training starts from the seed again, not from " +
                                         state.model_source);
    state.start_weights.reset();
    state.model_source.clear();
  }
  try {
    const Network<float>* start = state.start_weights ? &*state.start_weights : nullptr;
    state.session = state.prepared_data ? std::make_unique<Session>(setup, state.prepared_data, start)
                                        : std::make_unique<Session>(setup, start);
  } catch (const std::exception& e) {
    state.messages.setup_error = std::string("This set-up cannot start: ") + e.what();
    return false;
  }
  ++state.session_serial;
  state.messages.setup_error.clear();
  clamp_selection(state.selection, state.session->network().spec);
  return true;
}

void reset_session(AppState& state) {
  const std::vector<std::string> notes = state.messages.setup_notes;
  apply_setup(state, state.setup);
  state.messages.setup_notes = notes;
}

const PhaseView& phase_view(AppState& state) {
  PhaseCache& c = state.caches.phase;
  if (c.serial != state.session_serial || c.version != state.session->version()) {
    c.view = describe_phase(*state.session);
    c.serial = state.session_serial;
    c.version = state.session->version();
  }
  return c.view;
}

std::string layer_label(const NetworkSpec& spec, int l) {
  return l == spec.layers() - 1 ? "output" : "hidden " + std::to_string(l + 1);
}

}  // namespace mlp::ui
