// The training-run loop with periodic evaluation; see run.hpp.
#include "nn/run.hpp"

#include <sstream>
#include <stdexcept>

namespace mlp {

void RunSchedule::validate() const {
  auto fail = [](const std::string& msg) { throw std::invalid_argument(msg); };
  if (iterations < 0) fail("iterations must be 0 (use epochs) or positive, got " + std::to_string(iterations));
  if (iterations == 0 && epochs < 1) fail("epochs must be at least 1, got " + std::to_string(epochs));
  if (eval_every < 0) fail("eval_every must be 0 (every epoch) or positive, got " + std::to_string(eval_every));
  if (train_eval_limit == 0 || train_eval_limit < -1)
    fail("train_eval_limit must be -1 (all) or positive, got " + std::to_string(train_eval_limit));
}

long RunSchedule::total_iterations(int batches_per_epoch) const {
  return iterations > 0 ? iterations : static_cast<long>(epochs) * batches_per_epoch;
}

template <class T>
TrainingRun<T>::TrainingRun(Trainer<T>& trainer, const Dataset* test, const RunSchedule& schedule)
    : trainer_(trainer), test_(test), schedule_(schedule), history_(schedule.max_history_points) {
  schedule_.validate();
  total_ = schedule_.total_iterations(trainer_.batches_per_epoch());
  history_.add(measure());
}

template <class T>
HistoryPoint TrainingRun<T>::measure() const {
  HistoryPoint p;
  p.iteration = trainer_.iteration();
  p.epoch = trainer_.epoch() + static_cast<double>(trainer_.batch()) / trainer_.batches_per_epoch();
  if (p.iteration > 0) p.batch_loss = static_cast<double>(trainer_.last_batch_loss());
  const Evaluation train = evaluate(trainer_.network(), trainer_.data(), schedule_.train_eval_limit);
  p.train_loss = train.loss;
  p.train_accuracy = train.accuracy;
  const TrainConfig& c = trainer_.config();
  if (c.l1 > 0 || c.l2 > 0) p.penalty = penalty_value(trainer_.network().W, c.l1, c.l2);
  if (test_) {
    const Evaluation test = evaluate(trainer_.network(), *test_);
    p.test_loss = test.loss;
    p.test_accuracy = test.accuracy;
  }
  return p;
}

template <class T>
bool TrainingRun<T>::evaluation_due() const {
  const long it = trainer_.iteration();
  if (it >= total_) return true;
  if (schedule_.eval_every > 0) return it % schedule_.eval_every == 0;
  return trainer_.batch() == 0;  // an epoch just ended
}

template <class T>
void TrainingRun<T>::step() {
  if (finished()) return;
  trainer_.step_batch();
  if (trainer_.diverged()) {
    diverged_ = true;
    return;
  }
  if (evaluation_due()) history_.add(measure());
}

template <class T>
long TrainingRun<T>::points_before(long iteration) const {
  if (iteration <= 0) return 0;
  const long every = schedule_.eval_every > 0 ? schedule_.eval_every : trainer_.batches_per_epoch();
  return (iteration - 1) / every + 1;  // iteration 0, then every `every` updates
}

template <class T>
void TrainingRun<T>::restore(const typename Trainer<T>::Checkpoint& c) {
  trainer_.restore(c);
  diverged_ = false;
  history_.truncate(points_before(c.iteration));
  if (c.iteration == 0 || evaluation_due()) history_.add(measure());
}

template <class T>
std::string TrainingRun<T>::divergence_message() const {
  if (!diverged_) return "";
  std::ostringstream s;
  s << "training diverged at iteration " << trainer_.iteration() << " (epoch " << trainer_.epoch() + 1
    << "): the loss or a weight became NaN or infinite. Try a lower learning rate (now "
    << trainer_.config().learning_rate << ").";
  return s.str();
}

template class TrainingRun<float>;
template class TrainingRun<double>;

}  // namespace mlp
