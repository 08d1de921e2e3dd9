// `mlp train`: trains a network on a data set with progress output, then prints
// the final loss and accuracy and writes the history CSV, the loss plot and the model.
#include "cli/cli_app.hpp"
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "cli/progress.hpp"
#include "cli/svg_plot.hpp"
#include "config/presets.hpp"
#include "config/properties.hpp"
#include "nn/model_io.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace mlp::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct OutputOptions {
  std::string history_csv;  // --history
  std::string plot_svg;     // --plot
  std::string model_json;   // --save-model
};

// `mlp train`'s flags: the run configuration's (with --preset), the MNIST folder and the outputs.
struct TrainFlags {
  Command command{"Trains on the training set, evaluating the training and test sets as it goes.", "mlp train"};
  ConfigFlags config{command.app, true};
  std::string mnist_dir;
  OutputOptions output;

  TrainFlags() {
    CLI::App& app = command.app;
    add_mnist_dir(app, mnist_dir);
    app.add_option("--history", output.history_csv, "write the history (loss, accuracy per evaluation) as CSV")
        ->type_name("FILE.csv");
    app.add_option("--plot", output.plot_svg, "write train and test loss against iterations as an SVG plot")
        ->type_name("FILE.svg");
    app.add_option("--save-model", output.model_json, "write the trained model as JSON")->type_name("FILE.json");
  }
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

ProgressStatus status_of(const TrainingRun<float>& run, double seconds) {
  const Trainer<float>& t = run.trainer();
  ProgressStatus s;
  s.iteration = t.iteration();
  s.total = run.total_iterations();
  s.epoch_fraction = t.epoch() + static_cast<double>(t.batch()) / t.batches_per_epoch();
  s.total_epochs = static_cast<double>(s.total) / t.batches_per_epoch();
  s.batch_loss = static_cast<double>(t.last_batch_loss());
  s.seconds = seconds;
  return s;
}

PlotSeries loss_series(const History& h, const std::string& name, const std::string& color, bool test) {
  PlotSeries s{name, color, test, {}, {}};
  for (const auto& p : h.points) {
    s.x.push_back(static_cast<double>(p.iteration));
    s.y.push_back(test ? p.test_loss : p.train_loss);
  }
  return s;
}

// e.g. "mnist-train, 784-50-50-50-10 relu, dropout 0.2: lr 0.01, batch 64"
std::string plot_title(const DataSplit& data, const NetworkSpec& spec, const TrainConfig& c) {
  std::ostringstream t;
  t << data.train.name << ", " << spec.inputs;
  for (const auto& h : spec.hidden) t << '-' << h.units;
  t << '-' << spec.outputs;
  if (!spec.hidden.empty()) t << ' ' << activation_name(spec.hidden[0].activation);
  if (!spec.hidden.empty() && spec.hidden[0].dropout > 0) t << ", dropout " << spec.hidden[0].dropout;
  t << ": lr " << c.learning_rate << ", batch ";
  if (c.batch_size == 0) t << "full";
  else t << c.batch_size;
  if (c.optimizer.kind != Optimizer::SGD) t << ", " << c.optimizer.describe();
  if (c.l2 > 0) t << ", L2 " << c.l2;
  if (c.l1 > 0) t << ", L1 " << c.l1;
  return t.str();
}

// The outputs asked for; the model file records the run configuration it was trained with.
void write_outputs(const OutputOptions& out, const TrainingRun<float>& run, const RunConfig& config,
                   const std::string& title) {
  const History& h = run.history();
  if (!out.history_csv.empty()) {
    std::ofstream f(out.history_csv);
    h.write_csv(f);
    if (!f.good()) throw std::runtime_error(out.history_csv + ": cannot write the history");
    std::printf("history written to %s (%zu points)\n", out.history_csv.c_str(), h.points.size());
  }
  if (!out.plot_svg.empty()) {
    PlotSpec plot;
    plot.title = title;
    plot.x_label = "iteration (weight updates)";
    plot.y_label = std::string("loss (") + loss_name(run.trainer().network().spec.output) + ")";
    plot.series.push_back(loss_series(h, "training loss", "#1f77b4", false));
    if (!h.points.empty() && !std::isnan(h.points.back().test_loss))
      plot.series.push_back(loss_series(h, "test loss", "#ff7f0e", true));
    write_svg(out.plot_svg, plot);
    std::printf("loss plot written to %s\n", out.plot_svg.c_str());
  }
  if (!out.model_json.empty()) {
    save_model(run.trainer().network(), out.model_json, encode_config(config));
    std::printf("model written to %s\n", out.model_json.c_str());
  }
}

// "final: train loss 0.0123 accuracy 97.50% | test loss ... | 1.2 s"; a regression prints R²
// in place of the accuracy ("r2 0.97").
void print_final(const HistoryPoint& p, bool regression, double seconds) {
  auto score = [regression](double v) {
    char text[32];
    std::snprintf(text, sizeof text, regression ? "r2 %.4f" : "accuracy %.2f%%", regression ? v : 100 * v);
    return std::string(text);
  };
  std::printf("final: train loss %.4f %s", p.train_loss, score(p.train_accuracy).c_str());
  if (!std::isnan(p.test_loss)) std::printf(" | test loss %.4f %s", p.test_loss, score(p.test_accuracy).c_str());
  std::printf(" | %.1f s\n", seconds);
}

}  // namespace

std::string train_usage() { return TrainFlags().command.app.help(); }

int run_train(const Args& args) {
  TrainFlags flags;
  parse(flags.command.app, args);
  RunConfig o = flags.config.config(cli_defaults());
  OutputOptions output = flags.output;
  if (output.plot_svg.empty() && !flags.config.preset().empty()) output.plot_svg = find_run_preset(flags.config.preset()).plot;

  const auto load_start = Clock::now();
  const DataSplit data = load_data(o.data, o.train.seed, flags.mnist_dir);
  const NetworkSpec spec = checked_spec(o, data.train);  // a regression set switches o to the linear output
  std::printf("data: %s (%.1f s)\n", data.description.c_str(), seconds_since(load_start));
  std::printf("network: %s, %s, lr %g, batch %s, %s, L1 %g, L2 %g, %s, seed %llu\n", spec.describe().c_str(),
              init_name(spec.init), o.train.learning_rate,
              o.train.batch_size == 0 ? "full" : std::to_string(o.train.batch_size).c_str(),
              o.train.optimizer.describe().c_str(), o.train.l1, o.train.l2,
              o.train.shuffle ? "shuffled" : "in order", static_cast<unsigned long long>(o.train.seed));

  Trainer<float> trainer(spec, data.train, checked_config(o.train));
  TrainingRun<float> run(trainer, data.test_or_null(), o.schedule);
  std::printf("training: %ld iterations (%d batches per epoch of %d)\n", run.total_iterations(),
              trainer.batches_per_epoch(), trainer.batch_size());

  ProgressPrinter progress(stdout, isatty(fileno(stdout)) != 0, data.train.is_regression());
  const auto start = Clock::now();
  progress.on_point(run.history().points.back(), status_of(run, 0), false);
  while (!run.finished()) {
    const int epoch_before = trainer.epoch();
    const size_t points_before = run.history().points.size();
    run.step();
    const ProgressStatus s = status_of(run, seconds_since(start));
    if (run.history().points.size() > points_before)
      progress.on_point(run.history().points.back(), s, trainer.epoch() > epoch_before);
    progress.on_step(s);
  }
  progress.finish();
  const double seconds = seconds_since(start);
  if (run.diverged()) {
    std::fprintf(stderr, "mlp train: %s\n", run.divergence_message().c_str());
    return 1;
  }
  print_final(run.history().points.back(), data.train.is_regression(), seconds);
  write_outputs(output, run, o, plot_title(data, spec, o.train));
  return 0;
}

}  // namespace mlp::cli
