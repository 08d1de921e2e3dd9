// Weight initialisations: the lecture's randn·sqrt(1/rows), Xavier/Glorot, He,
// and the two the lecture warns about (all weights equal; large weights).
#pragma once

#include "core/matrix.hpp"
#include "core/random.hpp"

#include <string>
#include <vector>

namespace mlp {

enum class Init {
  Lecture,  // randn · sqrt(1 / rows), bias row included (the lecture's initialize_weights)
  Xavier,   // uniform ±sqrt(6 / (fan_in + fan_out)), bias row 0
  He,       // randn · sqrt(2 / fan_in), bias row 0
  Equal,    // every weight sqrt(1 / rows): hidden nodes stay identical (symmetry never breaks)
  Large     // randn · 10: sigmoid units saturate, gradients vanish
};

// A (rows x cols) weight matrix, rows = inputs + 1 (bias row first).
template <class T>
Matrix<T> init_weights(Init init, int rows, int cols, Rng& rng);

const char* init_name(Init init);              // "lecture", "xavier", "he", "equal", "large"
Init parse_init(const std::string& name);      // throws std::invalid_argument
const std::vector<Init>& all_inits();

}  // namespace mlp
