// Tests for model files (src/nn/model_io): a save/load round trip gives the same
// weights and predictions, and each kind of bad file gets its own clear message.
#include <catch2/catch.hpp>

#include "nn/model_io.hpp"

#include "data_test_util.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>

using namespace mlp;

namespace {
NetworkSpec sample_spec() {
  NetworkSpec s;
  s.inputs = 3;
  s.hidden = {{5, Activation::ReLU, 0.2}, {4, Activation::Tanh, 0.0}};
  s.outputs = 3;
  s.output = Output::Softmax;
  s.init = Init::Xavier;
  return s;
}

template <class T>
Network<T> sample_network() {
  Rng rng(11);
  Network<T> net = Network<T>::initialized(sample_spec(), rng);
  for (auto& W : net.W) W.row(0).setConstant(T(0.125));  // Xavier leaves the bias row at 0
  return net;
}

// A hand-written 2-2-2 model; the bad-file cases below each change one thing in it.
const std::string kTiny = R"({
  "format": "mlp-playground-model", "version": 1,
  "spec": {"inputs": 2, "hidden": [{"units": 2, "activation": "relu", "dropout": 0}],
           "outputs": 2, "output": "softmax", "init": "lecture"},
  "weights": [[[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]],
              [[1, 2], [3, 4], [5, 6]]]
})";

std::string replaced(const std::string& text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.substr(0, at) + to + text.substr(at + from.size());
}

std::string load_error(const std::string& text) {
  try {
    model_from_json<float>(text);
  } catch (const ModelError& e) {
    return e.what();
  }
  FAIL("no ModelError for: " << text);
  return "";
}

struct TempFile {
  mlp_test::TempDir dir;  // a folder of its own: test runs in parallel do not share files
  std::string path = dir / "model.json";
};
}  // namespace

TEMPLATE_TEST_CASE("model_to_json / model_from_json round trip: same spec, weights and predictions", "[model_io]",
                   float, double) {
  const Network<TestType> net = sample_network<TestType>();
  const Network<TestType> back = model_from_json<TestType>(model_to_json(net));
  CHECK(back.spec.describe() == net.spec.describe());
  CHECK(back.spec.init == Init::Xavier);
  CHECK(back.spec.hidden[0].dropout == 0.2);
  REQUIRE(back.W.size() == net.W.size());
  for (size_t l = 0; l < net.W.size(); ++l) CHECK(back.W[l] == net.W[l]);  // bit for bit
  Rng rng(3);
  Matrix<TestType> X(20, 3);
  for (long i = 0; i < X.size(); ++i) X.data()[i] = TestType(rng.normal());
  CHECK(predict(back, X) == predict(net, X));
}

TEST_CASE("model files are readable: a header, then one weight row per line", "[model_io]") {
  const std::string json = model_to_json(model_from_json<float>(kTiny));
  CHECK(json.rfind("{\n \"format\": \"mlp-playground-model\",\n \"version\": 1,\n \"spec\": {", 0) == 0);
  CHECK(json.find("  [0.1, 0.2],\n") != std::string::npos);  // floats written short, not 0.10000000149011612
  CHECK(json.find("\"hidden\": [\n   {\n    \"units\": 2,\n    \"activation\": \"relu\"") != std::string::npos);
}

TEST_CASE("the run configuration rides along as the optional \"run\" text", "[model_io]") {
  const Network<float> net = sample_network<float>();
  const std::string run = "data=xor&layers=4&lr=0.5";
  const std::string json = model_to_json(net, run);
  CHECK(json.rfind("{\n \"format\": \"mlp-playground-model\",\n \"version\": 1,\n \"run\": \"data=xor&layers=4&lr=0.5\",\n", 0) == 0);
  std::string back = "stale";
  const Network<float> read = model_from_json<float>(json, &back);
  CHECK(back == run);
  CHECK(read.W == net.W);
  model_from_json<float>(model_to_json(net), &back);  // none written: none read
  CHECK(back.empty());
  CHECK(model_to_json(net).find("\"run\"") == std::string::npos);
  CHECK_THROWS_WITH(model_from_json<float>(replaced(json, "\"data=xor&layers=4&lr=0.5\"", "4")),
                    "run must be a string, got a number");
  TempFile file;
  save_model(net, file.path, run);
  load_model<float>(file.path, &back);
  CHECK(back == run);
}

TEST_CASE("save_model / load_model through a file, errors name the file", "[model_io]") {
  TempFile file;
  const Network<float> net = sample_network<float>();
  save_model(net, file.path);
  const Network<float> back = load_model<float>(file.path);
  for (size_t l = 0; l < net.W.size(); ++l) CHECK(back.W[l] == net.W[l]);

  CHECK_THROWS_WITH(load_model<float>("/nonexistent/model.json"),
                    Catch::StartsWith("cannot open model file '/nonexistent/model.json': No such file"));
  CHECK_THROWS_WITH(save_model(net, "/nonexistent/dir/model.json"),
                    Catch::StartsWith("cannot write model file '/nonexistent/dir/model.json'"));
  CHECK_THROWS_WITH(load_model<float>(std::filesystem::temp_directory_path().string()),
                    Catch::EndsWith("': it is a folder"));
  std::ofstream(file.path).close();
  CHECK_THROWS_WITH(load_model<float>(file.path), file.path + ": the file is empty");
  std::ofstream(file.path) << "{\"format\": \"mlp-playground-model\", \"version\": 1}";
  CHECK_THROWS_WITH(load_model<float>(file.path), file.path + ": missing field \"spec\"");
  std::ofstream(file.path) << "{\n  \"format\": \"mlp-playground-model\",\n  \"version\" 1\n}";
  CHECK_THROWS_WITH(load_model<float>(file.path),
                    file.path + ": not a JSON file: line 3, column 13: syntax error while parsing object separator - "
                                "unexpected number literal; expected ':'");
}

TEST_CASE("a model file's bytes: the JSON or the JSON gzipped; empty, binary and damaged files named", "[model_io]") {
  const Network<float> net = sample_network<float>();
  const std::string text = model_to_json(net, "data=xor");
  std::string run;
  CHECK(model_from_file_bytes<float>(text, &run).W[2] == net.W[2]);
  CHECK(run == "data=xor");
  const mlp_test::Bytes gz = mlp_test::system_gzip(mlp_test::bytes_of(text), 9);
  const std::string gz_text(gz.begin(), gz.end());
  CHECK(model_from_file_bytes<float>(gz_text).W[2] == net.W[2]);

  CHECK_THROWS_WITH(model_from_file_bytes<float>(""), "the file is empty");
  CHECK_THROWS_WITH(model_from_file_bytes<float>(gz_text.substr(0, gz_text.size() / 2)),
                    Catch::StartsWith("a gzip file that cannot be read: "));
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  CHECK_THROWS_WITH(model_from_file_bytes<float>(png), "binary data, not a model JSON (a zero byte at offset 8)");
  CHECK_THROWS_WITH(model_from_file_bytes<float>("[1, 2]"),
                    "not an mlp-playground model: the JSON is an array, not an object");
}

TEST_CASE("a diverged network is not saved", "[model_io]") {
  Network<float> net = sample_network<float>();
  net.W[1](2, 1) = std::numeric_limits<float>::quiet_NaN();
  CHECK_THROWS_WITH(model_to_json(net), "cannot save the model: weights[1] contain NaN or infinity (the training diverged)");
  net = sample_network<float>();
  net.W.pop_back();
  CHECK_THROWS_WITH(model_to_json(net), Catch::StartsWith("weights has 2 matrices but the spec has 3 layers"));
}

TEST_CASE("a model file declaring too many weights is refused before they are allocated", "[model_io]") {
  std::string hidden = R"({"units": 4096, "activation": "relu", "dropout": 0})";
  for (int i = 1; i < NetworkSpec::kMaxHiddenLayers; ++i) hidden += R"(, {"units": 4096, "activation": "relu", "dropout": 0})";
  const std::string huge = R"({"format": "mlp-playground-model", "version": 1, "spec": {"inputs": 100000, "hidden": [)" +
                           hidden + R"(], "outputs": 10, "output": "softmax", "init": "lecture"}, "weights": []})";
  // (100000 + 1) x 4096 + 15 x (4096 + 1) x 4096 + (4096 + 1) x 10
  CHECK_THAT(load_error(huge), Catch::StartsWith("spec 100000-4096-4096") &&
                                   Catch::EndsWith(" has 661364746 weights, more than the 100000000 a model file may hold"));
  // Every row's length is checked before the matrix is allocated: the short row 1 is
  // reported, not the string in row 0.
  CHECK(load_error(replaced(kTiny, "[[1, 2], [3, 4], [5, 6]]", "[[1, \"x\"], [3], [5, 6]]")) ==
        "weights[1][1] must have 2 numbers (the layer's units), got 1");
}

TEST_CASE("each kind of bad model file gets its own message", "[model_io]") {
  REQUIRE(model_from_json<float>(kTiny).W[1](2, 1) == 6.0f);
  struct Case {
    std::string text, message;
  };
  const std::string t = kTiny;
  const Case cases[] = {
      {"PK\x03\x04", "not a JSON file: line 1, column 1: syntax error while parsing value - invalid literal; last read: 'P'"},
      {replaced(t, "\"version\": 1,", "\"version\": 1"),
       "not a JSON file: line 3, column 8: syntax error while parsing object - unexpected string literal; expected '}'"},
      {"[1, 2]", "not an mlp-playground model: the JSON is an array, not an object"},
      {replaced(t, "mlp-playground-model", "keras"),
       "not an mlp-playground model: \"format\" is \"keras\", expected \"mlp-playground-model\""},
      {replaced(t, "\"mlp-playground-model\"", "7"),
       "not an mlp-playground model: \"format\" must be \"mlp-playground-model\", got a number"},
      {replaced(t, "\"format\": \"mlp-playground-model\",", ""), "not an mlp-playground model: missing field \"format\""},
      {replaced(t, "\"version\": 1", "\"version\": 2"), "unsupported model version 2 (this program reads version 1)"},
      {replaced(t, "\"outputs\": 2, ", ""), "missing field \"spec.outputs\""},
      {replaced(t, "\"units\": 2, ", ""), "missing field \"spec.hidden[0].units\""},
      {replaced(t, "\"inputs\": 2", "\"inputs\": \"2\""), "spec.inputs must be a number, got a string"},
      {replaced(t, "[{\"units\": 2, \"activation\": \"relu\", \"dropout\": 0}]", "{\"units\": 2}"),
       "spec.hidden must be an array, got an object"},
      {replaced(t, "\"units\": 2", "\"units\": 2.5"), "spec.hidden[0].units must be an integer, got 2.5"},
      {replaced(t, "\"dropout\": 0", "\"dropout\": null"), "spec.hidden[0].dropout must be a number, got null"},
      {replaced(t, "\"relu\"", "\"softplus\""),
       "spec.hidden[0].activation: unknown activation 'softplus' (use sigmoid, relu, tanh or linear)"},
      {replaced(t, "\"softmax\"", "\"tanh\""), "spec.output: unknown output 'tanh'"},
      {replaced(t, "\"lecture\"", "\"zeros\""), "spec.init: unknown init 'zeros'"},
      {replaced(t, "\"init\"", "\"initialisation\""), "missing field \"spec.init\""},
      {replaced(t, "\"dropout\": 0", "\"dropout\": 0, \"dropuot\": 0.5"),
       "unknown field \"spec.hidden[0].dropuot\" (expected units, activation, dropout)"},
      {replaced(t, "\"version\": 1,", "\"version\": 1, \"runs\": \"\","),
       "unknown field \"runs\" (expected format, version, spec, weights, run)"},
      {replaced(t, "\"dropout\": 0", "\"dropout\": 1"), "invalid spec: hidden layer 1: dropout ratio must be in [0, 1)"},
      {replaced(t, "\"units\": 2", "\"units\": 0"), "invalid spec: hidden layer 1: units must be between 1 and 4096"},
      {replaced(t, "\"weights\": [[", "\"weights\": [[[0, 0], "),
       "weights[0] must be 3 x 2 (2 inputs + bias row, 2 units) for the spec, got 4 rows"},
      {replaced(t, "[3, 4]", "[3, 4, 5]"), "weights[1][1] must have 2 numbers (the layer's units), got 3"},
      {replaced(t, "[[1, 2], [3, 4], [5, 6]]", "[[1, 2], [3, 4]]"), "weights[1] must be 3 x 2"},
      {replaced(t, ",\n              [[1, 2], [3, 4], [5, 6]]", ""), "weights has 1 matrices but the spec has 2 layers"},
      {replaced(t, "[0.3, 0.4]", "[0.3, NaN]"),  // as Python's json module writes a diverged network
       "not a JSON file: line 5, column 34: syntax error while parsing value - invalid literal; last read: '0.3, N' "
       "(NaN and Infinity are not numbers in JSON)"},
      {replaced(t, "[5, 6]", "[-1e999, 6]"), "cannot read the JSON: number overflow parsing '-1e999'"},
      {replaced(t, "[5, 6]", "[5, 1e300]"), "weights[1][2][1] = 1e+300 is too large"},
      {replaced(t, "[5, 6]", "[5, \"6\"]"), "weights[1][2][1] must be a number, got a string"},
      {replaced(t, "[5, 6]", "5"), "weights[1][2] must be an array, got a number"},
      {std::string(100000, '['), "not a JSON file: line 1, column 100001: syntax error"},  // no stack overflow
      {std::string(100000, '[') + std::string(100000, ']'), "not an mlp-playground model: the JSON is an array"},
  };
  for (const Case& c : cases) {
    INFO("file: " << c.text);
    CHECK_THAT(load_error(c.text), Catch::StartsWith(c.message));
  }
}
