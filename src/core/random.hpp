// Rng: a small seeded random number generator (xoshiro256**, seeded by splitmix64)
// with our own uniform/normal/shuffle, so that one seed gives bit-identical
// weights, data order and dropout masks natively and in the browser (the std
// distributions differ between libstdc++ and libc++).
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace mlp {

class Rng {
 public:
  explicit Rng(uint64_t seed = 1) {
    uint64_t x = seed;
    for (auto& s : state_) s = splitmix64(x);
  }

  // A child generator for an independent stream (e.g. "init", "order", "dropout").
  Rng fork(uint64_t stream) const { return Rng(state_[0] ^ splitmix_const(stream)); }

  uint64_t next_u64() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n), unbiased (rejection sampling); n > 0.
  uint64_t uniform_int(uint64_t n) {
    const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t r;
    do r = next_u64(); while (r >= limit);
    return r % n;
  }

  // Standard normal (Box-Muller; the spare value is kept for the next call).
  double normal() {
    if (has_spare_) { has_spare_ = false; return spare_; }
    double u1;
    do u1 = uniform(); while (u1 <= 0.0);
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double theta = 6.283185307179586476925 * u2;
    spare_ = r * std::sin(theta);
    has_spare_ = true;
    return r * std::cos(theta);
  }

  double normal(double mean, double stddev) { return mean + stddev * normal(); }

  // Fisher-Yates shuffle.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[uniform_int(i)]);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  static uint64_t splitmix_const(uint64_t stream) {
    uint64_t x = stream * 0xD1B54A32D192ED03ull + 1;
    return splitmix64(x);
  }

  uint64_t state_[4];
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace mlp
