// Compare: 2–4 runs of the current set-up that differ in the hidden activation, dropout,
// learning rate or initialisation, trained in lockstep on the same data from the same initial
// weights (the core's Comparison), by default sigmoid vs ReLU vs ReLU + dropout.
//
// Two parts: the "Compare" tab of the left column chooses the runs (show_compare_setup); while
// that tab is open the body of the page shows the comparison (show_compare_view): step / play,
// overlaid curves with one colour per run, the decision boundaries side by side (2-D data) and
// a summary table. The comparison follows the set-up: when the set-up changes (set-up panel,
// lesson, link) the runs go back to the defaults for it.
#pragma once

#include "app/model/compare_runs.hpp"
#include "app/model/stepper.hpp"
#include "app/run_setup.hpp"
#include "nn/compare.hpp"
#include "platform/texture.hpp"

#include <imgui.h>
#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <vector>

namespace mlp::ui {

// The decision map of one run as an image, redrawn when its weights changed.
struct CompareBoundary {
  long iteration = -1;             // the run's iteration it shows
  platform::Texture map;           // grid x grid pixels: the output on the shared colour scale
};

struct CompareState {
  RunConfig base;                   // the set-up the runs were made from
  std::vector<CompareRun> runs;    // 2..4
  double target_loss = 0.1;        // summary: iterations until the training loss is at most this
  int metric = 0;                  // curve shown: index into the metric list of compare_panel.cpp
  bool log_scale = false;

  OwnData own;                     // the student's table, when the set-up uses it (the app keeps it current)
  DataSplit data;                  // the comparison's own copy of the set-up's data
  std::unique_ptr<Comparison<float>> comparison;  // null when it could not start (see error)
  std::string error;
  std::vector<CompareBoundary> boundaries;        // one per run

  Stepper stepper{20.0f, 10.0};    // play: all runs batch after batch, in lockstep
};

// The Compare tab of the left column: the runs and the target loss. Follows `setup`: a new
// set-up brings the default runs for it.
void show_compare_setup(CompareState& c, const RunConfig& setup);

// The comparison itself, for the body of the page: controls, curves, boundaries, summary.
// While playing it first runs this frame's share of batches (within the frame budget), so a
// comparison only trains while it is on screen.
void show_compare_view(CompareState& c, const RunConfig& setup);

// The keys while the comparison is shown: B one batch, E one epoch, P play / pause, R restart
// (every run together). Returns whether the key was one of these.
bool compare_key(CompareState& c, ImWchar key);
// Goes back to the default runs for `setup` and restarts.
void reset_comparison(CompareState& c, const RunConfig& setup);

// Compares `runs` (2..4) of `setup` (a lesson; the app brings the Compare tab forward).
void open_comparison(CompareState& c, const RunConfig& setup, const std::vector<CompareRun>& runs);

// window.mlp.state.compare for the browser tests: runs with their summaries; `active`: the
// Compare tab is open.
nlohmann::ordered_json compare_json(const CompareState& compare, bool active);

}  // namespace mlp::ui
