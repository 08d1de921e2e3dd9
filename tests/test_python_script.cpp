// Tests for the run as a Python script (src/config/python_script): the script holds the run's
// initial weights, training examples, batches and dropout masks exactly as the trainer used
// them; bad requests get a message; and Debian's python3 with numpy, running the script, prints
// the trainer's batch losses to 1e-5 relative for every output, optimiser, penalty and dropout.
#include <catch2/catch.hpp>

#include "data_test_util.hpp"

#include "config/properties.hpp"
#include "config/python_script.hpp"
#include "config/run_data.hpp"
#include "nn/dropout.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>

using namespace mlp;

namespace {

// A run as the page and `mlp` make it: the data and network of a set-up (an address diff over
// the command line's defaults), its trainer at the start.
struct TestRun {
  RunConfig setup;
  DataSplit data;
  NetworkSpec spec;

  explicit TestRun(const std::string& diff)
      : setup(with_diff(cli_defaults(), diff)),
        data(generate_data(setup.data, setup.train.seed)),
        spec(setup.spec(data.train.features(), data.train.num_classes)) {}
  Trainer<float> start() const { return Trainer<float>(spec, data.train, setup.train); }
  PythonScript script(int steps) const { return python_script(start(), steps, ScriptOrigin{setup, "a test", ""}); }
};

// The lines of a `name = matrix(cols, """...""")` or `name = index_lists("""...""")` block, each
// split at its blanks.
std::vector<std::vector<std::string>> block(const std::string& script, const std::string& opening) {
  const size_t begin = script.find(opening);
  REQUIRE(begin != std::string::npos);
  const size_t first = script.find('\n', begin) + 1, end = script.find("\"\"\")", first);
  std::istringstream lines(script.substr(first, end - first));
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    rows.emplace_back();
    for (std::string word; words >> word;) rows.back().push_back(word);
  }
  return rows;
}

std::vector<long> whole_numbers(const std::vector<std::string>& words) {
  std::vector<long> out;
  for (const std::string& w : words) out.push_back(std::stol(w));
  return out;
}

}  // namespace

TEST_CASE("the script holds the initial weights, the examples, the batches and the masks the trainer used",
          "[python_script]") {
  // 30 training examples in batches of 8, shuffled: 4 updates use every example, each once.
  const TestRun run("data=xor&n=40&layers=5,4&act=relu,sigmoid&drop=0.4,0&batch=8&shuffle=1&seed=7");
  REQUIRE(run.data.train.size() == 30);
  const PythonScript script = run.script(4);
  const std::string& text = script.text;
  CHECK(text.rfind("#!/usr/bin/env python3\n", 0) == 0);
  CHECK(text.find("#   made by:  a test\n") != std::string::npos);
  CHECK(text.find("#   set-up:   " + encode_config(run.setup) + "\n") != std::string::npos);
  CHECK(text.find("print(f\"step {t} loss {loss:.9g}\")") != std::string::npos);

  // The weights, digit for digit the trainer's floats.
  const Trainer<float> start = run.start();
  for (int l = 0; l < run.spec.layers(); ++l) {
    const Matrix<float>& W = start.network().W[l];
    const auto rows = block(text, "w" + std::to_string(l + 1) + " = matrix(" + std::to_string(W.cols()) + ", ");
    REQUIRE(rows.size() == static_cast<size_t>(W.rows()));
    for (Eigen::Index r = 0; r < W.rows(); ++r) {
      REQUIRE(rows[r].size() == static_cast<size_t>(W.cols()));
      for (Eigen::Index c = 0; c < W.cols(); ++c) CHECK(std::strtof(rows[r][c].c_str(), nullptr) == W(r, c));
    }
  }
  // Every example, in the training set's order, and its one-hot target.
  const auto x = block(text, "X_train = matrix(2, "), y = block(text, "Y_train = matrix(2, ");
  REQUIRE(x.size() == 30);
  REQUIRE(y.size() == 30);
  for (int i = 0; i < 30; ++i) {
    CHECK(std::strtof(x[i][0].c_str(), nullptr) == run.data.train.X(i, 0));
    CHECK(std::strtof(x[i][1].c_str(), nullptr) == run.data.train.X(i, 1));
    CHECK(y[i][static_cast<size_t>(run.data.train.labels[i])] == "1");
  }
  // The batches and hidden layer 1's masks, update by update, as a trainer of the same run draws them.
  const auto batches = block(text, "BATCHES = index_lists("), kept = block(text, "KEPT1 = index_lists(");
  CHECK(text.find("KEPT2") == std::string::npos);  // no dropout on layer 2
  REQUIRE(batches.size() == 4);
  REQUIRE(kept.size() == 4);
  Trainer<float> t = run.start();
  for (int k = 0; k < 4; ++k) {
    t.step_batch();
    const std::vector<int>& rows = t.batch_indices();
    CHECK(whole_numbers(batches[k]) == std::vector<long>(rows.begin(), rows.end()));
    const Matrix<float>& M = t.pass().M[0];
    std::vector<long> nonzero;
    for (Eigen::Index i = 0; i < M.size(); ++i)
      if (M.data()[i] != 0) nonzero.push_back(static_cast<long>(i));
    CHECK(whole_numbers(kept[k]) == nonzero);
    CHECK(nonzero.size() == static_cast<size_t>(dropout_kept(M.size(), 0.4)));
    CHECK(script.losses[k] == t.last_batch_loss());
  }
}

TEST_CASE("the script takes only the examples its updates use", "[python_script]") {
  const TestRun run("data=circles&n=400&batch=10");  // in order: 2 updates use rows 0 .. 19
  const std::string text = run.script(2).text;
  CHECK(block(text, "X_train = matrix(2, ").size() == 20);
  CHECK(text.find("The 20 training examples the updates use (of the 300 in the training set") != std::string::npos);
  CHECK(whole_numbers(block(text, "BATCHES = index_lists(")[1]) ==
        std::vector<long>{10, 11, 12, 13, 14, 15, 16, 17, 18, 19});
}

TEST_CASE("a bad request for a script says what is wrong", "[python_script]") {
  const TestRun run("data=xor&n=40&layers=3");
  CHECK_THROWS_WITH(run.script(0), "the number of updates must be a whole number from 1 to 10000, got 0");
  CHECK_THROWS_WITH(run.script(kMaxScriptSteps + 1), Catch::Contains("from 1 to 10000, got 10001"));
  Trainer<float> moved = run.start();
  moved.step_batch();
  CHECK_THROWS_WITH(python_script(moved, 3, ScriptOrigin{run.setup, "a test", ""}),
                    "a script starts from a run's start, before its first update");
  const TestRun diverging("data=circles&out=linear&layers=8&lr=100&batch=0");
  CHECK_THROWS_WITH(diverging.script(kMaxScriptSteps), Catch::Contains("(the run diverges): export at most"));
  // A script one byte over its limit (the default: kMaxScriptBytes, 32 MB).
  const size_t size = run.script(3).text.size();
  CHECK_NOTHROW(python_script(run.start(), 3, ScriptOrigin{run.setup, "a test", ""}, size));
  CHECK_THROWS_WITH(python_script(run.start(), 3, ScriptOrigin{run.setup, "a test", ""}, size - 1),
                    Catch::StartsWith("the script of 3 updates would be over 0.0") &&
                        Catch::EndsWith(" MB (the examples, weights and dropout masks used): export fewer updates"));
}

TEST_CASE("names in the header cannot break out of their comment", "[python_script]") {
  const TestRun run("data=xor&n=40&layers=3");
  const std::string text =
      python_script(run.start(), 1, ScriptOrigin{run.setup, "mlp x\nprint('not a comment')\xff", "model\r.json"}).text;
  CHECK(text.find("#   made by:  mlp x print('not a comment')?\n") != std::string::npos);
  CHECK(text.find("initial weights those of model .json\n") != std::string::npos);
}

#ifndef __EMSCRIPTEN__  // the wasm test build cannot start a process
TEST_CASE("python3 with numpy, running the script, prints the trainer's batch losses to 1e-5", "[python_script]") {
  // Debian's python3 (scripts/install_deps.sh installs python3-numpy); MLP_PYTHON picks another.
  const char* chosen = std::getenv("MLP_PYTHON");
  const std::string python = chosen ? chosen : "/usr/bin/python3";
  if (!std::filesystem::exists(python)) {
    WARN("no " + python + ": the exported scripts were not run");
    return;
  }
  const mlp_test::TempDir dir;
  const int steps = 30;
  const std::vector<std::pair<std::string, std::string>> runs = {
      {"sigmoid, softmax", "data=circles&layers=6&act=sigmoid&lr=0.5&batch=10&shuffle=1"},
      {"relu, dropout", "data=spiral&layers=8,8&act=relu&drop=0.3,0.2&lr=0.2&batch=16&shuffle=1&seed=3"},
      {"adam, l2", "data=xor&layers=6&act=tanh&opt=adam&lr=0.01&l2=0.01&batch=8&shuffle=1"},
      {"momentum, l1, sigmoid output, features",
       "data=circles&layers=5&act=sigmoid&out=sigmoid&opt=momentum&mom=0.9&l1=0.001&features=x1,x2,x1sq,x2sq"},
      {"linear output, sigmoid dropout", "data=xor&layers=6&act=sigmoid&drop=0.5&out=linear&lr=0.05"},
      {"the lecture's glyph network", "data=glyphs&layers=20,20,20&act=relu&drop=0.2&lr=0.1&batch=0"},
  };
  for (const auto& [name, diff] : runs) {
    SECTION(name) {
      const TestRun run(diff);
      const std::string path = dir / "run.py";
      mlp_test::write_file(path, run.script(steps).text);
      FILE* pipe = popen((python + " " + path + " 2>&1").c_str(), "r");
      REQUIRE(pipe != nullptr);
      std::string output;
      char buffer[4096];
      for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
      const int status = pclose(pipe);
      INFO(python << " " << diff << " printed:\n" << output);
      REQUIRE(status == 0);

      Trainer<float> t = run.start();  // the C++ run, stepped here
      std::istringstream lines(output);
      std::string line;
      for (int k = 1; k <= steps; ++k) {
        t.step_batch();
        REQUIRE(std::getline(lines, line));
        int printed_step = 0;
        double printed_loss = 0;
        REQUIRE(std::sscanf(line.c_str(), "step %d loss %lf", &printed_step, &printed_loss) == 2);
        CHECK(printed_step == k);
        const double loss = t.last_batch_loss();
        INFO("step " << k << ": python " << printed_loss << ", C++ " << loss);
        CHECK(std::abs(printed_loss - loss) <= 1e-5 * std::abs(loss));
      }
      CHECK_FALSE(std::getline(lines, line));  // nothing else: no warnings from numpy
    }
  }
}
#endif
