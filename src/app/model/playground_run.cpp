// The playground's set-up and run; see playground_run.hpp.
#include "app/model/playground_run.hpp"

#include <exception>

namespace mlp::ui {

namespace {

// True when the set-up's hidden layers and output are those of the imported model.
bool matches_model(const RunConfig& setup, const NetworkSpec& model) {
  if (setup.output != model.output || setup.hidden.size() != model.hidden.size()) return false;
  for (size_t i = 0; i < setup.hidden.size(); ++i) {
    const LayerSpec &a = setup.hidden[i], &b = model.hidden[i];
    if (a.units != b.units || a.activation != b.activation || a.dropout != b.dropout) return false;
  }
  return true;
}

}  // namespace

bool apply_setup(PlaygroundRun& p, RunConfig setup) {
  setup.page = p.setup.page;  // what the page shows is the link's, whatever set-up arrives
  keep_locked(p.setup.page, p.setup, setup);
  p.setup_notes = sanitize(setup, p.own);
  p.setup = setup;
  if (p.start_weights && !matches_model(setup, p.start_weights->spec)) {
    p.setup_notes.push_back("the network changed: training starts from the seed again, not from " + p.model_source);
    p.start_weights.reset();
    p.model_source.clear();
  }
  try {
    auto own_split = p.own.is(setup.data.source) ? std::make_shared<const DataSplit>(make_data(setup, p.own)) : nullptr;
    p.run.start(setup, own_split, p.start_weights ? &*p.start_weights : nullptr);
  } catch (const std::exception& e) {
    p.setup_error = std::string(kCannotStart) + e.what();
    return false;
  }
  p.setup_error.clear();
  return true;
}

void reset_session(PlaygroundRun& p) {
  const std::vector<std::string> notes = p.setup_notes;
  apply_setup(p, p.setup);
  p.setup_notes = notes;
}

}  // namespace mlp::ui
