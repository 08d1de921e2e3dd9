// Tests for the data a run describes (src/config/run_data): a table given as a file's bytes
// (text, CSV, gzip) is read or refused with the file, the line and the problem; its split holds
// out the test share per class and scales with what the training part alone gives.
#include <catch2/catch.hpp>

#include "config/run_data.hpp"
#include "data/loaders.hpp"
#include "data_test_util.hpp"

using namespace mlp;

namespace {
// `text` as a gzip file (the system's gzip).
std::string gzipped(const std::string& text) {
  const mlp_test::Bytes packed = mlp_test::system_gzip(mlp_test::bytes_of(text), 6);
  return std::string(packed.begin(), packed.end());
}

std::string twelve_rows() {  // two inputs, classes 0 and 1, six of each
  std::string t = "height,weight,label\n";
  for (int i = 0; i < 12; ++i) t += std::to_string(i) + "," + std::to_string(100 + 10 * i) + "," + std::to_string(i % 2) + "\n";
  return t;
}
}  // namespace

TEST_CASE("a table's bytes are read as CSV, whitespace text or gzip", "[run_data]") {
  const Dataset csv = read_table_bytes("marks.csv", twelve_rows());
  CHECK(csv.size() == 12);
  CHECK(csv.features() == 2);
  CHECK(csv.num_classes == 2);
  CHECK(csv.name == "marks");
  CHECK(csv.X(3, 1) == 130.0f);
  // No .csv in the name, but commas on the first line: CSV all the same.
  CHECK(read_table_bytes("marks.txt", twelve_rows()).size() == 12);
  const Dataset text = read_table_bytes("lecture.txt", "x1 x2 label\n0.5 1.5 0\n-1 2 1\n3 4 2\n");
  CHECK(text.num_classes == 3);
  CHECK(text.X(1, 0) == -1.0f);
  const Dataset zipped = read_table_bytes("marks.csv.gz", gzipped(twelve_rows()));
  CHECK(zipped.X == csv.X);
  CHECK(zipped.labels == csv.labels);
}

TEST_CASE("bad tables are refused naming the file, the line and the problem", "[run_data]") {
  CHECK_THROWS_WITH(read_table_bytes("a.csv", ""), "a.csv: the file is empty");
  CHECK_THROWS_WITH(read_table_bytes("b.csv", std::string("1,2,0\n\x00\x01\x02", 9)),
                    Catch::StartsWith("b.csv: not a text table (byte 0x00 at offset 6)"));
  CHECK_THROWS_WITH(read_table_bytes("c.csv", "1,2,0\n3,4\n"),
                    "c.csv, line 2: expected 3 columns (as in the first data row), found 2");
  CHECK_THROWS_WITH(read_table_bytes("d.csv", "1,2,0\n3,x,1\n"), "d.csv, line 2: column 2: 'x' is not a number");
  CHECK_THROWS_WITH(read_table_bytes("e.csv", "1,2,0\n3,4,-1\n"),
                    "e.csv, line 2: label '-1' is not a class index (a non-negative integer); for real values choose regression");
  CHECK_THROWS_WITH(read_table_bytes("f.csv", "1,2,0\n3,4,1.5\n"),
                    "f.csv, line 2: label '1.5' is not a class index (a non-negative integer); for real values choose regression");
  CHECK_THROWS_WITH(read_table_bytes("g.csv", "1,2,0\n3,4,0\n"), "g.csv: every label is 0: a classifier needs at least two classes");
  CHECK_THROWS_WITH(read_table_bytes("h.csv", "1,2,0\n3,4,12\n"), Catch::StartsWith("h.csv: labels up to 12, the page takes at most 10 classes"));
  std::string wide;
  for (int j = 0; j <= kMaxTableInputs; ++j) wide += "1,";
  CHECK_THROWS_WITH(read_table_bytes("i.csv", wide + "0\n" + wide + "1\n"), "i.csv: 101 input columns, the page takes at most 100");
  std::string tall;
  for (int i = 0; i <= kMaxTableRows; ++i) tall += "1 2 " + std::to_string(i % 2) + "\n";
  CHECK_THROWS_WITH(read_table_bytes("j.txt", tall), "j.txt: 10001 examples, the page takes at most 10000");
  std::string truncated = gzipped(twelve_rows());
  truncated.resize(truncated.size() / 2);
  CHECK_THROWS_WITH(read_table_bytes("k.csv.gz", truncated), Catch::StartsWith("k.csv.gz: not a readable gzip file"));
}

TEST_CASE("a table's split holds out the test share per class and scales on the training part", "[run_data]") {
  const Dataset table = read_table_bytes("marks.csv", twelve_rows());
  DataConfig config;
  config.test_fraction = 0.25;
  config.scaling = Scaling::Rescale;
  const DataSplit split = split_table(table, config, 3);
  CHECK(split.train.size() == 8);  // round(6 · 0.25) = 2 of each class held out
  CHECK(split.test.size() == 4);
  CHECK(split.train.X.minCoeff() == 0.0f);  // [min, max] of the training part onto [0, 1]
  CHECK(split.train.X.maxCoeff() == 1.0f);
  config.test_fraction = 0.0;
  config.features = parse_features("x1sq,x2");
  const DataSplit whole = split_table(table, config, 3);
  CHECK(whole.test.size() == 0);
  CHECK(whole.train.feature_names == std::vector<std::string>{"x₁²", "x₂"});
}

TEST_CASE("a table read with real targets is a regression set; its split keeps each target with its row", "[run_data]") {
  std::string text = "x,y\n";
  for (int i = 0; i < 20; ++i) text += std::to_string(i) + "," + std::to_string(0.5 * i - 3.25) + "\n";
  CHECK_THROWS_WITH(read_table_bytes("curve.csv", text),
                    "curve.csv, line 2: label '-3.250000' is not a class index (a non-negative integer); for real values choose regression");
  const Dataset table = read_table_bytes("curve.csv", text, true);
  REQUIRE(table.is_regression());
  CHECK(table.num_classes == 1);
  CHECK(table.features() == 1);
  CHECK(table.targets(3, 0) == -1.75f);
  DataConfig config;
  config.test_fraction = 0.25;
  const DataSplit split = split_table(table, config, 5);
  CHECK(split.train.size() == 15);
  CHECK(split.test.size() == 5);
  for (const Dataset* d : {&split.train, &split.test})
    for (int i = 0; i < d->size(); ++i) CHECK(d->targets(i, 0) == 0.5f * d->X(i, 0) - 3.25f);
  CHECK_THROWS_WITH(read_table_bytes("nan.csv", "1,2\n3,nan\n", true), Catch::StartsWith("nan.csv, line 2: column 2: 'nan'"));
}

TEST_CASE("a regression set switches a run to the linear output, with a note", "[run_data]") {
  RunConfig config;
  CHECK(is_regression_source("sine"));
  CHECK_FALSE(is_regression_source("circles"));
  CHECK(fit_output(config, true, "sine") == "sine has real-valued targets: using the linear output (MSE)");
  CHECK(config.output == Output::Linear);
  CHECK(fit_output(config, true, "sine").empty());  // already linear
  config.output = Output::Softmax;
  CHECK(fit_output(config, false, "circles").empty());
  CHECK(config.output == Output::Softmax);
}
