// `mlp evaluate`: a saved model (--save-model) on the training and test sets of the data it
// records (or the data flags given): loss, accuracy and the test set's confusion matrix.
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "config/properties.hpp"
#include "nn/metrics.hpp"
#include "nn/model_io.hpp"

#include <cstdio>

namespace mlp::cli {

namespace {

void print_confusion(const Evaluation& ev, const std::vector<std::string>& names) {
  std::printf("confusion matrix (rows: true class, columns: predicted)\n%8s", "");
  for (const auto& n : names) std::printf(" %6.6s", n.c_str());
  std::printf("\n");
  for (size_t t = 0; t < ev.confusion.size(); ++t) {
    std::printf("%8.8s", t < names.size() ? names[t].c_str() : "?");
    for (int count : ev.confusion[t]) std::printf(" %6d", count);
    std::printf("\n");
  }
}

// The defaults for the data flags: the run a model file records, else mlp's own defaults.
RunConfig recorded_run(const std::string& model_path, const std::string& recorded) {
  try {
    return with_diff(cli_defaults(), recorded);
  } catch (const std::invalid_argument& e) {
    throw UsageError(model_path + ": its \"run\" field: " + e.what());
  }
}


// The data rows of the run configuration, the seed and the model file.
struct EvaluateFlags {
  Command command{"Evaluates a model saved by `mlp train --save-model` (or the page) on the training and test\n"
                  "sets. The data flags default to the run the model file records; flags given override it.",
                  "mlp evaluate"};
  ConfigFlags config{command.app, false, {"data", "n", "noise", "classes", "test", "scale", "test-part", "limit", "seed"}};
  std::string mnist_dir, model;

  EvaluateFlags() {
    add_mnist_dir(command.app, mnist_dir);
    command.app.add_option("--model", model, "model written by `mlp train --save-model`")
        ->type_name("FILE.json")
        ->required();
  }
};

}  // namespace

std::string evaluate_usage() { return EvaluateFlags().command.app.help(); }

int run_evaluate(const Args& args) {
  EvaluateFlags flags;
  parse(flags.command.app, args);
  std::string recorded;  // the model file's run configuration ("" when it has none)
  const Network<float> net = load_model<float>(flags.model, &recorded);
  const RunConfig run = flags.config.config(recorded_run(flags.model, recorded));
  const DataSplit data = load_data(run.data, run.train.seed, flags.mnist_dir);
  if (data.train.features() != net.spec.inputs)
    throw UsageError("the model has " + std::to_string(net.spec.inputs) + " inputs but the data has " +
                     std::to_string(data.train.features()) + " features");
  std::printf("model: %s\ndata: %s\n", net.spec.describe().c_str(), data.description.c_str());
  const Evaluation train = evaluate(net, data.train);
  std::printf("train: loss %.4f accuracy %.2f%% (%d examples)\n", train.loss, 100 * train.accuracy, train.examples);
  if (data.test.size() == 0) return 0;
  const Evaluation test = evaluate(net, data.test);
  std::printf("test:  loss %.4f accuracy %.2f%% (%d examples)\n", test.loss, 100 * test.accuracy, test.examples);
  print_confusion(test, data.test.class_names);
  return 0;
}

}  // namespace mlp::cli
