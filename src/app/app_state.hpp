// AppState: everything the panels read and change, in one struct (no globals). Panels are
// functions taking AppState&; the set-up is a RunSetup value that a lesson can load
// (apply_setup) and a compare view can clone (state.setup).
#pragma once

#include "app/compare_panel.hpp"
#include "app/lessons_panel.hpp"
#include "app/phase_info.hpp"
#include "app/run_setup.hpp"
#include "app/session.hpp"
#include "nn/gradcheck.hpp"
#include "platform/texture.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlp::ui {

// Play / pause and the work the page does per frame.
struct PlayState {
  bool playing = false;
  float batches_per_second = 20.0f;  // speed slider
  double owed_batches = 0.0;         // fractional batches carried to the next frame
  int epoch_target = -1;             // "step one epoch": run batches until this epoch is reached; −1 = none
  int stop_epoch = 0;                // play pauses when this many epochs are done
  long stop_iteration = 0;           // or, for set-ups counted in iterations, this many updates
  double frame_budget_ms = 12.0;     // training work per frame stops after this long
};

// What the student picked to look at.
struct Selection {
  int example = 0;                   // row of the current batch shown in the network view
  bool has_weight = true;            // the chain rule view follows `weight`
  WeightRef weight{0, 1, 0};         // W_{layer}[row, col]; row 0 is the bias
};

struct ViewOptions {
  bool log_scale = false;            // loss and gradient curves
  bool per_epoch = false;            // curves: one point per epoch instead of per iteration
  bool show_unit_maps = true;        // boundary view: thumbnails per hidden unit
  bool show_test_points = true;      // boundary view: draw the test set too
  float top_bar_height = 130.0f;     // measured each frame (the formula may wrap)
  float io_panel_height = 110.0f;    // measured each frame (messages may wrap)
  int link_mode = 0;                 // network links: 0 auto (dW during backward), 1 weights, 2 gradients
  bool show_chain_rule = false;      // a weight was just picked: bring the chain-rule tab forward
  bool show_gradients = false;       // a lesson asked: bring the curves' gradient tab forward
  float chain_example_a = 1.5f;      // the lecture's c = (2a)² example
};

// Messages shown to the student.
struct Messages {
  std::vector<std::string> setup_notes;  // what sanitize() clamped, or what the link contained
  std::string setup_error;               // the set-up could not start (shown in the set-up panel)
  std::string io;                        // last export / copy result
  std::string import_error;              // last model import failure
  int imports = 0;                       // model files received (picked or dropped) so far
  std::string pause_reason;              // why play stopped (divergence, epochs reached)
};

// Display data derived from the session, recomputed only when its key changes.
struct BoundaryCache {
  long serial = -1, version = -1;    // session_serial and training iteration it was made for
  int grid = 0;                      // grid x grid cells over the plot's extent
  Matrix<float> output;              // grid² x K: Ŷ per cell
  std::vector<Matrix<float>> hidden; // per hidden layer: grid² x n_l activations
  platform::Texture output_map;      // the background: output on the shared colour scale
  std::vector<std::vector<platform::Texture>> unit_maps;  // [layer][unit]: each hidden unit's map
};

struct ChainCache {
  long serial = -1, version = -1;
  WeightRef weight{-1, -1, -1};
  double numeric = 0.0;              // central-difference ∂L/∂w on the current batch
  std::string error;                 // why it could not be computed
};

struct PhaseCache {
  long serial = -1, version = -1;
  PhaseView view;
};

struct ViewCaches {
  PhaseCache phase;
  std::vector<Dataset> data_previews;  // one small sample per data source, for the picker
  BoundaryCache boundary;
  ChainCache chain;
};

// The desktop build has no file picker: the student types a path.
struct ImportState {
  char native_path[512] = "mlp-model.json";
};

struct AppState {
  RunSetup setup;                        // the set-up being edited and (when valid) running
  std::shared_ptr<const SetupData> prepared_data;  // set: sessions train on these (MNIST), not on make_data
  std::unique_ptr<Session> session;      // null only when the set-up could not start
  long session_serial = 0;               // counts sessions (cache keys)
  std::optional<Network<float>> start_weights;  // imported model: runs start from it instead of the seed
  std::string model_source;              // the imported file's name ("" = weights from the seed)
  PlayState play;
  Selection selection;
  ViewOptions view;
  Messages messages;
  ImportState import;
  ViewCaches caches;
  CompareState compare;                  // the Compare tab and view (compare_panel.hpp)
  LessonsState lessons;                  // the Lessons tab (lessons_panel.hpp)
};

// Sanitizes `setup` (unless the data is prepared: MNIST's set-ups come from checked presets and
// exceed the toy limits), makes it the state's set-up and starts a fresh session: from the seed,
// or from state.start_weights while the set-up's network still matches them (otherwise
// they are dropped with a note). On failure keeps the old session and sets setup_error.
// Returns true when the new session runs.
bool apply_setup(AppState& state, RunSetup setup);

// Restarts the current set-up (same data, same initial weights).
void reset_session(AppState& state);

// describe_phase() of the current session, made once per phase (the top bar, the matrix view
// and the test hooks all read it). Call only when state.session is set.
const PhaseView& phase_view(AppState& state);

// The hidden layer / output layer label of layer l (0-based): "hidden 1", "output".
std::string layer_label(const NetworkSpec& spec, int l);

}  // namespace mlp::ui
