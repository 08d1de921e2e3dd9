// Test hooks: the app's state as JSON for window.mlp.state, read by the browser tests and the
// frame-time benchmark (widget rectangles are published by the widgets themselves).
#pragma once

#include "app/app_state.hpp"

#include <string>

namespace mlp::ui {

// Frame timing measured by App::frame, published with the state.
struct FrameStats {
  double work_ms = 0.0;    // exponential average of the time App::frame takes
  double frame_ms = 0.0;   // exponential average of the time between frames (ImGui's DeltaTime)
  long frames = 0;
  int vertices = 0;        // vertices ImGui rendered in the previous frame
};

// The state as one JSON object (see the field list in test_hooks.cpp).
std::string state_json(AppState& state, const FrameStats& stats);

}  // namespace mlp::ui
