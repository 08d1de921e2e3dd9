// The views of one run: what they read, picks, the phase described once; see run_views.hpp.
#include "app/run_views.hpp"

#include <algorithm>

namespace mlp::ui {

void Picks::add(const Picks& later) {
  if (later.example) example = later.example;
  if (later.weight) weight = later.weight;
}

RunView RunViews::view_of(const Run& run) {
  const Session& s = run.session();
  if (selection_serial_ != run.serial()) {
    const NetworkSpec& spec = s.network().spec;
    WeightRef& w = selection.weight;
    w.layer = std::clamp(w.layer, 0, spec.layers() - 1);
    w.row = std::clamp(w.row, 0, spec.fan_in(w.layer));
    w.col = std::clamp(w.col, 0, spec.units(w.layer) - 1);
    selection.example = 0;
    selection_serial_ = run.serial();
  }
  if (phase.serial != run.serial() || phase.version != s.version() || phase.language != current_language()) {
    phase.view = describe_phase(s);
    phase.serial = run.serial();
    phase.version = s.version();
    phase.language = current_language();
  }
  return RunView{s, run.serial(), phase.view, selection};
}

void RunViews::apply(const Picks& picks) {
  if (picks.example) selection.example = *picks.example;
  if (picks.weight) {
    selection.weight = *picks.weight;
    details.chain_tab.ask();
  }
}

std::string layer_label(const NetworkSpec& spec, int l) {
  return l == spec.layers() - 1 ? tr("output") : printf_string(tr("hidden %d"), l + 1);
}

}  // namespace mlp::ui
