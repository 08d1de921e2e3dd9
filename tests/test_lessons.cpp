// Tests for the lessons' content (src/app/lessons): every chapter has text and at least one
// set-up; every set-up is within the playground's limits (loading it clamps nothing), survives
// a trip through the page address (so a lesson's run can be shared as a link), and starts.
#include <catch2/catch.hpp>

#include "app/lessons.hpp"
#include "app/model/session.hpp"
#include "config/properties.hpp"

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
