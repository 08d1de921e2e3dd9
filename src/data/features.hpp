// Input features of 2-D data, as TensorFlow Playground offers them: the network's inputs are
// chosen among x₁, x₂, x₁², x₂², x₁·x₂, sin x₁ and sin x₂, each computed from a point (x₁, x₂).
// With x₁² and x₂² a single perceptron separates the circles: its boundary
// w₀ + w₁x₁² + w₂x₂² = 0 is an ellipse.
#pragma once

#include "data/dataset.hpp"

#include <string>
#include <vector>

namespace mlp {

enum class InputFeature { X1, X2, X1Squared, X2Squared, X1TimesX2, SinX1, SinX2 };

const char* feature_name(InputFeature f);    // "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"
const char* feature_symbol(InputFeature f);  // "x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"
const std::vector<InputFeature>& all_features();

// The plain inputs (x₁, x₂): no feature computed.
const std::vector<InputFeature>& plain_features();
bool is_plain(const std::vector<InputFeature>& features);

// "x1,x1sq" → {X1, X1Squared}, in the order given. Throws std::invalid_argument on an unknown
// name (listing the names), a repeated one, or an empty list.
std::vector<InputFeature> parse_features(const std::string& text);
std::string features_text(const std::vector<InputFeature>& features);  // "x1,x1sq"

// The features of each point: points N x 2 → N x F, column j = features[j].
FeatureMatrix compute_features(const FeatureMatrix& points, const std::vector<InputFeature>& features);

// Replaces a 2-D set's inputs by the features of its points; the points move to d.points and
// the features' symbols to d.feature_names. Plain features leave the set as it is. Throws
// std::invalid_argument when the set is not 2-D.
void use_features(Dataset& d, const std::vector<InputFeature>& features);

}  // namespace mlp
