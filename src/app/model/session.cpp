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
  if (is_large(data_->test)) curve_test_ = first_rows(data_->test, kCurveTestSample);
  run_ = std::make_unique<TrainingRun<float>>(*trainer_, curve_test(), open_ended_schedule(*trainer_, data_->train));
}

bool Session::step_phase() {
  if (diverged()) return false;
  if (trainer_->next_phase().kind == PhaseKind::Update) return step_batch();
  last_phase_ = trainer_->step_phase();
  ++version_;
  return true;
}

bool Session::step_batch() {
  if (diverged()) return false;
  run_->step();  // the rest of the batch, then a history point
  last_phase_ = Phase{PhaseKind::Update, 0};
  after_update();
  return true;
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
