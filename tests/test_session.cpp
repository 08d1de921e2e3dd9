// Tests for the app's Session (src/app/model/session): one run of the playground built from a
// set-up. Stepping phase by phase and batch by batch give the same weights; every update
// records a history point and the per-layer gradient sizes; the pass's weights are those before
// the update; a start model must fit the data; a large test set is sampled for the curves.
#include <catch2/catch.hpp>

#include "app/model/session.hpp"
#include "data/toy.hpp"

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
