// Layout: where each panel goes, computed every frame from the window size, so the page
// uses the whole window at 1280×800 and 1920×1080 and panels never overlap.
//
//   ┌──────────────────────── top bar: step controls, status line, legend ───────────────┐
//   │ set-up      │ network graph                         │ decision boundary / data      │
//   │ (and share) ├───────────────────────────────────────┼───────────────────────────────┤
//   │             │ matrices │ chain rule (tabs)           │ curves: loss, accuracy, ∇     │
//   └─────────────┴───────────────────────────────────────┴───────────────────────────────┘
#pragma once

#include <imgui.h>

namespace mlp::ui {

struct Rect {
  ImVec2 pos, size;
};

struct Layout {
  Rect top_bar, setup, network, details, boundary, curves;
  Rect body;  // everything right of the left column (network .. curves together), for whole-body views
};

// Splits a display of the given size (logical pixels); top_bar_height from the last frame.
Layout compute_layout(ImVec2 display, float top_bar_height);

// Begins a window fixed at r (no moving, resizing or collapsing). Always pair with ImGui::End().
void begin_panel(const char* title, const Rect& r, ImGuiWindowFlags extra = 0);

}  // namespace mlp::ui
