// Trainer: mini-batch gradient descent as a small state machine of phases, so
// that "one phase", "one batch" and "one epoch" are the same code at different
// granularity. One batch runs the phases
//   Forward 0 .. Forward L−1, Loss, Backward L−1 .. Backward 0, Update
// and every phase leaves the matrices it read and wrote in pass().
//
// Batches follow the lecture's prepare_batches: consecutive slices of the
// (optionally reshuffled each epoch) example order, the last one shorter.
#pragma once

#include "data/dataset.hpp"
#include "nn/network.hpp"
#include "nn/optimizer.hpp"

#include <string>
#include <vector>

namespace mlp {

struct TrainConfig {
  double learning_rate = 0.1;  // α in W ← W − α dW
  int batch_size = 32;         // 0 = the whole training set in one batch
  bool shuffle = false;        // reshuffle the example order at every epoch
  OptimizerConfig optimizer;   // sgd (default), momentum or adam, with their constants
  double l1 = 0.0;             // λ₁: the step adds λ₁·sign(W) to dW on the weights (not the bias row, row 0)
  double l2 = 0.0;             // λ₂: the step adds λ₂·W to dW on the weights (not the bias row)
  uint64_t seed = 1;           // weights, data order and dropout masks all follow from it

  void validate() const;       // throws std::invalid_argument naming the bad field
};

enum class PhaseKind { Forward, Loss, Backward, Update };

struct Phase {
  PhaseKind kind = PhaseKind::Forward;
  int layer = 0;               // for Forward and Backward: l (0-based)
  bool operator==(const Phase& o) const { return kind == o.kind && layer == o.layer; }
};

// Short label, e.g. "forward 2", "loss", "backward 1", "update" (layers 1-based as in the lecture).
std::string phase_label(const Phase& phase);

// Number of batches per epoch for n examples: ceil(n / batch_size).
int batches_per_epoch(int examples, int batch_size);

// Seeded random streams derived from TrainConfig::seed.
enum class Stream : uint64_t { Init = 1, Order = 2, Dropout = 3 };
Rng stream_rng(uint64_t seed, Stream stream);

template <class T>
class Trainer {
 public:
  // Initialises the weights from spec and config.seed; `train` must outlive the trainer.
  // `examples` picks the rows of `train` to learn from (a fold, a holdout split) without
  // copying them; empty = all rows.
  Trainer(const NetworkSpec& spec, const Dataset& train, const TrainConfig& config,
          std::vector<int> examples = {});
  // Starts from given weights (e.g. a loaded model, or the same start for a comparison).
  Trainer(const Network<T>& network, const Dataset& train, const TrainConfig& config,
          std::vector<int> examples = {});

  Phase next_phase() const { return phase_; }
  Phase step_phase();          // runs the next phase and returns it
  void step_batch();           // runs phases up to and including this batch's update
  void step_epoch();           // runs batches up to the end of the current epoch

  int epoch() const { return epoch_; }                   // completed epochs
  int batch() const { return batch_; }                   // index of the current batch in the epoch
  int batches_per_epoch() const;                         // ceil(N / batch size)
  int examples() const { return static_cast<int>(order_.size()); }  // N
  long iteration() const { return iteration_; }          // updates done so far
  bool at_batch_start() const { return phase_ == Phase{}; }
  int batch_size() const;                                // effective batch size
  const std::vector<int>& batch_indices() const { return batch_indices_; }  // examples of the current batch

  // What a batch start depends on, to come back to it exactly: the weights, the optimiser's
  // state, the example order, the random streams and the counters. Not the pass: running the
  // phases again from here recomputes it, bit for bit.
  struct Checkpoint {
    std::vector<Matrix<T>> W;
    OptimizerState<T> optimizer;
    std::vector<int> order;
    Rng order_rng, dropout_rng;
    int epoch = 0, batch = 0;
    long iteration = 0;
    T last_loss = T(0);
  };
  Checkpoint checkpoint() const;        // at a batch start only (else std::logic_error)
  void restore(const Checkpoint& c);    // back to that batch start; pass() is stale until phases run

  const Network<T>& network() const { return net_; }
  const Pass<T>& pass() const { return pass_; }
  const std::vector<Matrix<T>>& weights_before_update() const { return W_before_; }
  // The last update's penalty gradient P = λ₂·W + λ₁·sign(W) per layer (empty without penalties).
  const std::vector<Matrix<T>>& penalty_gradients() const { return P_; }
  const OptimizerState<T>& optimizer() const { return optimizer_; }
  T last_batch_loss() const { return last_loss_; }
  bool diverged() const;                                 // last loss or a weight is NaN/inf
  const TrainConfig& config() const { return config_; }
  const Dataset& data() const { return *train_; }

 private:
  void load_batch();
  void update();
  void advance();

  Network<T> net_;
  const Dataset* train_;
  TrainConfig config_;
  Matrix<T> Y_all_;                  // N x K targets for the whole training set
  std::vector<int> order_;           // example order (rows of train_) of the current epoch
  std::vector<int> batch_indices_;
  OptimizerState<T> optimizer_;      // momentum's V or Adam's m, v
  std::vector<Matrix<T>> W_before_;  // weights before the last update
  std::vector<Matrix<T>> P_, G_;     // penalty gradient, and dW + P: like W (only with a penalty)
  Pass<T> pass_;
  Rng order_rng_, dropout_rng_;
  Phase phase_;
  int epoch_ = 0, batch_ = 0;
  long iteration_ = 0;
  T last_loss_ = T(0);
};

}  // namespace mlp
