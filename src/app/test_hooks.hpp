// Test hooks: the app's state as JSON for window.mlp.state, read by the browser tests and the
// frame-time benchmark (widget rectangles are published by the widgets themselves).
#pragma once

#include "app/i18n.hpp"
#include "app/model/playground_run.hpp"
#include "app/panels.hpp"
#include "app/run_views.hpp"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace mlp::ui {

// Frame timing measured by App::frame, published with the state.
struct FrameStats {
  double work_ms = 0.0;    // exponential average of the time App::frame takes
  double frame_ms = 0.0;   // exponential average of the time between frames (ImGui's DeltaTime)
  long frames = 0;
  int vertices = 0;        // vertices ImGui rendered in the previous frame
};

// What window.mlp.state shows: the playground's run and what its views and panels hold.
struct StateInput {
  const PlaygroundRun& playground;
  const RunView* view;                   // the playground run's views (null without a session)
  const Selection& selection;
  const ChainCache& chain;               // the chain-rule view's estimate
  const IoPanelState& io;
  const nlohmann::ordered_json& compare; // compare_json()
  const nlohmann::ordered_json& lesson;  // lessons_json()
  Language language;                     // the page's language in use
};

// The state as one JSON object (see the field list in test_hooks.cpp).
std::string state_json(const StateInput& in, const FrameStats& stats);

}  // namespace mlp::ui
