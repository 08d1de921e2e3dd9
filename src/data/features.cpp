// Input features of 2-D points; see features.hpp.
#include "data/features.hpp"

#include "core/names.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace mlp {

namespace {
const std::vector<Named<InputFeature>> kNames = {
    {InputFeature::X1, "x1"},        {InputFeature::X2, "x2"},       {InputFeature::X1Squared, "x1sq"},
    {InputFeature::X2Squared, "x2sq"}, {InputFeature::X1TimesX2, "x1x2"}, {InputFeature::SinX1, "sinx1"},
    {InputFeature::SinX2, "sinx2"}};
const std::vector<Named<InputFeature>> kSymbols = {
    {InputFeature::X1, "x₁"},          {InputFeature::X2, "x₂"},         {InputFeature::X1Squared, "x₁²"},
    {InputFeature::X2Squared, "x₂²"},  {InputFeature::X1TimesX2, "x₁x₂"}, {InputFeature::SinX1, "sin x₁"},
    {InputFeature::SinX2, "sin x₂"}};

float feature_of(InputFeature f, float x1, float x2) {
  switch (f) {
    case InputFeature::X1: return x1;
    case InputFeature::X2: return x2;
    case InputFeature::X1Squared: return x1 * x1;
    case InputFeature::X2Squared: return x2 * x2;
    case InputFeature::X1TimesX2: return x1 * x2;
    case InputFeature::SinX1: return std::sin(x1);
    case InputFeature::SinX2: return std::sin(x2);
  }
  return 0.0f;
}
}  // namespace

const char* feature_name(InputFeature f) { return name_of(kNames, f); }
const char* feature_symbol(InputFeature f) { return name_of(kSymbols, f); }

const std::vector<InputFeature>& all_features() {
  static const std::vector<InputFeature> all = values_of(kNames);
  return all;
}

const std::vector<InputFeature>& plain_features() {
  static const std::vector<InputFeature> plain = {InputFeature::X1, InputFeature::X2};
  return plain;
}

bool is_plain(const std::vector<InputFeature>& features) { return features == plain_features(); }

std::vector<InputFeature> parse_features(const std::string& text) {
  std::vector<InputFeature> out;
  std::istringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const InputFeature f = parse_named(kNames, item, "input feature");
    if (std::find(out.begin(), out.end(), f) != out.end())
      throw std::invalid_argument("input feature '" + item + "' is listed twice");
    out.push_back(f);
  }
  if (out.empty()) throw std::invalid_argument("no input feature chosen (use x1, x2, x1sq, ...)");
  return out;
}

std::string features_text(const std::vector<InputFeature>& features) {
  std::string out;
  for (InputFeature f : features) out += (out.empty() ? "" : ",") + std::string(feature_name(f));
  return out;
}

FeatureMatrix compute_features(const FeatureMatrix& points, const std::vector<InputFeature>& features) {
  FeatureMatrix X(points.rows(), static_cast<Eigen::Index>(features.size()));
  for (Eigen::Index i = 0; i < points.rows(); ++i)
    for (size_t j = 0; j < features.size(); ++j)
      X(i, static_cast<Eigen::Index>(j)) = feature_of(features[j], points(i, 0), points(i, 1));
  return X;
}

void use_features(Dataset& d, const std::vector<InputFeature>& features) {
  if (is_plain(features)) return;
  if (d.features() != 2 || d.is_compact())
    throw std::invalid_argument("input features need 2-D points; " + d.name + " has " +
                                std::to_string(d.features()) + " inputs");
  d.points = d.X;
  d.X = compute_features(d.points, features);
  d.feature_names.clear();
  for (InputFeature f : features) d.feature_names.push_back(feature_symbol(f));
}

}  // namespace mlp
