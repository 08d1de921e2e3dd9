// Tests for the hyperparameter search (src/nn/search): ranking, k-fold bookkeeping,
// divergence handling, grid validation, incremental stepping and the final test run.
#include <catch2/catch.hpp>

#include "data/toy.hpp"
#include "nn/metrics.hpp"
#include "nn/search.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace mlp;

namespace {
const Dataset& xor_set() {
  static const Dataset d = make_toy("xor", 200, 0.1, 1);
  return d;
}

// A linear model (no hidden layer, near chance on XOR) against 8 tanh units.
SearchSpace linear_vs_hidden() {
  SearchSpace s;
  s.hidden = {{}, {8}};
  s.learning_rates = {0.5};
  s.batch_sizes = {16};
  s.epochs = {30};
  s.activations = {Activation::Tanh};
  return s;
}

void run(Search& search) {
  while (search.step(16)) {}
}

// A clock that advances by `tick` seconds at every reading.
Clock ticking(double tick) {
  auto now = std::make_shared<double>(0.0);
  return [now, tick] { return *now += tick; };
}
}  // namespace

TEST_CASE("search: a clearly better configuration ranks first", "[search]") {
  SearchOptions o;
  o.validation_fraction = 0.25;
  Search search(xor_set(), linear_vs_hidden(), o);
  run(search);
  REQUIRE(search.finished());
  REQUIRE(search.rows().size() == 2);
  const int best = search.best();
  REQUIRE(best == 1);
  CHECK(search.ranking() == std::vector<int>{1, 0});
  const SearchRow& hidden = search.rows()[1];
  const SearchRow& linear = search.rows()[0];
  CHECK(hidden.status_text() == "ok");
  CHECK(hidden.config.hidden == std::vector<int>{8});
  CHECK(hidden.accuracy >= 0.9);
  CHECK(linear.accuracy < 0.7);
  CHECK(hidden.loss < linear.loss);
  CHECK(hidden.fold_accuracy == std::vector<double>{hidden.accuracy});
  REQUIRE(search.folds().size() == 1);
  CHECK(search.folds()[0].validation.size() == 50);
  CHECK(search.folds()[0].train.size() == 150);
}

TEST_CASE("search: k-fold validates every example exactly once, on the folds it reports", "[search]") {
  SearchOptions o;
  o.validation = Validation::KFold;
  o.folds = 4;
  SearchSpace space = linear_vs_hidden();
  space.epochs = {10};
  Search search(xor_set(), space, o);
  run(search);

  const std::vector<Fold>& folds = search.folds();
  REQUIRE(folds.size() == 4);
  std::vector<int> validated(xor_set().size(), 0);
  for (const Fold& f : folds) {
    CHECK(f.validation.size() == 50);
    CHECK(f.train.size() + f.validation.size() == 200);
    for (int i : f.validation) ++validated[i];
    for (int i : f.train) CHECK(std::find(f.validation.begin(), f.validation.end(), i) == f.validation.end());
  }
  CHECK(std::all_of(validated.begin(), validated.end(), [](int n) { return n == 1; }));

  const SearchRow& row = search.rows()[1];
  REQUIRE(row.status == TrialStatus::Ok);
  REQUIRE(row.fold_accuracy.size() == 4);
  CHECK(row.accuracy == Approx(std::accumulate(row.fold_accuracy.begin(), row.fold_accuracy.end(), 0.0) / 4));
  CHECK(row.loss == Approx(std::accumulate(row.fold_loss.begin(), row.fold_loss.end(), 0.0) / 4));
  // Fold 3 again by hand: train on its training rows, evaluate on its validation rows.
  const Dataset fold_train = take(xor_set(), folds[2].train);
  Trainer<float> trainer(network_spec(row.config, o, xor_set()), fold_train, train_config(row.config, o));
  for (int e = 0; e < row.config.epochs; ++e) trainer.step_epoch();
  CHECK(row.fold_accuracy[2] == evaluate(trainer.network(), take(xor_set(), folds[2].validation)).accuracy);
}

TEST_CASE("search: a diverging configuration is marked and the others still complete", "[search]") {
  SearchSpace space;
  space.hidden = {{32, 32}};
  space.learning_rates = {100, 0.05};
  space.batch_sizes = {16};
  space.epochs = {5};
  SearchOptions o;
  o.init = Init::Large;  // with lr 100 the ReLU activations blow up within a few updates
  for (Validation v : {Validation::Holdout, Validation::KFold}) {
    o.validation = v;
    Search search(xor_set(), space, o);
    run(search);
    REQUIRE(search.finished());
    const SearchRow& diverged = search.rows()[0];
    CHECK(diverged.status == TrialStatus::Diverged);
    // The weights overflow in an update before the next batch's loss becomes NaN.
    CHECK_THAT(diverged.status_text(), Catch::StartsWith("diverged (weights became NaN or infinite after "));
    CHECK(diverged.fold_accuracy.empty());
    if (v == Validation::KFold) CHECK_THAT(diverged.message, Catch::EndsWith(" in fold 1"));
    CHECK(search.rows()[1].status_text() == "ok");
    CHECK(search.best() == 1);
    CHECK(search.ranking() == std::vector<int>{1, 0});
    CHECK(search.progress().fraction == 1.0);
  }
  // On all 200 examples the loss turns NaN first.
  const Trial trial = retrain_and_test(xor_set(), xor_set(), search_configs(space, o)[0], o);
  CHECK(trial.status() == TrialStatus::Diverged);
  CHECK(trial.message() == "NaN loss after 5 updates");
  CHECK(std::isnan(trial.accuracy()));
}

TEST_CASE("search: a configuration the trainer rejects is marked invalid, the others run", "[search]") {
  SearchSpace space = linear_vs_hidden();
  space.hidden = {{1}};
  space.dropouts = {0.0, 0.9};  // dropping 90% of a single unit leaves none
  space.epochs = {2};
  Search search(xor_set(), space, SearchOptions());
  run(search);
  CHECK(search.rows()[0].status_text() == "ok");
  CHECK(search.rows()[1].status_text() == "invalid: hidden layer 1: dropout ratio 0.900000 would drop every unit");
  CHECK(search.best() == 0);
  CHECK(search.progress().fraction == 1.0);
}

TEST_CASE("search: a bad grid is rejected up front with every problem listed", "[search]") {
  SearchSpace space;
  space.hidden = {{8, 0}, {}, {8, 0}};
  space.learning_rates = {0, -0.1, 1000};
  space.batch_sizes = {-5};
  space.epochs = {0, 100000};
  space.dropouts = {1.0};
  space.activations = {};
  SearchOptions o;
  o.validation = Validation::KFold;
  o.folds = 1;
  const std::vector<std::string> expected = {
      "hidden layer widths: 8-0 has a layer of 0 units; use 1 to 4096",
      "hidden layer widths: 8-0 is listed more than once",
      "learning rates: 0 is not positive; use a value in (0, 100]",
      "learning rates: -0.1 is not positive",
      "learning rates: 1000 is absurdly large",
      "batch sizes: -5 is negative; use 1 or more, or 0 for the whole training set",
      "epochs: 0 trains nothing; use at least 1",
      "epochs: 100000 is more than 10000",
      "activations: the list is empty; give at least one value",
      "dropout ratios: 1 is not in [0, 1)",
      "k-fold: 1 folds; use 2 to the number of examples (200)",
  };
  const std::vector<std::string> problems = search_problems(space, o, xor_set());
  CHECK(problems.size() == expected.size() + 1);  // the second 8-0 also has a 0-unit layer
  try {
    Search search(xor_set(), space, o);
    FAIL("the bad grid was accepted");
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    CHECK_THAT(message, Catch::StartsWith("the search cannot start:\n  - "));
    for (const std::string& p : expected) CHECK_THAT(message, Catch::Contains(p));
  }

  SearchSpace empty;
  SearchOptions holdout;
  holdout.validation_fraction = 0.001;
  const std::vector<std::string> empty_problems = search_problems(empty, holdout, xor_set());
  CHECK(empty_problems.size() == 5);  // four empty lists and a split with no validation example
  CHECK(empty_problems.back() == "validation fraction: 0.001 of 200 examples leaves no validation example");
  holdout.validation_fraction = 1;
  CHECK(search_problems(linear_vs_hidden(), holdout, xor_set()) ==
        std::vector<std::string>{"validation fraction: 1 is not in (0, 1)"});
  holdout = SearchOptions();
  holdout.method = SearchMethod::Random;
  holdout.samples = 0;
  holdout.train.optimizer.momentum = 1.5;
  CHECK(search_problems(linear_vs_hidden(), holdout, xor_set()).size() == 2);
  CHECK(search_problems(linear_vs_hidden(), SearchOptions(), Dataset()) ==
        std::vector<std::string>{"the training set is empty"});
}

TEST_CASE("search: step(1) does one unit of work, progress counts it, stop() stops", "[search]") {
  SearchSpace space = linear_vs_hidden();
  space.epochs = {3};
  space.batch_sizes = {50, 0};
  SearchOptions o;
  o.validation_fraction = 0.25;
  Search search(xor_set(), space, o, ticking(0.5));
  // Per configuration: 3 epochs x ceil(150 / batch) batches + 1 evaluation chunk of 50 rows.
  const int planned = 2 * (3 * 3 + 1) + 2 * (3 * 1 + 1);
  int calls = 0;
  double last_fraction = 0;
  for (bool more = true; more; ++calls) {
    more = search.step(1);
    const SearchProgress p = search.progress();
    CHECK(p.fraction >= last_fraction);
    last_fraction = p.fraction;
    if (calls == 4) {  // second batch of the second epoch of the first configuration
      CHECK(p.current == 0);
      CHECK(p.done == 0);
      CHECK(p.epoch == 1);
      CHECK(p.epochs == 3);
      CHECK(p.fraction == Approx(5.0 / planned));
    }
  }
  CHECK(calls == planned);
  CHECK(last_fraction == 1.0);
  CHECK(search.progress().done == 4);
  CHECK(search.progress().current == -1);
  // The clock advances 0.5 s per reading, and each call reads it twice around its training batch.
  CHECK(search.rows()[0].train_seconds == 0.5 * 9);
  CHECK(search.rows()[1].train_seconds == 0.5 * 3);

  Search stopped(xor_set(), space, o);
  for (int i = 0; i < 12; ++i) stopped.step(1);  // the first configuration (10 units) and 2 one-batch epochs
  stopped.stop();
  CHECK(stopped.finished());
  CHECK_FALSE(stopped.step(1));
  CHECK(stopped.rows()[0].status_text() == "ok");
  CHECK(stopped.rows()[1].status_text() == "stopped");
  CHECK(stopped.rows()[1].message == "stopped in epoch 3");
  CHECK(stopped.rows()[2].status_text() == "pending");
  CHECK(stopped.best() == 0);
}

TEST_CASE("search: grid order, configurations without hidden layers tried once, random draws", "[search]") {
  SearchSpace space;
  space.hidden = {{}, {4}, {4, 4}};
  space.learning_rates = {0.1, 1};
  space.batch_sizes = {8};
  space.epochs = {2};
  space.activations = {Activation::ReLU, Activation::Sigmoid};
  SearchOptions o;
  const std::vector<SearchConfig> grid = search_configs(space, o);
  REQUIRE(grid.size() == 2 + 4 + 4);  // activation only matters with hidden layers
  CHECK(grid[0].describe() == "no hidden layer, lr 0.1, batch 8, 2 epochs");
  CHECK(grid[2].describe() == "4 relu, lr 0.1, batch 8, 2 epochs");
  CHECK(grid[3].describe() == "4 sigmoid, lr 0.1, batch 8, 2 epochs");
  CHECK(grid[9].describe() == "4-4 sigmoid, lr 1, batch 8, 2 epochs");

  o.method = SearchMethod::Random;
  o.samples = 4;
  const std::vector<SearchConfig> drawn = search_configs(space, o);
  REQUIRE(drawn.size() == 4);
  std::vector<std::string> names;
  for (const SearchConfig& c : drawn) names.push_back(c.describe());
  const std::vector<std::string> again = [&] {
    std::vector<std::string> n;
    for (const SearchConfig& c : search_configs(space, o)) n.push_back(c.describe());
    return n;
  }();
  CHECK(names == again);  // seeded
  std::sort(names.begin(), names.end());
  CHECK(std::unique(names.begin(), names.end()) == names.end());  // distinct
  for (const std::string& n : names)
    CHECK(std::any_of(grid.begin(), grid.end(), [&](const SearchConfig& c) { return c.describe() == n; }));
  o.samples = 50;
  CHECK(search_configs(space, o).size() == grid.size());  // more samples than combinations: the grid

  SearchConfig c;
  c.hidden = {100, 50};
  c.learning_rate = 0.001;
  c.batch_size = 0;
  c.epochs = 1;
  c.dropout = 0.2;
  CHECK(c.describe() == "100-50 relu, lr 0.001, full batch, 1 epoch, dropout 0.2");
}

TEST_CASE("search: the same seed gives the same table", "[search]") {
  SearchSpace space = linear_vs_hidden();
  space.epochs = {5};
  space.learning_rates = {0.1, 0.5};
  SearchOptions o;
  o.train.shuffle = true;
  Search a(xor_set(), space, o), b(xor_set(), space, o);
  run(a);
  run(b);
  for (size_t i = 0; i < a.rows().size(); ++i) {
    CHECK(a.rows()[i].accuracy == b.rows()[i].accuracy);
    CHECK(a.rows()[i].loss == b.rows()[i].loss);
  }
}

TEST_CASE("retrain_and_test: the best configuration on the whole training set, once on the test set", "[search]") {
  SearchOptions o;
  Search search(xor_set(), linear_vs_hidden(), o);
  run(search);
  REQUIRE(search.best() >= 0);
  const SearchConfig& best = search.rows()[search.best()].config;
  const Dataset test = make_toy("xor", 120, 0.1, 99);
  const Trial final = retrain_and_test(xor_set(), test, best, o);
  REQUIRE(final.status() == TrialStatus::Ok);
  CHECK(final.accuracy() >= 0.9);
  CHECK(final.units_done() == final.units_total());
  CHECK(final.units_total() == 30 * 13 + 1);  // 30 epochs of ceil(200 / 16) batches, 1 chunk of 120 rows
  // The same as training by hand on all 200 examples.
  Trainer<float> trainer(network_spec(best, o, xor_set()), xor_set(), train_config(best, o));
  for (int e = 0; e < best.epochs; ++e) trainer.step_epoch();
  const Evaluation ev = evaluate(trainer.network(), test);
  CHECK(final.accuracy() == ev.accuracy);
  CHECK(final.loss() == Approx(ev.loss));
  CHECK(final.network().W.back() == trainer.network().W.back());

  const Dataset three_classes = make_toy("gaussians", 60, 0.1, 1, 3);
  const Trial mismatch = retrain_and_test(xor_set(), three_classes, best, o);
  CHECK(mismatch.status() == TrialStatus::Invalid);
  CHECK(mismatch.message() ==
        "the evaluation set (2 features, 3 classes) does not match the training set (2 features, 2 classes)");
  CHECK_THROWS_AS(mismatch.network(), std::logic_error);
}
