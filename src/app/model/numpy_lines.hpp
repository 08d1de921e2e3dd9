// The lecture's numpy for a phase: the lines of its notebooks' forward, back and update code
// (prepend_bias, np.matmul, sigmoid, ReLU, softmax) that compute what the phase computed, with
// this batch's shapes in comments, e.g.
//   z2 = np.matmul(prepend_bias(h1), w2)   # (10 x 7) x (7 x 6) = 10 x 6
// Names are the playground's, in the notebooks' lower case: X (the batch), z1, h1, y_hat, dz1,
// dh1, dw1, m1 (a dropout mask), v1 (momentum), Adam's m and v as adam_m1, adam_v1.
#pragma once

#include "nn/network.hpp"
#include "nn/trainer.hpp"

#include <string>
#include <vector>

namespace mlp::ui {

// The lines for `phase` of a network `spec` trained with `config` on a batch of `batch_size`
// examples (t: Adam's step count after the update).
std::vector<std::string> numpy_lines(const NetworkSpec& spec, const TrainConfig& config, const Phase& phase,
                                     int batch_size, long t);

}  // namespace mlp::ui
