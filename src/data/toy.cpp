// Toy data sets: one point generator per set and the registry that names them.
//
// A generator draws the clean point of one class; make_toy balances the classes,
// shuffles the label order, draws each row's point and adds the Gaussian jitter.
#include "data/toy.hpp"

#include "core/random.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace mlp {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
  double x1, x2;
};

// Draws a clean point of class k (of K) from rng.
using PointGenerator = Point (*)(int k, int K, Rng& rng);

Point on_circle(double radius, double angle) { return {radius * std::cos(angle), radius * std::sin(angle)}; }

// Uniform in the disk of the given radius around (c1, c2).
Point in_disk(double c1, double c2, double radius, Rng& rng) {
  const double r = radius * std::sqrt(rng.uniform());  // separate statements: fixed draw order
  const Point p = on_circle(r, 2 * kPi * rng.uniform());
  return {c1 + p.x1, c2 + p.x2};
}

// Disks of radius 0.8 centred at -(0.75, 0.75) and +(0.75, 0.75): at least 0.26 from x1 + x2 = 0.
Point linearly_separable(int k, int, Rng& rng) {
  const double c = k == 0 ? -0.75 : 0.75;
  return in_disk(c, c, 0.8, rng);
}

// Upper moon (class 0) and a lower moon shifted right (class 1), centred on the origin.
Point half_moons(int k, int, Rng& rng) {
  const double angle = kPi * rng.uniform();
  const Point p = on_circle(1.0, angle);
  if (k == 0) return {p.x1 - 0.5, p.x2 - 0.25};
  return {0.5 - p.x1, 0.25 - p.x2};
}

// A disk of radius 0.5 (class 0) inside a ring 0.8..1.1 (class 1), uniform by area.
Point disk_in_ring(int k, int, Rng& rng) {
  if (k == 0) return in_disk(0, 0, 0.5, rng);
  const double inner = 0.8, outer = 1.1;
  const double radius = std::sqrt(inner * inner + (outer * outer - inner * inner) * rng.uniform());
  return on_circle(radius, 2 * kPi * rng.uniform());
}

// Class 0 in the quadrants where x1 and x2 have the same sign, class 1 where they differ;
// points keep 0.1 away from the axes.
Point quadrants(int k, int, Rng& rng) {
  const double s1 = rng.uniform() < 0.5 ? -1.0 : 1.0;
  const double s2 = k == 0 ? s1 : -s1;
  const double a1 = 0.1 + 0.9 * rng.uniform();
  const double a2 = 0.1 + 0.9 * rng.uniform();
  return {s1 * a1, s2 * a2};
}

// Arm k starts at angle 2*pi*k/K and winds 1.5 turns outwards to radius 1.2.
Point spiral_arm(int k, int K, Rng& rng) {
  const double t = rng.uniform();
  return on_circle(0.05 + 1.15 * t, 2 * kPi * (static_cast<double>(k) / K + 1.5 * t));
}

// Cluster k: Gaussian with standard deviation 0.25 around a centre on the unit circle.
Point gaussian_cluster(int k, int K, Rng& rng) {
  const Point c = on_circle(1.0, 2 * kPi * k / K + kPi / 4);
  const double x1 = c.x1 + 0.25 * rng.normal();
  const double x2 = c.x2 + 0.25 * rng.normal();
  return {x1, x2};
}

// The clean target of a regression set at a point.
using TargetFunction = double (*)(double x1, double x2);

double sine(double x1, double) { return std::sin(x1); }

double plane(double x1, double x2) { return (x1 + x2) / 3; }

// TensorFlow Playground's six bumps, scaled to [-1.5, 1.5]^2: signs alternate along each row.
double gauss_surface(double x1, double x2) {
  struct Bump {
    double c1, c2, sign;
  };
  static constexpr Bump kBumps[] = {{-1, 0.625, 1}, {0, 0.625, -1}, {1, 0.625, 1},
                                    {-1, -0.625, -1}, {0, -0.625, 1}, {1, -0.625, -1}};
  constexpr double kWidth = 0.35;  // standard deviation of each bump
  double y = 0;
  for (const Bump& b : kBumps) {
    const double d1 = x1 - b.c1, d2 = x2 - b.c2;
    y += b.sign * std::exp(-(d1 * d1 + d2 * d2) / (2 * kWidth * kWidth));
  }
  return y;
}

// A classification set draws its points per class; a regression set evaluates `target`.
struct ToyEntry {
  ToySpec spec;
  PointGenerator generate = nullptr;
  TargetFunction target = nullptr;
};

const std::vector<ToyEntry>& toy_table() {
  static const std::vector<ToyEntry> table = {
      {{"linearly_separable", "two blobs a straight line can split (lecture)", 2, 2, 2, 0.1}, linearly_separable},
      {{"non_linearly_separable", "two interleaved half-moons: no line splits them (lecture)", 2, 2, 2, 0.1},
       half_moons},
      {{"circles", "a disk inside a ring (lecture)", 2, 2, 2, 0.05}, disk_in_ring},
      {{"xor", "four quadrants: class = sign(x1) xor sign(x2)", 2, 2, 2, 0.05}, quadrants},
      {{"spiral", "interleaved spiral arms, one per class", 2, 2, 10, 0.03}, spiral_arm},
      {{"gaussians", "Gaussian clusters on a circle, one per class", 3, 2, 10, 0.0}, gaussian_cluster},
      {{"sine", "regression, 1 input: y = sin x + noise on [−π, π]", 1, 1, 1, 0.1, true, 1}, nullptr, sine},
      {{"plane", "regression: a tilted plane, y = (x₁ + x₂)/3 + noise", 1, 1, 1, 0.05, true}, nullptr, plane},
      {{"gauss-surface", "regression: three bumps up and three down, plus noise", 1, 1, 1, 0.05, true},
       nullptr, gauss_surface},
  };
  return table;
}

const ToyEntry& find_toy(const std::string& name) {
  for (const ToyEntry& entry : toy_table())
    if (entry.spec.name == name) return entry;
  std::ostringstream message;
  message << "unknown toy data set '" << name << "' (valid:";
  for (const std::string& valid : toy_names()) message << ' ' << valid;
  message << ')';
  throw std::invalid_argument(message.str());
}

int checked_classes(const ToySpec& spec, int classes) {
  if (classes == 0) return spec.default_classes;
  if (classes >= spec.min_classes && classes <= spec.max_classes) return classes;
  std::ostringstream message;
  message << "toy data set '" << spec.name << "' ";
  if (spec.min_classes == spec.max_classes)
    message << "has exactly " << spec.min_classes << " classes";
  else
    message << "supports " << spec.min_classes << ".." << spec.max_classes << " classes";
  message << " (got " << classes << ")";
  throw std::invalid_argument(message.str());
}

// n labels, n / K of each class (the first n % K classes one more), in shuffled order.
std::vector<int> balanced_labels(int n, int K, Rng& rng) {
  std::vector<int> labels(n);
  for (int i = 0; i < n; ++i) labels[i] = i % K;
  rng.shuffle(labels);
  return labels;
}

// n points uniform in [−π, π] (1-D) or [−1.5, 1.5]^2, each target jittered by `noise`.
Dataset make_regression(const ToyEntry& entry, int n, double noise, Rng& rng) {
  const int D = entry.spec.inputs;
  const double half_width = D == 1 ? kPi : 1.5;
  Dataset data;
  data.X.resize(n, D);  // N x D
  FeatureMatrix targets(n, 1);
  for (int i = 0; i < n; ++i) {
    const double x1 = half_width * (2 * rng.uniform() - 1);
    const double x2 = D == 1 ? 0.0 : half_width * (2 * rng.uniform() - 1);
    const double jitter = noise * rng.normal();
    data.X(i, 0) = static_cast<float>(x1);
    if (D == 2) data.X(i, 1) = static_cast<float>(x2);
    targets(i, 0) = static_cast<float>(entry.target(x1, x2) + jitter);
  }
  set_regression_targets(data, std::move(targets));
  return data;
}

// n points of K classes, balanced and shuffled, each point jittered by `noise`.
Dataset make_classes(const ToyEntry& entry, int n, int K, double noise, Rng& rng) {
  Dataset data;
  data.num_classes = K;
  data.class_names = numbered_class_names(K);
  data.labels = balanced_labels(n, K, rng);
  data.X.resize(n, 2);  // N x 2
  for (int i = 0; i < n; ++i) {
    const Point p = entry.generate(data.labels[i], K, rng);
    const double jitter1 = noise * rng.normal();
    const double jitter2 = noise * rng.normal();
    data.X(i, 0) = static_cast<float>(p.x1 + jitter1);
    data.X(i, 1) = static_cast<float>(p.x2 + jitter2);
  }
  return data;
}

}  // namespace

const std::vector<ToySpec>& toy_specs() {
  static const std::vector<ToySpec> specs = [] {
    std::vector<ToySpec> out;
    for (const ToyEntry& entry : toy_table()) out.push_back(entry.spec);
    return out;
  }();
  return specs;
}

std::vector<std::string> toy_names() {
  std::vector<std::string> names;
  for (const ToySpec& spec : toy_specs()) names.push_back(spec.name);
  return names;
}

Dataset make_toy(const std::string& name, int n, double noise, uint64_t seed, int classes) {
  const ToyEntry& entry = find_toy(name);
  const int K = checked_classes(entry.spec, classes);
  if (n < K)
    throw std::invalid_argument("toy data set '" + name + "' needs n >= " + std::to_string(K) +
                                " examples (got " + std::to_string(n) + ")");
  if (!(noise >= 0) || !std::isfinite(noise))
    throw std::invalid_argument("noise must be a finite number >= 0 (got " + std::to_string(noise) + ")");

  Rng rng(seed);
  Dataset data = entry.spec.regression ? make_regression(entry, n, noise, rng) : make_classes(entry, n, K, noise, rng);
  data.name = name;
  return data;
}

}  // namespace mlp
