// Tests for the command-line tool's modules (src/cli): the flag parser, the
// presets and their expansion, the options read from flags, the data a run loads,
// the SVG plot writer, the progress text, and the dump and gradcheck commands.
#include <catch2/catch.hpp>

#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "cli/flags.hpp"
#include "cli/options.hpp"
#include "cli/presets.hpp"
#include "cli/progress.hpp"
#include "cli/svg_plot.hpp"
#include "nn/presets.hpp"

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

const std::vector<FlagSpec> kSpecs = {
    {"lr", "RATE", "learning rate"},
    {"layers", "W,..", "widths"},
    {"shuffle", "", "a switch"},
    {"name", "TEXT", "a text"},
};

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("flags: values, inline values, switches and positionals", "[cli]") {
  const Flags f(kSpecs, {"make", "--lr", "0.5", "--layers=100,50", "--shuffle", "extra"});
  CHECK(f.number("lr", 1, 0, 10) == Approx(0.5));
  CHECK(f.integers("layers", 1, 1000) == std::vector<long>{100, 50});
  CHECK(f.enabled("shuffle", false));
  CHECK_FALSE(f.has("name"));
  CHECK(f.text("name", "fallback") == "fallback");
  CHECK(f.positional() == std::vector<std::string>{"make", "extra"});
}

TEST_CASE("flags: a later occurrence overrides an earlier one", "[cli]") {
  const Flags f(kSpecs, {"--lr", "0.5", "--shuffle", "--lr", "2", "--no-shuffle"});
  CHECK(f.number("lr", 1, 0, 10) == Approx(2));
  CHECK_FALSE(f.enabled("shuffle", true));
  CHECK(f.position("lr") == 3);
  CHECK(f.position("shuffle") == 5);
  CHECK(f.position("name") == -1);
}

TEST_CASE("flags: mistakes are usage errors naming the flag", "[cli]") {
  CHECK_THROWS_WITH(Flags(kSpecs, {"--rate", "1"}), "unknown flag --rate");
  CHECK_THROWS_WITH(Flags(kSpecs, {"--lr"}), Catch::Contains("--lr needs a value"));
  CHECK_THROWS_WITH(Flags(kSpecs, {"--shuffle=yes"}), Catch::Contains("is a switch"));
  CHECK_THROWS_WITH(Flags(kSpecs, {"--no-lr"}), Catch::Contains("not a switch"));
  const Flags f(kSpecs, {"--lr", "fast", "--layers", "10,,20", "--name", "12x"});
  CHECK_THROWS_AS(f.number("lr", 1, 0, 10), UsageError);
  CHECK_THROWS_WITH(f.number("lr", 1, 0, 10), "--lr: expected a number, got 'fast'");
  CHECK_THROWS_WITH(f.integers("layers", 1, 100), Catch::Contains("empty item"));
  CHECK_THROWS_WITH(f.integer("name", 0, 0, 100), "--name: expected a whole number, got '12x'");
  CHECK_THROWS_WITH(f.text("unknown", ""), "unknown flag --unknown");
}

TEST_CASE("flags: numbers outside their range are rejected", "[cli]") {
  CHECK_THROWS_WITH(parse_number("--lr", "-1", 0, 10), Catch::Contains("must be between 0 and 10"));
  CHECK_THROWS_WITH(parse_number("--lr", "nan", 0, 10), Catch::Contains("expected a number"));
  CHECK_THROWS_WITH(parse_number("--lr", "1e999", 0, 10), Catch::Contains("expected a number"));
  CHECK_THROWS_WITH(parse_integer("--batch", "2.5", 0, 10), Catch::Contains("expected a whole number"));
  CHECK(parse_integer("--batch", "10", 0, 10) == 10);
  CHECK(parse_number("--noise", "1e-3", 0, 1) == Approx(0.001));
}

TEST_CASE("presets expand in place so that later flags override them", "[cli]") {
  const std::vector<std::string> args = expand_presets({"--preset", "lecture-mnist", "--epochs", "2"});
  REQUIRE(args.size() > 4);
  CHECK(args.back() == "2");
  const Flags f(train_flag_specs(), args);
  CHECK(read_schedule(f).epochs == 2);
  CHECK(read_train_config(f).batch_size == 256);
  CHECK(expand_presets({"--preset=glyphs"}) == find_preset("glyphs").args);
  CHECK_THROWS_WITH(expand_presets({"--preset", "hw99"}), Catch::Contains("unknown preset 'hw99'") &&
                                                             Catch::Contains("hw10-1"));
  CHECK_THROWS_WITH(expand_presets({"--preset"}), Catch::Contains("needs a value"));
}

TEST_CASE("every preset parses into valid options", "[cli]") {
  for (const Preset& p : presets()) {
    INFO(p.name);
    const Flags f(train_flag_specs(), p.args);
    const TrainOptions o = read_train_options(f);
    CHECK_NOTHROW(o.config.validate());
    CHECK_NOTHROW(o.schedule.validate());
    CHECK_FALSE(p.summary.empty());
  }
}

TEST_CASE("the command line's presets are the core's, flag for flag", "[cli]") {
  REQUIRE(presets().size() == run_presets().size());
  for (const RunPreset& core : run_presets()) {
    INFO(core.name);
    const TrainOptions o = read_train_options(Flags(train_flag_specs(), find_preset(core.name).args));
    const NetworkSpec spec = o.network.spec(784, 10), expected = core.spec(784, 10);
    REQUIRE(spec.hidden.size() == expected.hidden.size());
    for (size_t l = 0; l < spec.hidden.size(); ++l) {
      CHECK(spec.hidden[l].units == expected.hidden[l].units);
      CHECK(spec.hidden[l].activation == expected.hidden[l].activation);
      CHECK(spec.hidden[l].dropout == expected.hidden[l].dropout);
    }
    CHECK(spec.output == expected.output);
    CHECK(spec.init == expected.init);
    CHECK(o.data.source == core.data);
    CHECK(scaling_name(o.data.preprocess) == std::string(scaling_name(core.scaling)));
    CHECK(o.config.learning_rate == core.config.learning_rate);
    CHECK(o.config.batch_size == core.config.batch_size);
    CHECK(o.config.momentum == core.config.momentum);
    CHECK(o.config.shuffle == core.config.shuffle);
    CHECK(o.schedule.epochs == core.schedule.epochs);
    CHECK(o.schedule.iterations == core.schedule.iterations);
  }
}

TEST_CASE("the homework and lecture presets say what the lecture says", "[cli]") {
  const TrainOptions hw = read_train_options(Flags(train_flag_specs(), find_preset("hw10-1").args));
  CHECK(hw.network.layers == std::vector<int>{50, 50, 50});
  CHECK(hw.network.activations == std::vector<Activation>{Activation::ReLU});
  CHECK(hw.network.dropout == std::vector<double>{0.2});
  CHECK(hw.config.learning_rate == Approx(0.01));
  CHECK(hw.schedule.iterations == 2000);
  CHECK(hw.data.preprocess == Preprocess::Rescale);
  CHECK(hw.data.test_part == TestPart::All);
  CHECK_FALSE(hw.output.plot_svg.empty());

  const TrainOptions lec = read_train_options(Flags(train_flag_specs(), find_preset("lecture-mnist").args));
  CHECK(lec.network.layers == std::vector<int>{100});
  CHECK(lec.network.activations == std::vector<Activation>{Activation::Sigmoid});
  CHECK(lec.config.batch_size == 256);
  CHECK(lec.config.learning_rate == Approx(1));
  CHECK(lec.schedule.epochs == 10);
  CHECK(lec.schedule.iterations == 0);
  CHECK_FALSE(lec.config.shuffle);
}

TEST_CASE("of --epochs and --iterations the later one wins", "[cli]") {
  const auto specs = train_flag_specs();
  CHECK(read_schedule(Flags(specs, {"--epochs", "3", "--iterations", "50"})).iterations == 50);
  const RunSchedule s = read_schedule(Flags(specs, {"--iterations", "50", "--epochs", "3"}));
  CHECK(s.iterations == 0);
  CHECK(s.epochs == 3);
}

TEST_CASE("network options: one value for all layers or one per layer", "[cli]") {
  const auto specs = train_flag_specs();
  const NetworkOptions n =
      read_network_options(Flags(specs, {"--layers", "8,4", "--activation", "tanh,relu", "--dropout", "0.1"}));
  const NetworkSpec s = n.spec(2, 3);
  REQUIRE(s.hidden.size() == 2);
  CHECK(s.hidden[0].activation == Activation::Tanh);
  CHECK(s.hidden[1].activation == Activation::ReLU);
  CHECK(s.hidden[1].dropout == Approx(0.1));
  CHECK(s.inputs == 2);
  CHECK(s.outputs == 3);
  CHECK(read_network_options(Flags(specs, {"--layers", "none"})).spec(2, 2).hidden.empty());
  CHECK_THROWS_WITH(read_network_options(Flags(specs, {"--layers", "8,4", "--activation", "relu,relu,relu"})),
                    Catch::Contains("one per hidden layer (2), got 3"));
  CHECK_THROWS_WITH(read_network_options(Flags(specs, {"--activation", "swish"})), Catch::Contains("--activation"));
  CHECK_THROWS_WITH(read_data_options(Flags(specs, {"--preprocess", "scale"})), Catch::Contains("--preprocess"));
  CHECK_THROWS_WITH(read_data_options(Flags(specs, {"--test-part", "middle"})), Catch::Contains("--test-part"));
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
  DataOptions o;
  o.source = "xor";
  o.n = 200;
  o.test_fraction = 0.25;
  DataSplit d = load_data(o);
  CHECK(d.train.size() == 150);
  CHECK(d.test.size() == 50);
  CHECK(d.test_or_null() == &d.test);

  o.limit = 40;
  o.test_part = TestPart::SecondHalf;
  o.preprocess = Preprocess::Rescale;
  d = load_data(o);
  CHECK(d.train.size() == 40);
  CHECK(d.test.size() == 25);
  CHECK(d.train.X.minCoeff() == Approx(0.0f));
  CHECK(d.train.X.maxCoeff() == Approx(1.0f));
  CHECK(d.description.find("second-half") != std::string::npos);

  o.test_fraction = 0;
  CHECK(load_data(o).test_or_null() == nullptr);
  o.source = "no-such-set";
  CHECK_THROWS_AS(load_data(o), UsageError);
}

TEST_CASE("data: z-scoring uses the training set's statistics for both sets", "[cli]") {
  DataOptions o;
  o.source = "gaussians";
  o.n = 300;
  o.preprocess = Preprocess::ZScore;
  const DataSplit d = load_data(o);
  const Eigen::RowVectorXf mean = d.train.X.colwise().mean();
  CHECK(mean.cwiseAbs().maxCoeff() < 1e-5f);
  CHECK(d.test.X.colwise().mean().cwiseAbs().maxCoeff() > 1e-5f);  // not refitted on the test set
}

TEST_CASE("mlp dump writes one consistent training step", "[cli]") {
  const std::string path = (std::filesystem::temp_directory_path() / "mlp_test_cli_dump.json").string();
  REQUIRE(run_dump({"--data", "xor", "--n", "40", "--layers", "3", "--activation", "tanh", "--dropout", "0.25",
                    "--lr", "0.5", "--batch", "8", "--step", "2", "--out", path}) == 0);
  std::ifstream f(path);
  const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::remove(path.c_str());
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
