// The views of one run (the network graph, this phase's matrices, the chain rule, the curves,
// the boundary), what each keeps between frames and what they all read. The playground and the
// MNIST tab each hold a RunViews for their run.
//
// A view is a function show_x(XState&, const RunView&): it reads the run through RunView
// (const), keeps its own state (options, caches, GPU textures) in XState, and returns what the
// student picked (Picks) instead of changing what other views show; the owner applies the picks.
#pragma once

#include "app/i18n.hpp"
#include "app/model/run.hpp"
#include "app/phase_info.hpp"
#include "app/widgets.hpp"
#include "nn/gradcheck.hpp"
#include "platform/texture.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mlp::ui {

// What the student picked to look at: the network, matrix, chain-rule and boundary views show it.
struct Selection {
  int example = 0;                   // row of the current batch shown in the network view
  WeightRef weight{0, 1, 0};         // W_{layer}[row, col] followed by the chain rule; row 0 is the bias
};

// What a view of a run reads.
struct RunView {
  const Session& session;
  long serial;                       // the run's session count (changes with every new session)
  const PhaseView& phase;            // describe_phase() of the current phase
  const Selection& selection;
};

// What the student picked in a view this frame; a picked weight also brings the chain rule forward.
struct Picks {
  std::optional<int> example;
  std::optional<WeightRef> weight;
  void add(const Picks& later);      // the later view's picks win
};

// describe_phase() of a session, made once per phase (the top bar's status is cheaper: text only).
struct PhaseCache {
  long serial = -1, version = -1;    // the session and its version it was made for
  Language language = Language::English;  // the language of its texts
  PhaseView view;
};

// --- the views' own states ---------------------------------------------------------------

struct NetworkViewState {
  int link_mode = 0;                 // links: 0 auto (dW during backward), 1 weights, 2 gradients
};

// The central-difference estimate of ∂L/∂w for the chain-rule view, redone when the batch,
// the weights or the weight change.
struct ChainCache {
  long serial = -1, version = -1;
  WeightRef weight{-1, -1, -1};
  double numeric = 0.0;
  std::string error;                 // why it could not be computed
};

struct ChainRuleState {
  ChainCache estimate;
  float example_a = 1.5f;            // the lecture's c = (2a)² example
};

// The two detail tabs under the graph: this phase's matrices, the chain rule.
struct DetailsState {
  ChainRuleState chain;
  TabRequest chain_tab;              // bring the chain-rule tab forward
};

struct CurvesState {
  bool log_scale = false;            // loss curves
  bool per_epoch = false;            // one point per epoch instead of per iteration
  TabRequest gradients_tab;          // bring the gradients tab forward
};

// The output and hidden activations over a grid of the plane, and their images; remade when
// the weights changed.
struct BoundaryMaps {
  long serial = -1, version = -1;    // the session and training iteration they were made for
  int grid = 0;                      // grid x grid cells over the plot's extent
  float extent = 0;                  // the plot shows [−extent, extent]² (decision_map.hpp)
  float value_range = 0;             // a regression's colour range (decision_map.hpp), 0 for classes
  Matrix<float> line;                // 1-D data: the x of each of the grid samples (grid x 1), else empty
  Matrix<float> output;              // grid² x K: Ŷ per cell (1-D data: grid x 1, ŷ per sample)
  // One row of small maps each: the input features (when chosen), then every hidden layer.
  std::vector<Matrix<float>> columns;      // grid² (1-D: grid) x n: the inputs' values or the layer's activations
  std::vector<std::string> column_names;   // "X", "H1", ...
  std::vector<std::string> input_names;    // the features' symbols when the X row is shown
  platform::Texture output_map;      // the background: output on the shared colour scale
  std::vector<std::vector<platform::Texture>> unit_maps;  // [row][unit]: each unit's map (2-D data only)
};

struct BoundaryState {
  bool show_unit_maps = true;        // thumbnails per hidden unit
  bool show_test_points = true;      // draw the test set too
  BoundaryMaps maps;
};

// --- the views -----------------------------------------------------------------------------

// The network as a graph: nodes, links by sign and size of w (or dW), activations of the
// chosen example, dropped units, the current layer highlighted, hover values; a click on a
// link picks its weight, < > pick the example. (network_view.cpp)
Picks show_network_view(NetworkViewState& state, const RunView& in);

// The matrices of the current phase as heatmaps with names, shapes, formulas; a click on a
// cell of W or dW picks that weight, on a row of a batch matrix that example. (matrix_view.cpp)
Picks show_matrix_view(const RunView& in);

// The chain rule for one weight beside its finite-difference estimate; the weight can be
// typed in. (chain_rule_view.cpp)
Picks show_chain_rule_view(ChainRuleState& state, const RunView& in);

// The two detail tabs under a network graph: this phase's matrices and the chain rule. Tab ids
// "tab_<prefix>matrices", "tab_<prefix>chain". (matrix_view.cpp)
Picks show_phase_details(DetailsState& state, const RunView& in, const std::string& id_prefix);

// Loss, accuracy and per-layer gradient size curves. (curves_view.cpp)
void show_curves_view(CurvesState& state, const Session& session);

// 2-D data: decision boundary behind the points and one thumbnail per hidden unit;
// images (glyphs): the examples with the network's prediction. (boundary_view.cpp)
void show_boundary_view(BoundaryState& state, const RunView& in);

// --- all of them for one run ---------------------------------------------------------------

struct RunViews {
  Selection selection;
  PhaseCache phase;
  NetworkViewState network;
  DetailsState details;
  CurvesState curves;
  BoundaryState boundary;

  // This frame's view of `run` (which must have a session). A new session moves the
  // selection into its network (same weight when it still exists) and to example 1.
  RunView view_of(const Run& run);
  // Applies what the views picked; a picked weight brings the chain rule forward.
  void apply(const Picks& picks);

 private:
  long selection_serial_ = -1;       // the session the selection was fitted to
};

// The hidden layer / output layer label of layer l (0-based): "hidden 1", "output".
std::string layer_label(const NetworkSpec& spec, int l);

}  // namespace mlp::ui
