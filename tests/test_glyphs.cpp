// Tests for the lecture's 5x5 digit glyphs (src/data/glyphs): pixels exactly as on the
// slide, and the seeded noisy copies (flip rate, Gaussian noise, determinism, errors).
#include <catch2/catch.hpp>

#include "data/glyphs.hpp"

#include <cmath>
#include <stdexcept>

using namespace mlp;

namespace {

// The lecture's X[0..4, :, :], typed again from the slide.
const int kLecturePixels[5][5][5] = {
    {{0, 1, 1, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 1, 0, 0}, {0, 1, 1, 1, 0}},
    {{1, 1, 1, 1, 0}, {0, 0, 0, 0, 1}, {0, 1, 1, 1, 0}, {1, 0, 0, 0, 0}, {1, 1, 1, 1, 1}},
    {{1, 1, 1, 1, 0}, {0, 0, 0, 0, 1}, {0, 1, 1, 1, 0}, {0, 0, 0, 0, 1}, {1, 1, 1, 1, 0}},
    {{0, 0, 0, 1, 0}, {0, 0, 1, 1, 0}, {0, 1, 0, 1, 0}, {1, 1, 1, 1, 1}, {0, 0, 0, 1, 0}},
    {{1, 1, 1, 1, 1}, {1, 0, 0, 0, 0}, {1, 1, 1, 1, 0}, {0, 0, 0, 0, 1}, {1, 1, 1, 1, 0}},
};

}  // namespace

TEST_CASE("the five glyphs match the lecture pixel for pixel", "[glyphs]") {
  const Dataset d = lecture_glyphs();
  REQUIRE(d.size() == 5);
  REQUIRE(d.features() == 25);
  CHECK(d.image_width == 5);
  CHECK(d.image_height == 5);
  CHECK(d.num_classes == 5);
  CHECK(d.class_names == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(d.labels == std::vector<int>{0, 1, 2, 3, 4});
  for (int g = 0; g < 5; ++g)
    for (int r = 0; r < 5; ++r)
      for (int c = 0; c < 5; ++c) {
        INFO("glyph " << g + 1 << " row " << r << " column " << c);
        CHECK(d.X(g, r * 5 + c) == static_cast<float>(kLecturePixels[g][r][c]));
      }
  // Ink per glyph: a cheap second look that would catch a transposed or shifted glyph.
  CHECK(d.X.rowwise().sum().transpose() == Eigen::RowVectorXf((Eigen::RowVectorXf(5) << 8, 14, 13, 11, 15).finished()));
}

TEST_CASE("noisy glyphs with no noise are exact copies in the order 1..5, 1..5, ...", "[glyphs]") {
  const Dataset clean = lecture_glyphs();
  const Dataset d = noisy_glyphs(3, 0.0, 0.0, 7);
  REQUIRE(d.size() == 15);
  CHECK(d.features() == 25);
  CHECK(d.image_width == 5);
  CHECK(d.class_names == clean.class_names);
  for (int i = 0; i < d.size(); ++i) {
    CHECK(d.labels[i] == i % 5);
    CHECK(d.X.row(i) == clean.X.row(i % 5));
  }
}

TEST_CASE("pixel flips happen at the requested rate and keep pixels binary", "[glyphs]") {
  const Dataset clean = lecture_glyphs();
  const Dataset d = noisy_glyphs(400, 0.1, 0.0, 3);
  int flipped = 0;
  for (int i = 0; i < d.size(); ++i)
    for (int p = 0; p < 25; ++p) {
      const float v = d.X(i, p);
      REQUIRE((v == 0.0f || v == 1.0f));
      flipped += v != clean.X(i % 5, p);
    }
  const double rate = static_cast<double>(flipped) / (d.size() * 25.0);
  CHECK(rate == Approx(0.1).epsilon(0.05));
}

TEST_CASE("Gaussian pixel noise has the requested standard deviation", "[glyphs]") {
  const Dataset clean = lecture_glyphs();
  const Dataset d = noisy_glyphs(400, 0.0, 0.3, 3);
  double sum = 0, squares = 0;
  for (int i = 0; i < d.size(); ++i)
    for (int p = 0; p < 25; ++p) {
      const double e = d.X(i, p) - clean.X(i % 5, p);
      sum += e;
      squares += e * e;
    }
  const double n = d.size() * 25.0;
  CHECK(std::abs(sum / n) < 0.01);
  CHECK(std::sqrt(squares / n) == Approx(0.3).epsilon(0.03));
}

TEST_CASE("noisy glyphs are seeded", "[glyphs]") {
  CHECK(noisy_glyphs(10, 0.2, 0.1, 5).X == noisy_glyphs(10, 0.2, 0.1, 5).X);
  CHECK(noisy_glyphs(10, 0.2, 0.1, 5).X != noisy_glyphs(10, 0.2, 0.1, 6).X);
}

TEST_CASE("bad noisy-glyph arguments are rejected", "[glyphs]") {
  CHECK_THROWS_WITH(noisy_glyphs(0, 0.1, 0.0, 1), "copies per glyph must be >= 1 (got 0)");
  CHECK_THROWS_WITH(noisy_glyphs(1, 1.5, 0.0, 1), "flip probability must be in [0, 1] (got 1.500000)");
  CHECK_THROWS_AS(noisy_glyphs(1, std::nan(""), 0.0, 1), std::invalid_argument);
  CHECK_THROWS_WITH(noisy_glyphs(1, 0.1, -1.0, 1),
                    "noise standard deviation must be a finite number >= 0 (got -1.000000)");
}
