// What the current phase did, in the lecture's notation: the formula with the shapes of its
// operands for the status line (e.g. "dW2 = [1 H1]ᵀ · dZ2 / N   (21×5)·(5×20)"), and the
// matrices it read and wrote for the matrix view (a sample of each large one, with its
// summary), and what the network view needs of the whole network. Everything is taken from
// the core's pass and network (φ'(Z) through the core's activation_derivative); nothing is
// recomputed here. Made once per phase (RunViews::view_of, run_views.hpp), so that no view scans a
// 785×512 matrix every frame.
#pragma once

#include "app/model/session.hpp"
#include "app/widgets.hpp"

#include <string>
#include <vector>

namespace mlp::ui {

// Names of the lecture: layer l (0-based) has weights "W{l+1}"; its input is "X" or "H{l}".
std::string weight_name(int l);
std::string input_name(int l);

// φ as the formulas write it: "σ", "ReLU", "tanh", "id".
std::string activation_symbol(Activation a);

// Largest matrices drawn cell by cell: rows that are examples beyond kMaxExampleRows show the
// first ones; any other row or column count beyond kMaxCells shows evenly spaced ones (always
// including index 0: the bias row of W, the ones column of [1 X]).
constexpr int kMaxExampleRows = 32;
constexpr int kMaxCells = 40;

// One matrix of the phase.
struct PhaseMatrix {
  std::string name;          // "dW2", "[1 H1]", "W2 (after)"
  std::string formula;       // how it was made, e.g. "[1 H1]ᵀ · dZ2 / N"; "" for data
  Matrix<float> value;       // the cells drawn: the whole matrix, or a sample of a large one
  std::vector<int> shown_rows, shown_cols;  // the whole matrix's index of each row / column of value (empty: all)
  std::string sample;        // "" when whole, else what is drawn, e.g. "first 32 of 256 rows, every 20th of 785 columns"
  MatrixStats stats;         // of the whole matrix: shape, min, mean, max, rms
  double range = 0.0;        // colour range: the whole matrix's largest |value| (shared in the update)
  bool ones_column = false;  // column 0 is the prepended ones of [1 H]
  int weight_layer = -1;     // ≥ 0: cells are W_l[row, col] (clicking picks that weight)
  int example_rows = 0;      // 1: rows are the batch's examples (the chosen one is outlined)
  bool written = false;      // made by this phase (else read by it)
};

// One equation of the phase as the matrix view lays it out: matrices and the operators
// between them, e.g. [1 H1] · W2 = Z2.
struct EquationTerm {
  std::string op;            // an operator or bracket ("·", "−", "=", "ReLU(", ")"); "" when a matrix
  int matrix = -1;           // index into PhaseView::matrices
};

struct Equation {
  std::string text;          // e.g. "dW2 = [1 H1]ᵀ · dZ2 / N"
  std::vector<EquationTerm> terms;
};

// What the network view draws of the whole network. It shows at most a few hundred links,
// picked and coloured from these figures instead of scanning every weight each frame.
struct NetworkSummary {
  // strength[c][i]: how strongly unit i of column c (0 = inputs) feeds the next layer, the norm
  // of its row of W_{c+1} as the current batch used it; one vector per column but the last.
  std::vector<std::vector<float>> strength;
  std::vector<double> weight_range;    // per layer: largest |w| of the current weights
  std::vector<double> gradient_range;  // per layer: largest |dW| of the last gradient (0: none yet)
  std::vector<double> value_range;     // per column: largest |value| of X, H1, ..., Ŷ in the pass (1: none)
};

struct PhaseView {
  std::string where;         // "epoch 1 · batch 3 of 15 · iteration 32"
  std::string phase;         // "backward 2 (output layer)" or "not started"
  std::string formula;       // with shapes
  std::string next;          // "next: backward 1"
  std::vector<std::string> numpy;     // the phase in the lecture's numpy (numpy_lines.hpp)
  std::vector<PhaseMatrix> matrices;  // every matrix the phase read or wrote, once
  std::vector<Equation> equations;    // how they combine, one row each in the matrix view
  NetworkSummary network;
};

// Describes the phase that ran last (or the initial weights before any phase).
PhaseView describe_phase(const Session& session);

// Only the text of describe_phase() (where, phase, formula, next; no matrices, no network
// summary): cheap enough for a status bar on every frame of a training run.
PhaseView describe_phase_text(const Session& session);

// Just the status line text: where · phase · formula (cheap; for the top bar and tests).
std::string status_line(const Session& session);

}  // namespace mlp::ui
