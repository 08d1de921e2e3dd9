// Tests for digitize (src/data/digitize): brush strokes with soft edges, and a drawn canvas
// turned into an MNIST-like 28 x 28 row: fitted to a 20 x 20 box, centred by its centre of
// mass, independent of where on the canvas the digit was drawn.
#include <catch2/catch.hpp>

#include "data/digitize.hpp"

#include <cmath>

using namespace mlp;

namespace {

// Centre of mass (row, column) of a 1 x 784 row seen as a 28 x 28 image.
std::pair<double, double> centre_of_mass(const FeatureMatrix& row) {
  double mass = 0, r_sum = 0, c_sum = 0;
  for (int i = 0; i < kMnistSide * kMnistSide; ++i) {
    mass += row(0, i);
    r_sum += (i / kMnistSide) * static_cast<double>(row(0, i));
    c_sum += (i % kMnistSide) * static_cast<double>(row(0, i));
  }
  return {r_sum / mass, c_sum / mass};
}

// Rows and columns holding any ink: (height, width) of the bounding box.
std::pair<int, int> extent(const FeatureMatrix& row) {
  int top = kMnistSide, bottom = -1, left = kMnistSide, right = -1;
  for (int i = 0; i < kMnistSide * kMnistSide; ++i) {
    if (row(0, i) <= 0) continue;
    top = std::min(top, i / kMnistSide);
    bottom = std::max(bottom, i / kMnistSide);
    left = std::min(left, i % kMnistSide);
    right = std::max(right, i % kMnistSide);
  }
  return {bottom - top + 1, right - left + 1};
}

InkImage blank(int side) { return InkImage::Zero(side, side); }

}  // namespace

TEST_CASE("paint_stroke inks the segment with a soft edge and nothing far away", "[digitize]") {
  InkImage ink = blank(40);
  paint_stroke(ink, 10, 20.5f, 30, 20.5f, 3);
  CHECK(ink(20, 20) == 1.0f);   // on the line
  CHECK(ink(22, 15) == 1.0f);   // 2 pixels off, inside the radius
  CHECK(ink(20, 5) == 0.0f);    // beyond the end cap
  CHECK(ink(30, 20) == 0.0f);   // far below
  const float edge = ink(23, 20);  // centre 3 pixels from the line: on the soft edge
  CHECK(edge > 0.0f);
  CHECK(edge < 1.0f);
  CHECK(ink.minCoeff() >= 0.0f);
  CHECK(ink.maxCoeff() <= 1.0f);
  paint_stroke(ink, 10, 20.5f, 30, 20.5f, 3);  // painting twice does not exceed full ink
  CHECK(ink.maxCoeff() == 1.0f);
  paint_stroke(ink, -50, -50, -40, -40, 2);    // entirely off the canvas: no effect, no crash
  CHECK(ink(0, 0) == 0.0f);
}

TEST_CASE("digitize gives all zeros for an empty canvas", "[digitize]") {
  const InkImage ink = blank(64);
  CHECK_FALSE(has_ink(ink));
  const FeatureMatrix row = digitize(ink);
  REQUIRE(row.rows() == 1);
  REQUIRE(row.cols() == 784);
  CHECK(row.isZero());
}

TEST_CASE("digitize fits a square blob to the 20 x 20 box at the centre", "[digitize]") {
  InkImage ink = blank(100);
  ink.block(5, 60, 30, 30).setOnes();  // a filled square near the top-right corner
  REQUIRE(has_ink(ink));
  const FeatureMatrix row = digitize(ink);
  CHECK(row.maxCoeff() == Approx(255));
  CHECK(row.minCoeff() >= 0);
  CHECK(extent(row) == std::make_pair(20, 20));
  CHECK(row.sum() == Approx(400 * 255.0));
  const auto [r, c] = centre_of_mass(row);
  CHECK(std::abs(r - 13.5) <= 0.5);
  CHECK(std::abs(c - 13.5) <= 0.5);
}

TEST_CASE("digitize keeps the aspect ratio of a tall stroke", "[digitize]") {
  InkImage ink = blank(120);
  ink.block(10, 50, 100, 20).setOnes();  // 100 tall, 20 wide: a "1"
  const FeatureMatrix row = digitize(ink);
  CHECK(extent(row) == std::make_pair(20, 4));
}

TEST_CASE("digitize does not depend on where the digit was drawn", "[digitize]") {
  InkImage a = blank(112), b = blank(112);
  // The same "7": a bar and a diagonal, drawn once top-left and once bottom-right.
  for (auto [ink, dx, dy] : {std::tuple<InkImage*, float, float>{&a, 0, 0}, {&b, 50, 40}}) {
    paint_stroke(*ink, 10 + dx, 10 + dy, 50 + dx, 10 + dy, 4);
    paint_stroke(*ink, 50 + dx, 10 + dy, 25 + dx, 60 + dy, 4);
  }
  const FeatureMatrix ra = digitize(a), rb = digitize(b);
  CHECK((ra - rb).cwiseAbs().maxCoeff() < 1e-3f);
  // The diagonal's mass pulls the centre: still centred within a pixel.
  const auto [r, c] = centre_of_mass(ra);
  CHECK(std::abs(r - 13.5) <= 0.5);
  CHECK(std::abs(c - 13.5) <= 0.5);
}
