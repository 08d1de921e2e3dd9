// Grid / random hyperparameter search with holdout or k-fold validation, run in
// bounded steps; see search.hpp.
#include "nn/search.hpp"

#include "nn/metrics.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cmath>
#include <numeric>
#include <set>
#include <sstream>
#include <stdexcept>

namespace mlp {

namespace {

constexpr int64_t kMaxConfigs = 10000;        // configurations one search may train
constexpr int64_t kMaxCombinations = 1000000;  // size of the space a random search draws from
constexpr int kMaxEpochs = 10000;
constexpr int kMaxUnits = 4096;
constexpr int kMaxHiddenLayers = 16;
constexpr uint64_t kSampleStream = 101;  // Rng stream of the random search's draws

std::string widths_text(const std::vector<int>& widths) {
  if (widths.empty()) return "no hidden layer";
  std::string s;
  for (int w : widths) s += (s.empty() ? "" : "-") + std::to_string(w);
  return s;
}

template <class V>
std::string text(V value) {
  std::ostringstream s;
  s << value;
  return s.str();
}

// Appends one problem per bad or repeated entry of a list (or one for an empty list);
// show(v) names an entry, check(v) says what is wrong with it ("" when nothing).
template <class V, class Show, class Check>
void check_list(const std::vector<V>& values, const std::string& name, Show show, Check check,
                std::vector<std::string>& out) {
  if (values.empty()) out.push_back(name + ": the list is empty; give at least one value");
  for (size_t i = 0; i < values.size(); ++i) {
    const std::string problem = check(values[i]);
    if (!problem.empty()) out.push_back(name + ": " + show(values[i]) + " " + problem);
    if (std::find(values.begin(), values.begin() + static_cast<int64_t>(i), values[i]) != values.begin() + static_cast<int64_t>(i))
      out.push_back(name + ": " + show(values[i]) + " is listed more than once");
  }
}

std::string check_widths(const std::vector<int>& widths) {
  if (static_cast<int>(widths.size()) > kMaxHiddenLayers)
    return "has " + std::to_string(widths.size()) + " hidden layers, at most 16";
  for (int w : widths)
    if (w < 1 || w > kMaxUnits) return "has a layer of " + std::to_string(w) + " units; use 1 to 4096";
  return "";
}

std::string check_learning_rate(double lr) {
  if (lr > 0 && lr <= 100) return "";
  return std::string(lr > 100 ? "is absurdly large" : "is not positive") + "; use a value in (0, 100]";
}

std::string check_batch_size(int b) {
  return b >= 0 ? "" : "is negative; use 1 or more, or 0 for the whole training set";
}

std::string check_epochs(int e) {
  if (e < 1) return "trains nothing; use at least 1";
  if (e > kMaxEpochs) return "is more than " + std::to_string(kMaxEpochs);
  return "";
}

std::string check_dropout(double d) { return d >= 0 && d < 1 ? "" : "is not in [0, 1)"; }

std::string no_problem(Activation) { return ""; }

std::vector<int> all_rows(int n) {
  std::vector<int> rows(n);
  std::iota(rows.begin(), rows.end(), 0);
  return rows;
}

// The combination with grid index i (mixed radix, dropout fastest).
SearchConfig grid_config(const SearchSpace& space, int64_t i) {
  SearchConfig c;
  const auto digit = [&i](const auto& list) {
    const auto& v = list[i % static_cast<int64_t>(list.size())];
    i /= static_cast<int64_t>(list.size());
    return v;
  };
  c.dropout = digit(space.dropouts);
  c.activation = digit(space.activations);
  c.epochs = digit(space.epochs);
  c.batch_size = digit(space.batch_sizes);
  c.learning_rate = digit(space.learning_rates);
  c.hidden = digit(space.hidden);
  return c;
}

// Without hidden layers the activation and dropout change nothing, so of those
// combinations only the one with the first activation and dropout is tried.
bool canonical(const SearchSpace& space, int64_t i) {
  const int64_t hidden_stride = space.size() / static_cast<int64_t>(space.hidden.size());
  const int64_t activation_dropout = static_cast<int64_t>(space.activations.size() * space.dropouts.size());
  return !space.hidden[i / hidden_stride].empty() || i % activation_dropout == 0;
}

// Number of combinations search_configs tries for a grid (space.size() > 0).
int64_t canonical_count(const SearchSpace& space) {
  const int64_t per_widths = space.size() / static_cast<int64_t>(space.hidden.size());
  const int64_t activation_dropout = static_cast<int64_t>(space.activations.size() * space.dropouts.size());
  int64_t n = 0;
  for (const std::vector<int>& widths : space.hidden) n += widths.empty() ? per_widths / activation_dropout : per_widths;
  return n;
}

std::vector<Fold> make_folds(const Dataset& train, const SearchOptions& o) {
  if (o.validation == Validation::KFold) return kfold(train.labels, o.folds, o.train.seed, o.stratified);
  const Split split = split_indices(train.labels, o.validation_fraction, 0.0, o.train.seed, o.stratified);
  return {Fold{split.train, split.validation}};
}

int64_t fold_units(const SearchConfig& c, const Fold& fold) {
  const int64_t batches = static_cast<int64_t>(c.epochs) * batches_per_epoch(static_cast<int>(fold.train.size()), c.batch_size);
  return batches + (static_cast<int64_t>(fold.validation.size()) + Trial::kEvalChunk - 1) / Trial::kEvalChunk;
}

}  // namespace

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// ------------------------------------------------------------------------------ space

int64_t SearchSpace::size() const {
  int64_t n = 1;
  for (size_t len : {hidden.size(), learning_rates.size(), batch_sizes.size(), epochs.size(), activations.size(),
                     dropouts.size()})
    n = (len > 0 && n > INT64_MAX / static_cast<int64_t>(len)) ? INT64_MAX : n * static_cast<int64_t>(len);
  return n;
}

std::string SearchConfig::describe() const {
  std::string s = widths_text(hidden);
  if (!hidden.empty()) s += std::string(" ") + activation_name(activation);
  s += ", lr " + text(learning_rate);
  s += batch_size > 0 ? ", batch " + std::to_string(batch_size) : ", full batch";
  s += ", " + std::to_string(epochs) + (epochs == 1 ? " epoch" : " epochs");
  if (dropout > 0 && !hidden.empty()) s += ", dropout " + text(dropout);
  return s;
}

std::vector<std::string> search_problems(const SearchSpace& space, const SearchOptions& o, const Dataset& train) {
  std::vector<std::string> out;
  const auto number = [](auto x) { return text(x); };
  check_list(space.hidden, "hidden layer widths", widths_text, check_widths, out);
  check_list(space.learning_rates, "learning rates", number, check_learning_rate, out);
  check_list(space.batch_sizes, "batch sizes", number, check_batch_size, out);
  check_list(space.epochs, "epochs", number, check_epochs, out);
  check_list(space.activations, "activations", activation_name, no_problem, out);
  check_list(space.dropouts, "dropout ratios", number, check_dropout, out);
  const int64_t size = space.size();
  if (size > kMaxCombinations)
    out.push_back("the lists make " + std::to_string(size) + " combinations, more than " +
                  std::to_string(kMaxCombinations) + "; shorten them");
  else if (o.method == SearchMethod::Grid && size > 0 && canonical_count(space) > kMaxConfigs)
    out.push_back("the grid has " + std::to_string(canonical_count(space)) + " combinations, more than " +
                  std::to_string(kMaxConfigs) + "; shorten the lists or use a random search");
  if (o.method == SearchMethod::Random && (o.samples < 1 || o.samples > kMaxConfigs))
    out.push_back("random search samples: " + std::to_string(o.samples) + " is not in 1.." + std::to_string(kMaxConfigs));
  const int n = train.size();
  if (n == 0) out.push_back("the training set is empty");
  if (o.validation == Validation::Holdout) {
    const int64_t held_out = std::lround(n * o.validation_fraction);
    if (!(o.validation_fraction > 0 && o.validation_fraction < 1))
      out.push_back("validation fraction: " + text(o.validation_fraction) + " is not in (0, 1)");
    else if (n > 0 && (held_out < 1 || held_out >= n))
      out.push_back("validation fraction: " + text(o.validation_fraction) + " of " + std::to_string(n) +
                    " examples leaves " + (held_out < 1 ? "no validation" : "no training") + " example");
  } else if (o.folds < 2 || o.folds > n) {
    out.push_back("k-fold: " + std::to_string(o.folds) + " folds; use 2 to the number of examples (" +
                  std::to_string(n) + ")");
  }
  try {
    TrainConfig check = o.train;
    check.learning_rate = 0.1;
    check.batch_size = 0;
    check.validate();
  } catch (const std::invalid_argument& e) {
    out.push_back(std::string("training options: ") + e.what());
  }
  return out;
}

std::vector<SearchConfig> search_configs(const SearchSpace& space, const SearchOptions& o) {
  const int64_t total = space.size();
  std::vector<SearchConfig> configs;
  if (total == 0) return configs;
  if (o.method == SearchMethod::Grid || o.samples >= canonical_count(space)) {
    for (int64_t i = 0; i < total; ++i)
      if (canonical(space, i)) configs.push_back(grid_config(space, i));
    return configs;
  }
  Rng rng = Rng(o.train.seed).fork(kSampleStream);
  std::set<int64_t> drawn;
  while (static_cast<int>(configs.size()) < o.samples) {
    const int64_t i = static_cast<int64_t>(rng.uniform_int(static_cast<uint64_t>(total)));
    if (canonical(space, i) && drawn.insert(i).second) configs.push_back(grid_config(space, i));
  }
  return configs;
}

NetworkSpec network_spec(const SearchConfig& c, const SearchOptions& o, const Dataset& data) {
  NetworkSpec spec;
  spec.inputs = data.features();
  for (int units : c.hidden) spec.hidden.push_back(LayerSpec{units, c.activation, c.dropout});
  spec.outputs = output_units(o.output, data.num_classes);
  spec.output = o.output;
  spec.init = o.init;
  return spec;
}

TrainConfig train_config(const SearchConfig& c, const SearchOptions& o) {
  TrainConfig config = o.train;
  config.learning_rate = c.learning_rate;
  config.batch_size = c.batch_size;
  return config;
}

// ------------------------------------------------------------------------------ trial

Trial::Trial(const NetworkSpec& spec, const TrainConfig& config, int epochs, const Dataset& train,
             std::vector<int> train_rows, const Dataset& eval, std::vector<int> eval_rows, Clock clock)
    : eval_(&eval), eval_rows_(std::move(eval_rows)), clock_(clock ? std::move(clock) : steady_seconds), epochs_(epochs) {
  try {
    if (epochs < 1) throw std::invalid_argument("epochs must be at least 1, got " + std::to_string(epochs));
    if (eval_rows_.empty()) throw std::invalid_argument("the evaluation set is empty");
    if (eval.features() != train.features() || eval.num_classes != train.num_classes)
      throw std::invalid_argument("the evaluation set (" + std::to_string(eval.features()) + " features, " +
                                  std::to_string(eval.num_classes) + " classes) does not match the training set (" +
                                  std::to_string(train.features()) + " features, " +
                                  std::to_string(train.num_classes) + " classes)");
    trainer_ = std::make_unique<Trainer<float>>(spec, train, config, std::move(train_rows));
  } catch (const std::invalid_argument& e) {
    status_ = TrialStatus::Invalid;
    message_ = e.what();
    return;
  }
  const int64_t chunks = (static_cast<int64_t>(eval_rows_.size()) + kEvalChunk - 1) / kEvalChunk;
  units_total_ = static_cast<int64_t>(epochs_) * trainer_->batches_per_epoch() + chunks;
}

int Trial::epoch() const { return trainer_ ? trainer_->epoch() : 0; }

const Network<float>& Trial::network() const {
  if (!trainer_) throw std::logic_error("an invalid trial has no network: " + message_);
  return trainer_->network();
}

int Trial::step(int units) {
  int used = finished() || trainer_->epoch() >= epochs_ ? 0 : train(units);
  for (; !finished() && used < units && eval_done_ < eval_rows_.size(); ++used) evaluate_chunk();
  units_done_ += used;
  if (!finished() && eval_done_ == eval_rows_.size()) finish();
  return used;
}

int Trial::train(int units) {
  const double start = clock_();
  int used = 0;
  for (; used < units && trainer_->epoch() < epochs_ && !finished(); ++used) {
    trainer_->step_batch();
    if (!trainer_->diverged()) continue;
    const float loss = trainer_->last_batch_loss();
    status_ = TrialStatus::Diverged;
    message_ = std::string(std::isnan(loss)   ? "NaN loss"
                           : std::isinf(loss) ? "infinite loss"
                                              : "weights became NaN or infinite") +
               " after " + std::to_string(trainer_->iteration()) + " updates";
  }
  train_seconds_ += clock_() - start;
  return used;
}

void Trial::evaluate_chunk() {
  const size_t end = std::min(eval_done_ + kEvalChunk, eval_rows_.size());
  const auto first = eval_rows_.begin() + static_cast<std::ptrdiff_t>(eval_done_);
  const std::vector<int> rows(first, first + static_cast<std::ptrdiff_t>(end - eval_done_));
  const Evaluation ev = evaluate(trainer_->network(), *eval_, rows);
  loss_sum_ += ev.loss * ev.examples;
  correct_ += ev.accuracy * ev.examples;
  eval_done_ = end;
}

void Trial::finish() {
  const double n = static_cast<double>(eval_rows_.size());
  if (!std::isfinite(loss_sum_)) {
    status_ = TrialStatus::Diverged;
    message_ = "NaN loss on the evaluation set";
    return;
  }
  status_ = TrialStatus::Ok;
  loss_ = loss_sum_ / n;
  accuracy_ = std::round(correct_) / n;
}

// ------------------------------------------------------------------------------ search

std::string SearchRow::status_text() const {
  switch (status) {
    case TrialStatus::Pending: return "pending";
    case TrialStatus::Running: return "running";
    case TrialStatus::Ok: return "ok";
    case TrialStatus::Diverged: return "diverged (" + message + ")";
    case TrialStatus::Invalid: return "invalid: " + message;
    case TrialStatus::Stopped: return "stopped";
  }
  return "?";
}

Search::Search(const Dataset& train, const SearchSpace& space, const SearchOptions& options, Clock clock)
    : train_(&train), options_(options), clock_(std::move(clock)) {
  const std::vector<std::string> problems = search_problems(space, options, train);
  if (!problems.empty()) {
    std::string message = "the search cannot start:";
    for (const std::string& p : problems) message += "\n  - " + p;
    throw std::invalid_argument(message);
  }
  folds_ = make_folds(train, options);
  for (const Fold& f : folds_)
    if (f.train.empty() || f.validation.empty())
      throw std::invalid_argument("the search cannot start:\n  - a split leaves an empty training or validation part");
  for (const SearchConfig& c : search_configs(space, options)) {
    rows_.emplace_back();
    rows_.back().config = c;
    int64_t units = 0;
    for (const Fold& f : folds_) units += fold_units(c, f);
    row_units_.push_back(units);
    units_total_ += units;
  }
}

void Search::start_trial() {
  SearchRow& row = rows_[current_];
  row.status = TrialStatus::Running;
  trial_ = std::make_unique<Trial>(network_spec(row.config, options_, *train_), train_config(row.config, options_),
                                   row.config.epochs, *train_, folds_[fold_].train, *train_,
                                   folds_[fold_].validation, clock_);
}

void Search::finish_trial() {
  SearchRow& row = rows_[current_];
  row.train_seconds += trial_->train_seconds();
  const bool ok = trial_->status() == TrialStatus::Ok;
  if (ok) {
    row.fold_accuracy.push_back(trial_->accuracy());
    row.fold_loss.push_back(trial_->loss());
  } else {
    row.status = trial_->status();
    row.message = trial_->message();
    if (row.status == TrialStatus::Diverged && folds_.size() > 1) row.message += " in fold " + std::to_string(fold_ + 1);
  }
  trial_.reset();
  if (ok && fold_ + 1 < static_cast<int>(folds_.size())) {  // on to the next fold
    units_finished_ += fold_units(row.config, folds_[fold_]);
    ++fold_;
    return;
  }
  if (ok) {
    const auto mean = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / v.size(); };
    row.status = TrialStatus::Ok;
    row.accuracy = mean(row.fold_accuracy);
    row.loss = mean(row.fold_loss);
  }
  units_finished_ = std::accumulate(row_units_.begin(), row_units_.begin() + current_ + 1, int64_t{0});
  ++current_;
  fold_ = 0;
}

bool Search::step(int units) {
  while (units > 0 && !finished()) {
    if (!trial_) start_trial();
    units -= trial_->step(units);
    if (trial_->finished()) finish_trial();
  }
  return !finished();
}

void Search::stop() {
  if (trial_) {
    rows_[current_].status = TrialStatus::Stopped;
    rows_[current_].message = "stopped in epoch " + std::to_string(trial_->epoch() + 1) +
                              (folds_.size() > 1 ? " of fold " + std::to_string(fold_ + 1) : "");
    trial_.reset();
  }
  stopped_ = true;
}

SearchProgress Search::progress() const {
  SearchProgress p;
  p.total = static_cast<int>(rows_.size());
  p.done = std::min(current_, p.total);
  p.folds = static_cast<int>(folds_.size());
  if (trial_) {
    p.current = current_;
    p.fold = fold_;
    p.epoch = trial_->epoch();
    p.epochs = trial_->epochs();
  }
  const int64_t done = units_finished_ + (trial_ ? trial_->units_done() : 0);
  p.fraction = units_total_ > 0 ? std::min(1.0, static_cast<double>(done) / units_total_) : 1.0;
  return p;
}

std::vector<int> Search::ranking() const {
  std::vector<int> order = all_rows(static_cast<int>(rows_.size()));
  std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
    const SearchRow &x = rows_[a], &y = rows_[b];
    const bool x_ok = x.status == TrialStatus::Ok, y_ok = y.status == TrialStatus::Ok;
    if (x_ok != y_ok) return x_ok;
    if (!x_ok) return false;
    if (x.accuracy != y.accuracy) return x.accuracy > y.accuracy;
    return x.loss < y.loss;
  });
  return order;
}

int Search::best() const {
  const std::vector<int> order = ranking();
  return !order.empty() && rows_[order[0]].status == TrialStatus::Ok ? order[0] : -1;
}

// ------------------------------------------------------------------------------ final run

Trial final_trial(const Dataset& train, const Dataset& test, const SearchConfig& config, const SearchOptions& options,
                  Clock clock) {
  return Trial(network_spec(config, options, train), train_config(config, options), config.epochs, train, {}, test,
               all_rows(test.size()), std::move(clock));
}

Trial retrain_and_test(const Dataset& train, const Dataset& test, const SearchConfig& config,
                       const SearchOptions& options, Clock clock) {
  Trial trial = final_trial(train, test, config, options, std::move(clock));
  while (trial.step(64) > 0) {}
  return trial;
}

}  // namespace mlp
