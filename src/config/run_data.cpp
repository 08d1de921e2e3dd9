// Generated data of a run; see run_data.hpp.
#include "config/run_data.hpp"

#include "data/glyphs.hpp"
#include "data/preprocess.hpp"
#include "data/toy.hpp"

#include <algorithm>
#include <stdexcept>

namespace mlp {

namespace {

constexpr const char* kGlyphs = "glyphs";
constexpr double kGlyphFlipDefault = 0.04;  // one pixel in 25 flipped on average
constexpr int kGlyphTestCopies = 20;        // noisy test copies per glyph

const ToySpec* find_toy(const std::string& name) {
  for (const auto& t : toy_specs())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace

std::vector<std::string> generated_sources() {
  std::vector<std::string> names = toy_names();
  names.push_back(kGlyphs);
  return names;
}

bool is_generated(const std::string& source) {
  const auto names = generated_sources();
  return std::find(names.begin(), names.end(), source) != names.end();
}

std::string source_description(const std::string& source) {
  if (source == kGlyphs)
    return "the lecture's five 5×5 digit images 1..5 (25 inputs, 5 classes); tested on noisy copies";
  const ToySpec* toy = find_toy(source);
  return toy ? toy->description : "";
}

double default_noise(const std::string& source) {
  if (source == kGlyphs) return kGlyphFlipDefault;
  const ToySpec* toy = find_toy(source);
  return toy ? toy->default_noise : 0.0;
}

double effective_noise(const DataConfig& data) {
  return data.noise < 0 ? default_noise(data.source) : data.noise;
}

DataSplit generate_data(const DataConfig& data, uint64_t seed) {
  DataSplit out;
  if (data.source == kGlyphs) {
    out.train = lecture_glyphs();
    out.test = noisy_glyphs(kGlyphTestCopies, std::min(effective_noise(data), 1.0), 0.0, seed);
  } else {
    const Dataset all = make_toy(data.source, data.examples, effective_noise(data), seed, data.classes);
    if (data.test_fraction <= 0) {
      out.train = all;
    } else {
      const Split split = split_indices(all.labels, 0.0, data.test_fraction, seed, true);
      out.train = take(all, split.train);
      out.test = take(all, split.test);
    }
  }
  use_features(out, data.features);
  return out;
}

void use_features(DataSplit& split, const std::vector<InputFeature>& features) {
  use_features(split.train, features);
  if (split.test.size() > 0) use_features(split.test, features);
}

}  // namespace mlp
