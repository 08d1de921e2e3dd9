// CompareRun: how one run of the Compare view differs from the set-up it compares (applied to
// every hidden layer), and the optimiser it trains with (the optimiser's constants are the
// set-up's). A lesson can open the Compare view with a list of them.
#pragma once

#include "nn/activation.hpp"
#include "nn/init.hpp"
#include "nn/optimizer.hpp"

namespace mlp::ui {

struct CompareRun {
  Activation activation = Activation::ReLU;
  double dropout = 0.0;
  double learning_rate = 0.1;
  Init init = Init::Lecture;
  Optimizer optimizer = Optimizer::SGD;
};

}  // namespace mlp::ui
