// InputQueue: hands SDL's input events to Dear ImGui so that no click or key press is lost
// when frames are slow.
//
// Dear ImGui 1.86 sees one state of the mouse buttons per frame, and its SDL backend reads the
// buttons, the pointer position and the modifier keys from SDL's *current* state. A click
// (press and release) or a Ctrl+A made between two frames is then lost, or seen without its
// modifier. The queue keeps SDL's events and gives ImGui at most one press or release (of a
// mouse button or a key) per frame, after the events before it (a mouse button in a frame of
// its own when the pointer moved to it just before); after the backend's NewFrame,
// `apply` sets the pointer, the buttons and the modifiers as the events given so far left them.
//
//   queue.poll();                                      // take SDL's waiting events
//   for (const SDL_Event& e : queue.frame_events()) ImGui_ImplSDL2_ProcessEvent(&e);
//   ImGui_ImplSDL2_NewFrame();
//   queue.apply(ImGui::GetIO());                       // before ImGui::NewFrame
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <deque>
#include <vector>

namespace mlp::platform {

class InputQueue {
 public:
  // Appends SDL's waiting events (SDL_PollEvent) to the queue.
  void poll();
  // Appends one event: consecutive pointer moves are merged into the last one.
  void push(const SDL_Event& event);
  // The events of this frame, in order: everything up to and including the first press or
  // release; a mouse button moved to before it waits for the next frame. Taken from the queue.
  std::vector<SDL_Event> frame_events();
  // Sets io's pointer position (when the backend gave one), buttons and modifier keys from the
  // events handed out so far. Call after ImGui_ImplSDL2_NewFrame, before ImGui::NewFrame.
  void apply(ImGuiIO& io);

  size_t pending() const { return queue_.size(); }

 private:
  void track(const SDL_Event& event);

  std::deque<SDL_Event> queue_;
  ImVec2 pointer_{-FLT_MAX, -FLT_MAX};  // the last position an event gave; unknown at first
  bool down_[3] = {false, false, false};  // left, right, middle as the events left them
  Uint16 modifiers_ = KMOD_NONE;          // SDL_Keymod of the last key event
  bool modifiers_known_ = false;
};

}  // namespace mlp::platform
