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

}  // namespace mlp
