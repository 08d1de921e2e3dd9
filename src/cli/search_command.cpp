// `mlp search`: grid or random hyperparameter search (src/nn/search) on a validation
// split or k folds of the training set; prints each configuration as it finishes, a
// table ranked by validation accuracy, then retrains the best configuration on the
// whole training set and reports its test accuracy.
#include "cli/commands.hpp"
#include "cli/data_source.hpp"
#include "cli/options.hpp"
#include "nn/search.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>

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
    widths.push_back(static_cast<int>(parse_integer("--hidden item '" + item + "'", part, 1, 4096)));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  return widths;
}

SearchSpace read_space(const Flags& flags) {
  SearchSpace s;
  s.hidden = parse_items(flags, "hidden", parse_widths, std::vector<std::vector<int>>{{100}});
  s.learning_rates = flags.has("lr") ? flags.numbers("lr", -1e300, 1e300) : std::vector<double>{0.1};
  for (long b : flags.has("batch") ? flags.integers("batch", -1000000000, 1000000000) : std::vector<long>{32})
    s.batch_sizes.push_back(static_cast<int>(b));
  for (long e : flags.has("epochs") ? flags.integers("epochs", -1000000000, 1000000000) : std::vector<long>{5})
    s.epochs.push_back(static_cast<int>(e));
  s.activations = parse_items(flags, "activation", parse_activation, s.activations);
  if (flags.has("dropout")) s.dropouts = flags.numbers("dropout", -1e300, 1e300);
  return s;
}

SearchOptions read_search_options(const Flags& flags) {
  SearchOptions o;
  const std::string method = flags.text("method", "grid");
  if (method != "grid" && method != "random") throw UsageError("--method: expected grid or random, got '" + method + "'");
  o.method = method == "grid" ? SearchMethod::Grid : SearchMethod::Random;
  o.samples = static_cast<int>(flags.integer("samples", o.samples, 1, 100000));
  if (flags.has("folds") && flags.position("folds") > flags.position("validation")) {
    o.validation = Validation::KFold;
    o.folds = static_cast<int>(flags.integer("folds", o.folds, 2, 100));
  }
  o.validation_fraction = flags.number("validation", o.validation_fraction, 0.0, 0.9);
  o.output = parse_value(flags, "output", parse_output, o.output);
  o.init = parse_value(flags, "init", parse_init, o.init);
  o.train.momentum = flags.number("momentum", 0.0, 0.0, 0.999);
  o.train.shuffle = flags.enabled("shuffle", true);
  o.train.seed = static_cast<uint64_t>(flags.integer("seed", 1, 0, std::numeric_limits<long>::max()));
  return o;
}

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

std::vector<FlagSpec> search_flags() {
  return join_flags({data_flags(),
                     {{"hidden", "H,..", "hidden widths to try; one item per network, layers joined by '-', "
                                         "e.g. 50,100,100-50 (default 100)"},
                      {"lr", "R,..", "learning rates to try (default 0.1)"},
                      {"batch", "B,..", "batch sizes to try; 0 = full batch (default 32)"},
                      {"epochs", "E,..", "epoch counts to try (default 5)"},
                      {"activation", "A,..", "hidden activations to try (default relu)"},
                      {"dropout", "R,..", "dropout ratios to try (default 0)"},
                      {"method", "M", "grid (every combination, default) or random"},
                      {"samples", "N", "random search: combinations to draw (default 10)"},
                      {"validation", "F", "judge on a held-out share F of the training set (default 0.2)"},
                      {"folds", "K", "judge by K-fold cross-validation instead (the later of the two wins)"},
                      {"output", "O", "softmax | sigmoid | linear (default softmax)"},
                      {"init", "I", "weight initialisation (default lecture)"},
                      {"momentum", "M", "momentum (default 0)"},
                      {"shuffle", "", "reshuffle each epoch (default on; --no-shuffle for the lecture's order)"},
                      {"seed", "S", "seed of the split, the draws and the training runs (default 1)"},
                      {"csv", "FILE.csv", "write the ranked table as CSV"}}});
}

int run_search(const Args& args) {
  const Flags flags(search_flags(), args);
  if (!flags.positional().empty()) throw UsageError("unexpected argument '" + flags.positional()[0] + "'");
  const SearchSpace space = read_space(flags);
  const SearchOptions options = read_search_options(flags);
  DataOptions data_options = read_data_options(flags);
  if (!flags.has("data")) data_options.source = "mnist";
  if (!flags.has("preprocess")) data_options.preprocess = Preprocess::ZScoreGlobal;
  const DataSplit data = load_data(data_options);
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
  if (flags.has("csv")) write_csv(flags.text("csv", ""), search);
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
