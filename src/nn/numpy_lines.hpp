// The lecture's numpy for a phase: the lines of its notebooks' forward, back and update code
// (prepend_bias, np.matmul, sigmoid, ReLU, softmax) that compute what the phase computed, with
// this batch's shapes in comments, e.g.
//   z2 = np.matmul(prepend_bias(h1), w2)   # (10 x 7) x (7 x 6) = 10 x 6
// Names are the playground's, in the notebooks' lower case: X (the batch), z1, h1, y_hat, dz1,
// dh1, dw1, m1 (a dropout mask), v1 (momentum), Adam's m and v as adam_m1, adam_v1.
// The page shows them beside each phase; the exported Python script (config/python_script.hpp)
// is made of them.
#pragma once

#include "nn/network.hpp"
#include "nn/trainer.hpp"

#include <string>
#include <vector>

namespace mlp {

// The lines for `phase` of a network `spec` trained with `config` on a batch of `batch_size`
// examples (t: Adam's step count after the update). The update shows layer 1's lines and says
// the other layers do the same.
std::vector<std::string> numpy_lines(const NetworkSpec& spec, const TrainConfig& config, const Phase& phase,
                                     int batch_size, long t);

// The update of layer l (0-based) alone: its penalty, then its optimiser's lines. `t` is Adam's
// step count as the lines write it: a number, or the name of a variable holding it.
std::vector<std::string> numpy_update_lines(const TrainConfig& config, int l, const std::string& t);

// A number as the lines write it: the shortest text that reads back as the same double
// (0.2, 0.999, 1e-08), so that a script using the lines computes with the very constants.
std::string numpy_number(double v);

}  // namespace mlp
