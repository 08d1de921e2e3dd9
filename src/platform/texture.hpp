// Texture: an RGBA image uploaded to the GPU for the app to draw with ImGui::Image or
// ImDrawList::AddImage (MNIST digits, hidden-unit weight maps: thousands of pixels that would
// be too many rectangles). OpenGL / WebGL2 behind it; src/app sees only this header.
// Create, upload and destroy only while the GL context lives (the app does: platform/main.cpp
// creates the app after the context and destroys it before).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace mlp::platform {

// ABGR in memory = RGBA bytes, as IM_COL32 makes them.
using Rgba = uint32_t;

class Texture {
 public:
  Texture() = default;
  ~Texture();
  Texture(const Texture&) = delete;
  Texture& operator=(const Texture&) = delete;
  Texture(Texture&& other) noexcept;
  Texture& operator=(Texture&& other) noexcept;

  // Replaces the image: width x height pixels, row 0 at the top (pixels.size() = width * height).
  // Pixels are drawn as sharp squares when magnified (nearest-neighbour).
  void upload(const std::vector<Rgba>& pixels, int width, int height);

  bool empty() const { return id_ == 0; }
  ImTextureID id() const;  // for ImGui::Image
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  unsigned id_ = 0;  // GL texture name; 0 = none yet
  int width_ = 0, height_ = 0;
};

// How many GL textures Texture objects hold now (created and not yet destroyed); the soak
// test checks that it stays flat.
int live_textures();

}  // namespace mlp::platform
