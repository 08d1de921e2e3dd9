// Nice axis ticks; see ticks.hpp.
#include "core/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace mlp {

double nice_tick_step(double lo, double hi, int max_count) {
  const double raw = (hi - lo) / (max_count - 1);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

std::vector<double> nice_ticks(double lo, double hi, int max_count, TickSpan span) {
  std::vector<double> ticks;
  const bool finite = std::isfinite(lo) && std::isfinite(hi);
  if (span == TickSpan::Within) {
    if (!finite || !(hi > lo) || max_count < 2) return ticks;
  } else {
    if (!finite || lo > hi) throw std::invalid_argument("nice_ticks: bad range");
    if (lo == hi) {
      const double pad = lo == 0 ? 1.0 : std::abs(lo) * 0.1;
      lo -= pad;
      hi += pad;
    }
    max_count = std::max(max_count, 2);
  }
  const double step = nice_tick_step(lo, hi, max_count);
  // Ticks k · step for k = first .. last; an end within 1e-9 of a step of a multiple is that multiple.
  constexpr double kSlack = 1e-9;
  const double first = span == TickSpan::Within ? std::ceil(lo / step - kSlack) : std::floor(lo / step + kSlack);
  const double last = span == TickSpan::Within ? std::floor(hi / step + kSlack) : std::ceil(hi / step - kSlack);
  const long count = static_cast<long>(last - first) + 1;
  for (long i = 0; i < count; ++i) {
    const double k = first + static_cast<double>(i);
    ticks.push_back(k == 0 ? 0.0 : k * step);  // 0, never −0
  }
  if (span == TickSpan::Covering && ticks.size() < 2) ticks.push_back(ticks.back() + step);
  return ticks;
}

}  // namespace mlp
