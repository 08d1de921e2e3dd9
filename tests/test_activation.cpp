// Tests for the activation table (src/nn/activation): each function and derivative, the
// derivative from H = φ(Z) against the one from Z, names and symbols.
#include <catch2/catch.hpp>

#include "nn/activation.hpp"

#include <cstring>
#include <limits>
#include <string>

using namespace mlp;

TEST_CASE("sigmoid derivative is sigma(1 - sigma)", "[activation]") {
  Matrix<double> Z(1, 4);
  Z << -3.0, -0.5, 0.0, 2.0;
  const Matrix<double> H = activate(Activation::Sigmoid, Z);
  const Matrix<double> dH = activation_derivative(Activation::Sigmoid, Z);
  for (int j = 0; j < 4; ++j) {
    CHECK(H(0, j) == Approx(1.0 / (1.0 + std::exp(-Z(0, j)))));
    CHECK(dH(0, j) == Approx(H(0, j) * (1.0 - H(0, j))));
  }
  CHECK(dH(0, 2) == Approx(0.25));
}

// The same bits (NaN included), element by element.
template <class T>
bool same_bits(const Matrix<T>& a, const Matrix<T>& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(T) * static_cast<size_t>(a.size())) == 0;
}

TEMPLATE_TEST_CASE("the derivative from H = phi(Z) gives the very bits of the one from Z", "[activation]", float,
                   double) {
  using T = TestType;
  const T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
  Matrix<T> Z(3, 6);
  Z << -30, -3, -0.5, 0, 0.25, 1e-3, 2, 7.5, 30, -1e-3, T(-0.0), 1e-30, inf, -inf, nan, 700, -700, T(0.1);
  for (const auto& entry : activation_table<T>()) {
    CAPTURE(entry.name);
    const Matrix<T> H = activate(entry.activation, Z);
    CHECK(same_bits(activation_derivative(entry.activation, Z, H), activation_derivative(entry.activation, Z)));
  }
}

TEST_CASE("every activation has one complete table entry", "[activation]") {
  const auto& table = activation_table<float>();
  REQUIRE(table.size() == all_activations().size());
  for (size_t i = 0; i < table.size(); ++i) {
    CAPTURE(table[i].name);
    CHECK(table[i].activation == all_activations()[i]);          // the table's order is the menu's
    CHECK(&activation_entry<float>(table[i].activation) == &table[i]);
    CHECK(std::string(table[i].symbol).size() > 0);
    CHECK(table[i].f != nullptr);
    CHECK(table[i].derivative != nullptr);
    for (size_t j = 0; j < i; ++j) CHECK(std::string(table[i].name) != table[j].name);
  }
  CHECK(activation_entry<double>(Activation::Sigmoid).symbol == std::string("σ"));
}

TEST_CASE("the lecture's slip: sigmoid applied twice is not the derivative", "[activation]") {
  // back_sigmoid in the lecture computes sigmoid(h)(1 - sigmoid(h)) with h already = sigmoid(z).
  Matrix<double> Z(1, 1);
  Z << 1.5;
  const double h = activate(Activation::Sigmoid, Z)(0, 0);
  const double slip = sigmoid(h) * (1 - sigmoid(h));
  CHECK(std::abs(slip - activation_derivative(Activation::Sigmoid, Z)(0, 0)) > 0.05);
}

TEST_CASE("sigmoid does not overflow for large logits", "[activation]") {
  CHECK(sigmoid(1000.0f) == 1.0f);
  CHECK(sigmoid(-1000.0f) == 0.0f);
  CHECK(std::isfinite(sigmoid(-1000.0)));
}

TEST_CASE("ReLU and its derivative follow the lecture (0 at z <= 0)", "[activation]") {
  Matrix<float> Z(1, 3);
  Z << -1.0f, 0.0f, 2.5f;
  const Matrix<float> H = activate(Activation::ReLU, Z);
  const Matrix<float> d = activation_derivative(Activation::ReLU, Z);
  CHECK(H(0, 0) == 0.0f);
  CHECK(H(0, 2) == 2.5f);
  CHECK(d(0, 1) == 0.0f);
  CHECK(d(0, 2) == 1.0f);
}

TEST_CASE("tanh and linear derivatives", "[activation]") {
  Matrix<double> Z(1, 2);
  Z << 0.3, -1.2;
  const Matrix<double> dT = activation_derivative(Activation::Tanh, Z);
  CHECK(dT(0, 0) == Approx(1 - std::tanh(0.3) * std::tanh(0.3)));
  CHECK(activation_derivative(Activation::Linear, Z)(0, 1) == 1.0);
  CHECK(activate(Activation::Linear, Z)(0, 1) == -1.2);
}

TEST_CASE("activation names round trip and bad names are refused", "[activation]") {
  for (Activation a : all_activations()) CHECK(parse_activation(activation_name(a)) == a);
  CHECK_THROWS_WITH(parse_activation("softsign"), Catch::Contains("unknown activation 'softsign'"));
}
