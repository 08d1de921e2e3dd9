// PlaygroundRun: the playground's set-up and the run it started. The set-up panel, a lesson, a
// link and an imported model all change it through apply_setup, which sanitizes the set-up to
// the playground's limits, starts a fresh Run from the seed (or from the imported model while
// the network still matches it) and keeps the messages the set-up panel shows.
#pragma once

#include "app/i18n.hpp"
#include "app/model/run.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mlp::ui {

struct PlaygroundRun {
  RunConfig setup;                                // the set-up being edited and (unless setup_error) running
  Run run;
  std::optional<Network<float>> start_weights;   // imported model: runs start from it instead of the seed
  std::string model_source;                      // the imported file's name ("" = weights from the seed)
  OwnData own;                                   // a table the student opened (a data source while selected)
  std::vector<std::string> setup_notes;          // what sanitize() clamped, or what the link contained
  std::string setup_error;                       // the set-up could not start
};

// Sanitizes `setup`, makes it the set-up and starts a fresh run: from the seed, or from
// start_weights while the set-up's network still matches them (otherwise they are dropped
// with a note). On failure the old run goes on and setup_error says why. Returns true when the
// new run started. The page's settings (setup.page: hidden parts, locks, language) stay those of
// the current set-up, and the settings they lock keep their current values.
bool apply_setup(PlaygroundRun& p, RunConfig setup);

// The words setup_error starts with, before the core's reason (the page translates them: tr_prefix).
inline constexpr const char* kCannotStart = tr_noop("This set-up cannot start: ");

// Starts the set-up again (same data, same initial weights), keeping the set-up notes.
void reset_session(PlaygroundRun& p);

}  // namespace mlp::ui
