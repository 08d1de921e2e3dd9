// UI look shared by web and desktop: the DejaVu Sans font with the glyphs the lecture's
// notation needs (Wᵀ, ∂, Σ, ŷ, ·, ×, x₁, x², →, Greek) and the CJK glyphs of the zh-TW page
// merged in, and the light classroom theme.
#pragma once

#include <imgui.h>

namespace mlp::platform {

// The Unicode ranges of the CJK characters the zh-TW catalogue uses (app/i18n.hpp), as ImGui
// wants them: first, last pairs, zero-terminated. Make them once and keep them while the
// fonts are loaded.
ImVector<ImWchar> cjk_glyph_ranges();

struct FontFiles {
  const char* ui;                 // DejaVu Sans (TrueType)
  const char* cjk;                // a CJK TrueType font or collection (font 0 is used)
  const ImWchar* cjk_ranges;      // cjk_glyph_ranges()
};

// Loads the UI font and merges the CJK glyphs into it, rasterised at pixel_ratio device pixels
// per logical pixel so text stays crisp on high-DPI screens (ImGui then scales it back by
// 1/pixel_ratio). Call before the first frame and again when the ratio changes (then
// re-upload the texture). A missing or unreadable UI font falls back to ImGui's built-in font,
// a missing CJK font leaves the Chinese text without glyphs, each with a message on stderr.
void load_fonts(const FontFiles& files, float pixel_ratio);

// ImGui's light colours, tuned: softer background, rounded frames, roomier spacing.
void apply_light_theme();

}  // namespace mlp::platform
