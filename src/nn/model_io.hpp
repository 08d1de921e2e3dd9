// Model files: a network's shape and weights as JSON, so a student can save a
// trained network and load it again (page import/export, `mlp` CLI).
//
//   {"format": "mlp-playground-model", "version": 1,
//    "run": "data=circles&n=200&...&seed=1",      optional: the run configuration, as the page address writes it
//    "spec": {"inputs": 2,
//             "hidden": [{"units": 8, "activation": "relu", "dropout": 0.2}],
//             "outputs": 2, "output": "softmax", "init": "lecture"},
//    "weights": [ W_1, ..., W_L ]}     W_l: (n_{l−1} + 1) rows of n_l numbers, bias row first
//
// Every field but "run" is required and no other field is allowed (a misspelt one is reported).
// The core keeps "run" as text: the run configuration (config/properties.hpp) writes and reads it.
// Weights are written so they read back bit for bit. Loading checks everything and
// throws ModelError with a message a student can act on, naming the field by its path
// (e.g. "spec.hidden[0].units", "weights[1][3][0]").
#pragma once

#include "nn/network.hpp"

#include <stdexcept>
#include <string>

namespace mlp {

class ModelError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kModelFormat = "mlp-playground-model";
inline constexpr int kModelVersion = 1;
// The largest model file read (a 784-1000-1000-10 network's is about 25 MB); larger files
// are refused by their size before they are read.
inline constexpr size_t kMaxModelFileBytes = size_t{64} << 20;
// The most weights a model file may declare (100 million: 400 MB as floats); a spec with more
// is refused before any weight is allocated, and so is a weight matrix whose rows in the file
// do not all have the spec's length.
inline constexpr long long kMaxModelWeights = 100'000'000;

// The model as JSON text (one weight row per line). Throws ModelError when a weight is
// NaN or infinite (a diverged network) or the weights do not match the spec.
// `run`, when not empty, is written as the "run" field.
template <class T>
std::string model_to_json(const Network<T>& net, const std::string& run = {});

// Reads a model written by model_to_json (or by hand). Throws ModelError. When `run` is not
// null it receives the "run" field ("" when the file has none).
template <class T>
Network<T> model_from_json(const std::string& text, std::string* run = nullptr);

// A model file's bytes as read from disk or picked in the page: the JSON, or the JSON gzipped.
// An empty file, binary data or a damaged gzip file is named as such. Throws ModelError.
template <class T>
Network<T> model_from_file_bytes(const std::string& bytes, std::string* run = nullptr);

// The same through a file; errors start with the file name.
template <class T>
void save_model(const Network<T>& net, const std::string& path, const std::string& run = {});
template <class T>
Network<T> load_model(const std::string& path, std::string* run = nullptr);

}  // namespace mlp
