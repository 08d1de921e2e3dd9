// The playground's panels outside the views of a run (run_views.hpp): the top bar, the set-up
// and "share and keep". Each draws into the current ImGui window, reads what it shows (const),
// keeps its own state, and returns what it asks of the app instead of changing other state.
// App::frame (app.cpp) places the windows (layout.hpp), calls the panels and applies what
// they return.
#pragma once

#include "app/model/playground_run.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace mlp::ui {

// --- Top bar (step_controls.cpp) -------------------------------------------------------------

// What the top bar and the keys ask of the run's owner (the rest they do to the run itself).
enum class RunRequest { None, Reset };

// Step controls, play/pause with speed, reset, status line with the formula, colour legend,
// why play paused. Drives `run` (which must have a session).
RunRequest show_step_controls(Run& run);

// The top bar while the Compare view is shown: its keys are the comparison's.
void show_compare_hint();

// One key of the top bar's shortcuts (S phase, B batch, E epoch, P play/pause, R reset; with
// Shift, S and B step back).
RunRequest run_key(Run& run, ImWchar key, bool shift);

// --- Set-up (setup_panel.cpp) ----------------------------------------------------------------

struct SetupPanelState {
  std::vector<Dataset> previews;     // one small sample per data source, for the picker (made once)
  bool table_asked = false;          // "Open your data…" opened the file picker this frame
};

// What the set-up panel shows besides the set-up.
struct SetupPanelInput {
  const RunConfig& setup;
  const Session* session;            // the running session (null when none)
  const std::vector<std::string>& notes;
  const std::string& error;
  const std::string& model_source;
  const OwnData& own;                // the student's table, if one was opened
};

// Data set, network (layers, units, activation, dropout, output), initialisation, learning
// rate, batch size, epochs, seed; validation messages. Returns the edited set-up when the
// student changed it (the app restarts the run, or only takes the play epochs).
std::optional<RunConfig> show_setup_panel(SetupPanelState& state, const SetupPanelInput& in);

// True when only the play epochs differ (they change no computation: no restart needed).
bool same_except_epochs(RunConfig a, const RunConfig& b);

// --- Share and keep (io_panel.cpp) -----------------------------------------------------------

struct IoPanelState {
  char native_path[512] = "mlp-model.json";  // the desktop has no file picker: a typed path
  std::string message;               // last export / copy result
  std::string import_error;          // last failure to open a model or a table
  int imports = 0;                   // files received (picked or dropped) so far
  enum class Expecting { Any, Model, Table };
  Expecting expecting = Expecting::Any;  // what the last button pressed asked the file picker for
  PageConfig students;               // the Copy link dialog's "for students" choices
};

// Copy link (a dialog: the link as it is, or for students with parts hidden, controls locked,
// a lesson opened, playing), export history CSV, model JSON and the run as Python, open a model
// or a table.
// Returns a file to open (the desktop's typed path; the browser's picker delivers through
// bridge::take_opened_file).
std::optional<bridge::OpenedFile> show_io_panel(IoPanelState& state, const PlaygroundRun& playground);

// Imports a model file picked, dropped or typed: the set-up becomes the model's network, whose
// weights the run starts from; a bad file leaves the run as it was and says why.
void import_model(PlaygroundRun& playground, IoPanelState& io, const bridge::OpenedFile& file);

// Opens a table of the student's own (text or CSV, raw or gzip): the run trains on it with the
// set-up's network; a bad file leaves the data as it was and says why (file, line, problem).
void open_table(PlaygroundRun& playground, IoPanelState& io, const bridge::OpenedFile& file);

// A file picked, dropped or typed: what the button pressed asked for, or (a dropped file) a model
// JSON when its text starts with '{', else a table.
void open_any(PlaygroundRun& playground, IoPanelState& io, const bridge::OpenedFile& file);

}  // namespace mlp::ui
