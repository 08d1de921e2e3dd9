// CompareRun: how one run of the Compare view differs from the set-up it compares (applied to
// every hidden layer). A lesson can open the Compare view with a list of them.
#pragma once

#include "nn/activation.hpp"
#include "nn/init.hpp"

namespace mlp::ui {

struct CompareRun {
  Activation activation = Activation::ReLU;
  double dropout = 0.0;
  double learning_rate = 0.1;
  Init init = Init::Lecture;
};

}  // namespace mlp::ui
