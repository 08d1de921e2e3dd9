// Panel placement from the window size; see layout.hpp.
#include "app/layout.hpp"

#include <algorithm>
#include <cmath>

namespace mlp::ui {

namespace {
constexpr float kGap = 6.0f;  // pixels between panels and around the edge
}

Layout compute_layout(ImVec2 display, float top_bar_height) {
  const float W = std::max(display.x, 640.0f), H = std::max(display.y, 480.0f);
  Layout l;
  l.top_bar = {{kGap, kGap}, {W - 2 * kGap, top_bar_height}};
  const float top = kGap + top_bar_height + kGap;
  const float body_h = H - top - kGap;

  const float left_w = std::clamp(W * 0.27f, 330.0f, 440.0f);  // four tabs fit at 1280
  const float right_w = std::clamp(W * 0.27f, 330.0f, 600.0f);
  const float centre_w = W - left_w - right_w - 4 * kGap;
  const float left_x = kGap, centre_x = left_x + left_w + kGap, right_x = centre_x + centre_w + kGap;

  l.setup = {{left_x, top}, {left_w, body_h}};
  l.body = {{centre_x, top}, {W - centre_x - kGap, body_h}};

  const float network_h = std::round(body_h * 0.40f);
  l.network = {{centre_x, top}, {centre_w, network_h}};
  l.details = {{centre_x, top + network_h + kGap}, {centre_w, body_h - network_h - kGap}};

  // The boundary view is about square; the curves get the rest (at least 42%).
  const float boundary_h = std::min(right_w + 60.0f, body_h * 0.56f);
  l.boundary = {{right_x, top}, {right_w, boundary_h}};
  l.curves = {{right_x, top + boundary_h + kGap}, {right_w, body_h - boundary_h - kGap}};
  return l;
}

void begin_panel(const char* title, const Rect& r, ImGuiWindowFlags extra) {
  ImGui::SetNextWindowPos(r.pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(r.size, ImGuiCond_Always);
  ImGui::Begin(title, nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | extra);
}

}  // namespace mlp::ui
