// Loaders: reading files whole (gzip or not), text/CSV tables and IDX files.
//
// Sections: files · text tables · IDX. Error messages read "<file>: <problem>" or
// "<file>:<line>: <problem>", like a compiler's.
#include "data/loaders.hpp"

#include "data/gzip.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

namespace mlp {
namespace {

// ---------------------------------------------------------------------------- files

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

bool file_exists(const std::string& path) { return File(std::fopen(path.c_str(), "rb")) != nullptr; }

// File name without folders and without its extension (and a .gz after it).
std::string stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of("/\\") + 1);
  if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) name.resize(name.size() - 3);
  const size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ---------------------------------------------------------------------------- text tables

constexpr int kMaxInferredClasses = 1000;  // a larger label in a file is taken for a typo

struct Line {
  int number;              // 1-based line number in the file
  const char* begin;       // first non-blank character
  const char* end;         // one past the last non-blank character
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Lines that hold data or a header: not blank, not a '#' comment.
std::vector<Line> content_lines(const std::string& text) {
  std::vector<Line> lines;
  const char* p = text.data();
  const char* const end = p + text.size();
  for (int number = 1; p < end; ++number) {
    const char* line_end = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    if (line_end == nullptr) line_end = end;
    const char* b = p;
    const char* e = line_end;
    while (b < e && is_blank(*b)) ++b;
    while (e > b && is_blank(e[-1])) --e;
    if (b < e && *b != '#') lines.push_back({number, b, e});
    p = line_end + 1;
  }
  return lines;
}

struct Field {
  const char* begin;
  const char* end;
  std::string str() const { return std::string(begin, end); }
};

// Splits a trimmed line on the delimiter (' ' means any run of spaces/tabs), trimming fields.
void split_fields(const Line& line, char delimiter, std::vector<Field>& fields) {
  fields.clear();
  const char* p = line.begin;
  for (;;) {
    const char* e = p;
    if (delimiter == ' ') {
      while (e < line.end && !is_blank(*e)) ++e;
    } else {
      while (e < line.end && *e != delimiter) ++e;
    }
    const char* fb = p;
    const char* fe = e;
    while (fb < fe && is_blank(*fb)) ++fb;
    while (fe > fb && is_blank(fe[-1])) --fe;
    fields.push_back({fb, fe});
    if (e == line.end) return;
    p = e + 1;
    if (delimiter == ' ')
      while (p < line.end && is_blank(*p)) ++p;
  }
}

// Parses a whole field as a number; false when it is empty or not entirely a number.
bool parse_number(const Field& field, double& value) {
  if (field.begin == field.end) return false;
  const std::string text = field.str();  // strtod needs a terminated string
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

class TableParser {
 public:
  TableParser(const std::string& source, char delimiter, int num_classes)
      : source_(source), delimiter_(delimiter), num_classes_(num_classes) {}

  Dataset parse(const std::string& text, const std::string& dataset_name) {
    std::vector<Line> lines = content_lines(text);
    // Written without a variable assigned inside an `if`: em++ 3.1.6 with -fwasm-exceptions
    // miscompiled that form (the header count read back as 0 in the throw below).
    const bool has_header = !lines.empty() && is_header(lines.front());
    const size_t header_columns = has_header ? fields_.size() : 0;
    if (has_header) lines.erase(lines.begin());
    if (lines.empty())
      throw DataError(source_ + (has_header ? ": no data rows (only a header line)" : ": empty file (no data rows)"));

    split_fields(lines.front(), delimiter_, fields_);
    columns_ = static_cast<int>(fields_.size());
    if (columns_ < 2)
      throw error(lines.front(), "need at least one feature column and a label column, found " +
                                     std::to_string(columns_) + " column");
    if (header_columns != 0 && header_columns != fields_.size())
      throw error(lines.front(), "the header names " + std::to_string(header_columns) + " columns, this row has " +
                                     std::to_string(columns_));

    Dataset data;
    data.name = dataset_name;
    data.X.resize(static_cast<Eigen::Index>(lines.size()), columns_ - 1);  // N x D
    if (num_classes_ == kRealTargets) {
      FeatureMatrix targets(static_cast<Eigen::Index>(lines.size()), 1);  // N x 1
      for (size_t row = 0; row < lines.size(); ++row) {
        parse_features(lines[row], data.X.row(static_cast<Eigen::Index>(row)));
        targets(static_cast<Eigen::Index>(row), 0) = parse_feature(lines[row], columns_ - 1);
      }
      set_regression_targets(data, std::move(targets));
      return data;
    }
    data.labels.resize(lines.size());
    int max_label = 0;
    for (size_t row = 0; row < lines.size(); ++row) {
      parse_features(lines[row], data.X.row(static_cast<Eigen::Index>(row)));
      data.labels[row] = parse_label(lines[row]);
      max_label = std::max(max_label, data.labels[row]);
    }
    data.num_classes = num_classes_ > 0 ? num_classes_ : max_label + 1;
    data.class_names = numbered_class_names(data.num_classes);
    return data;
  }

 private:
  DataError error(const Line& line, const std::string& problem) const {
    return DataError(source_ + ":" + std::to_string(line.number) + ": " + problem);
  }

  // A header has no numeric field at all; a line mixing names and numbers is a bad row.
  bool is_header(const Line& line) {
    split_fields(line, delimiter_, fields_);
    double value = 0;
    for (const Field& field : fields_)
      if (parse_number(field, value)) return false;
    return true;
  }

  // Splits the line and parses its features into x (1 x D); the last field is left to read.
  template <class Row>
  void parse_features(const Line& line, Row x) {
    split_fields(line, delimiter_, fields_);
    if (static_cast<int>(fields_.size()) != columns_)
      throw error(line, "expected " + std::to_string(columns_) + " columns (as in the first data row), found " +
                            std::to_string(fields_.size()));
    for (int c = 0; c + 1 < columns_; ++c) x(c) = parse_feature(line, c);
  }

  double parse_field(const Line& line, int column) const {
    double value = 0;
    const Field& field = fields_[static_cast<size_t>(column)];
    if (!parse_number(field, value))
      throw error(line, "column " + std::to_string(column + 1) + ": '" + field.str() + "' is not a number");
    return value;
  }

  float parse_feature(const Line& line, int column) const {
    const float value = static_cast<float>(parse_field(line, column));
    if (!std::isfinite(value))
      throw error(line, "column " + std::to_string(column + 1) + ": '" + fields_[static_cast<size_t>(column)].str() +
                            "' is not a finite float");
    return value;
  }

  int parse_label(const Line& line) const {
    const double value = parse_field(line, columns_ - 1);
    const std::string text = fields_.back().str();
    if (!(value >= 0) || value != std::floor(value))
      throw error(line, "label '" + text + "' is not a class index (a non-negative integer); for real values choose regression");
    const int limit = num_classes_ > 0 ? num_classes_ : kMaxInferredClasses;
    if (value >= limit)
      throw error(line, "label " + text + " out of range (expected 0.." + std::to_string(limit - 1) + ")");
    return static_cast<int>(value);
  }

  std::string source_;
  char delimiter_;
  int num_classes_;
  int columns_ = 0;
  std::vector<Field> fields_;  // fields of the line being parsed (reused)
};

std::string file_text(const std::string& path) {
  const std::vector<uint8_t> bytes = read_file_bytes(path);
  return std::string(bytes.begin(), bytes.end());
}

// ---------------------------------------------------------------------------- IDX

constexpr uint8_t kIdxUnsignedByte = 0x08;
// Sane upper bounds on what an IDX header declares, checked before its sizes are multiplied
// (three 32-bit sizes could overflow 64 bits) and before anything is allocated.
constexpr uint32_t kMaxIdxExamples = 10'000'000;  // MNIST has 70000
constexpr uint32_t kMaxIdxSide = 4096;            // image height and width

uint32_t read_be32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | uint32_t{p[3]};
}

// "0x" and `digits` upper-case hex digits.
std::string hex(uint32_t value, int digits) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%0*X", digits, value);
  return text;
}

// Refuses a header declaring more examples, or larger images, than the loaders read.
void check_idx_sizes(const std::vector<uint32_t>& sizes, const std::string& name) {
  if (sizes.front() > kMaxIdxExamples)
    throw DataError(name + ": the header declares " + std::to_string(sizes.front()) + " examples, more than the " +
                    std::to_string(kMaxIdxExamples) + " an IDX file may hold");
  for (size_t d = 1; d < sizes.size(); ++d)
    if (sizes[d] > kMaxIdxSide)
      throw DataError(name + ": the header declares a size of " + std::to_string(sizes[d]) + " in dimension " +
                      std::to_string(d + 1) + ", more than " + std::to_string(kMaxIdxSide));
}

// Checks an IDX file of unsigned bytes with the given number of dimensions and returns
// the dimensions; the data starts at 4 + 4 * dims.size().
std::vector<uint32_t> idx_dimensions(const std::vector<uint8_t>& bytes, const std::string& name, int dims,
                                     const char* kind) {
  if (bytes.empty()) throw DataError(name + ": empty file");
  if (bytes.size() < 4) throw DataError(name + ": truncated IDX header (" + std::to_string(bytes.size()) + " bytes)");
  const uint32_t magic = read_be32(bytes.data());
  const uint32_t expected = uint32_t{kIdxUnsignedByte} << 8 | static_cast<uint32_t>(dims);
  if (magic != expected) {
    std::string message =
        name + ": wrong magic number " + hex(magic, 8) + ", expected " + hex(expected, 8) + " (" + kind + ")";
    if ((magic & 0xffff00ffu) == static_cast<uint32_t>(dims))
      message += "; data type " + hex(magic >> 8 & 0xff, 2) + " is not supported, only unsigned bytes (0x08)";
    throw DataError(message);
  }
  const size_t header = 4 + 4 * static_cast<size_t>(dims);
  if (bytes.size() < header) throw DataError(name + ": truncated IDX header (" + std::to_string(bytes.size()) + " bytes)");

  std::vector<uint32_t> sizes;
  for (int d = 0; d < dims; ++d) sizes.push_back(read_be32(bytes.data() + 4 + 4 * d));
  check_idx_sizes(sizes, name);
  uint64_t items = 1;
  for (uint32_t size : sizes) items *= size;
  const uint64_t available = bytes.size() - header;
  if (available < items)
    throw DataError(name + ": truncated data: the header promises " + std::to_string(items) + " bytes, the file has " +
                    std::to_string(available));
  if (available > items)
    throw DataError(name + ": " + std::to_string(available - items) + " unexpected bytes after the data");
  if (sizes.front() == 0) throw DataError(name + ": no examples in the file");
  return sizes;
}

// The files of one MNIST-style split in dir: {images, labels}.
std::pair<std::string, std::string> idx_split_files(const std::string& dir, const std::string& split,
                                                    const std::string& set_name) {
  if (split != "train" && split != "test")
    throw std::invalid_argument(set_name + " split must be 'train' or 'test' (got '" + split + "')");
  const std::string prefix = dir + "/" + (split == "train" ? "train" : "t10k");
  auto find = [&](const std::string& what, const std::string& format) {
    std::string tried;
    for (const char* separator : {"-", "."})
      for (const char* suffix : {"", ".gz"}) {
        const std::string path = prefix + "-" + what + separator + format + suffix;
        if (file_exists(path)) return path;
        tried += (tried.empty() ? "" : ", ") + path;
      }
    throw DataError(dir + ": no " + set_name + " " + split + " " + what + " file (tried " + tried + ")");
  };
  return {find("images", "idx3-ubyte"), find("labels", "idx1-ubyte")};
}

// An IDX image/label pair checked, and everything but the pixels: labels, classes, image
// size, for the first `limit` examples (all when limit <= 0). Their pixels are the
// N x (image_height * image_width) bytes at images.data() + 16, which the callers store.
Dataset idx_without_pixels(const std::vector<uint8_t>& images, const std::string& images_name,
                           const std::vector<uint8_t>& labels, const std::string& labels_name, int num_classes,
                           int limit) {
  const std::vector<uint32_t> image_dims = idx_dimensions(images, images_name, 3, "idx3 unsigned-byte images");
  const std::vector<uint32_t> label_dims = idx_dimensions(labels, labels_name, 1, "idx1 unsigned-byte labels");
  if (image_dims[0] != label_dims[0])
    throw DataError(images_name + ", " + labels_name + ": image/label count mismatch (" +
                    std::to_string(image_dims[0]) + " images, " + std::to_string(label_dims[0]) + " labels)");
  const Eigen::Index n = limit > 0 ? std::min<Eigen::Index>(limit, image_dims[0]) : image_dims[0];
  const Eigen::Index pixels = static_cast<Eigen::Index>(image_dims[1]) * image_dims[2];
  if (pixels == 0) throw DataError(images_name + ": images of size 0");

  Dataset data;
  data.labels.resize(static_cast<size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const int label = labels[static_cast<size_t>(8 + i)];
    if (label >= num_classes)
      throw DataError(labels_name + ": label " + std::to_string(label) + " out of range 0.." +
                      std::to_string(num_classes - 1) + " (example " + std::to_string(i) + ")");
    data.labels[static_cast<size_t>(i)] = label;
  }
  data.num_classes = num_classes;
  data.class_names = numbered_class_names(num_classes);
  data.image_height = static_cast<int>(image_dims[1]);
  data.image_width = static_cast<int>(image_dims[2]);
  return data;
}

Dataset load_idx_split(const std::string& dir, const std::string& split, const std::string& set_name,
                       std::vector<std::string> class_names) {
  const auto files = idx_split_files(dir, split, set_name);
  Dataset data = load_idx(files.first, files.second, static_cast<int>(class_names.size()), set_name + "-" + split);
  data.class_names = std::move(class_names);
  return data;
}

}  // namespace

std::vector<uint8_t> read_file_bytes(const std::string& path) {
  File file(std::fopen(path.c_str(), "rb"));
  if (!file) throw DataError(path + ": cannot open file (" + std::strerror(errno) + ")");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw DataError(path + ": is a directory, not a file");
  // Read straight into the buffer; with the size known up front it is allocated once.
  const auto size = std::filesystem::file_size(path, ec);
  std::vector<uint8_t> bytes(ec ? size_t{1} << 16 : static_cast<size_t>(size) + 1);
  size_t used = 0;
  while (size_t got = std::fread(bytes.data() + used, 1, bytes.size() - used, file.get())) {
    used += got;
    if (used == bytes.size()) bytes.resize(2 * used);
  }
  if (std::ferror(file.get())) throw DataError(path + ": cannot read file (" + std::strerror(errno) + ")");
  bytes.resize(used);
  if (!is_gzip(bytes.data(), bytes.size())) return bytes;
  try {
    return gunzip(bytes.data(), bytes.size());
  } catch (const GzipError& e) {
    throw DataError(path + ": " + e.what());
  }
}

Dataset parse_table(const std::string& text, const std::string& source, char delimiter,
                    const std::string& dataset_name, int num_classes) {
  return TableParser(source, delimiter, num_classes).parse(text, dataset_name);
}

Dataset load_text(const std::string& path, int num_classes) {
  return parse_table(file_text(path), path, ' ', stem(path), num_classes);
}

Dataset load_csv(const std::string& path, int num_classes) {
  return parse_table(file_text(path), path, ',', stem(path), num_classes);
}

Dataset load_table(const std::string& path, int num_classes) {
  const bool csv = ends_with(path, ".csv") || ends_with(path, ".csv.gz");
  return csv ? load_csv(path, num_classes) : load_text(path, num_classes);
}

void write_text_dataset(const std::string& path, const Dataset& data) {
  std::string text;
  for (int c = 0; c < data.features(); ++c) text += "x" + std::to_string(c + 1) + " ";
  text += "label\n";
  char number[32];
  for (int i = 0; i < data.size(); ++i) {
    for (int c = 0; c < data.features(); ++c) {
      std::snprintf(number, sizeof number, "%.9g ", static_cast<double>(data.X(i, c)));
      text += number;
    }
    text += std::to_string(data.labels[static_cast<size_t>(i)]) + "\n";
  }
  File file(std::fopen(path.c_str(), "wb"));
  if (!file) throw DataError(path + ": cannot create file (" + std::strerror(errno) + ")");
  const bool written = std::fwrite(text.data(), 1, text.size(), file.get()) == text.size();
  if (!written || std::fclose(file.release()) != 0) throw DataError(path + ": cannot write file");
}

Dataset parse_idx(const std::vector<uint8_t>& images, const std::string& images_name,
                  const std::vector<uint8_t>& labels, const std::string& labels_name, int num_classes,
                  int limit, bool compact) {
  Dataset data = idx_without_pixels(images, images_name, labels, labels_name, num_classes, limit);
  const int n = static_cast<int>(data.labels.size());
  const Eigen::Map<const ByteMatrix> raw(images.data() + 16, n, data.image_height * data.image_width);  // N x (rows*cols)
  if (compact) data.compact = raw_byte_features(raw);
  else data.X = raw.cast<float>();
  return data;
}

Dataset parse_idx_shared(std::shared_ptr<const std::vector<uint8_t>> images, const std::string& images_name,
                         const std::vector<uint8_t>& labels, const std::string& labels_name, int num_classes,
                         int limit) {
  if (!images) throw DataError(images_name + ": empty file");
  Dataset data = idx_without_pixels(*images, images_name, labels, labels_name, num_classes, limit);
  const uint8_t* pixels = images->data() + 16;
  data.compact = raw_byte_features(std::shared_ptr<const uint8_t>(std::move(images), pixels),
                                   static_cast<int>(data.labels.size()), data.image_height * data.image_width);
  return data;
}

Dataset load_idx(const std::string& images_path, const std::string& labels_path, int num_classes,
                 const std::string& dataset_name) {
  const std::vector<uint8_t> labels = read_file_bytes(labels_path);
  Dataset data = parse_idx(read_file_bytes(images_path), images_path, labels, labels_path, num_classes);
  data.name = dataset_name;
  return data;
}

Dataset load_mnist(const std::string& dir, const std::string& split) {
  return load_idx_split(dir, split, "mnist", numbered_class_names(10));
}

Dataset load_fashion_mnist(const std::string& dir, const std::string& split) {
  return load_idx_split(dir, split, "fashion-mnist",
                        {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                         "Ankle boot"});
}

}  // namespace mlp
