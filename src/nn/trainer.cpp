// The phase-by-phase trainer; see trainer.hpp.
#include "nn/trainer.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace mlp {

void TrainConfig::validate() const {
  auto fail = [](const std::string& msg) { throw std::invalid_argument(msg); };
  if (!(learning_rate > 0.0 && learning_rate <= 100.0))
    fail("learning rate must be in (0, 100], got " + std::to_string(learning_rate));
  if (batch_size < 0) fail("batch size must be 0 (full batch) or positive, got " + std::to_string(batch_size));
  optimizer.validate();
  if (!(l1 >= 0.0 && l1 <= 10.0)) fail("L1 rate must be in [0, 10], got " + std::to_string(l1));
  if (!(l2 >= 0.0 && l2 <= 10.0)) fail("L2 rate must be in [0, 10], got " + std::to_string(l2));
}

std::string phase_label(const Phase& phase) {
  switch (phase.kind) {
    case PhaseKind::Forward: return "forward " + std::to_string(phase.layer + 1);
    case PhaseKind::Loss: return "loss";
    case PhaseKind::Backward: return "backward " + std::to_string(phase.layer + 1);
    case PhaseKind::Update: return "update";
  }
  return "?";
}

int batches_per_epoch(int examples, int batch_size) {
  if (examples <= 0) return 0;
  if (batch_size <= 0 || batch_size >= examples) return 1;
  return (examples + batch_size - 1) / batch_size;
}

Rng stream_rng(uint64_t seed, Stream stream) { return Rng(seed).fork(static_cast<uint64_t>(stream)); }

namespace {
template <class T>
Network<T> init_network(const NetworkSpec& spec, uint64_t seed) {
  Rng rng = stream_rng(seed, Stream::Init);
  return Network<T>::initialized(spec, rng);
}
}  // namespace

template <class T>
Trainer<T>::Trainer(const NetworkSpec& spec, const Dataset& train, const TrainConfig& config,
                    std::vector<int> examples)
    : Trainer(init_network<T>(spec, config.seed), train, config, std::move(examples)) {}

template <class T>
Trainer<T>::Trainer(const Network<T>& network, const Dataset& train, const TrainConfig& config,
                    std::vector<int> examples)
    : net_(network),
      train_(&train),
      config_(config),
      order_(std::move(examples)),
      order_rng_(stream_rng(config.seed, Stream::Order)),
      dropout_rng_(stream_rng(config.seed, Stream::Dropout)) {
  config_.validate();
  net_.spec.validate();
  if (order_.empty()) {
    order_.resize(train.size());
    std::iota(order_.begin(), order_.end(), 0);
  }
  for (int i : order_)
    if (i < 0 || i >= train.size()) throw std::invalid_argument("example index " + std::to_string(i) + " out of range");
  if (order_.empty()) throw std::invalid_argument("the training set is empty");
  if (train.features() != net_.spec.inputs)
    throw std::invalid_argument("the network has " + std::to_string(net_.spec.inputs) +
                                " inputs but the data has " + std::to_string(train.features()) + " features");
  if (output_units(net_.spec.output, train.num_classes) != net_.spec.outputs)
    throw std::invalid_argument("the network has " + std::to_string(net_.spec.outputs) +
                                " outputs but " + std::to_string(train.num_classes) + " classes need " +
                                std::to_string(output_units(net_.spec.output, train.num_classes)));
  Y_all_ = dataset_targets<T>(net_.spec.output, train);
  if (config_.shuffle) order_rng_.shuffle(order_);
  optimizer_ = OptimizerState<T>(config_.optimizer, net_.W);
  pass_.resize(net_.spec.layers());  // once: every batch fills the same slots
}

template <class T>
int Trainer<T>::batches_per_epoch() const {
  return mlp::batches_per_epoch(examples(), config_.batch_size);
}

template <class T>
int Trainer<T>::batch_size() const {
  const int n = examples();
  return (config_.batch_size <= 0 || config_.batch_size > n) ? n : config_.batch_size;
}

template <class T>
void Trainer<T>::load_batch() {
  const int bs = batch_size();
  const int begin = batch_ * bs;
  const int end = std::min(begin + bs, examples());
  batch_indices_.assign(order_.begin() + begin, order_.begin() + end);
  const int n = end - begin;
  train_->copy_rows(batch_indices_.data(), n, pass_.X);  // n x D, converted if stored compact
  pass_.Y.resize(n, Y_all_.cols());
  for (int i = 0; i < n; ++i) pass_.Y.row(i) = Y_all_.row(batch_indices_[i]);
}

template <class T>
void Trainer<T>::update() {
  W_before_ = net_.W;
  const bool penalised = config_.l1 > 0 || config_.l2 > 0;
  if (penalised) {
    P_.resize(net_.W.size());
    G_.resize(net_.W.size());
    for (size_t l = 0; l < net_.W.size(); ++l) {
      penalty_gradient(net_.W[l], config_.l1, config_.l2, P_[l]);  // λ₂·W + λ₁·sign(W)
      G_[l] = pass_.dW[l] + P_[l];
    }
  }
  optimizer_.step(config_.learning_rate, net_.W, penalised ? G_ : pass_.dW);
  ++iteration_;
}

template <class T>
void Trainer<T>::advance() {
  const int L = net_.spec.layers();
  switch (phase_.kind) {
    case PhaseKind::Forward:
      phase_ = phase_.layer + 1 < L ? Phase{PhaseKind::Forward, phase_.layer + 1} : Phase{PhaseKind::Loss, 0};
      break;
    case PhaseKind::Loss: phase_ = Phase{PhaseKind::Backward, L - 1}; break;
    case PhaseKind::Backward:
      phase_ = phase_.layer > 0 ? Phase{PhaseKind::Backward, phase_.layer - 1} : Phase{PhaseKind::Update, 0};
      break;
    case PhaseKind::Update:
      phase_ = Phase{};
      if (++batch_ >= batches_per_epoch()) {
        batch_ = 0;
        ++epoch_;
        if (config_.shuffle) order_rng_.shuffle(order_);
      }
      break;
  }
}

template <class T>
Phase Trainer<T>::step_phase() {
  const Phase ran = phase_;
  switch (phase_.kind) {
    case PhaseKind::Forward:
      if (phase_.layer == 0) load_batch();
      forward_layer(net_, pass_, phase_.layer, DropoutMode::Sample, dropout_rng_);
      break;
    case PhaseKind::Loss:
      compute_loss(net_, pass_);
      last_loss_ = pass_.loss;
      break;
    case PhaseKind::Backward: backward_layer(net_, pass_, phase_.layer); break;
    case PhaseKind::Update: update(); break;
  }
  advance();
  return ran;
}

template <class T>
void Trainer<T>::step_batch() {
  while (step_phase().kind != PhaseKind::Update) {}
}

template <class T>
void Trainer<T>::step_epoch() {
  const int start = epoch_;
  while (epoch_ == start) step_phase();
}

template <class T>
typename Trainer<T>::Checkpoint Trainer<T>::checkpoint() const {
  if (!at_batch_start()) throw std::logic_error("a checkpoint is taken at the start of a batch");
  return Checkpoint{net_.W, optimizer_, order_, order_rng_, dropout_rng_, epoch_, batch_, iteration_, last_loss_};
}

template <class T>
void Trainer<T>::restore(const Checkpoint& c) {
  net_.W = c.W;
  optimizer_ = c.optimizer;
  order_ = c.order;
  order_rng_ = c.order_rng;
  dropout_rng_ = c.dropout_rng;
  epoch_ = c.epoch;
  batch_ = c.batch;
  iteration_ = c.iteration;
  last_loss_ = c.last_loss;
  phase_ = Phase{};
}

template <class T>
bool Trainer<T>::diverged() const {
  if (!std::isfinite(static_cast<double>(last_loss_))) return true;
  for (const auto& W : net_.W)
    if (!W.allFinite()) return true;
  return false;
}

template class Trainer<float>;
template class Trainer<double>;

}  // namespace mlp
