// UI font (DejaVu Sans with math and Greek glyph ranges, the zh-TW catalogue's CJK glyphs
// merged in) and the light theme.
#include "host/style.hpp"

#include "app/i18n.hpp"

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

constexpr ImWchar kFirstCjk = 0x2E80;  // CJK radicals, ideographs, CJK and full-width punctuation

bool readable(const char* path) {
  std::FILE* probe = std::fopen(path, "rb");
  if (probe) std::fclose(probe);
  return probe != nullptr;
}

}  // namespace

ImVector<ImWchar> cjk_glyph_ranges() {
  ImFontGlyphRangesBuilder builder;
  for (const ui::Translation& t : ui::zh_tw_catalogue()) builder.AddText(t.translated);
  ImVector<ImWchar> all;
  builder.BuildRanges(&all);
  ImVector<ImWchar> cjk;  // the pairs at or above kFirstCjk (the UI font has the rest)
  for (int i = 0; i + 1 < all.Size; i += 2) {
    if (all[i + 1] < kFirstCjk) continue;
    cjk.push_back(all[i] < kFirstCjk ? kFirstCjk : all[i]);
    cjk.push_back(all[i + 1]);
  }
  cjk.push_back(0);
  return cjk;
}

void load_fonts(const FontFiles& files, float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.OversampleH = pixel_ratio >= 2.0f ? 1 : 2;  // more device pixels need less oversampling
  config.OversampleV = 1;
  const ImFont* font = nullptr;
  if (readable(files.ui)) font = io.Fonts->AddFontFromFileTTF(files.ui, kFontPixels * pixel_ratio, &config, kGlyphRanges);
  if (font != nullptr && readable(files.cjk)) {
    ImFontConfig merged = config;
    merged.MergeMode = true;  // into the UI font: its glyphs first, the CJK font's for the rest
    io.Fonts->AddFontFromFileTTF(files.cjk, kFontPixels * pixel_ratio, &merged, files.cjk_ranges);
  } else if (font != nullptr) {
    std::fprintf(stderr, "playground: cannot load font %s; the zh-TW page will miss its Chinese glyphs\n", files.cjk);
  }
  if (font == nullptr) {
    std::fprintf(stderr, "playground: cannot load font %s; using ImGui's built-in font\n", files.ui);
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
