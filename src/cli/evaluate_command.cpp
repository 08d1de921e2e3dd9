// `mlp evaluate`: a saved model (--save-model) on the training and test sets of the
// given data flags: loss, accuracy and the test set's confusion matrix.
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "cli/options.hpp"
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

}  // namespace

std::vector<FlagSpec> evaluate_flags() {
  return join_flags({data_flags(),
                     {{"seed", "S", "seed the toy set and the split were made with (default 1)"},
                      {"model", "FILE.json", "model written by `mlp train --save-model` (required)"}}});
}

int run_evaluate(const Args& args) {
  const Flags flags(evaluate_flags(), args);
  if (!flags.positional().empty()) throw UsageError("unexpected argument '" + flags.positional()[0] + "'");
  if (!flags.has("model")) throw UsageError("--model FILE.json is required");
  const Network<float> net = load_model<float>(flags.text("model", ""));
  const DataSplit data = load_data(read_data_options(flags));
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
