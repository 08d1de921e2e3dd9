// UI font (DejaVu Sans with math and Greek glyph ranges) and the light theme.
#include "host/style.hpp"

#include <imgui.h>

#include <cstdio>

namespace mlp::platform {

namespace {

constexpr float kFontPixels = 18.0f;  // logical (CSS) pixels

// Unicode ranges baked into the font atlas (first, last pairs, zero-terminated). The list is
// MLP_GLYPH_RANGES in CMakeLists.txt, which also cuts the web build's packed font to them.
#ifndef MLP_GLYPH_RANGES
#error "MLP_GLYPH_RANGES (0xFIRST,0xLAST,... pairs) comes from CMakeLists.txt"
#endif
constexpr ImWchar kGlyphRanges[] = {MLP_GLYPH_RANGES, 0};
static_assert(sizeof kGlyphRanges / sizeof kGlyphRanges[0] % 2 == 1, "MLP_GLYPH_RANGES holds pairs");

}  // namespace

void load_fonts(const char* ttf_path, float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = pixel_ratio >= 2.0f ? 1 : 2;  // more device pixels need less oversampling
  config.OversampleV = 1;
  const ImFont* font = nullptr;
  if (std::FILE* probe = std::fopen(ttf_path, "rb")) {
    std::fclose(probe);
    font = io.Fonts->AddFontFromFileTTF(ttf_path, kFontPixels * pixel_ratio, &config, kGlyphRanges);
  }
  if (font == nullptr) {
    std::fprintf(stderr, "playground: cannot load font %s; using ImGui's built-in font\n", ttf_path);
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * pixel_ratio;
    io.Fonts->AddFontDefault(&fallback);
  }
  io.FontGlobalScale = 1.0f / pixel_ratio;
  io.Fonts->Build();
}

void apply_light_theme() {
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 7);
  style.ItemInnerSpacing = ImVec2(7, 5);
  style.ScrollbarSize = 15;
  style.GrabMinSize = 12;
  style.WindowRounding = 6;
  style.ChildRounding = 4;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.GrabRounding = 4;
  style.TabRounding = 4;
  style.WindowBorderSize = 1;
  style.FrameBorderSize = 1;
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImVec4(0.10f, 0.12f, 0.16f, 1.00f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.48f, 0.52f, 1.00f);
  c[ImGuiCol_WindowBg] = ImVec4(0.99f, 0.99f, 0.99f, 1.00f);
  c[ImGuiCol_PopupBg] = ImVec4(1.00f, 1.00f, 1.00f, 0.98f);
  c[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1.00f);
  c[ImGuiCol_FrameBg] = ImVec4(0.95f, 0.96f, 0.97f, 1.00f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.90f, 0.93f, 0.97f, 1.00f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.85f, 0.90f, 0.97f, 1.00f);
  c[ImGuiCol_TitleBg] = ImVec4(0.91f, 0.92f, 0.94f, 1.00f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.84f, 0.88f, 0.94f, 1.00f);
  c[ImGuiCol_TitleBgCollapsed] = ImVec4(0.93f, 0.94f, 0.95f, 1.00f);
  c[ImGuiCol_Button] = ImVec4(0.87f, 0.91f, 0.97f, 1.00f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.76f, 0.84f, 0.96f, 1.00f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.64f, 0.76f, 0.94f, 1.00f);
  c[ImGuiCol_Header] = ImVec4(0.87f, 0.91f, 0.97f, 1.00f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.78f, 0.85f, 0.96f, 1.00f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.68f, 0.79f, 0.95f, 1.00f);
  c[ImGuiCol_PlotLines] = ImVec4(0.16f, 0.42f, 0.75f, 1.00f);
  c[ImGuiCol_PlotHistogram] = ImVec4(0.16f, 0.42f, 0.75f, 1.00f);
}

}  // namespace mlp::platform
