// A run as a Python script: a numpy program in the lecture's style (prepend_bias, np.matmul,
// sigmoid, ReLU, softmax, the back-propagation of numpy_lines.hpp) that rebuilds the first K
// updates of a run and prints the batch loss of each, "step k loss X", as the trainer computed
// it. What the run drew at random is written into the script as the trainer drew it: the
// training examples it uses (after the input features and scaling), the initial weights, the
// examples of each batch and the dropout masks. The script computes in np.float32, the
// precision the page and `mlp` train in (Trainer<float>), so that it does the trainer's
// arithmetic: its losses differ from the trainer's only by the order of its sums (within 1e-5
// relative; about 1e-7 over the first hundreds of updates of the toy runs).
// `mlp export-python` and the page's "Export as Python" both make their script here.
#pragma once

#include "config/run_config.hpp"
#include "nn/trainer.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace mlp {

constexpr int kMaxScriptSteps = 10000;            // updates a script may rebuild
constexpr size_t kMaxScriptBytes = 32u << 20;     // 32 MB: about 130 updates of hw10-1 (MNIST, batch 64)

// What the script's header says about where the run came from.
struct ScriptOrigin {
  RunConfig setup;            // the run's set-up, written as its page-address text
  std::string made_by;        // e.g. "mlp export-python --data xor --steps 20 --out run.py"
  std::string start_weights;  // "" = drawn from the seed; else where they came from (an imported model)
};

struct PythonScript {
  std::string text;           // the script (UTF-8)
  std::vector<float> losses;  // the trainer's batch loss of each update: what the script prints
};

// The script of the first `steps` updates of `start`, a trainer at the start of its run (no
// update made yet; it is copied, not changed). Throws std::invalid_argument with a message for
// the student: steps outside 1..kMaxScriptSteps, a trainer past its start, a loss that is not
// finite within the steps (a diverging run), a script larger than `max_bytes`.
PythonScript python_script(const Trainer<float>& start, int steps, const ScriptOrigin& origin,
                           size_t max_bytes = kMaxScriptBytes);

}  // namespace mlp
