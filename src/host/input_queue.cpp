// InputQueue: one press or release per frame for Dear ImGui; see input_queue.hpp.
#include "host/input_queue.hpp"

namespace mlp::platform {
namespace {

bool is_mouse_button(const SDL_Event& e) { return e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP; }

bool is_press_or_release(const SDL_Event& e) {
  return is_mouse_button(e) || e.type == SDL_KEYDOWN || e.type == SDL_KEYUP;
}

// ImGui's index of an SDL mouse button (0 left, 1 right, 2 middle), or -1.
int button_index(Uint8 button) {
  switch (button) {
    case SDL_BUTTON_LEFT: return 0;
    case SDL_BUTTON_RIGHT: return 1;
    case SDL_BUTTON_MIDDLE: return 2;
    default: return -1;
  }
}

}  // namespace

void InputQueue::poll() {
  SDL_Event event;
  while (SDL_PollEvent(&event)) push(event);
}

void InputQueue::push(const SDL_Event& event) {
  if (event.type == SDL_MOUSEMOTION && !queue_.empty() && queue_.back().type == SDL_MOUSEMOTION) {
    queue_.back() = event;  // only the latest position of a run of moves matters to ImGui
    return;
  }
  queue_.push_back(event);
}

std::vector<SDL_Event> InputQueue::frame_events() {
  std::vector<SDL_Event> events;
  bool moved = false;
  while (!queue_.empty()) {
    const SDL_Event event = queue_.front();
    // A button waits for a frame in which the pointer is already where it is pressed: ImGui
    // finds the hovered item from the previous frames (tabs, for one, need it).
    if (moved && is_mouse_button(event)) break;
    queue_.pop_front();
    track(event);
    events.push_back(event);
    if (is_press_or_release(event)) break;  // what follows it is the next frame's
    moved = moved || event.type == SDL_MOUSEMOTION;
  }
  return events;
}

void InputQueue::track(const SDL_Event& event) {
  switch (event.type) {
    case SDL_MOUSEMOTION:
      pointer_ = ImVec2(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y));
      break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
      pointer_ = ImVec2(static_cast<float>(event.button.x), static_cast<float>(event.button.y));
      const int i = button_index(event.button.button);
      if (i < 0) break;
      down_[i] = event.type == SDL_MOUSEBUTTONDOWN;  // a press and its release come in different frames
      break;
    }
    case SDL_KEYDOWN:
    case SDL_KEYUP:
      modifiers_ = event.key.keysym.mod;
      modifiers_known_ = true;
      break;
    case SDL_WINDOWEVENT:
      if (event.window.event == SDL_WINDOWEVENT_LEAVE) pointer_ = ImVec2(-FLT_MAX, -FLT_MAX);
      break;
    default: break;
  }
}

void InputQueue::apply(ImGuiIO& io) {
  if (io.MousePos.x != -FLT_MAX && pointer_.x != -FLT_MAX) io.MousePos = pointer_;
  for (int i = 0; i < 3; ++i) io.MouseDown[i] = down_[i];
  if (modifiers_known_) {
    io.KeyShift = (modifiers_ & KMOD_SHIFT) != 0;
    io.KeyCtrl = (modifiers_ & KMOD_CTRL) != 0;
    io.KeyAlt = (modifiers_ & KMOD_ALT) != 0;
    io.KeySuper = (modifiers_ & KMOD_GUI) != 0;
  }
}

}  // namespace mlp::platform
