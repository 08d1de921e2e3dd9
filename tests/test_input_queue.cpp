// Tests of the host's InputQueue: quick clicks and key combinations made between two frames
// reach a real Dear ImGui context whole, one press or release per frame.
#include "host/input_queue.hpp"

#include <catch2/catch.hpp>

#include <vector>

using mlp::platform::InputQueue;

namespace {

SDL_Event mouse_button(Uint32 type, int x, int y) {
  SDL_Event e{};
  e.type = type;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
  e.button.x = x;
  e.button.y = y;
  return e;
}

SDL_Event mouse_move(int x, int y) {
  SDL_Event e{};
  e.type = SDL_MOUSEMOTION;
  e.motion.x = x;
  e.motion.y = y;
  return e;
}

SDL_Event key(Uint32 type, SDL_Keycode sym, Uint16 modifiers_after) {
  SDL_Event e{};
  e.type = type;
  e.key.keysym.sym = sym;
  e.key.keysym.mod = modifiers_after;
  return e;
}

// A headless ImGui context (font atlas built, no renderer) with one button in a window.
class ButtonScreen {
 public:
  ButtonScreen() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(400, 300);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~ButtonScreen() { ImGui::DestroyContext(); }
  ButtonScreen(const ButtonScreen&) = delete;
  ButtonScreen& operator=(const ButtonScreen&) = delete;

  // One frame as the host runs it; returns whether the button was clicked in it.
  bool frame(InputQueue& queue) {
    queue.frame_events();  // the backend's part (ImGui_ImplSDL2_ProcessEvent) is not needed here
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(0, 0);  // as the backend gives it: the pointer is over the window
    queue.apply(io);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 300));
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    const bool clicked = ImGui::Button("Step one batch", ImVec2(200, 40));
    centre_ = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                     (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
    ImGui::End();
    ImGui::Render();
    return clicked;
  }
  ImVec2 centre() const { return centre_; }

 private:
  ImVec2 centre_{0, 0};
};

}  // namespace

TEST_CASE("ten clicks made between two frames are ten clicks of the button", "[input_queue]") {
  ButtonScreen screen;
  InputQueue queue;
  screen.frame(queue);  // lays the button out
  const int x = static_cast<int>(screen.centre().x), y = static_cast<int>(screen.centre().y);
  queue.push(mouse_move(x, y));
  for (int i = 0; i < 10; ++i) {
    queue.push(mouse_button(SDL_MOUSEBUTTONDOWN, x, y));
    queue.push(mouse_button(SDL_MOUSEBUTTONUP, x, y));
  }
  int clicks = 0, frames = 0;
  while (queue.pending() > 0 && frames < 100) {
    clicks += screen.frame(queue);
    ++frames;
  }
  clicks += screen.frame(queue);
  CHECK(clicks == 10);
  CHECK(frames == 21);  // the move, then one press or release per frame
}

TEST_CASE("a click lands where its events say, not where the pointer is now", "[input_queue]") {
  ButtonScreen screen;
  InputQueue queue;
  screen.frame(queue);
  const int x = static_cast<int>(screen.centre().x), y = static_cast<int>(screen.centre().y);
  queue.push(mouse_button(SDL_MOUSEBUTTONDOWN, x, y));
  queue.push(mouse_button(SDL_MOUSEBUTTONUP, x, y));
  queue.push(mouse_move(390, 290));  // moved away before the next frame
  int clicks = 0;
  for (int i = 0; i < 3; ++i) clicks += screen.frame(queue);
  CHECK(clicks == 1);
  CHECK(ImGui::GetIO().MousePos.x == 390);
}

TEST_CASE("Ctrl+A pressed and released between two frames keeps Ctrl for the A", "[input_queue]") {
  ImGui::CreateContext();
  InputQueue queue;
  queue.push(key(SDL_KEYDOWN, SDLK_LCTRL, KMOD_LCTRL));
  queue.push(key(SDL_KEYDOWN, SDLK_a, KMOD_LCTRL));
  queue.push(key(SDL_KEYUP, SDLK_a, KMOD_LCTRL));
  queue.push(key(SDL_KEYUP, SDLK_LCTRL, KMOD_NONE));
  std::vector<SDL_Keycode> keys;
  std::vector<bool> ctrl;
  while (queue.pending() > 0) {
    const std::vector<SDL_Event> events = queue.frame_events();
    REQUIRE(events.size() == 1);
    keys.push_back(events[0].key.keysym.sym);
    queue.apply(ImGui::GetIO());
    ctrl.push_back(ImGui::GetIO().KeyCtrl);
  }
  CHECK(keys == std::vector<SDL_Keycode>{SDLK_LCTRL, SDLK_a, SDLK_a, SDLK_LCTRL});
  CHECK(ctrl == std::vector<bool>{true, true, true, false});
  ImGui::DestroyContext();
}

TEST_CASE("pointer moves merge, and the events after a press or release wait for the next frame", "[input_queue]") {
  InputQueue queue;
  queue.push(mouse_move(1, 1));
  queue.push(mouse_move(2, 2));
  CHECK(queue.pending() == 1);
  queue.push(mouse_button(SDL_MOUSEBUTTONDOWN, 2, 2));
  queue.push(mouse_move(5, 5));
  queue.push(mouse_button(SDL_MOUSEBUTTONUP, 5, 5));
  // Each move is seen in a frame before the button that follows it (ImGui hovers first).
  std::vector<std::vector<Uint32>> frames;
  while (queue.pending() > 0) {
    std::vector<Uint32> types;
    for (const SDL_Event& e : queue.frame_events()) types.push_back(e.type);
    frames.push_back(types);
  }
  CHECK(frames == std::vector<std::vector<Uint32>>{
                      {SDL_MOUSEMOTION}, {SDL_MOUSEBUTTONDOWN}, {SDL_MOUSEMOTION}, {SDL_MOUSEBUTTONUP}});
}
