// Helpers shared by the data tests (test_gzip, test_loaders, test_toy, and the storage
// checks of test_dataset, test_trainer, test_predictions): a temporary folder, whole-file
// read/write, compressing with the system's gzip, the repository root, a random byte set.
#pragma once

#include <catch2/catch.hpp>

#include "data/dataset.hpp"
#include "data/scaling.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace mlp_test {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

// A fresh folder under the system temp dir, removed with everything in it at scope exit.
struct TempDir {
  fs::path path;
  TempDir() {
    std::random_device entropy;
    path = fs::temp_directory_path() / ("mlp_data_test_" + std::to_string(entropy()) + std::to_string(entropy()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

inline Bytes bytes_of(const std::string& text) { return Bytes(text.begin(), text.end()); }

inline void write_file(const std::string& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  REQUIRE(out.good());
}

inline void write_file(const std::string& path, const std::string& text) { write_file(path, bytes_of(text)); }

inline Bytes read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes `source`.gz next to it with the system's gzip at the given level (1..9).
inline std::string system_gzip_file(const std::string& source, int level) {
  const std::string target = source + ".gz";
  const std::string command = "gzip -" + std::to_string(level) + " -c '" + source + "' > '" + target + "'";
  INFO("running: " << command);
  REQUIRE(std::system(command.c_str()) == 0);
  return target;
}

// Compresses a buffer with the system's gzip.
inline Bytes system_gzip(const Bytes& data, int level) {
  TempDir dir;
  write_file(dir / "data", data);
  return read_file(system_gzip_file(dir / "data", level));
}

// The repository root: CMake passes MLP_SOURCE_DIR; otherwise the tests run from it.
inline std::string source_dir() {
#ifdef MLP_SOURCE_DIR
  return MLP_SOURCE_DIR;
#else
  return ".";
#endif
}

// n seeded random rows of d byte-valued features (bright and dark pixels: many 0s and 255s)
// with labels in 0..classes-1, stored as floats in X or compact (same values).
inline mlp::Dataset random_byte_set(int n, int d, int classes, unsigned seed, bool compact) {
  std::mt19937 rng(seed);
  mlp::ByteMatrix bytes(n, d);  // n x d
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < d; ++j) {
      const unsigned r = rng() % 512;
      bytes(i, j) = static_cast<uint8_t>(r < 200 ? 0 : r < 260 ? 255 : r % 256);
    }
  mlp::Dataset data;
  data.name = "random-bytes";
  for (int i = 0; i < n; ++i) data.labels.push_back(static_cast<int>(rng() % static_cast<unsigned>(classes)));
  data.num_classes = classes;
  data.class_names = mlp::numbered_class_names(classes);
  if (compact) data.compact = mlp::raw_byte_features(bytes);
  else data.X = bytes.cast<float>();
  return data;
}

// One random byte set in both storages, each scaled by the same Scaler (fitted on the floats).
struct StoragePair {
  mlp::Dataset floats, compact;
};

inline StoragePair scaled_storage_pair(int n, int d, int classes, unsigned seed, mlp::Scaling scaling) {
  StoragePair pair{random_byte_set(n, d, classes, seed, false), random_byte_set(n, d, classes, seed, true)};
  const mlp::Scaler scaler(scaling, pair.floats.X);
  scaler.apply(pair.floats);
  scaler.apply(pair.compact);
  return pair;
}

// True when both matrices have the same shape and bit-identical entries.
template <class A, class B>
bool same_bits(const A& a, const B& b) {
  return sizeof(typename A::Scalar) == sizeof(typename B::Scalar) && a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(typename A::Scalar) * static_cast<size_t>(a.size())) == 0;
}

}  // namespace mlp_test
