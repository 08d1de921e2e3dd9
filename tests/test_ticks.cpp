// Tests for the nice axis ticks (src/core/ticks): the step, the ticks within a range (the
// playground's plots) and the ticks covering it (the SVG plots), and their edge cases.
#include <catch2/catch.hpp>

#include "core/ticks.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace mlp;

using Ticks = std::vector<double>;

TEST_CASE("the tick step is 1, 2 or 5 times a power of ten, at least the range over the gaps", "[ticks]") {
  CHECK(nice_tick_step(0, 2000, 8) == 500);      // 2000 / 7 = 286 -> 500
  CHECK(nice_tick_step(0, 1, 6) == 0.2);         // exactly 0.2
  CHECK(nice_tick_step(0.043, 2.41, 7) == 0.5);  // 0.39 -> 0.5
  CHECK(nice_tick_step(0, 95, 2) == 100);        // 95 -> 100
  CHECK(nice_tick_step(3, 3.0012, 5) == Approx(5e-4));
}

TEST_CASE("ticks within a range stay inside it, at multiples of the step", "[ticks]") {
  CHECK(nice_ticks(0, 1, 5, TickSpan::Within) == Ticks{0, 0.5, 1});
  CHECK(nice_ticks(1, 300, 7, TickSpan::Within) == Ticks{50, 100, 150, 200, 250, 300});
  CHECK(nice_ticks(95.1, 98.4, 5, TickSpan::Within) == Ticks{96, 97, 98});
  CHECK(nice_ticks(-0.001, 0.001, 5, TickSpan::Within) == Ticks{-0.001, -0.0005, 0, 0.0005, 0.001});
  // Each tick is k · step (0.3 is 3 · 0.1, not 0.1 + 0.1 + 0.1), and an end that is a multiple
  // up to rounding gets its tick (0.1 + 0.2 is 0.30000000000000004).
  const Ticks t = nice_ticks(0.1 + 0.2, 0.9, 7, TickSpan::Within);
  REQUIRE(t.size() == 7);
  for (size_t k = 0; k < t.size(); ++k) CHECK(t[k] == static_cast<double>(k + 3) * 0.1);
}

TEST_CASE("ticks within an empty or unusable range are none", "[ticks]") {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(nice_ticks(2, 2, 5, TickSpan::Within).empty());
  CHECK(nice_ticks(3, 1, 5, TickSpan::Within).empty());
  CHECK(nice_ticks(0, 1, 1, TickSpan::Within).empty());
  CHECK(nice_ticks(0, inf, 5, TickSpan::Within).empty());
  CHECK(nice_ticks(nan, 1, 5, TickSpan::Within).empty());
}

TEST_CASE("ticks covering a range start at or below it and end at or above it", "[ticks]") {
  CHECK(nice_ticks(0, 2000, 8, TickSpan::Covering) == Ticks{0, 500, 1000, 1500, 2000});
  const Ticks l = nice_ticks(0.043, 2.41, 7, TickSpan::Covering);
  CHECK(l == Ticks{0, 0.5, 1, 1.5, 2, 2.5});
  CHECK(nice_ticks(95.1, 98.4, 5, TickSpan::Covering) == Ticks{95, 96, 97, 98, 99});
  CHECK(nice_ticks(-3.2, 4.7, 5, TickSpan::Covering) == Ticks{-4, -2, 0, 2, 4, 6});
}

TEST_CASE("ticks covering a single value widen it; a bad range is refused", "[ticks]") {
  const Ticks flat = nice_ticks(3, 3, 6, TickSpan::Covering);
  CHECK(flat.size() >= 2);
  CHECK(flat.front() < 3);
  CHECK(flat.back() > 3);
  const Ticks zero = nice_ticks(0, 0, 6, TickSpan::Covering);
  CHECK(zero.front() == -1);
  CHECK(zero.back() == 1);
  CHECK(nice_ticks(0, 1, 1, TickSpan::Covering).size() >= 2);  // counts as 2
  CHECK_THROWS_AS(nice_ticks(1, 0, 6, TickSpan::Covering), std::invalid_argument);
  CHECK_THROWS_AS(nice_ticks(0, std::numeric_limits<double>::infinity(), 6, TickSpan::Covering),
                  std::invalid_argument);
}

TEST_CASE("zero is a tick of its own, never -0", "[ticks]") {
  for (const TickSpan span : {TickSpan::Within, TickSpan::Covering})
    for (const double v : nice_ticks(-0.7, 0.7, 8, span))
      if (v == 0) CHECK_FALSE(std::signbit(v));
}
