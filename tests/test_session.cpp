// Tests for the app's Session (src/app/model/session): one run of the playground built from a
// set-up. Stepping phase by phase and batch by batch give the same weights; every update
// records a history point and the per-layer gradient sizes; the pass's weights are those before
// the update; a start model must fit the data; a large test set is sampled for the curves;
// stepping back and forward again gives the same numbers, bit for bit; the trainer at the run's
// start is there after any number of updates.
#include <catch2/catch.hpp>

#include "app/model/session.hpp"
#include "config/properties.hpp"
#include "data/toy.hpp"

#include <cmath>

using namespace mlp;
using ui::Session;

namespace {

// The page's default set-up (circles, 200 points, 6-6 ReLU, batch 10) with a smaller network.
RunConfig small_setup() {
  RunConfig s;
  s.hidden = {LayerSpec{4, Activation::Tanh, 0.0}};
  return s;
}

bool same_weights(const Network<float>& a, const Network<float>& b) {
  for (size_t l = 0; l < a.W.size(); ++l)
    if (a.W[l] != b.W[l]) return false;
  return true;
}

}  // namespace

TEST_CASE("a session steps phase by phase to the same weights as batch by batch", "[session]") {
  Session by_phase(small_setup()), by_batch(small_setup());
  REQUIRE(same_weights(by_phase.network(), by_batch.network()));
  CHECK_FALSE(by_phase.has_pass());
  for (int b = 0; b < 3; ++b) {
    while (true) {  // forward 1, forward 2, loss, backward 2, backward 1, update
      REQUIRE(by_phase.step_phase());
      if (by_phase.last_phase()->kind == PhaseKind::Update) break;
    }
    REQUIRE(by_batch.step_batch());
  }
  CHECK(by_phase.trainer().iteration() == 3);
  CHECK(same_weights(by_phase.network(), by_batch.network()));
  CHECK(by_phase.version() > by_batch.version());  // one version per phase, one per batch
  CHECK(by_batch.version() == 3);
}

TEST_CASE("every update records a history point and the gradient size of each layer", "[session]") {
  Session s(small_setup());
  const size_t points = s.run().history().points.size();
  s.step_batch();
  s.step_batch();
  CHECK(s.run().history().points.size() == points + 2);
  REQUIRE(s.gradient_sizes().size() == 2);
  CHECK(s.gradient_sizes()[1].iteration == 2);
  REQUIRE(s.gradient_sizes()[1].rms.size() == 2);
  CHECK(s.gradient_sizes()[1].rms[0] > 0.0f);
}

TEST_CASE("a session played for a long time keeps a bounded, evenly thinned history", "[session]") {
  RunConfig setup = small_setup();
  setup.data.examples = 20;  // two batches per epoch: the updates are cheap
  Session s(setup);
  const long updates = 3 * static_cast<long>(Session::kMaxCurvePoints);
  for (long i = 0; i < updates; ++i) s.step_batch();
  const History& h = s.run().history();
  CHECK(h.points.size() <= Session::kMaxCurvePoints);
  CHECK(s.gradient_sizes().size() <= Session::kMaxCurvePoints);
  CHECK(h.points.size() > Session::kMaxCurvePoints / 4);
  CHECK(h.points.front().iteration == 0);
  CHECK(h.points.back().iteration == updates);  // the curves end at the current iteration
  CHECK(s.gradient_sizes().back().iteration == updates);
}

TEST_CASE("after the update the pass's weights are those it was computed with", "[session]") {
  Session s(small_setup());
  s.step_phase();  // forward 1
  CHECK(s.pass_weights()[0] == s.network().W[0]);
  s.step_batch();  // the rest of the batch, with its update
  CHECK(s.last_phase()->kind == PhaseKind::Update);
  CHECK(s.pass_weights()[0] == s.trainer().weights_before_update()[0]);
  CHECK(s.pass_weights()[0] != s.network().W[0]);
}

TEST_CASE("a session starts from given weights, which must fit the data", "[session]") {
  Session first(small_setup());
  first.step_batch();
  Session again(small_setup(), &first.network());
  CHECK(same_weights(again.network(), first.network()));

  RunConfig glyphs = small_setup();
  glyphs.data.source = "glyphs";  // 25 inputs: the circles' 2-input network does not fit
  CHECK_THROWS_AS(Session(glyphs, &first.network()), std::invalid_argument);
}

TEST_CASE("a test set larger than the playground's is sampled for the curves", "[session]") {
  auto data = std::make_shared<DataSplit>();
  data->train = make_toy("circles", 400, 0.1, 1);
  data->test = make_toy("circles", ui::SetupLimits::kMaxExamples + 500, 0.1, 2);
  Session s(small_setup(), data);
  REQUIRE(s.test() == &data->test);
  CHECK(s.curve_test()->size() == Session::kCurveTestSample);
  CHECK(&s.train() == &data->train);  // shared, not copied
}

namespace {
RunConfig stepping_setup(const std::string& diff) {
  // Dropout, Adam, L1 and a reshuffle every epoch (20 batches): every random stream and every
  // piece of optimiser state is in play.
  return with_diff(RunConfig{}, "layers=5,4&act=relu&drop=0.2&opt=adam&lr=0.02&l1=0.001&batch=10&" + diff);
}

std::vector<float> flat_history(const Session& s) {
  std::vector<float> out;
  for (const auto& p : s.run().history().points)
    for (double v : {static_cast<double>(p.iteration), p.batch_loss, p.train_loss, p.test_loss, p.penalty})
      out.push_back(std::isnan(v) ? -1.0f : static_cast<float>(v));  // NaN: not measured (iteration 0's batch loss)
  return out;
}
}  // namespace

TEST_CASE("20 batches forward, 7 back and 7 forward again give the same weights, bit for bit", "[session]") {
  Session s(stepping_setup("seed=3"));
  for (int b = 0; b < 20; ++b) REQUIRE(s.step_batch());
  const std::vector<Matrix<float>> at_20 = s.network().W;
  const std::vector<float> history_20 = flat_history(s);
  const size_t gradients_20 = s.gradient_sizes().size();
  for (int b = 0; b < 7; ++b) REQUIRE(s.step_back_batch());
  CHECK(s.trainer().iteration() == 13);
  CHECK(s.run().history().points.back().iteration == 13);
  CHECK(s.gradient_sizes().size() == 13);
  CHECK(s.network().W[0] != at_20[0]);
  CHECK(s.latest_iteration() == 20);
  for (int b = 0; b < 7; ++b) REQUIRE(s.step_batch());
  for (size_t l = 0; l < at_20.size(); ++l) CHECK(s.network().W[l] == at_20[l]);  // exact, not approximate
  CHECK(flat_history(s) == history_20);
  CHECK(s.gradient_sizes().size() == gradients_20);
  // ... and the run goes on as if it had never stepped back.
  Session straight(stepping_setup("seed=3"));
  for (int b = 0; b < 23; ++b) REQUIRE(straight.step_batch());
  for (int b = 0; b < 3; ++b) REQUIRE(s.step_batch());
  for (size_t l = 0; l < at_20.size(); ++l) CHECK(s.network().W[l] == straight.network().W[l]);
}

TEST_CASE("one phase back shows the phase before, with the pass it computed", "[session]") {
  Session s(stepping_setup("seed=4"));
  CHECK_FALSE(s.step_back_phase());  // nothing before the start
  for (int b = 0; b < 2; ++b) REQUIRE(s.step_batch());
  REQUIRE(s.step_phase());  // forward 1 of batch 3
  REQUIRE(s.step_phase());  // forward 2
  const Matrix<float> H1 = s.pass().H[0];
  REQUIRE(s.step_phase());  // forward 3
  CHECK((s.position() == Session::Position{2, 3}));
  REQUIRE(s.step_back_phase());
  CHECK((s.position() == Session::Position{2, 2}));
  CHECK(s.last_phase()->kind == PhaseKind::Forward);
  CHECK(s.last_phase()->layer == 1);
  CHECK(s.pass().H[0] == H1);  // the same dropout mask and values as the first time
  // Back across an update: before the update of batch 2, with its gradients.
  REQUIRE(s.step_back_phase());
  REQUIRE(s.step_back_phase());
  REQUIRE(s.step_back_phase());
  CHECK((s.position() == Session::Position{1, 7}));  // 3 layers: 3 forward, loss, 3 backward done
  CHECK(s.trainer().next_phase().kind == PhaseKind::Update);
  CHECK(s.last_phase()->kind == PhaseKind::Backward);
  REQUIRE(s.step_back_batch());  // to just after update 1
  CHECK((s.position() == Session::Position{1, 0}));
  CHECK(s.last_phase()->kind == PhaseKind::Update);
  REQUIRE(s.step_back_batch());  // to the start
  CHECK((s.position() == Session::Position{0, 0}));
  CHECK_FALSE(s.has_pass());
  CHECK_FALSE(s.step_back_batch());
}

TEST_CASE("the timeline reaches the last 500 batches", "[session]") {
  Session s(stepping_setup("seed=5"));
  for (int b = 0; b < 700; ++b) REQUIRE(s.step_batch());
  CHECK(s.latest_iteration() == 700);
  CHECK(s.earliest_iteration() == 700 - static_cast<long>(Session::kMaxCheckpoints) + 1);
  const std::vector<Matrix<float>> at_700 = s.network().W;
  CHECK_FALSE(s.go_to({100, 0}));
  REQUIRE(s.go_to({250, 0}));
  CHECK(s.trainer().iteration() == 250);
  REQUIRE(s.go_to({700, 0}));
  for (size_t l = 0; l < at_700.size(); ++l) CHECK(s.network().W[l] == at_700[l]);
  CHECK_FALSE(s.go_to({701, 0}));
}

TEST_CASE("stepping back clears a divergence", "[session]") {
  Session s(with_diff(RunConfig{}, "layers=6&act=linear&out=linear&lr=50&seed=2"));
  long steps = 0;
  while (s.step_batch() && steps < 500) ++steps;
  REQUIRE(s.diverged());
  REQUIRE(s.step_back_batch());
  CHECK_FALSE(s.diverged());
  CHECK(s.trainer().iteration() == steps - 1);
}

TEST_CASE("the trainer at the run's start, after 600 updates, steps as the run did", "[session]") {
  Session s(stepping_setup("seed=5"));
  const Network<float> initial = s.network();
  std::vector<float> losses;
  for (int k = 0; k < 600; ++k) {  // past the 500 batches kept for stepping back
    REQUIRE(s.step_batch());
    losses.push_back(s.trainer().last_batch_loss());
  }
  Trainer<float> start = s.trainer_at_start();
  CHECK(start.iteration() == 0);
  CHECK(same_weights(start.network(), initial));
  for (int k = 0; k < 600; ++k) {
    start.step_batch();
    REQUIRE(start.last_batch_loss() == losses[static_cast<size_t>(k)]);
  }
  CHECK(same_weights(start.network(), s.network()));
  CHECK(s.trainer().iteration() == 600);  // the session's own trainer is untouched
}
