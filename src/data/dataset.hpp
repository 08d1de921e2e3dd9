// Dataset: the one shape every data source arrives in (generated toy sets, the
// lecture's 5x5 glyphs, text/CSV files, MNIST IDX files).
//
// Shape convention: one example per row. X is N x D, labels has N entries.
//
// Classification sets have class labels 0..K−1. A regression set has real-valued targets
// (N x 1) instead: it counts as one class (K = 1, every label 0, so splits and subsets treat
// it like any set) and its network has one linear output trained with MSE.
//
// Storage: features are floats in X, except for byte data kept compact (MNIST in the page:
// one byte per pixel instead of four). Code that may meet either form reads rows through
// copy_rows(), which converts compact rows to floats on the fly; size() and features()
// work for both. Everything else (toy sets, glyphs, files, the CLI) uses X directly.
#pragma once

#include "core/matrix.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace mlp {

// Features stored row-major (core/matrix.hpp) so a batch of consecutive examples is contiguous.
using FeatureMatrix = Matrix<float>;
using ByteMatrix = Matrix<uint8_t>;

// Features stored as one byte each: feature j of row i is values(row(i)[j], j). The table
// holds what each of the 256 byte values becomes in each feature (raw: the value itself;
// after a Scaler: exactly the float the Scaler makes of it, whatever the scaling).
// The bytes are read-only and shared, not copied, when a set is copied or when several sets
// point into one buffer (the page's MNIST sets read the decoded IDX files in place).
struct ByteFeatures {
  std::shared_ptr<const uint8_t> bytes;  // N x D, row-major; keeps the buffer it points into alive
  int rows = 0, cols = 0;                // N, D
  FeatureMatrix values;                  // 256 x D

  const uint8_t* row(int i) const { return bytes.get() + static_cast<size_t>(i) * static_cast<size_t>(cols); }
};

struct Dataset {
  std::string name;                       // e.g. "circles", "mnist-train"
  FeatureMatrix X;                        // N x D features (empty when `compact` holds them)
  ByteFeatures compact;                   // N x D bytes and their 256 x D values, or empty
  std::vector<int> labels;                // N class indices in [0, num_classes)
  int num_classes = 0;                    // K
  std::vector<std::string> class_names;   // K names ("0".."9", "class 0", ...)
  int image_width = 0;                    // > 0 when each row is an image (5x5 glyphs, 28x28 MNIST)
  int image_height = 0;
  FeatureMatrix points;                   // N x 2: the points X was computed from (input features), or empty
  std::vector<std::string> feature_names; // D names of X's columns ("x₁²", ...), or empty: x1, x2, ...
  FeatureMatrix targets;                  // N x 1 real-valued targets of a regression set, or empty

  bool is_regression() const { return targets.size() > 0; }

  // Where example i lies in the plane: its point, or its first two inputs (2-D data).
  float point_x1(int i) const { return points.size() > 0 ? points(i, 0) : X(i, 0); }
  float point_x2(int i) const { return points.size() > 0 ? points(i, 1) : X(i, 1); }
  // Points in the plane: 2-D inputs, or points whose features are the inputs.
  bool is_planar() const { return points.size() > 0 || (!is_compact() && features() == 2 && image_width == 0); }

  bool is_compact() const { return compact.values.size() > 0; }
  int size() const { return is_compact() ? compact.rows : static_cast<int>(X.rows()); }      // N
  int features() const { return is_compact() ? compact.cols : static_cast<int>(X.cols()); }  // D

  // Rows [begin, begin + count), or the `count` rows listed at `rows`, as T: out becomes
  // count x D (T = float gives exactly the stored or table floats; T = double casts them).
  template <class T>
  void copy_rows(int begin, int count, Matrix<T>& out) const;
  template <class T>
  void copy_rows(const int* rows, int count, Matrix<T>& out) const;
};

// Raw bytes (N x D) as a compact Dataset's features, each byte standing for its own value:
// a matrix taken over, or `rows` x `cols` bytes shared where `bytes` points (row-major).
ByteFeatures raw_byte_features(ByteMatrix bytes);
ByteFeatures raw_byte_features(std::shared_ptr<const uint8_t> bytes, int rows, int cols);

// Features read block by block (for statistics over a whole set): blocks(visit) calls
// visit(block) for consecutive blocks of rows, in order, each K x D floats.
using RowVisitor = std::function<void(const FeatureMatrix&)>;
using RowBlocks = std::function<void(const RowVisitor&)>;
RowBlocks row_blocks(const FeatureMatrix& X);  // X as one block (X must outlive the result)
RowBlocks row_blocks(const Dataset& data);     // X, or compact rows converted a few thousand at a time

// Makes `d` a regression set with these N targets (N x 1): one class, every label 0.
inline void set_regression_targets(Dataset& d, FeatureMatrix targets) {
  d.targets = std::move(targets);
  d.labels.assign(static_cast<size_t>(d.targets.rows()), 0);
  d.num_classes = 1;
  d.class_names = {"y"};
}

// Class names "first", "first+1", ... as text: numbered_class_names(10) gives "0".."9",
// numbered_class_names(5, 1) gives "1".."5" (the lecture's glyphs).
inline std::vector<std::string> numbered_class_names(int count, int first = 0) {
  std::vector<std::string> names;
  for (int k = 0; k < count; ++k) names.push_back(std::to_string(first + k));
  return names;
}

// Number of examples of each class: K entries; labels outside [0, K) are not counted.
inline std::vector<int> class_counts(const Dataset& data) {
  std::vector<int> counts(data.num_classes > 0 ? data.num_classes : 0, 0);
  for (int label : data.labels)
    if (label >= 0 && label < data.num_classes) ++counts[label];
  return counts;
}

}  // namespace mlp
