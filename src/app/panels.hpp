// The playground's panels: one function per panel, each drawing into the current ImGui
// window and reading/changing AppState. App::frame (app.cpp) places the windows
// (layout.hpp) and calls these in order.
#pragma once

#include "app/app_state.hpp"

#include <string>

namespace mlp::ui {

// Set-up: data set, network (layers, units, activation, dropout, output), initialisation,
// learning rate, batch size, epochs, seed; validation messages. (setup_panel.cpp)
void show_setup_panel(AppState& state);

// Share and keep: copy link, export history CSV and model JSON, import a model. (io_panel.cpp)
void show_io_panel(AppState& state);
// Takes a file the student picked or dropped (polled once a frame). (io_panel.cpp)
void poll_imported_file(AppState& state);

// Step controls, play/pause with speed, reset, keyboard shortcuts, status line with the
// formula, colour legend. (step_controls.cpp)
void show_step_controls(AppState& state);
// Play / pause (P): play runs until the set-up's epochs (or iterations), then as many more. (step_controls.cpp)
void toggle_play(AppState& state);
// Keyboard shortcuts (S phase, B batch, E epoch, P play/pause, R reset). (step_controls.cpp)
void handle_shortcuts(AppState& state);
// Runs this frame's share of training while playing or finishing an epoch, within the
// frame budget; pauses with a message on divergence or when the epochs are reached.
void advance_training(AppState& state, double frame_seconds);

// The network as a graph: nodes, links by sign and size of w (or dW), activations of the
// chosen example, dropped units, the current layer highlighted, hover values. (network_view.cpp)
void show_network_view(AppState& state);

// The matrices of the current phase as heatmaps with names, shapes, formulas. (matrix_view.cpp)
void show_matrix_view(AppState& state);

// The chain rule for one picked weight beside its finite-difference estimate. (chain_rule_view.cpp)
void show_chain_rule_view(AppState& state);

// The two detail tabs under a network graph: this phase's matrices and the chain rule (brought
// forward when a weight was just picked). Tab ids "tab_<prefix>matrices", "tab_<prefix>chain". (matrix_view.cpp)
void show_phase_details(AppState& state, const std::string& id_prefix);

// Loss, accuracy and per-layer gradient size curves. (curves_view.cpp)
void show_curves_view(AppState& state);

// 2-D data: decision boundary behind the points and one thumbnail per hidden unit;
// images (glyphs): the examples with the network's prediction. (boundary_view.cpp)
void show_boundary_view(AppState& state);

}  // namespace mlp::ui
