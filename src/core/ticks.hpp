// "Nice" axis ticks for the plots (the playground's curves, the SVG plots of `mlp`):
// round numbers, the multiples of a step of 1, 2 or 5 × 10^k, about max_count of them.
#pragma once

#include <vector>

namespace mlp {

// Which multiples of the step an axis gets.
enum class TickSpan {
  Within,    // those inside [lo, hi]: the axis keeps the data's range (the playground's plots)
  Covering   // from the last one <= lo to the first one >= hi, at least two: the axis runs
             // from tick to tick (the SVG plots)
};

// The smallest step of 1, 2 or 5 × 10^k that is at least (hi − lo) / (max_count − 1).
double nice_tick_step(double lo, double hi, int max_count);

// Tick values at the multiples of nice_tick_step (ends matched to 1e-9 of a step), ascending.
//   Within:   empty when the range is not finite, hi <= lo or max_count < 2.
//   Covering: lo == hi is widened first (by 10 % of |lo|, or by 1 around 0); max_count below 2
//             counts as 2; throws std::invalid_argument for a non-finite range or lo > hi.
std::vector<double> nice_ticks(double lo, double hi, int max_count, TickSpan span);

}  // namespace mlp
