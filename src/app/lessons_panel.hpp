// Lessons panel: the lecture's chapters (lessons.hpp) in the "Lessons" tab of the left column.
// A list of chapters; the chosen one's text with the lecture's formulas, what to look at and
// what to try, and a "Load" button per set-up that applies it and brings its view forward.
#pragma once

#include <nlohmann/json_fwd.hpp>

namespace mlp::ui {

struct AppState;

struct LessonsState {
  int chapter = 0;         // the chapter shown
  int loaded = -1;         // the chapter last loaded (−1: none yet)
  int loaded_preset = -1;  // which of its set-ups
};

// Draws the panel into the current window.
void show_lessons_panel(AppState& state);

// Applies set-up `preset` of chapter `chapter`, picks its weight for the chain rule and brings
// its view forward. Returns false (with the set-up panel's message) when it cannot start.
bool load_lesson(AppState& state, int chapter, int preset);

// window.mlp.state.lesson for the browser tests: {chapter, loaded, preset, title}.
nlohmann::ordered_json lessons_json(const LessonsState& lessons);

}  // namespace mlp::ui
