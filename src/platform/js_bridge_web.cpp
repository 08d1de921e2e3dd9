// JS bridge, web side: each function of js_bridge.hpp as a small piece of JavaScript (EM_JS,
// not EM_ASM: EM_ASM breaks on commas inside [] and {}). Page-side state lives in window.mlp.
#ifdef __EMSCRIPTEN__

#include "platform/js_bridge.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

namespace {

// Strings handed from JS to C++ are malloc'd UTF-8; take_js_string frees them.
std::string take_js_string(char* text) {
  std::string result = text != nullptr ? text : "";
  std::free(text);
  return result;
}

}  // namespace

// clang-format off
EM_JS(void, mlp_js_init, (double max_file_bytes), {
  var mlp = window.mlp = window.mlp || {};
  mlp.maxFileBytes = max_file_bytes;
  mlp.widgets = {};
  mlp.state = null;
  mlp.frames = 0;
  mlp.ready = false;
  mlp.openedFile = null;   // {name, bytes, error}: picked or dropped, waiting for C++
  mlp.fetches = [];        // start_fetch handles: {loaded, total, done, error, bytes}
  mlp.canvasLeft = 0;
  mlp.canvasTop = 0;
  mlp.receiveFile = function(file) {
    var fail = function(message) { mlp.openedFile = {name: file.name, bytes: null, error: file.name + ': ' + message}; };
    var mb = function(bytes) { return (bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0) + ' MB'; };
    if (file.size > mlp.maxFileBytes) {
      return fail('the file is ' + mb(file.size) + '; files up to ' + mb(mlp.maxFileBytes) + ' are opened');
    }
    var reader = new FileReader();
    reader.onload = function() { mlp.openedFile = {name: file.name, bytes: new Uint8Array(reader.result), error: ""}; };
    reader.onerror = function() { fail('could not be read (' + reader.error + ')'); };
    reader.readAsArrayBuffer(file);
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

EM_JS(void, mlp_js_end_frame, (double pending_input), {
  var mlp = window.mlp;
  if (!mlp.ready) mlp.firstFrameMs = performance.now();  // ms from navigation start to the first frame
  mlp.inputPending = pending_input;
  mlp.frames++;
  mlp.ready = true;
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

EM_JS(char*, mlp_js_page_address, (), {
  var s = location.href;
  var size = lengthBytesUTF8(s) + 1;
  var p = _malloc(size);
  stringToUTF8(s, p, size);
  return p;
});

EM_JS(char*, mlp_js_browser_language, (), {
  var s = navigator.language || "";
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

// Returns the waiting file's name (field 0) or error (field 1), malloc'd, or 0 when no file
// waits; its bytes follow by the two calls below.
EM_JS(char*, mlp_js_opened_file_field, (int field), {
  var f = window.mlp.openedFile;
  if (!f) return 0;
  var s = field === 0 ? f.name : f.error;
  var size = lengthBytesUTF8(s) + 1;
  var p = _malloc(size);
  stringToUTF8(s, p, size);
  return p;
});

EM_JS(double, mlp_js_opened_file_size, (), {
  var f = window.mlp.openedFile;
  return f && f.bytes ? f.bytes.length : 0;
});

EM_JS(void, mlp_js_copy_opened_file, (uint8_t* out), {
  var f = window.mlp.openedFile;
  if (f && f.bytes) HEAPU8.set(f.bytes, out);
});

EM_JS(void, mlp_js_clear_opened_file, (), { window.mlp.openedFile = null; });

// Fetches `path`, counting the bytes as they arrive; gzip data (magic 1f 8b) is then
// decompressed by the browser when it has DecompressionStream. Errors name the file.
EM_JS(int, mlp_js_start_fetch, (const char* path), {
  var name = UTF8ToString(path);
  var f = {loaded: 0, total: 0, done: false, error: "", bytes: null};
  var fetches = window.mlp.fetches;
  fetches.push(f);
  var fail = function(message) { f.error = name + ': ' + message; f.done = true; };
  var finish = function(bytes) { f.bytes = bytes; f.done = true; };
  var gunzip = function(bytes) {
    var gzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
    if (!gzip || typeof DecompressionStream !== 'function') return finish(bytes);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function(buffer) { finish(new Uint8Array(buffer)); },
      function(e) { fail('not a valid gzip file, damaged or cut short (' + e.message + ')'); });
  };
  var readAll = function(response) {
    var reader = response.body.getReader();
    var chunks = [];
    var pump = function() {
      return reader.read().then(function(r) {
        if (r.done) return;
        chunks.push(r.value);
        f.loaded += r.value.length;
        return pump();
      });
    };
    return pump().then(function() {
      var bytes = new Uint8Array(f.loaded);
      var at = 0;
      chunks.forEach(function(c) { bytes.set(c, at); at += c.length; });
      return gunzip(bytes);
    }, function(e) { fail('the download broke off (' + e.message + ')'); });
  };
  fetch(name).then(function(response) {
    if (!response.ok) {
      return fail(response.status === 404 ? 'not found on the server (HTTP 404)'
                  : 'the server answered HTTP ' + response.status + ' ' + response.statusText);
    }
    f.total = Number(response.headers.get('Content-Length')) || 0;
    return readAll(response);
  }, function(e) { fail('could not be fetched (' + e.message + ')'); });
  return fetches.length - 1;
});

// Field of a fetch: 0 done (0/1), 1 bytes loaded, 2 bytes expected, 3 size of the result; -1 if unknown.
EM_JS(double, mlp_js_fetch_number, (int id, int field), {
  var f = window.mlp.fetches[id];
  if (!f) return -1;
  if (field === 0) return f.done ? 1 : 0;
  if (field === 1) return f.loaded;
  if (field === 2) return f.total;
  return f.bytes ? f.bytes.length : 0;
});

EM_JS(char*, mlp_js_fetch_error, (int id), {
  var f = window.mlp.fetches[id];
  var s = f ? f.error : 'unknown fetch ' + id;
  var size = lengthBytesUTF8(s) + 1;
  var p = _malloc(size);
  stringToUTF8(s, p, size);
  return p;
});

// Copies the result to out (mlp_js_fetch_number(id, 3) bytes) and forgets the fetch.
EM_JS(void, mlp_js_take_fetched, (int id, uint8_t* out), {
  var f = window.mlp.fetches[id];
  if (f && f.bytes) HEAPU8.set(f.bytes, out);
  window.mlp.fetches[id] = null;
});
// clang-format on

namespace mlp::bridge {

void publish_widget(const char* id, float x0, float y0, float x1, float y1) {
  mlp_js_publish_widget(id, x0, y0, x1, y1);
}

void publish_state(const std::string& json) { mlp_js_publish_state(json.c_str()); }

std::string read_url_state() { return take_js_string(mlp_js_read_url_state()); }

std::string page_address() { return take_js_string(mlp_js_page_address()); }

void write_url_state(const std::string& state) { mlp_js_write_url_state(state.c_str()); }

std::string browser_language() { return take_js_string(mlp_js_browser_language()); }

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
  file.error = take_js_string(mlp_js_opened_file_field(1));
  file.contents.resize(static_cast<size_t>(mlp_js_opened_file_size()));
  mlp_js_copy_opened_file(reinterpret_cast<uint8_t*>(file.contents.data()));
  mlp_js_clear_opened_file();
  return file;
}

int start_fetch(const std::string& path) { return mlp_js_start_fetch(path.c_str()); }

FetchStatus fetch_status(int handle) {
  FetchStatus status;
  if (mlp_js_fetch_number(handle, 0) < 0) {
    status.done = true;
    status.error = "unknown fetch handle " + std::to_string(handle);
    return status;
  }
  status.done = mlp_js_fetch_number(handle, 0) > 0;
  status.loaded = mlp_js_fetch_number(handle, 1);
  status.total = mlp_js_fetch_number(handle, 2);
  status.error = take_js_string(mlp_js_fetch_error(handle));
  return status;
}

std::vector<uint8_t> take_fetched(int handle) {
  const double size = mlp_js_fetch_number(handle, 3);
  std::vector<uint8_t> bytes(size > 0 ? static_cast<size_t>(size) : 0);
  mlp_js_take_fetched(handle, bytes.data());
  return bytes;
}

void init(size_t max_file_bytes) { mlp_js_init(static_cast<double>(max_file_bytes)); }
void begin_frame() { mlp_js_begin_frame(); }
void end_frame(size_t pending_input) { mlp_js_end_frame(static_cast<double>(pending_input)); }

}  // namespace mlp::bridge

#endif  // __EMSCRIPTEN__
