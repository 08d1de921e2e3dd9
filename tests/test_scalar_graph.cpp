// Tests for the scalar computational graph (src/nn/scalar_graph): the lecture's chain-rule examples.
#include <catch2/catch.hpp>

#include "nn/scalar_graph.hpp"

using namespace mlp;

TEST_CASE("dc/da = 8a for c = (2a)^2", "[scalar_graph]") {
  for (double a_value : {-1.5, 0.0, 0.25, 3.0}) {
    ScalarGraph g;
    const int a = g.input("a", a_value);
    const int b = g.scale("b = 2a", a, 2.0);
    const int c = g.square("c = b²", b);
    g.backward(c);
    CHECK(g.node(a).grad == Approx(8 * a_value));
    CHECK(g.node(b).grad == Approx(2 * g.node(b).value));
  }
}

TEST_CASE("the lecture's 2nd example: dL/dw1 = -6, dL/dw2 = -24", "[scalar_graph]") {
  // ŷ = w1 + w2 + a with a = 3·w2 (w2 reaches ŷ along two paths), L = (ŷ − y)², ŷ = 14, y = 17.
  ScalarGraph g;
  const int w1 = g.input("w1", 2.0);
  const int w2 = g.input("w2", 3.0);
  const int a = g.scale("a = 3·w2", w2, 3.0);
  const int s = g.add("w1 + w2", w1, w2);
  const int yhat = g.add("ŷ", s, a);
  const int y = g.input("y", 17.0);
  const int err = g.add("ŷ − y", yhat, g.scale("−y", y, -1.0));
  const int L = g.square("L", err);
  CHECK(g.node(yhat).value == 14.0);
  g.backward(L);
  CHECK(g.node(w1).grad == Approx(-6.0));
  CHECK(g.node(w2).grad == Approx(-24.0));
}

TEST_CASE("sigmoid node's local gradient is s(1-s)", "[scalar_graph]") {
  ScalarGraph g;
  const int x = g.input("x", 0.7);
  const int s = g.sigmoid("s", x);
  g.backward(s);
  const double v = g.node(s).value;
  CHECK(g.node(x).grad == Approx(v * (1 - v)));
}
