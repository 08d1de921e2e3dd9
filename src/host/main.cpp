// Platform main: SDL2 window + OpenGL context, Dear ImGui backends, the UI font and theme,
// and the main loop that calls App::frame(). One sequential function as in ImGui's
// example_sdl2_opengl3: setup -> loop -> teardown in reverse order.
//   Web:    WebGL2 (GLES 3.0, "#version 300 es"); the canvas fills the page and follows the
//           browser window and devicePixelRatio; emscripten_set_main_loop drives the frames.
//   Native: OpenGL 3.0 ("#version 130") in a resizable desktop window; a plain while loop.
//           `playground --frames N` quits after N frames (smoke test under Xvfb).
#include "app/app.hpp"
#include "host/input_queue.hpp"
#include "host/style.hpp"
#include "nn/model_io.hpp"
#include "platform/js_bridge.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#else
#include <SDL_opengl.h>
#endif

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace {

// Everything one frame needs; lives on the heap because emscripten_set_main_loop never
// returns to main's stack frame.
struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  std::unique_ptr<mlp::App> app;
  mlp::platform::InputQueue input;  // SDL's events, at most one press or release per frame
  ImVector<ImWchar> cjk_ranges = mlp::platform::cjk_glyph_ranges();  // the font atlas reads them while it builds
  float font_pixel_ratio = 0.0f;  // the device pixel ratio the font atlas was built for
  long frames_left = -1;          // native --frames N; -1 = run until the window closes
  bool quit = false;
};

// Rebuilds the font atlas when the device pixel ratio changes (browser zoom, other screen).
void update_font_for_pixel_ratio(Platform& p) {
  const float ratio = ImGui::GetIO().DisplayFramebufferScale.x;
  if (ratio <= 0.0f || ratio == p.font_pixel_ratio) return;
  mlp::platform::load_fonts({MLP_FONT_PATH, MLP_CJK_FONT_PATH, p.cjk_ranges.Data}, ratio);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  p.font_pixel_ratio = ratio;
}

void frame(void* arg) {
  Platform& p = *static_cast<Platform*>(arg);
  p.input.poll();
  for (const SDL_Event& event : p.input.frame_events()) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) p.quit = true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(p.window)) {
      p.quit = true;
    }
  }

  mlp::bridge::begin_frame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  p.input.apply(ImGui::GetIO());
  update_font_for_pixel_ratio(p);
  ImGui::NewFrame();
  p.app->frame();
  ImGui::Render();

  int width = 0, height = 0;
  SDL_GL_GetDrawableSize(p.window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(0.925f, 0.935f, 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(p.window);
  mlp::bridge::end_frame(p.input.pending());

  if (p.frames_left > 0 && --p.frames_left == 0) p.quit = true;
}

// Native command line: only `--frames N`. Returns false (after a message) on anything else.
bool parse_args(int argc, char** argv, Platform& p) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) {
      char* end = nullptr;
      p.frames_left = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || p.frames_left <= 0) {
        std::fprintf(stderr, "playground: --frames needs a positive whole number, got '%s'\n", argv[i]);
        return false;
      }
    } else {
      std::fprintf(stderr,
                   "playground: unknown argument '%s'\nusage: playground [--frames N]\n"
                   "  (set MLP_STATE to start from a state string as in the web page's #address)\n",
                   argv[i]);
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  auto* p = new Platform();  // intentionally outlives main on the web (see Platform)
  if (!parse_args(argc, argv, *p)) return 2;

  // --- SDL window and GL context ---
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "playground: SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }
#ifdef __EMSCRIPTEN__
  const char* glsl_version = "#version 300 es";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  const char* glsl_version = "#version 130";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  // On the web the canvas is sized by CSS (100% of the page): SDL then follows its CSS size,
  // and ALLOW_HIGHDPI makes the drawing buffer devicePixelRatio times larger.
  const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE |
                                                  SDL_WINDOW_ALLOW_HIGHDPI);
  p->window = SDL_CreateWindow("MLP Playground", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                               1280, 800, flags);
  if (p->window == nullptr) {
    std::fprintf(stderr, "playground: cannot open a window: %s\n", SDL_GetError());
    return 1;
  }
  p->gl = SDL_GL_CreateContext(p->window);
  if (p->gl == nullptr) {
    std::fprintf(stderr, "playground: cannot create an OpenGL %s context: %s\n",
                 glsl_version, SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(p->window, p->gl);
  SDL_GL_SetSwapInterval(1);  // vsync

  // --- Dear ImGui ---
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // every start looks the same (and the web has no disk)
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  mlp::platform::apply_light_theme();
  ImGui_ImplSDL2_InitForOpenGL(p->window, p->gl);
  ImGui_ImplOpenGL3_Init(glsl_version);

  // --- App and loop ---
  mlp::bridge::init(mlp::kMaxModelFileBytes);  // the files a student opens are model files
  p->app = std::make_unique<mlp::App>();
#ifdef __EMSCRIPTEN__
  emscripten_set_main_loop_arg(frame, p, 0, true);  // never returns
#else
  while (!p->quit) frame(p);

  // --- Teardown, reverse order ---
  p->app.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(p->gl);
  SDL_DestroyWindow(p->window);
  SDL_Quit();
  delete p;
#endif
  return 0;
}
