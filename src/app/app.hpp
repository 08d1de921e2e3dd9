// App: the playground's UI, drawn with Dear ImGui once per frame. Platform-independent:
// src/platform owns the window, GL, ImGui backends, font and main loop and calls frame().
//
// The app holds one AppState (app_state.hpp) and calls one function per panel (panels.hpp)
// in windows placed by the layout (layout.hpp); it also keeps the page address in step with
// the set-up (url_state.hpp) and publishes its state for the browser tests (test_hooks.hpp).
#pragma once

#include "app/app_state.hpp"
#include "app/layout.hpp"
#include "app/mnist_panel.hpp"
#include "app/test_hooks.hpp"

#include <string>

namespace mlp {

class App {
 public:
  App();                 // starts from the set-up in the page address, or the default
  void frame();          // draws all windows (between ImGui::NewFrame and ImGui::Render)

 private:
  void draw_panels();
  void draw_playground(const ui::Layout& l);  // network, matrices / chain rule, boundary, curves
  void sync_address();   // writes the set-up into the address when it changed
  ui::AppState& active_state();  // the run the top bar and the shortcuts drive

  ui::AppState state_;
  ui::FrameStats stats_;
  std::string address_;  // what the address holds now
  MnistPanel mnist_;     // the MNIST tab
  bool mnist_shown_ = false;
};

}  // namespace mlp
