// Dataset: the one shape every data source arrives in (generated toy sets, the
// lecture's 5x5 glyphs, text/CSV files, MNIST IDX files).
//
// Shape convention: one example per row. X is N x D, labels has N entries.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

namespace mlp {

// Features stored row-major so a batch of consecutive examples is contiguous.
using FeatureMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct Dataset {
  std::string name;                       // e.g. "circles", "mnist-train"
  FeatureMatrix X;                        // N x D features
  std::vector<int> labels;                // N class indices in [0, num_classes)
  int num_classes = 0;                    // K
  std::vector<std::string> class_names;   // K names ("0".."9", "class 0", ...)
  int image_width = 0;                    // > 0 when each row is an image (5x5 glyphs, 28x28 MNIST)
  int image_height = 0;

  int size() const { return static_cast<int>(X.rows()); }      // N
  int features() const { return static_cast<int>(X.cols()); }  // D
};

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
