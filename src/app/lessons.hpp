// Lessons: the lecture as a path through the playground, one chapter per part of the lecture.
// Each chapter says in a few lines what the lecture shows, what to look at and what to try,
// names the view to bring forward, and carries one or more set-ups (RunConfig) that its "Load"
// buttons apply. Content only: the lessons panel (lessons_panel.cpp) draws them, the app loads them.
#pragma once

#include "app/model/compare_runs.hpp"
#include "app/run_setup.hpp"

#include <string>
#include <vector>

namespace mlp::ui {

// The part of the playground a chapter points at; loading it brings that view forward.
enum class LessonView { Boundary, Curves, Gradients, Matrices, ChainRule, Network };

// One "Load" button of a chapter.
struct LessonPreset {
  std::string label;        // button text, e.g. "Circles"
  RunConfig setup;
  int weight_layer = -1;    // ≥ 0: the chain-rule view follows W_{layer}[row, col] after loading
  int weight_row = 0, weight_col = 0;
  std::vector<CompareRun> compare{};  // non-empty: also opens the Compare tab with these runs
};

struct Lesson {
  std::string title;                  // "What one layer cannot do" (the panel numbers chapters)
  std::string text;                   // what the lecture shows, with its formulas
  std::string look_at;                // what to watch in the playground
  std::string try_this;               // what to change and run
  LessonView view = LessonView::Boundary;
  std::vector<LessonPreset> presets;  // at least one; the first is the chapter's main set-up
};

// The chapters in the lecture's order.
const std::vector<Lesson>& lessons();

// "decision boundary", "learning curves", ... for the panel's "Opens:" line.
const char* lesson_view_name(LessonView view);

}  // namespace mlp::ui
