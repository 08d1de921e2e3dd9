// The data a run's configuration describes, where it can be made without files: the toy sets
// (generated, then split into training and test sets) and the lecture's glyphs (the five clean
// images to train on, noisy copies to test on). The page makes all its data here; the command
// line too, before it looks for MNIST or a file.
#pragma once

#include "config/run_config.hpp"
#include "data/dataset.hpp"

#include <string>
#include <vector>

namespace mlp {

struct DataSplit {
  Dataset train;
  Dataset test;              // empty (size 0) when nothing is held out
  std::string description;   // one line, e.g. "mnist: 60000 train, 10000 test (all), 784 features, ..."

  const Dataset* test_or_null() const { return test.size() > 0 ? &test : nullptr; }
};

// The toy sets' names, then "glyphs", in menu order.
std::vector<std::string> generated_sources();
bool is_generated(const std::string& source);
// One line about a generated source, for tooltips.
std::string source_description(const std::string& source);
// The default noise of a source (toy: its own; glyphs: pixel flip probability).
double default_noise(const std::string& source);
// The noise actually used (the default when data.noise < 0).
double effective_noise(const DataConfig& data);

// Generates the data of a toy set or the glyphs (seeded by `seed`) and holds out
// data.test_fraction of a toy set, stratified by class. Throws std::invalid_argument.
// The share `fraction` of `all` held out as the test set, per class (seeded); none when 0.
DataSplit hold_out(const Dataset& all, double fraction, uint64_t seed);

// Computes the input features (data.features) of 2-D sets. Throws std::invalid_argument.
DataSplit generate_data(const DataConfig& data, uint64_t seed);

// A table of the student's own (text or CSV, raw or gzip, as data/loaders.hpp reads them),
// within the page's limits: at most kMaxTableRows examples, kMaxTableInputs inputs and
// kMaxTableClasses classes (labels 0 .. K−1), and at least two classes.
constexpr int kMaxTableRows = 10000;
constexpr int kMaxTableInputs = 100;
constexpr int kMaxTableClasses = 10;

// Reads a table from a file's bytes: the last column class labels, or (real_targets) real values
// to fit, a regression set. CSV when the name ends in .csv or .csv.gz or the first line holds a
// comma, else the lecture's whitespace format. Throws DataError naming the file and the problem
// (and the line): empty, binary, corrupt gzip, ragged rows, text in a number column, a negative
// or fractional label, beyond the limits.
Dataset read_table_bytes(const std::string& name, const std::string& bytes, bool real_targets = false);

// The run's sets from such a table: the test share held out (stratified, seeded), the scaling
// fitted on the training part and applied to both, then the input features. Throws
// std::invalid_argument (e.g. a test share that leaves a class without training examples).
DataSplit split_table(const Dataset& table, const DataConfig& data, uint64_t seed);

// A regression set (real-valued targets) trains one linear output with MSE: when `config` has
// another output and `regression` holds, switches it to linear and returns a note saying so
// ("sine has real-valued targets: using the linear output (MSE)"); "" otherwise.
std::string fit_output(RunConfig& config, bool regression, const std::string& data_name);

// Whether a generated source is a regression set (sine, plane, gauss-surface).
bool is_regression_source(const std::string& source);

// The input features of both sets (see data/features.hpp); throws unless they are 2-D.
void use_features(DataSplit& split, const std::vector<InputFeature>& features);

}  // namespace mlp
