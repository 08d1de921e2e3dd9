// Lessons panel: the lecture's chapters (lessons.hpp) in the "Lessons" tab of the left column.
// A list of chapters; the chosen one's text with the lecture's formulas, what to look at and
// what to try, and a "Load" button per set-up; the app applies it and brings its view forward.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>

namespace mlp::ui {

struct LessonsState {
  int chapter = 0;         // the chapter shown
  int loaded = -1;         // the chapter last loaded (−1: none yet)
  int loaded_preset = -1;  // which of its set-ups
};

// A "Load" button pressed: set-up `preset` of chapter `chapter`.
struct LessonLoad {
  int chapter = 0;
  int preset = 0;
};

// Draws the panel into the current window; returns the set-up to load when a Load button was
// pressed (the panel marks it loaded). `setup_error`: why the last set-up could not start.
std::optional<LessonLoad> show_lessons_panel(LessonsState& state, const std::string& setup_error);

// window.mlp.state.lesson for the browser tests: {chapter, loaded, preset, title}.
nlohmann::ordered_json lessons_json(const LessonsState& lessons);

}  // namespace mlp::ui
