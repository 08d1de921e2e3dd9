// UI look shared by web and desktop: the DejaVu Sans font with the glyphs the lecture's
// notation needs (Wᵀ, ∂, Σ, ŷ, ·, ×, x₁, x², →, Greek), and the light classroom theme.
#pragma once

namespace mlp::platform {

// Loads the UI font from `ttf_path`, rasterised at pixel_ratio device pixels per logical
// pixel so text stays crisp on high-DPI screens (ImGui then scales it back by 1/pixel_ratio).
// Call before the first frame and again when the ratio changes (then re-upload the texture).
// A missing or unreadable file falls back to ImGui's built-in font with a message on stderr.
void load_fonts(const char* ttf_path, float pixel_ratio);

// ImGui's light colours, tuned: softer background, rounded frames, roomier spacing.
void apply_light_theme();

}  // namespace mlp::platform
