// Texture on OpenGL 3.0 (desktop) or WebGL2 / GLES 3.0 (web); see texture.hpp.
#include "platform/texture.hpp"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include <utility>

namespace mlp::platform {

namespace {

int& live_count() {
  static int count = 0;
  return count;
}

}  // namespace

int live_textures() { return live_count(); }

Texture::~Texture() {
  if (id_ != 0) {
    const GLuint name = id_;
    glDeleteTextures(1, &name);
    --live_count();
  }
}

Texture::Texture(Texture&& other) noexcept
    : id_(std::exchange(other.id_, 0)), width_(other.width_), height_(other.height_) {}

Texture& Texture::operator=(Texture&& other) noexcept {
  if (this != &other) {
    this->~Texture();
    id_ = std::exchange(other.id_, 0);
    width_ = other.width_;
    height_ = other.height_;
  }
  return *this;
}

void Texture::upload(const std::vector<Rgba>& pixels, int width, int height) {
  if (width <= 0 || height <= 0 || pixels.size() != static_cast<size_t>(width) * height) return;
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  if (id_ == 0) {
    GLuint name = 0;
    glGenTextures(1, &name);
    id_ = name;
    ++live_count();
    glBindTexture(GL_TEXTURE_2D, id_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  } else {
    glBindTexture(GL_TEXTURE_2D, id_);
  }
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (width == width_ && height == height_) {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  } else {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    width_ = width;
    height_ = height;
  }
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
}

ImTextureID Texture::id() const { return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(id_)); }

}  // namespace mlp::platform
