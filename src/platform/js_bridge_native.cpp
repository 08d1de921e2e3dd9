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
#include <iterator>
#include <sstream>
#include <vector>

namespace mlp::bridge {

void publish_widget(const char*, float, float, float, float) {}
void publish_state(const std::string&) {}

std::string read_url_state() {
  const char* state = std::getenv("MLP_STATE");
  return state != nullptr ? state : "";
}

std::string page_address() { return ""; }

void write_url_state(const std::string&) {}

std::string browser_language() {
  const char* lang = std::getenv("LANG");
  return lang != nullptr ? lang : "";
}

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

// The limit init() was given (the desktop's counterpart of window.mlp.maxFileBytes).
size_t& max_file_bytes() {
  static size_t bytes = 0;
  return bytes;
}

std::optional<OpenedFile> open_file(const char*, const std::string& native_path) {
  OpenedFile file;
  file.name = native_path;
  std::ifstream in(native_path, std::ios::binary);
  std::error_code ec;
  const auto size = native_path.empty() ? 0 : std::filesystem::file_size(native_path, ec);
  if (native_path.empty()) {
    file.error = "no file name given";
  } else if (std::filesystem::is_directory(native_path)) {
    file.error = native_path + " is a folder, not a file";
  } else if (!ec && size > max_file_bytes()) {
    file.error = native_path + ": the file is " + std::to_string(size >> 20) + " MB; files up to " +
                 std::to_string(max_file_bytes() >> 20) + " MB are opened";
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

namespace {

// Native fetches finish at once; each waits here until taken (the native counterpart of
// the page's window.mlp.fetches).
struct NativeFetch {
  FetchStatus status;
  std::vector<uint8_t> bytes;
};
std::vector<NativeFetch>& native_fetches() {
  static std::vector<NativeFetch> fetches;
  return fetches;
}

// `path` as given if it exists, else relative to the executable's folder.
std::string locate(const std::string& path) {
  if (std::filesystem::exists(path)) return path;
  char* base = SDL_GetBasePath();
  if (base == nullptr) return path;
  const std::string beside_exe = std::string(base) + path;
  SDL_free(base);
  return std::filesystem::exists(beside_exe) ? beside_exe : path;
}

}  // namespace

int start_fetch(const std::string& path) {
  NativeFetch fetch;
  fetch.status.done = true;
  const std::string file = locate(path);
  std::error_code ec;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    fetch.status.error = file + ": cannot open file (" + std::strerror(errno) + ")";
  } else if (std::filesystem::is_directory(file, ec)) {
    fetch.status.error = file + ": is a directory, not a file";
  } else {
    fetch.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
      fetch.status.error = file + ": cannot read file";
      fetch.bytes.clear();
    }
    fetch.status.loaded = fetch.status.total = static_cast<double>(fetch.bytes.size());
  }
  native_fetches().push_back(std::move(fetch));
  return static_cast<int>(native_fetches().size()) - 1;
}

FetchStatus fetch_status(int handle) {
  if (handle < 0 || handle >= static_cast<int>(native_fetches().size()))
    return {true, 0, 0, "unknown fetch handle " + std::to_string(handle)};
  return native_fetches()[handle].status;
}

std::vector<uint8_t> take_fetched(int handle) {
  if (handle < 0 || handle >= static_cast<int>(native_fetches().size())) return {};
  return std::move(native_fetches()[handle].bytes);
}

void init(size_t max_bytes) { max_file_bytes() = max_bytes; }
void begin_frame() {}
void end_frame(size_t) {}

}  // namespace mlp::bridge

#endif  // !__EMSCRIPTEN__
