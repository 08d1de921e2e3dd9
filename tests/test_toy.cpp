// Tests for the generated toy sets (src/data/toy): the registry, sizes and balanced classes,
// seeded determinism, each clean shape's defining property, the noise level, argument
// errors, and that the shipped assets/*.txt are exactly what the documented command makes.
#include <catch2/catch.hpp>

#include "data/loaders.hpp"
#include "data/toy.hpp"

#include "data_test_util.hpp"

#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

using namespace mlp;
using namespace mlp_test;

namespace {

constexpr double kPi = 3.14159265358979323846;

double radius(const Dataset& d, int i) { return std::hypot(d.X(i, 0), d.X(i, 1)); }

std::string invalid_argument_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("the registry lists the six classification sets, then the three regression sets, in menu order", "[toy]") {
  const std::vector<std::string> expected = {"linearly_separable", "non_linearly_separable", "circles", "xor", "spiral",
                                             "gaussians", "sine", "plane", "gauss-surface"};
  CHECK(toy_names() == expected);
  REQUIRE(toy_specs().size() == expected.size());
  for (const ToySpec& spec : toy_specs()) {
    INFO(spec.name);
    CHECK_FALSE(spec.description.empty());
    CHECK(spec.min_classes <= spec.default_classes);
    CHECK(spec.default_classes <= spec.max_classes);
    CHECK(spec.default_noise >= 0);
  }
}

TEST_CASE("every classification set has n rows, 2 features and balanced classes", "[toy]") {
  for (const ToySpec& spec : toy_specs())
    for (int classes : {spec.min_classes, spec.max_classes}) {
      INFO(spec.name << " with " << classes << " classes");
      if (spec.regression) continue;
      const Dataset d = make_toy(spec.name, 203, spec.default_noise, 5, classes);
      CHECK_FALSE(d.is_regression());
      CHECK(d.name == spec.name);
      CHECK(d.size() == 203);
      CHECK(d.features() == 2);
      CHECK(d.labels.size() == 203u);
      CHECK(d.num_classes == classes);
      CHECK(d.class_names == numbered_class_names(classes));
      CHECK(d.image_width == 0);
      const std::vector<int> counts = class_counts(d);
      int total = 0;
      for (int k = 0; k < classes; ++k) {
        CHECK(counts[k] == 203 / classes + (k < 203 % classes ? 1 : 0));
        total += counts[k];
      }
      CHECK(total == 203);  // so every label is in [0, K)
      CHECK(d.X.allFinite());
      CHECK(d.X.cwiseAbs().maxCoeff() < 2.5f);
    }
}

TEST_CASE("classes = 0 gives each set's default class count", "[toy]") {
  CHECK(make_toy("spiral", 30, 0.0, 1).num_classes == 2);
  CHECK(make_toy("gaussians", 30, 0.0, 1).num_classes == 3);
  CHECK(make_toy("circles", 30, 0.0, 1).num_classes == 2);
}

TEST_CASE("the same seed gives bit-identical data, another seed different data", "[toy]") {
  for (const std::string& name : toy_names()) {
    INFO(name);
    const Dataset a = make_toy(name, 100, 0.1, 42);
    const Dataset b = make_toy(name, 100, 0.1, 42);
    const Dataset c = make_toy(name, 100, 0.1, 43);
    CHECK(a.X == b.X);
    CHECK(a.labels == b.labels);
    CHECK(a.targets == b.targets);
    CHECK(a.X != c.X);
  }
}

TEST_CASE("regression sets: one class, real targets that are the clean function at noise 0", "[toy]") {
  const Dataset sine = make_toy("sine", 150, 0.0, 4);
  REQUIRE(sine.is_regression());
  CHECK(sine.features() == 1);
  CHECK(sine.targets.rows() == 150);
  CHECK(sine.num_classes == 1);
  CHECK(sine.labels == std::vector<int>(150, 0));
  CHECK(sine.X.minCoeff() >= -kPi);
  CHECK(sine.X.maxCoeff() <= kPi);
  CHECK(sine.X.maxCoeff() - sine.X.minCoeff() > 5.5);  // spread over [−π, π]
  for (int i = 0; i < sine.size(); ++i) CHECK(sine.targets(i, 0) == Approx(std::sin(sine.X(i, 0))).margin(1e-6));

  const Dataset plane = make_toy("plane", 100, 0.0, 4);
  CHECK(plane.features() == 2);
  for (int i = 0; i < plane.size(); ++i)
    CHECK(plane.targets(i, 0) == Approx((plane.X(i, 0) + plane.X(i, 1)) / 3).margin(1e-6));
  CHECK(plane.X.cwiseAbs().maxCoeff() <= 1.5f);

  const Dataset bumps = make_toy("gauss-surface", 2000, 0.0, 4);
  CHECK(bumps.targets.maxCoeff() > 0.9f);   // near the tops of the three bumps up
  CHECK(bumps.targets.minCoeff() < -0.9f);  // and the bottoms of the three down
  CHECK(bumps.targets.cwiseAbs().maxCoeff() < 1.01f);
}

TEST_CASE("a regression set's noise is Gaussian jitter of the targets, the inputs unchanged", "[toy]") {
  const Dataset clean = make_toy("sine", 4000, 0.0, 9);
  const Dataset noisy = make_toy("sine", 4000, 0.2, 9);
  double sum = 0, squares = 0;
  for (int i = 0; i < noisy.size(); ++i) {
    const double e = noisy.targets(i, 0) - std::sin(noisy.X(i, 0));
    sum += e;
    squares += e * e;
  }
  CHECK(sum / noisy.size() == Approx(0).margin(0.02));
  CHECK(std::sqrt(squares / noisy.size()) == Approx(0.2).epsilon(0.05));
  CHECK(clean.targets != noisy.targets);
  CHECK(clean.X == noisy.X);
}

TEST_CASE("rows are shuffled, not grouped by class", "[toy]") {
  const Dataset d = make_toy("circles", 100, 0.0, 3);
  int changes = 0;
  for (int i = 1; i < d.size(); ++i) changes += d.labels[i] != d.labels[i - 1];
  CHECK(changes > 30);  // grouped rows would change label once
}

TEST_CASE("clean shapes: each set's defining property holds at noise 0", "[toy]") {
  SECTION("linearly_separable: the line x1 + x2 = 0 splits the classes with a margin") {
    const Dataset d = make_toy("linearly_separable", 500, 0.0, 1);
    for (int i = 0; i < d.size(); ++i) {
      const double side = d.X(i, 0) + d.X(i, 1);
      CHECK((d.labels[i] == 0 ? -side : side) > 0.36);  // >= 0.26 from the line, times sqrt(2)
    }
  }
  SECTION("non_linearly_separable: points lie on two unit half-circles") {
    const Dataset d = make_toy("non_linearly_separable", 500, 0.0, 1);
    for (int i = 0; i < d.size(); ++i) {
      const double c1 = d.labels[i] == 0 ? -0.5 : 0.5, c2 = d.labels[i] == 0 ? -0.25 : 0.25;
      CHECK(std::hypot(d.X(i, 0) - c1, d.X(i, 1) - c2) == Approx(1.0).epsilon(1e-5));
      if (d.labels[i] == 0)
        CHECK(d.X(i, 1) >= -0.25f - 1e-6f);  // upper moon
      else
        CHECK(d.X(i, 1) <= 0.25f + 1e-6f);  // lower moon
    }
  }
  SECTION("circles: a disk of radius 0.5 inside a ring 0.8..1.1") {
    const Dataset d = make_toy("circles", 500, 0.0, 1);
    for (int i = 0; i < d.size(); ++i) {
      if (d.labels[i] == 0)
        CHECK(radius(d, i) <= 0.5 + 1e-6);
      else
        CHECK((radius(d, i) >= 0.8 - 1e-6 && radius(d, i) <= 1.1 + 1e-6));
    }
  }
  SECTION("xor: label = (x1 > 0) xor (x2 > 0), away from the axes") {
    const Dataset d = make_toy("xor", 500, 0.0, 1);
    for (int i = 0; i < d.size(); ++i) {
      CHECK(d.labels[i] == ((d.X(i, 0) > 0) != (d.X(i, 1) > 0) ? 1 : 0));
      CHECK(std::abs(d.X(i, 0)) >= 0.1f - 1e-6f);
      CHECK(std::abs(d.X(i, 1)) >= 0.1f - 1e-6f);
    }
  }
  SECTION("spiral: each point's angle follows its own arm") {
    const int K = 3;
    const Dataset d = make_toy("spiral", 300, 0.0, 1, K);
    for (int i = 0; i < d.size(); ++i) {
      const double t = (radius(d, i) - 0.05) / 1.15;
      const double expected = 2 * kPi * (static_cast<double>(d.labels[i]) / K + 1.5 * t);
      const double off = std::remainder(std::atan2(d.X(i, 1), d.X(i, 0)) - expected, 2 * kPi);
      CHECK(std::abs(off) < 1e-4);
    }
  }
  SECTION("gaussians: class means sit on the unit circle, 2*pi/K apart") {
    const int K = 4;
    const Dataset d = make_toy("gaussians", 4000, 0.0, 1, K);
    for (int k = 0; k < K; ++k) {
      double m1 = 0, m2 = 0;
      int count = 0;
      for (int i = 0; i < d.size(); ++i)
        if (d.labels[i] == k) m1 += d.X(i, 0), m2 += d.X(i, 1), ++count;
      const double angle = 2 * kPi * k / K + kPi / 4;
      CHECK(std::abs(m1 / count - std::cos(angle)) < 0.05);
      CHECK(std::abs(m2 / count - std::sin(angle)) < 0.05);
    }
  }
}

TEST_CASE("noise is Gaussian jitter of the given standard deviation on the clean shape", "[toy]") {
  // The same seed draws the same clean points, so the difference is exactly the jitter.
  for (const ToySpec& spec : toy_specs()) {
    const std::string& name = spec.name;
    INFO(name);
    if (spec.regression) continue;  // the jitter is on the targets (next test)
    const Dataset clean = make_toy(name, 4000, 0.0, 9);
    const Dataset noisy = make_toy(name, 4000, 0.2, 9);
    CHECK(noisy.labels == clean.labels);
    const Eigen::ArrayXXd jitter = (noisy.X - clean.X).cast<double>().array();
    const double mean = jitter.mean();
    const double stddev = std::sqrt((jitter - mean).square().mean());
    CHECK(std::abs(mean) < 0.01);
    CHECK(stddev == Approx(0.2).epsilon(0.05));
  }
}

TEST_CASE("bad toy-set arguments give clear errors", "[toy]") {
  CHECK(invalid_argument_message([] { make_toy("moons", 10, 0.1, 1); }) ==
        "unknown toy data set 'moons' (valid: linearly_separable non_linearly_separable circles xor spiral gaussians sine plane gauss-surface)");
  CHECK(invalid_argument_message([] { make_toy("circles", 10, 0.1, 1, 3); }) ==
        "toy data set 'circles' has exactly 2 classes (got 3)");
  CHECK(invalid_argument_message([] { make_toy("spiral", 10, 0.1, 1, 11); }) ==
        "toy data set 'spiral' supports 2..10 classes (got 11)");
  CHECK(invalid_argument_message([] { make_toy("spiral", 10, 0.1, 1, -1); }) ==
        "toy data set 'spiral' supports 2..10 classes (got -1)");
  CHECK(invalid_argument_message([] { make_toy("gaussians", 2, 0.1, 1); }) ==
        "toy data set 'gaussians' needs n >= 3 examples (got 2)");
  CHECK(invalid_argument_message([] { make_toy("xor", 10, -0.1, 1); }) ==
        "noise must be a finite number >= 0 (got -0.100000)");
  CHECK_THROWS_AS(make_toy("xor", 10, std::nan(""), 1), std::invalid_argument);
  CHECK_THROWS_AS(make_toy("xor", 10, INFINITY, 1), std::invalid_argument);
}

TEST_CASE("assets/*.txt are exactly what the documented command generates", "[toy][assets]") {
  // Keep in sync with assets/README.md: n = 300, seed = 1, noise as below.
  const std::vector<std::pair<std::string, double>> assets = {
      {"linearly_separable", 0.1}, {"non_linearly_separable", 0.1}, {"circles", 0.05}};
  TempDir dir;
  for (const auto& asset : assets) {
    INFO(asset.first);
    const std::string generated = dir / (asset.first + ".txt");
    write_text_dataset(generated, make_toy(asset.first, 300, asset.second, 1));
    CHECK(read_file(source_dir() + "/assets/" + asset.first + ".txt") == read_file(generated));
  }
}
