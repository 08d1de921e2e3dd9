// Runs several training configurations in lockstep; see compare.hpp.
#include "nn/compare.hpp"

#include <cmath>
#include <stdexcept>

namespace mlp {

void CompareSettings::validate() const {
  schedule.validate();
  if (!(std::isfinite(target_loss) && target_loss > 0.0))
    throw std::invalid_argument("target loss must be a positive number, got " + std::to_string(target_loss));
}

std::vector<CompareEntry> activation_variants(const NetworkSpec& base, const TrainConfig& config,
                                              double dropout_ratio) {
  auto variant = [&](const char* label, Activation act, double dropout) {
    CompareEntry e{label, base, config};
    for (auto& layer : e.spec.hidden) {
      layer.activation = act;
      layer.dropout = dropout;
    }
    return e;
  };
  return {variant("sigmoid", Activation::Sigmoid, 0.0), variant("relu", Activation::ReLU, 0.0),
          variant("relu + dropout", Activation::ReLU, dropout_ratio)};
}

bool same_weight_shapes(const NetworkSpec& a, const NetworkSpec& b) {
  if (a.inputs != b.inputs || a.outputs != b.outputs || a.init != b.init || a.layers() != b.layers())
    return false;
  for (int l = 0; l < a.layers(); ++l)
    if (a.units(l) != b.units(l)) return false;
  return true;
}

long iterations_to_reach(const History& history, double target) {
  for (const HistoryPoint& p : history.points)
    if (p.train_loss <= target) return p.iteration;
  return -1;
}

namespace {
template <class T>
Network<T> fresh_network(const CompareEntry& e) {
  Rng rng = stream_rng(e.config.seed, Stream::Init);  // as Trainer(spec, ...) draws them
  return Network<T>::initialized(e.spec, rng);
}
}  // namespace

template <class T>
Comparison<T>::Comparison(const std::vector<CompareEntry>& entries, const Dataset& train, const Dataset* test,
                          const CompareSettings& settings)
    : entries_(entries), settings_(settings) {
  const int n = static_cast<int>(entries_.size());
  if (n < kMinRuns || n > kMaxRuns)
    throw std::invalid_argument("a comparison needs 2 to 4 configurations, got " + std::to_string(n));
  settings_.validate();
  std::vector<Network<T>> starts;  // initial weights per entry
  for (int i = 0; i < n; ++i) {
    CompareEntry& e = entries_[i];
    if (e.label.empty()) e.label = "run " + std::to_string(i + 1);
    int source = i;
    for (int j = 0; j < i && source == i; ++j)
      if (same_weight_shapes(entries_[j].spec, e.spec)) source = j;
    try {
      e.spec.validate();
      starts.push_back(source == i ? fresh_network<T>(e) : Network<T>{e.spec, starts[source].W});
      trainers_.push_back(std::make_unique<Trainer<T>>(starts.back(), train, e.config));
    } catch (const std::invalid_argument& err) {
      throw std::invalid_argument(e.label + ": " + err.what());
    }
    runs_.push_back(std::make_unique<TrainingRun<T>>(*trainers_.back(), test, settings_.schedule));
    shares_start_with_.push_back(source);
  }
}

template <class T>
void Comparison<T>::set_target_loss(double target) {
  CompareSettings s = settings_;
  s.target_loss = target;
  s.validate();
  settings_ = s;
}

template <class T>
void Comparison<T>::step_batch() {
  for (auto& r : runs_) r->step();
}

template <class T>
void Comparison<T>::step_epoch() {
  for (int i = 0; i < size(); ++i) {
    const int start = trainers_[i]->epoch();
    while (!runs_[i]->finished() && trainers_[i]->epoch() == start) runs_[i]->step();
  }
}

template <class T>
bool Comparison<T>::finished() const {
  for (const auto& r : runs_)
    if (!r->finished()) return false;
  return true;
}

template <class T>
RunSummary Comparison<T>::summary(int i) const {
  RunSummary s;
  s.label = entries_[i].label;
  const Trainer<T>& t = *trainers_[i];
  s.iterations = t.iteration();
  s.epochs = t.epoch() + static_cast<double>(t.batch()) / t.batches_per_epoch();
  const HistoryPoint& last = runs_[i]->history().points.back();
  s.train_loss = last.train_loss;
  s.train_accuracy = last.train_accuracy;
  s.test_loss = last.test_loss;
  s.test_accuracy = last.test_accuracy;
  s.target_iteration = iterations_to_reach(runs_[i]->history(), settings_.target_loss);
  s.diverged = runs_[i]->diverged();
  s.shares_start_with = shares_start_with_[i];
  return s;
}

template class Comparison<float>;
template class Comparison<double>;

}  // namespace mlp
