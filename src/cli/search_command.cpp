// `mlp search`: grid or random hyperparameter search (src/nn/search) on a validation
// split or k folds of the training set; prints each configuration as it finishes, a
// table ranked by validation accuracy, then retrains the best configuration on the
// whole training set and reports its test accuracy.
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "nn/search.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace mlp::cli {

namespace {

// "50" -> {50}; "100-50" -> {100, 50}; "none" -> {} (no hidden layer).
std::vector<int> parse_widths(const std::string& item) {
  std::vector<int> widths;
  if (item == "none") return widths;
  size_t start = 0;
  while (true) {
    const size_t dash = item.find('-', start);
    const std::string part = item.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    widths.push_back(parse_flag("hidden", part, [&](const std::string& w) {
      try {
        return parse_width(w, 4096);
      } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("item '" + item + "': " + e.what() + " (widths joined by '-')");
      }
    }));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  return widths;
}

// `mlp search`'s flags: the data rows of the run configuration, the values to try (lists),
// how to judge them, and the fixed training settings.
struct SearchFlags {
  Command command{"Tries every combination (grid) or --samples random ones of the listed values, judged on a\n"
                  "validation split of the training set or by k-fold cross-validation; prints a table, then\n"
                  "retrains the best configuration on the whole training set and reports its test accuracy.\n"
                  "Defaults: --data mnist --preprocess zscore-global.",
                  "mlp search"};
  ConfigFlags data{command.app, false, {"data", "n", "noise", "classes", "test", "scale", "test-part", "limit"}};
  std::string mnist_dir, method = "grid", output = "softmax", init = "lecture", csv;
  std::vector<std::string> hidden = {"100"}, activations = {"relu"};
  SearchSpace space;
  SearchOptions options;
  CLI::Option* validation = nullptr;
  CLI::Option* folds = nullptr;

  SearchFlags() {
    space.learning_rates = {0.1};
    space.batch_sizes = {32};
    space.epochs = {5};
    options.train.shuffle = true;
    CLI::App& app = command.app;
    add_mnist_dir(app, mnist_dir);
    app.add_option("--hidden", hidden, "hidden widths to try; one item per network, layers joined by '-', "
                                       "e.g. 50,100,100-50 (default 100)")->type_name("H,..")->delimiter(',');
    app.add_option("--lr", space.learning_rates, "learning rates to try (default 0.1)")->type_name("R,..")->delimiter(',');
    app.add_option("--batch", space.batch_sizes, "batch sizes to try; 0 = full batch (default 32)")
        ->type_name("B,..")->delimiter(',');
    app.add_option("--epochs", space.epochs, "epoch counts to try (default 5)")->type_name("E,..")->delimiter(',');
    app.add_option("--activation", activations, "hidden activations to try (default relu)")
        ->type_name("A,..")->delimiter(',');
    app.add_option("--dropout", space.dropouts, "dropout ratios to try (default 0)")->type_name("R,..")->delimiter(',');
    app.add_option("--method", method, "grid (every combination, default) or random")
        ->type_name("M")->check(CLI::IsMember({"grid", "random"}));
    app.add_option("--samples", options.samples, "random search: combinations to draw (default 10)")
        ->type_name("N")->check(CLI::Range(1, 100000));
    validation = app.add_option("--validation", options.validation_fraction,
                                "judge on a held-out share F of the training set (default 0.2)")
                     ->type_name("F")->check(CLI::Range(0.0, 0.9));
    folds = app.add_option("--folds", options.folds, "judge by K-fold cross-validation instead (the later of the two wins)")
                ->type_name("K")->check(CLI::Range(2, 100));
    app.add_option("--output", output, "softmax | sigmoid | linear (default softmax)")->type_name("O");
    app.add_option("--init", init, "weight initialisation (default lecture)")->type_name("I");
    app.add_option("--momentum", options.train.optimizer.momentum, "momentum μ (default: none, plain gradient descent)")
        ->type_name("M")->check(CLI::Range(0.0, 0.999))
        ->each([this](const std::string&) { options.train.optimizer.kind = Optimizer::Momentum; });
    app.add_flag("--shuffle,!--no-shuffle", options.train.shuffle,
                 "reshuffle each epoch (default on; --no-shuffle for the lecture's order)");
    app.add_option("--seed", options.train.seed, "seed of the split, the draws and the training runs (default 1)")
        ->type_name("S");
    app.add_option("--csv", csv, "write the ranked table as CSV")->type_name("FILE.csv");
  }

  // What was asked, read after parsing.
  void finish() {
    space.hidden.clear();
    for (const auto& item : hidden) space.hidden.push_back(parse_widths(item));
    space.activations.clear();
    for (const auto& a : activations) space.activations.push_back(parse_flag("activation", a, parse_activation));
    options.method = method == "grid" ? SearchMethod::Grid : SearchMethod::Random;
    if (folds->count() > 0 && last_position(command.app, folds) > last_position(command.app, validation))
      options.validation = Validation::KFold;
    options.output = parse_flag("output", output, parse_output);
    options.init = parse_flag("init", init, parse_init);
  }
};

void print_row(int index, const SearchRow& r) {
  std::printf("%4d  %-52s %-4s", index + 1, r.config.describe().c_str(), r.status == TrialStatus::Ok ? "ok" : "");
  if (r.status == TrialStatus::Ok)
    std::printf(" %8.2f%% %9.4f %8.1fs\n", 100 * r.accuracy, r.loss, r.train_seconds);
  else
    std::printf(" %s\n", r.status_text().c_str());
}

void write_csv(const std::string& path, const Search& search) {
  std::ofstream f(path);
  f << "rank,config,hidden,learning_rate,batch_size,epochs,activation,dropout,status,validation_accuracy,"
       "validation_loss,train_seconds\n";
  int rank = 0;
  for (int i : search.ranking()) {
    const SearchRow& r = search.rows()[i];
    std::string hidden;
    for (int w : r.config.hidden) hidden += (hidden.empty() ? "" : "-") + std::to_string(w);
    f << ++rank << ",\"" << r.config.describe() << "\"," << (hidden.empty() ? "none" : hidden) << ','
      << r.config.learning_rate << ',' << r.config.batch_size << ',' << r.config.epochs << ','
      << activation_name(r.config.activation) << ',' << r.config.dropout << ",\"" << r.status_text() << "\",";
    if (r.status == TrialStatus::Ok) f << r.accuracy << ',' << r.loss;
    else f << ',';
    f << ',' << r.train_seconds << '\n';
  }
  if (!f.good()) throw std::runtime_error(path + ": cannot write the search results");
  std::printf("results written to %s\n", path.c_str());
}

}  // namespace

std::string search_usage() { return SearchFlags().command.app.help(); }

int run_search(const Args& args) {
  SearchFlags flags;
  parse(flags.command.app, args);
  flags.finish();
  const SearchSpace& space = flags.space;
  const SearchOptions& options = flags.options;
  RunConfig defaults = cli_defaults();
  defaults.data.source = "mnist";
  defaults.data.scaling = Scaling::ZScoreGlobal;
  const DataSplit data = load_data(flags.data.config(defaults).data, options.train.seed, flags.mnist_dir);
  std::printf("data: %s\n", data.description.c_str());

  const std::vector<std::string> problems = search_problems(space, options, data.train);
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) all += "\n  " + p;
    throw UsageError("the search cannot run:" + all);
  }
  Search search(data.train, space, options);
  std::printf("%s search: %zu configurations, judged on %s\n\n", options.method == SearchMethod::Grid ? "grid" : "random",
              search.rows().size(),
              options.validation == Validation::KFold
                  ? (std::to_string(options.folds) + "-fold cross-validation").c_str()
                  : (std::to_string(static_cast<int>(std::lround(100 * options.validation_fraction))) +
                     "% of the training set held out").c_str());
  std::printf("%4s  %-52s %-4s %9s %9s %9s\n", "#", "configuration", "", "val acc", "val loss", "time");
  int reported = 0;
  while (search.step(64)) {
    const int done = search.progress().done;
    for (; reported < done; ++reported) print_row(reported, search.rows()[reported]);
    std::fflush(stdout);
  }
  for (; reported < static_cast<int>(search.rows().size()); ++reported) print_row(reported, search.rows()[reported]);

  std::printf("\nranked by validation accuracy:\n");
  int rank = 0;
  for (int i : search.ranking()) print_row(rank++, search.rows()[i]);
  if (!flags.csv.empty()) write_csv(flags.csv, search);
  const int best = search.best();
  if (best < 0) {
    std::fprintf(stderr, "mlp search: no configuration trained successfully\n");
    return 1;
  }
  const SearchConfig& config = search.rows()[best].config;
  if (data.test.size() == 0) {
    std::printf("\nbest: %s (no test set to evaluate on)\n", config.describe().c_str());
    return 0;
  }
  std::printf("\nbest: %s; retraining on all %d training examples ...\n", config.describe().c_str(),
              data.train.size());
  std::fflush(stdout);
  const Trial final_run = retrain_and_test(data.train, data.test, config, options);
  if (final_run.status() != TrialStatus::Ok) {
    std::fprintf(stderr, "mlp search: the final run failed: %s\n", final_run.message().c_str());
    return 1;
  }
  std::printf("test accuracy of the best configuration: %.2f%% (loss %.4f, %d test examples, trained in %.1f s)\n",
              100 * final_run.accuracy(), final_run.loss(), data.test.size(), final_run.train_seconds());
  return 0;
}

}  // namespace mlp::cli
