// Session: data, trainer and run of the playground; see session.hpp.
#include "app/model/session.hpp"

#include "data/preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace mlp::ui {

namespace {

// Sets up to the playground's own size limit are measured whole after every update, larger
// ones on samples (Session::kCurve*).

bool is_large(const Dataset& data) { return data.size() > SetupLimits::kMaxExamples; }

// The playground plays until the student stops it (RunConfig::epochs pauses play), so the
// core's run gets a horizon it never reaches.
RunSchedule open_ended_schedule(const Trainer<float>& trainer, const Dataset& train) {
  RunSchedule s;
  s.iterations = 1000000000L;
  s.eval_every = 1;
  s.max_history_points = Session::kMaxCurvePoints;
  if (is_large(train)) {
    s.eval_every = std::max(1, trainer.batches_per_epoch() / Session::kCurvePointsPerEpoch);
    s.train_eval_limit = Session::kCurveTrainSample;
  }
  return s;
}

Dataset first_rows(const Dataset& data, int count) {
  std::vector<int> rows(static_cast<size_t>(std::min(count, data.size())));
  std::iota(rows.begin(), rows.end(), 0);
  return take(data, rows);
}

}  // namespace

Session::Session(const RunConfig& setup, const Network<float>* start)
    : Session(setup, std::make_shared<const DataSplit>(make_data(setup)), start) {}

Session::Session(const RunConfig& setup, std::shared_ptr<const DataSplit> data, const Network<float>* start)
    : setup_(setup), data_(std::move(data)) {
  const NetworkSpec spec = network_spec(setup_, data_->train);
  if (start) {
    if (start->spec.inputs != spec.inputs || start->spec.outputs != spec.outputs)
      throw std::invalid_argument("the model has " + std::to_string(start->spec.inputs) + " inputs and " +
                                  std::to_string(start->spec.outputs) + " outputs, but " + setup_.data.source +
                                  " needs " + std::to_string(spec.inputs) + " inputs and " +
                                  std::to_string(spec.outputs) + " outputs");
    trainer_ = std::make_unique<Trainer<float>>(*start, data_->train, setup_.train);
  } else {
    trainer_ = std::make_unique<Trainer<float>>(spec, data_->train, setup_.train);
  }
  start_ = trainer_->checkpoint();
  if (is_large(data_->test)) curve_test_ = first_rows(data_->test, kCurveTestSample);
  run_ = std::make_unique<TrainingRun<float>>(*trainer_, curve_test(), open_ended_schedule(*trainer_, data_->train));
  keeps_checkpoints_ = !is_large(data_->train);
}

bool Session::step_phase() {
  if (diverged()) return false;
  if (trainer_->next_phase().kind == PhaseKind::Update) return step_batch();
  keep_checkpoint();
  last_phase_ = trainer_->step_phase();
  ++version_;
  return true;
}

bool Session::step_batch() {
  if (diverged()) return false;
  keep_checkpoint();
  run_->step();  // the rest of the batch, then a history point
  last_phase_ = Phase{PhaseKind::Update, 0};
  after_update();
  return true;
}

Trainer<float> Session::trainer_at_start() const {
  Trainer<float> start = *trainer_;
  start.restore(start_);
  return start;
}

// At a batch start not kept yet: a new checkpoint (replayed batches have theirs already).
void Session::keep_checkpoint() {
  if (!keeps_checkpoints_ || !trainer_->at_batch_start()) return;
  const long it = trainer_->iteration();
  if (!checkpoints_.empty() && it <= checkpoints_.back().iteration) return;
  checkpoints_.push_back(trainer_->checkpoint());
  if (checkpoints_.size() > kMaxCheckpoints) checkpoints_.pop_front();
}

Session::Position Session::position() const {
  const Trainer<float>& t = *trainer_;
  if (t.at_batch_start()) return {t.iteration(), 0};
  const Phase next = t.next_phase();
  const int L = network().spec.layers();
  switch (next.kind) {
    case PhaseKind::Forward: return {t.iteration(), next.layer};
    case PhaseKind::Loss: return {t.iteration(), L};
    case PhaseKind::Backward: return {t.iteration(), L + 1 + (L - 1 - next.layer)};
    case PhaseKind::Update: return {t.iteration(), 2 * L + 1};
  }
  return {t.iteration(), 0};
}

long Session::earliest_iteration() const {
  if (checkpoints_.empty()) return latest_iteration() + 1;
  const long oldest = checkpoints_.front().iteration;
  return oldest == 0 ? 0 : oldest + 1;  // after update k needs the checkpoint of k − 1 (or the start)
}

long Session::latest_iteration() const {
  return checkpoints_.empty() ? trainer_->iteration() : std::max(latest_iteration_, trainer_->iteration());
}

bool Session::go_to(Position target) {
  if (checkpoints_.empty() || target.phases < 0 || target.phases >= phases_per_batch()) return false;
  // After update k (phases 0, k > 0): batch k run again from checkpoint k − 1. Else: checkpoint k.
  const bool after_update = target.phases == 0 && target.iteration > 0;
  const long from = after_update ? target.iteration - 1 : target.iteration;
  const long oldest = checkpoints_.front().iteration;
  if (from < oldest || from > checkpoints_.back().iteration) return false;
  latest_iteration_ = latest_iteration();
  run_->restore(checkpoints_[static_cast<size_t>(from - oldest)]);
  gradient_thinning_.truncate(gradient_sizes_, from);  // entry k − 1 is update k's
  last_phase_.reset();
  ++version_;
  if (after_update) return step_batch();
  for (int k = 0; k < target.phases; ++k) step_phase();
  return true;
}

bool Session::step_back_phase() {
  const Position now = position();
  if (now.phases > 0) return go_to({now.iteration, now.phases - 1});
  if (!last_phase_) return false;  // the very start
  return go_to({now.iteration - 1, phases_per_batch() - 1});  // before the update
}

bool Session::step_back_batch() {
  const Position now = position();
  if (now.phases > 0) return go_to({now.iteration, 0});  // to the update that began this batch
  if (now.iteration == 0) return false;
  return go_to({now.iteration - 1, 0});
}

const std::vector<Matrix<float>>& Session::pass_weights() const {
  const bool updated = last_phase_ && last_phase_->kind == PhaseKind::Update;
  return updated ? trainer_->weights_before_update() : trainer_->network().W;
}

void Session::after_update() {
  ++version_;
  GradientSizes g;
  g.iteration = trainer_->iteration();
  for (const auto& dW : trainer_->pass().dW) {
    const double mean_square = dW.size() > 0 ? static_cast<double>(dW.squaredNorm()) / dW.size() : 0.0;
    g.rms.push_back(static_cast<float>(std::sqrt(mean_square)));
  }
  gradient_thinning_.add(gradient_sizes_, std::move(g));
}

}  // namespace mlp::ui
