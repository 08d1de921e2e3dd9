// App: the playground's UI, drawn with Dear ImGui once per frame. Platform-independent:
// src/host owns the window, GL, ImGui backends, font and main loop and calls frame().
//
// The app owns the state of every part and hands each panel only what it draws (run_views.hpp,
// panels.hpp, compare_panel.hpp, lessons_panel.hpp, mnist_panel.hpp): the playground's set-up
// and run (PlaygroundRun, in the app model), the views of that run, each panel's own state,
// the Compare and Lessons tabs and the MNIST tab. What a panel asks for (a new set-up, a lesson
// to load, a weight picked, a reset) comes back as its return value and is applied here. The
// app also keeps the page address in step with the set-up (config/properties.hpp) and
// publishes its state for the browser tests (test_hooks.hpp). It owns the page's language
// (i18n.hpp): from the set-up's page.lang, else the browser's; the top bar's switch sets
// page.lang without restarting the run.
#pragma once

#include "app/compare_panel.hpp"
#include "app/i18n.hpp"
#include "app/layout.hpp"
#include "app/lessons_panel.hpp"
#include "app/mnist_panel.hpp"
#include "app/model/playground_run.hpp"
#include "app/panels.hpp"
#include "app/run_views.hpp"
#include "app/test_hooks.hpp"

#include <string>

namespace mlp {

class App {
 public:
  App();                 // starts from the set-up in the page address, or the default
  void frame();          // draws all windows (between ImGui::NewFrame and ImGui::Render)

 private:
  void handle_keys();
  void draw_panels();
  void draw_left_column(const ui::Layout& l);
  void draw_playground(const ui::Layout& l);  // network, matrices / chain rule, boundary, curves
  void take_setup(const RunConfig& edited);  // the set-up panel's edit
  void load_lesson(const ui::LessonLoad& load);
  void open_as_linked(const PageConfig& page);  // a link's lesson and play
  ui::Run* active_run();     // the run the top bar and the keys drive
  void reset_active_run();
  void sync_address();       // writes the set-up into the address when it changed
  std::string state_json();  // window.mlp.state

  ui::PlaygroundRun playground_;  // the set-up and its run
  ui::RunViews views_;            // the playground's views of the run
  ui::SetupPanelState setup_panel_;
  ui::IoPanelState io_;
  ui::LessonsState lessons_;
  ui::CompareState compare_;
  MnistPanel mnist_;

  // Which tab of the left column shows (measured while drawing it; the body follows it).
  bool compare_shown_ = false;
  bool mnist_shown_ = false;
  ui::TabRequest compare_tab_;       // bring the Compare tab forward
  ui::TabRequest lessons_tab_;       // bring the Lessons tab forward (a link's lesson=N)

  // Heights measured each frame for the next frame's layout (the text in them may wrap).
  float top_bar_height_ = 130.0f;
  float io_panel_height_ = 110.0f;

  ui::FrameStats stats_;
  std::string address_;  // what the address holds now
  std::string browser_language_;  // navigator.language (natively $LANG), for page.lang ""
  ui::Language language_ = ui::Language::English;  // the page's language this frame (tr() reads it)
};

}  // namespace mlp
