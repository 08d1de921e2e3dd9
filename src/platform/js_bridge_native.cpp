// JS bridge, native side: the desktop fallbacks of js_bridge.hpp (no page around the app:
// test hooks do nothing, files go to and come from the file system, clipboard via SDL).
#ifndef __EMSCRIPTEN__

#include "platform/js_bridge.hpp"

#include <SDL.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mlp::bridge {

void publish_widget(const char*, float, float, float, float) {}
void publish_state(const std::string&) {}

std::string read_url_state() {
  const char* state = std::getenv("MLP_STATE");
  return state != nullptr ? state : "";
}

void write_url_state(const std::string&) {}

void copy_to_clipboard(const std::string& text) { SDL_SetClipboardText(text.c_str()); }

FileResult download_file(const std::string& filename, const std::string& contents, const char*) {
  std::error_code ec;
  const std::filesystem::path path = std::filesystem::absolute(filename, ec);
  std::ofstream out(path, std::ios::binary);
  out << contents;
  out.close();
  if (ec || !out) return {false, "could not write " + path.string() + ": " + std::strerror(errno)};
  return {true, "saved " + path.string()};
}

bool has_file_picker() { return false; }

std::optional<OpenedFile> open_file(const char*, const std::string& native_path) {
  OpenedFile file;
  file.name = native_path;
  std::ifstream in(native_path, std::ios::binary);
  if (native_path.empty()) {
    file.error = "no file name given";
  } else if (std::filesystem::is_directory(native_path)) {
    file.error = native_path + " is a folder, not a file";
  } else if (!in) {
    file.error = "could not open " + native_path + ": " + std::strerror(errno);
  } else {
    std::ostringstream text;
    text << in.rdbuf();
    file.contents = text.str();
    if (in.bad()) file.error = "could not read " + native_path;
  }
  return file;
}

std::optional<OpenedFile> take_opened_file() { return std::nullopt; }

void init() {}
void begin_frame() {}
void end_frame() {}

}  // namespace mlp::bridge

#endif  // !__EMSCRIPTEN__
