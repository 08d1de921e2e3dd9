// Tests for the lessons' content (src/app/lessons): every chapter has text and at least one
// set-up; every set-up is within the playground's limits (loading it clamps nothing), survives
// a trip through the page address (so a lesson's run can be shared as a link), and starts.
#include <catch2/catch.hpp>

#include "app/lessons.hpp"
#include "app/model/session.hpp"
#include "config/properties.hpp"
#include "nn/run.hpp"

using namespace mlp;
using namespace mlp::ui;

TEST_CASE("every lesson has its texts and at least one set-up", "[lessons]") {
  REQUIRE_FALSE(lessons().empty());
  for (const Lesson& lesson : lessons()) {
    INFO(lesson.title);
    CHECK_FALSE(lesson.title.empty());
    CHECK_FALSE(lesson.text.empty());
    CHECK_FALSE(lesson.look_at.empty());
    CHECK_FALSE(lesson.try_this.empty());
    CHECK_FALSE(lesson.presets.empty());
    CHECK(std::string(lesson_view_name(lesson.view)).size() > 0);
  }
}

TEST_CASE("every lesson set-up is in range, survives the address and starts", "[lessons]") {
  for (const Lesson& lesson : lessons()) {
    for (const LessonPreset& p : lesson.presets) {
      INFO(lesson.title << ": " << p.label);
      RunConfig clamped = p.setup;
      CHECK(sanitize(clamped).empty());
      std::vector<std::string> notes;
      CHECK(decode_config(encode_config(p.setup), notes) == p.setup);
      CHECK(notes.empty());
      const Session s(p.setup);
      if (p.weight_layer >= 0) {  // the weight the chain rule follows exists
        const NetworkSpec& spec = s.network().spec;
        REQUIRE(p.weight_layer < spec.layers());
        CHECK(p.weight_row <= spec.fan_in(p.weight_layer));
        CHECK(p.weight_col < spec.units(p.weight_layer));
      }
      CHECK(p.compare.size() <= 4);
    }
  }
}

TEST_CASE("the function-approximator lesson: more hidden units fit the sine better, as its text says", "[lessons]") {
  const Lesson* lesson = nullptr;
  for (const Lesson& l : lessons())
    if (l.title == "A network as a function approximator") lesson = &l;
  REQUIRE(lesson != nullptr);
  std::vector<double> r2;  // test R² after each sine preset's epochs: 1, 2 and 8 units
  for (int i = 0; i < 3; ++i) {
    const RunConfig& setup = lesson->presets[static_cast<size_t>(i)].setup;
    const DataSplit data = make_data(setup);
    Trainer<float> trainer(network_spec(setup, data.train), data.train, setup.train);
    TrainingRun<float> run(trainer, data.test_or_null(), setup.schedule);
    while (!run.finished()) run.step();
    r2.push_back(run.history().points.back().test_accuracy);
  }
  INFO("R² " << r2[0] << ", " << r2[1] << ", " << r2[2]);
  CHECK(r2[0] < 0.9);          // one S: the middle of the wave, not its humps
  CHECK(r2[1] > r2[0] + 0.05);  // two bends
  CHECK(r2[2] > 0.96);         // the sine down to its noise
  CHECK(r2[2] > r2[1]);
}
