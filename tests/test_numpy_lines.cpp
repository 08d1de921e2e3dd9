// Tests for the lecture's numpy lines of each phase (src/nn/numpy_lines): the forward, loss,
// backward and update lines of a 2-6-6-2 network, with the batch's shapes, dropout's mask,
// the penalties and each optimiser.
#include <catch2/catch.hpp>

#include "nn/numpy_lines.hpp"

#include <cstdlib>

using namespace mlp;

namespace {
NetworkSpec two_hidden(double dropout) {
  NetworkSpec s;
  s.inputs = 2;
  s.hidden = {LayerSpec{6, Activation::Sigmoid, dropout}, LayerSpec{6, Activation::ReLU, 0.0}};
  s.outputs = 2;
  return s;
}
}  // namespace

TEST_CASE("forward and loss lines follow the lecture's forward()", "[numpy_lines]") {
  const TrainConfig c;
  using V = std::vector<std::string>;
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Forward, 0}, 10, 0) ==
        V{"z1 = np.matmul(prepend_bias(X), w1)   # (10 x 3) x (3 x 6) = 10 x 6", "h1 = sigmoid(z1)   # 10 x 6"});
  CHECK(numpy_lines(two_hidden(0.5), c, Phase{PhaseKind::Forward, 0}, 10, 0).back() ==
        "h1 = h1 * m1   # m1: 30 of its 60 entries kept, scaled by 1/(1 - 0.5)");
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Forward, 2}, 10, 0) ==
        V{"z3 = np.matmul(prepend_bias(h2), w3)   # (10 x 7) x (7 x 2) = 10 x 2", "y_hat = softmax(z3)   # 10 x 2"});
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Loss, 0}, 10, 0) ==
        V{"loss = -np.sum(Y * np.log(y_hat)) / X.shape[0]"});
}

TEST_CASE("backward lines follow the lecture's back(), with the mask dropout used", "[numpy_lines]") {
  const TrainConfig c;
  using V = std::vector<std::string>;
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Backward, 2}, 10, 0) ==
        V{"dz3 = y_hat - Y   # 10 x 2", "dw3 = np.matmul(prepend_bias(h2).T, dz3) / X.shape[0]   # (7 x 10) x (10 x 2) = 7 x 2",
          "dh2 = np.matmul(dz3, w3[1:].T)   # (10 x 2) x (2 x 6) = 10 x 6"});
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Backward, 1}, 10, 0).front() == "dz2 = dh2 * (z2 > 0)   # 10 x 6");
  const V first = numpy_lines(two_hidden(0.2), c, Phase{PhaseKind::Backward, 0}, 10, 0);
  REQUIRE(first.size() == 2);  // no dh0: the inputs need no gradient
  CHECK(first[0] == "dz1 = dh1 * sigmoid(z1) * (1 - sigmoid(z1)) * m1   # 10 x 6");  // h1 holds σ(z1) ∗ m1
  CHECK(first[1] == "dw1 = np.matmul(prepend_bias(X).T, dz1) / X.shape[0]   # (3 x 10) x (10 x 6) = 3 x 6");
}

TEST_CASE("update lines: the penalty, then each optimiser", "[numpy_lines]") {
  TrainConfig c;
  c.learning_rate = 0.2;
  using V = std::vector<std::string>;
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Update, 0}, 10, 1) ==
        V{"w1 = w1 - dw1 * 0.2   # and the same for w2 … w3"});
  c.l2 = 0.01;
  c.optimizer.kind = Optimizer::Momentum;
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Update, 0}, 10, 1) ==
        V{"dw1[1:] += 0.01 * w1[1:]   # the penalty, not on the bias row", "v1 = 0.9 * v1 - 0.2 * dw1",
          "w1 = w1 + v1   # and the same for w2 … w3"});
  c.l2 = 0;
  c.optimizer.kind = Optimizer::Adam;
  CHECK(numpy_lines(two_hidden(0), c, Phase{PhaseKind::Update, 0}, 10, 7).back() ==
        "w1 = w1 - 0.2 * (adam_m1 / (1 - 0.9 ** 7)) / (np.sqrt(adam_v1 / (1 - 0.999 ** 7)) + 1e-08)   # and the same "
        "for w2 … w3");
}

TEST_CASE("update lines of any layer, with Adam's step count as a name", "[numpy_lines]") {
  TrainConfig c;
  c.learning_rate = 0.05;
  c.l1 = 0.001;
  c.optimizer.kind = Optimizer::Adam;
  using V = std::vector<std::string>;
  CHECK(numpy_update_lines(c, 2, "t") ==
        V{"dw3[1:] += 0.001 * np.sign(w3[1:])   # the penalty, not on the bias row",
          "adam_m3 = 0.9 * adam_m3 + (1 - 0.9) * dw3", "adam_v3 = 0.999 * adam_v3 + (1 - 0.999) * dw3 ** 2",
          "w3 = w3 - 0.05 * (adam_m3 / (1 - 0.9 ** t)) / (np.sqrt(adam_v3 / (1 - 0.999 ** t)) + 1e-08)"});
}

TEST_CASE("numbers are written with the digits that give them back", "[numpy_lines]") {
  CHECK(numpy_number(0.2) == "0.2");
  CHECK(numpy_number(1e-8) == "1e-08");
  CHECK(numpy_number(0.1234567891) == "0.1234567891");  // %g would cut it to 0.123457
  CHECK(numpy_number(1.0 / 3.0) == "0.3333333333333333");  // 16 digits: as Python writes it
  CHECK(std::strtod(numpy_number(0.1 + 0.2).c_str(), nullptr) == 0.1 + 0.2);
}
