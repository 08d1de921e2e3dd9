// Tests for the command-line tool's modules (src/cli): the run configuration's flags (from the
// property table, parsed by CLI11) and the presets behind --preset, the data a run loads, the
// SVG plot writer, the progress text, and the dump, gradcheck, train and evaluate commands.
#include <catch2/catch.hpp>

#include "data_test_util.hpp"

#include "cli/cli_app.hpp"
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "cli/progress.hpp"
#include "cli/svg_plot.hpp"
#include "config/presets.hpp"
#include "config/properties.hpp"
#include "nn/model_io.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

using namespace mlp;
using namespace mlp::cli;

namespace {

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The run configuration `mlp train` would use for these flags.
RunConfig train_config(const Args& args) {
  Command command("test", "mlp test");
  ConfigFlags flags(command.app, true);
  parse(command.app, args);
  return flags.config(cli_defaults());
}

}  // namespace

TEST_CASE("flags: the property table's rows, with values, inline values and switches", "[cli]") {
  const RunConfig c = train_config({"--lr", "0.5", "--layers=100,50", "--no-shuffle", "--activation", "tanh"});
  CHECK(c.train.learning_rate == 0.5);
  REQUIRE(c.hidden.size() == 2);
  CHECK(c.hidden[0].units == 100);
  CHECK(c.hidden[1].activation == Activation::Tanh);
  CHECK_FALSE(c.train.shuffle);
  CHECK(train_config({"--shuffle"}).train.shuffle);
  CHECK(train_config({}) == cli_defaults());
  // every row with a flag is a flag of `mlp train`, named as the table says
  const std::string help = train_usage();
  for (const Property& p : properties())
    if (*p.flag) CHECK(help.find(std::string("--") + p.flag) != std::string::npos);
}

TEST_CASE("flags: mistakes are usage errors naming the flag", "[cli]") {
  CHECK_THROWS_AS(train_config({"--rate", "1"}), UsageError);
  CHECK_THROWS_AS(train_config({"--lr"}), UsageError);
  CHECK_THROWS_AS(train_config({"stray"}), UsageError);
  CHECK_THROWS_WITH(train_config({"--lr", "fast"}), "--lr: lr 'fast' is not valid");
  CHECK_THROWS_WITH(train_config({"--lr", "-1"}), Catch::Contains("--lr") && Catch::Contains("outside"));
  CHECK_THROWS_WITH(train_config({"--lr", "nan"}), Catch::Contains("not valid"));
  CHECK_THROWS_WITH(train_config({"--lr", "1e999"}), Catch::Contains("not valid"));
  CHECK_THROWS_WITH(train_config({"--batch", "2.5"}), Catch::Contains("--batch"));
  CHECK_THROWS_WITH(train_config({"--layers", "8,,4"}), Catch::Contains("--layers"));
  CHECK_THROWS_WITH(train_config({"--activation", "swish"}), Catch::Contains("--activation"));
  CHECK_THROWS_WITH(train_config({"--preprocess", "scale"}), Catch::Contains("--preprocess"));
  CHECK_THROWS_WITH(train_config({"--test-part", "middle"}), Catch::Contains("--test-part"));
  CHECK(train_config({"--noise", "1e-3"}).data.noise == Approx(0.001));
}

TEST_CASE("flags: a preset, then the other flags over it, whatever their order", "[cli]") {
  const RunConfig c = train_config({"--epochs", "2", "--preset", "lecture-mnist"});
  CHECK(c.schedule.epochs == 2);
  CHECK(c.train.batch_size == 256);
  CHECK(train_config({"--preset=glyphs"}) == find_run_preset("glyphs").config);
  CHECK_THROWS_WITH(train_config({"--preset", "hw99"}), Catch::Contains("unknown preset 'hw99'") &&
                                                          Catch::Contains("hw10-1"));
  CHECK_THROWS_AS(train_config({"--preset"}), UsageError);
}

TEST_CASE("flags: every preset is its core configuration, and valid", "[cli]") {
  for (const RunPreset& p : run_presets()) {
    INFO(p.name);
    const RunConfig c = train_config({"--preset", p.name});
    CHECK(c == p.config);
    CHECK_NOTHROW(c.train.validate());
    CHECK_NOTHROW(c.schedule.validate());
    CHECK_NOTHROW(c.spec(784, 10).validate());
  }
}

TEST_CASE("flags: the homework and lecture presets say what the lecture says", "[cli]") {
  const RunConfig hw = train_config({"--preset", "hw10-1"});
  REQUIRE(hw.hidden.size() == 3);
  for (const LayerSpec& h : hw.hidden) {
    CHECK(h.units == 50);
    CHECK(h.activation == Activation::ReLU);
    CHECK(h.dropout == 0.2);
  }
  CHECK(hw.train.learning_rate == Approx(0.01));
  CHECK(hw.schedule.iterations == 2000);
  CHECK(hw.data.scaling == Scaling::Rescale);
  CHECK(hw.data.test_part == TestPart::All);
  CHECK_FALSE(find_run_preset("hw10-1").plot.empty());

  const RunConfig lec = train_config({"--preset", "lecture-mnist"});
  REQUIRE(lec.hidden.size() == 1);
  CHECK(lec.hidden[0].units == 100);
  CHECK(lec.hidden[0].activation == Activation::Sigmoid);
  CHECK(lec.train.batch_size == 256);
  CHECK(lec.train.learning_rate == Approx(1));
  CHECK(lec.schedule.epochs == 10);
  CHECK(lec.schedule.iterations == 0);
  CHECK_FALSE(lec.train.shuffle);
}

TEST_CASE("flags: of --epochs and --iterations the later one wins", "[cli]") {
  CHECK(train_config({"--epochs", "3", "--iterations", "50"}).schedule.iterations == 50);
  const RunConfig c = train_config({"--iterations", "50", "--epochs", "3"});
  CHECK(c.schedule.iterations == 0);
  CHECK(c.schedule.epochs == 3);
  CHECK(train_config({"--preset", "hw10-1", "--epochs", "3"}).schedule.iterations == 0);
  CHECK(train_config({"--preset", "hw10-1"}).schedule.iterations == 2000);
}

TEST_CASE("flags: one value for all layers or one per layer", "[cli]") {
  const RunConfig c = train_config({"--layers", "8,4", "--activation", "tanh,relu", "--dropout", "0.1"});
  const NetworkSpec s = c.spec(2, 3);
  REQUIRE(s.hidden.size() == 2);
  CHECK(s.hidden[0].activation == Activation::Tanh);
  CHECK(s.hidden[1].activation == Activation::ReLU);
  CHECK(s.hidden[1].dropout == Approx(0.1));
  CHECK(s.inputs == 2);
  CHECK(s.outputs == 3);
  CHECK(train_config({"--layers", "none"}).spec(2, 2).hidden.empty());
  CHECK_THROWS_WITH(train_config({"--layers", "8,4", "--activation", "relu,relu,relu"}),
                    Catch::Contains("3 values for 2 hidden layers"));
}

TEST_CASE("SVG tick labels have no trailing zeros", "[cli]") {  // the ticks: tests/test_ticks.cpp
  CHECK(tick_label(0.5, 0.5) == "0.5");
  CHECK(tick_label(1000, 250) == "1000");
  CHECK(tick_label(0.25, 0.05) == "0.25");
}

TEST_CASE("the SVG plot has axes, labels, a legend and one line per series", "[cli]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  PlotSpec p;
  p.title = "loss <curves>";
  p.x_label = "iteration";
  p.y_label = "loss";
  p.series.push_back({"training loss", "#1f77b4", false, {0, 10, 20}, {2.3, 1.0, 0.5}});
  p.series.push_back({"test loss", "#ff7f0e", true, {0, 10, 20}, {2.4, nan, 0.6}});
  const std::string svg = render_svg(p);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(count(svg, "<polyline") == 2);
  CHECK(svg.find("training loss") != std::string::npos);
  CHECK(svg.find("test loss") != std::string::npos);
  CHECK(svg.find("loss &lt;curves&gt;") != std::string::npos);  // escaped title
  CHECK(svg.find(">iteration<") != std::string::npos);
  CHECK(svg.find("stroke-dasharray") != std::string::npos);
  CHECK(svg.find("nan") == std::string::npos);                  // the NaN point is skipped
  CHECK(svg.find(">2.5<") != std::string::npos);                // a y tick label
  CHECK(svg.find(">20<") != std::string::npos);                 // an x tick label

  PlotSpec empty;
  empty.series.push_back({"only NaN", "#000", false, {0}, {nan}});
  CHECK_THROWS_WITH(render_svg(empty), Catch::Contains("nothing to plot"));
  PlotSpec ragged;
  ragged.series.push_back({"ragged", "#000", false, {0, 1}, {1}});
  CHECK_THROWS_WITH(render_svg(ragged), Catch::Contains("differ in length"));
  CHECK_THROWS_WITH(write_svg("/nonexistent-folder/plot.svg", p), Catch::Contains("/nonexistent-folder/plot.svg"));
}

TEST_CASE("progress text shows the bar, the iteration and the losses", "[cli]") {
  ProgressStatus s;
  s.iteration = 500;
  s.total = 2000;
  s.epoch_fraction = 0.53;
  s.batch_loss = 0.3124;
  s.seconds = 1.25;
  const std::string bar = format_bar(s, 20);
  CHECK(bar.find("[#####---------------]") == 0);
  CHECK(bar.find(" 500/2000") != std::string::npos);
  CHECK(bar.find("0.3124") != std::string::npos);

  HistoryPoint p;
  p.iteration = 500;
  p.epoch = 0.53;
  p.train_loss = 0.25;
  p.train_accuracy = 0.9312;
  const std::string without_test = format_point(p, 2000, 1.0);
  CHECK(without_test.find("acc 93.12%") != std::string::npos);
  CHECK(without_test.find("test") == std::string::npos);
  p.test_loss = 0.3;
  p.test_accuracy = 0.91;
  CHECK(format_point(p, 2000, 1.0).find("test loss 0.3000 acc 91.00%") != std::string::npos);
}

TEST_CASE("progress lines: every epoch for short runs, every tenth for long ones", "[cli]") {
  auto lines_printed = [](double total_epochs) {
    std::FILE* out = std::tmpfile();
    ProgressPrinter printer(out, false);
    const long total = 100;
    for (long it = 0; it <= total; ++it) {
      ProgressStatus s;
      s.iteration = it;
      s.total = total;
      s.total_epochs = total_epochs;
      HistoryPoint p;
      p.iteration = it;
      const long per_epoch = static_cast<long>(total / total_epochs);
      printer.on_point(p, s, it > 0 && it % per_epoch == 0);
    }
    printer.finish();
    std::rewind(out);
    int lines = 0;
    for (int c = std::fgetc(out); c != EOF; c = std::fgetc(out)) lines += c == '\n';
    std::fclose(out);
    return lines;
  };
  CHECK(lines_printed(5) == 1 + 10);    // the first point, then every tenth (epoch ends fall on them)
  CHECK(lines_printed(20) == 1 + 20);   // every epoch end
  CHECK(lines_printed(100) == 1 + 10);  // 100 epochs: only the tenths
}

TEST_CASE("data: toy sets are split, limited, cut to a test half and rescaled", "[cli]") {
  DataConfig o;
  o.source = "xor";
  o.examples = 200;
  o.test_fraction = 0.25;
  DataSplit d = load_data(o, 1);
  CHECK(d.train.size() == 150);
  CHECK(d.test.size() == 50);
  CHECK(d.test_or_null() == &d.test);

  o.limit = 40;
  o.test_part = TestPart::SecondHalf;
  o.scaling = Scaling::Rescale;
  d = load_data(o, 1);
  CHECK(d.train.size() == 40);
  CHECK(d.test.size() == 25);
  CHECK(d.train.X.minCoeff() == Approx(0.0f));
  CHECK(d.train.X.maxCoeff() == Approx(1.0f));
  CHECK(d.description.find("second-half") != std::string::npos);

  o.test_fraction = 0;
  CHECK(load_data(o, 1).test_or_null() == nullptr);
  o.source = "no-such-set";
  CHECK_THROWS_AS(load_data(o, 1), UsageError);
}

TEST_CASE("data: z-scoring uses the training set's statistics for both sets", "[cli]") {
  DataConfig o;
  o.source = "gaussians";
  o.examples = 300;
  o.scaling = Scaling::ZScore;
  const DataSplit d = load_data(o, 1);
  const Eigen::RowVectorXf mean = d.train.X.colwise().mean();
  CHECK(mean.cwiseAbs().maxCoeff() < 1e-5f);
  CHECK(d.test.X.colwise().mean().cwiseAbs().maxCoeff() > 1e-5f);  // not refitted on the test set
}

TEST_CASE("mlp dump writes one consistent training step", "[cli]") {
  const mlp_test::TempDir dir;  // a folder of its own: test runs in parallel do not share files
  const std::string path = dir / "dump.json";
  REQUIRE(run_dump({"--data", "xor", "--n", "40", "--layers", "3", "--activation", "tanh", "--dropout", "0.25",
                    "--lr", "0.5", "--batch", "8", "--step", "2", "--out", path}) == 0);
  std::ifstream f(path);
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const nlohmann::json doc = nlohmann::json::parse(text);
  CHECK(doc.at("iteration") == 2);
  REQUIRE(doc.at("layers").size() == 2);
  CHECK(doc.at("X").size() == 8);
  const nlohmann::json& hidden = doc.at("layers")[0];
  CHECK(hidden.at("M").is_array());
  CHECK(doc.at("layers")[1].at("M").is_null());
  // W_after = W_before − lr · dW, entry by entry
  const nlohmann::json &before = hidden.at("W_before"), &dW = hidden.at("dW"), &after = hidden.at("W_after");
  REQUIRE(before.size() == 3);  // 2 inputs + bias row
  for (size_t r = 0; r < before.size(); ++r)
    for (size_t c = 0; c < before[r].size(); ++c)
      CHECK(after[r][c].get<double>() ==
            Approx(before[r][c].get<double>() - 0.5 * dW[r][c].get<double>()).margin(1e-6));
  CHECK_THROWS_AS(run_dump({"--data", "xor"}), UsageError);  // no --out
}

TEST_CASE("mlp gradcheck passes at its threshold and fails at an impossible one", "[cli]") {
  CHECK(run_gradcheck({"--layers", "3,3", "--activation", "sigmoid,relu", "--output", "softmax"}) == 0);
  CHECK(run_gradcheck({"--layers", "3,3", "--activation", "sigmoid", "--output", "softmax", "--eps", "1e-2",
                       "--threshold", "1e-12"}) == 1);
  CHECK_THROWS_AS(run_gradcheck({"--activation", "softplus"}), UsageError);
}

TEST_CASE("mlp train --save-model records the run; mlp evaluate reads its data from it", "[cli]") {
  const mlp_test::TempDir dir;
  const std::string path = dir / "model.json";
  const Args train_args = {"--data", "xor", "--n", "60", "--noise", "0.2", "--layers", "3", "--epochs", "2"};
  Args with_output = train_args;
  with_output.insert(with_output.end(), {"--save-model", path});
  REQUIRE(run_train(with_output) == 0);
  std::string recorded;
  load_model<float>(path, &recorded);
  CHECK(recorded == encode_config(train_config(train_args)));
  CHECK(recorded.find("data=xor&n=60&noise=0.2") != std::string::npos);
  CHECK(run_evaluate({"--model", path}) == 0);  // no data flags: the recorded xor set
  CHECK_THROWS_WITH(run_evaluate({"--model", path, "--data", "glyphs"}),  // a flag overrides it
                    "the model has 2 inputs but the data has 25 features");
  const std::string bad_run = model_to_json(load_model<float>(path), "data=xor&lr=lots");  // read, then rewrite
  std::ofstream(path) << bad_run;
  CHECK_THROWS_WITH(run_evaluate({"--model", path}), Catch::StartsWith(path + ": its \"run\" field: diff"));
}

TEST_CASE("mlp train --features gives a perceptron the squares it needs for the circles; other data refuses them", "[cli]") {
  RunConfig c = train_config({"--data", "circles", "--layers", "none", "--output", "sigmoid", "--features", "x1sq,x2sq"});
  CHECK(c.data.features == parse_features("x1sq,x2sq"));
  const DataSplit d = load_data(c.data, c.train.seed, "");
  CHECK(d.train.features() == 2);
  CHECK(d.train.feature_names == std::vector<std::string>{"x₁²", "x₂²"});
  CHECK(d.train.points.rows() == d.train.size());
  c = train_config({"--data", "glyphs", "--features", "x1,x2,x1x2"});
  CHECK_THROWS_WITH(load_data(c.data, c.train.seed, ""),
                    "--data glyphs: input features need 2-D points; glyphs has 25 inputs");
  CHECK_THROWS_AS(train_config({"--features", "x1,cosx1"}), UsageError);
}

TEST_CASE("mlp train on sine: a regression with the linear output, R² in the progress and the history", "[cli]") {
  CHECK(score_text(0.97, true) == "r2 0.9700");
  CHECK(score_text(0.97, false) == "acc 97.00%");
  HistoryPoint p;
  p.iteration = 10;
  p.train_loss = 0.01;
  p.train_accuracy = 0.95;
  CHECK(format_point(p, 10, 1.0, true).find("train loss 0.0100 r2 0.9500") != std::string::npos);

  const mlp_test::TempDir dir;
  const std::string history = dir / "history.csv", model = dir / "model.json";
  REQUIRE(run_train({"--data", "sine", "--n", "200", "--layers", "8", "--activation", "tanh", "--optimizer", "adam",
                     "--lr", "0.02", "--epochs", "150", "--history", history, "--save-model", model}) == 0);
  std::ifstream in(history);
  std::string line, last;
  while (std::getline(in, line)) last = line;
  const double test_r2 = std::stod(last.substr(last.rfind(',') + 1));  // the last column: test "accuracy", R²
  CHECK(test_r2 > 0.9);
  std::string recorded;
  load_model<float>(model, &recorded);
  CHECK(recorded.find("out=linear") != std::string::npos);  // softmax, the default, was switched
}

TEST_CASE("mlp export-python writes the run as a numpy script and refuses a bad --steps or --out", "[cli]") {
  const mlp_test::TempDir dir;
  const std::string path = dir / "run.py";
  REQUIRE(run_export_python({"--data", "xor", "--n", "40", "--layers", "3", "--dropout", "0.5", "--steps", "4",
                             "--out", path}) == 0);
  std::ifstream f(path);
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  CHECK(text.rfind("#!/usr/bin/env python3\n", 0) == 0);
  CHECK(text.find("#   made by:  mlp export-python --data xor --n 40 --layers 3 --dropout 0.5 --steps 4 --out " + path) !=
        std::string::npos);
  CHECK(text.find("for t in range(1, 4 + 1):") != std::string::npos);
  CHECK(text.find("KEPT1 = index_lists(") != std::string::npos);  // the dropout masks

  CHECK_THROWS_WITH(run_export_python({"--data", "xor"}), Catch::Contains("--out is required"));
  for (const std::string steps : {"0", "-3", "10001", "ten", "2.5"})
    CHECK_THROWS_WITH(run_export_python({"--steps", steps, "--out", path}),
                      "--steps: the number of updates must be a whole number from 1 to 10000, got '" + steps + "'");
  CHECK_THROWS_AS(run_export_python({"--steps", "0", "--out", path}), UsageError);
  const std::string unwritable = dir / "no-such-folder/run.py";
  CHECK_THROWS_WITH(run_export_python({"--data", "xor", "--out", unwritable}),
                    unwritable + ": cannot write the script (No such file or directory)");
  // A run whose loss overflows within the steps: said, and no script left behind.
  const std::string diverging = dir / "diverging.py";
  CHECK_THROWS_WITH(run_export_python({"--data", "circles", "--output", "linear", "--lr", "100", "--batch", "0",
                                       "--steps", "50", "--out", diverging}),
                    Catch::Contains("(the run diverges): export at most"));
  CHECK_FALSE(std::filesystem::exists(diverging));
}
