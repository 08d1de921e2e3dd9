// JS bridge: the few things the app needs from the page around it, usable from src/app
// without Emscripten headers. On the web each call reaches JavaScript (EM_JS); natively
// each has a plain fallback (noted per function).
//
// Index
//   1. Test hooks:   publish_widget, publish_state   -> window.mlp.widgets / window.mlp.state
//   2. URL state:    read_url_state, page_address, write_url_state  (location, history.replaceState),
//                    browser_language (navigator.language)
//   3. Clipboard:    copy_to_clipboard
//   4. Files:        download_file, has_file_picker, open_file, take_opened_file
//   5. Host use:     init, begin_frame, end_frame     (called by src/host/main.cpp only)
//   6. Data fetches: start_fetch, fetch_status, take_fetched   (served data files, e.g. MNIST)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlp::bridge {

// --- 1. Test hooks ----------------------------------------------------------------------
// Records widget `id` at rectangle (x0, y0)-(x1, y1) in ImGui screen coordinates (= CSS
// pixels of the canvas) as window.mlp.widgets[id] = {x0, y0, x1, y1} in page CSS pixels.
// Widgets are cleared at the start of every frame: publish the ones visible this frame.
// Native: does nothing.
void publish_widget(const char* id, float x0, float y0, float x1, float y1);

// Stores window.mlp.state = JSON.parse(json); a malformed json is reported as a console
// error (which fails the browser tests). Native: does nothing.
void publish_state(const std::string& json);

// --- 2. URL state -----------------------------------------------------------------------
// The state part of the page address: location.hash without '#', or else the query string
// without '?' (raw, still percent-encoded). Native: the environment variable MLP_STATE, or "".
std::string read_url_state();

// The page's full address (location.href), e.g. for a "copy link" button. Native: "".
std::string page_address();

// Replaces the address with <path>#<state> without reloading or adding a history entry
// (an empty state removes the '#'). Native: does nothing.
void write_url_state(const std::string& state);

// The language the browser prefers, as navigator.language gives it (e.g. "zh-TW", "en-US").
// Native: the environment variable LANG (e.g. "zh_TW.UTF-8"), or "".
std::string browser_language();

// --- 3. Clipboard -----------------------------------------------------------------------
// Copies text to the system clipboard (navigator.clipboard, with a fallback for pages the
// browser does not trust). Native: SDL's clipboard.
void copy_to_clipboard(const std::string& text);

// --- 4. Files ---------------------------------------------------------------------------
struct FileResult {
  bool ok = false;
  std::string message;  // for the UI: "downloaded model.json", "could not write ...: reason"
};

// Offers `contents` as a download named `filename` (Blob + a link; text files).
// Native: writes the file into the current directory; message names the full path.
FileResult download_file(const std::string& filename, const std::string& contents,
                         const char* mime_type = "application/json");

struct OpenedFile {
  std::string name;      // file name as the user picked it (native: the path)
  std::string contents;  // the whole file's bytes
  std::string error;     // non-empty when it could not be read
  bool ok() const { return error.empty(); }
};

// True on the web (the browser's file picker); natively false: the UI should then ask
// for a path and pass it to open_file.
bool has_file_picker();

// Asks for a file. Files larger than init's max_file_bytes are refused unread (the error says
// so), as are empty ones. Web: opens the browser's file picker filtered by `accept`
// (e.g. ".json,application/json") and returns nothing now; the file arrives later through
// take_opened_file(). Must be called from a click (browsers block pickers otherwise).
// Native: reads `native_path` right away and returns it (or the error).
std::optional<OpenedFile> open_file(const char* accept, const std::string& native_path);

// The file the user picked (or dropped onto the page) since the last call, if any.
// Poll once a frame. Native: always nothing.
std::optional<OpenedFile> take_opened_file();

// --- 5. Platform use --------------------------------------------------------------------
// Creates window.mlp = {widgets, state, frames, ready, ...} and the file drop; files picked or
// dropped above max_file_bytes are refused by their size, unread.
void init(size_t max_file_bytes);
void begin_frame();  // clears last frame's widgets
// Counts frames (window.mlp.frames); window.mlp.ready = true (and firstFrameMs) after the first
// one; window.mlp.inputPending = the input events still queued for later frames (tests wait
// for 0 after a click or a key).
void end_frame(size_t pending_input);

// --- 6. Data fetches --------------------------------------------------------------------
// Starts fetching a binary file served with the page (`path` relative to it, e.g.
// "data/train-images-idx3-ubyte.gz") and returns a handle to poll once a frame.
// A gzip file is decompressed by the browser (DecompressionStream) when it offers that;
// otherwise take_fetched returns the gzip bytes as served (check mlp::is_gzip).
// Native: reads the file at once, as stored (a gzip file stays gzip, as on the web without
// DecompressionStream), from the current folder or else from the executable's folder.
int start_fetch(const std::string& path);

struct FetchStatus {
  bool done = false;   // finished, with the data or with an error
  double loaded = 0;   // bytes received so far (as served, i.e. compressed)
  double total = 0;    // bytes expected (Content-Length); 0 when the server does not say
  std::string error;   // when it failed, e.g. "data/x.gz: not found on the server (HTTP 404)"
};
FetchStatus fetch_status(int handle);

// The fetched bytes, handed over once (the handle is then forgotten); empty unless the
// fetch is done without error.
std::vector<uint8_t> take_fetched(int handle);

}  // namespace mlp::bridge
