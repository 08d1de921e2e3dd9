// JS bridge, web side: each function of js_bridge.hpp as a small piece of JavaScript (EM_JS,
// not EM_ASM: EM_ASM breaks on commas inside [] and {}). Page-side state lives in window.mlp.
#ifdef __EMSCRIPTEN__

#include "platform/js_bridge.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

namespace {

// Strings handed from JS to C++ are malloc'd UTF-8; take_js_string frees them.
std::string take_js_string(char* text) {
  std::string result = text != nullptr ? text : "";
  std::free(text);
  return result;
}

}  // namespace

// clang-format off
EM_JS(void, mlp_js_init, (), {
  var mlp = window.mlp = window.mlp || {};
  mlp.widgets = {};
  mlp.state = null;
  mlp.frames = 0;
  mlp.ready = false;
  mlp.openedFile = null;   // {name, text, error}: picked or dropped, waiting for C++
  mlp.canvasLeft = 0;
  mlp.canvasTop = 0;
  mlp.receiveFile = function(file) {
    var reader = new FileReader();
    reader.onload = function() { mlp.openedFile = {name: file.name, text: reader.result, error: ""}; };
    reader.onerror = function() {
      mlp.openedFile = {name: file.name, text: "", error: 'could not read ' + file.name + ': ' + reader.error};
    };
    reader.readAsText(file);
  };
  window.addEventListener('dragover', function(e) { e.preventDefault(); });
  window.addEventListener('drop', function(e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) mlp.receiveFile(e.dataTransfer.files[0]);
  });
});

EM_JS(void, mlp_js_begin_frame, (), {
  var mlp = window.mlp;
  mlp.widgets = {};
  var r = Module['canvas'].getBoundingClientRect();
  mlp.canvasLeft = r.left;
  mlp.canvasTop = r.top;
});

EM_JS(void, mlp_js_end_frame, (), {
  window.mlp.frames++;
  window.mlp.ready = true;
});

EM_JS(void, mlp_js_publish_widget, (const char* id, float x0, float y0, float x1, float y1), {
  var mlp = window.mlp;
  var dx = mlp.canvasLeft, dy = mlp.canvasTop;
  mlp.widgets[UTF8ToString(id)] = {x0: x0 + dx, y0: y0 + dy, x1: x1 + dx, y1: y1 + dy};
});

EM_JS(void, mlp_js_publish_state, (const char* json), {
  try {
    window.mlp.state = JSON.parse(UTF8ToString(json));
  } catch (e) {
    console.error('mlp: publish_state got malformed JSON: ' + e.message);
  }
});

EM_JS(char*, mlp_js_read_url_state, (), {
  var s = location.hash.length > 1 ? location.hash.substring(1)
        : (location.search.length > 1 ? location.search.substring(1) : "");
  var size = lengthBytesUTF8(s) + 1;
  var p = _malloc(size);
  stringToUTF8(s, p, size);
  return p;
});

EM_JS(void, mlp_js_write_url_state, (const char* state), {
  var s = UTF8ToString(state);
  history.replaceState(history.state, "", location.pathname + (s.length > 0 ? '#' + s : ""));
});

EM_JS(void, mlp_js_copy_to_clipboard, (const char* text), {
  var s = UTF8ToString(text);
  var fallback = function() {
    var area = document.createElement('textarea');
    area.value = s;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { console.warn('mlp: copy failed: ' + e); }
    area.remove();
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(s).catch(fallback);
  } else {
    fallback();
  }
});

EM_JS(void, mlp_js_download, (const char* name, const char* contents, const char* mime), {
  var blob = new Blob([UTF8ToString(contents)], {type: UTF8ToString(mime)});
  var url = URL.createObjectURL(blob);
  var link = document.createElement('a');
  link.href = url;
  link.download = UTF8ToString(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});

EM_JS(void, mlp_js_open_file_picker, (const char* accept), {
  var input = document.createElement('input');
  input.type = 'file';
  input.accept = UTF8ToString(accept);
  input.style.display = 'none';
  input.addEventListener('change', function() {
    if (input.files.length > 0) window.mlp.receiveFile(input.files[0]);
    input.remove();
  });
  document.body.appendChild(input);
  input.click();
});

// Returns the waiting file's name (malloc'd) or 0; the text and error follow by the calls below.
EM_JS(char*, mlp_js_opened_file_field, (int field), {
  var f = window.mlp.openedFile;
  if (!f) return 0;
  var s = field === 0 ? f.name : (field === 1 ? f.text : f.error);
  var size = lengthBytesUTF8(s) + 1;
  var p = _malloc(size);
  stringToUTF8(s, p, size);
  return p;
});

EM_JS(void, mlp_js_clear_opened_file, (), { window.mlp.openedFile = null; });
// clang-format on

namespace mlp::bridge {

void publish_widget(const char* id, float x0, float y0, float x1, float y1) {
  mlp_js_publish_widget(id, x0, y0, x1, y1);
}

void publish_state(const std::string& json) { mlp_js_publish_state(json.c_str()); }

std::string read_url_state() { return take_js_string(mlp_js_read_url_state()); }

void write_url_state(const std::string& state) { mlp_js_write_url_state(state.c_str()); }

void copy_to_clipboard(const std::string& text) { mlp_js_copy_to_clipboard(text.c_str()); }

FileResult download_file(const std::string& filename, const std::string& contents,
                         const char* mime_type) {
  mlp_js_download(filename.c_str(), contents.c_str(), mime_type);
  return {true, "downloaded " + filename};
}

bool has_file_picker() { return true; }

std::optional<OpenedFile> open_file(const char* accept, const std::string& /*native_path*/) {
  mlp_js_open_file_picker(accept);
  return std::nullopt;
}

std::optional<OpenedFile> take_opened_file() {
  char* name = mlp_js_opened_file_field(0);
  if (name == nullptr) return std::nullopt;
  OpenedFile file;
  file.name = take_js_string(name);
  file.contents = take_js_string(mlp_js_opened_file_field(1));
  file.error = take_js_string(mlp_js_opened_file_field(2));
  mlp_js_clear_opened_file();
  return file;
}

void init() { mlp_js_init(); }
void begin_frame() { mlp_js_begin_frame(); }
void end_frame() { mlp_js_end_frame(); }

}  // namespace mlp::bridge

#endif  // __EMSCRIPTEN__
