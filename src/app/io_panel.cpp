// Share and keep: copy a link to this set-up, export the history as CSV and the model as JSON,
// import a model JSON (the browser's file picker or a dropped file; a typed path on the
// desktop). A bad file gets a clear message naming the file and the problem.
#include "app/panels.hpp"
#include "app/url_state.hpp"
#include "app/widgets.hpp"

#include "nn/model_io.hpp"
#include "platform/js_bridge.hpp"

#include <exception>
#include <sstream>

namespace mlp::ui {

namespace {

constexpr const char* kModelFile = "mlp-model.json";
constexpr const char* kHistoryFile = "mlp-history.csv";

// The set-up of an imported network: its layers, output and init, on a data set it fits.
// Throws std::invalid_argument when no data set of the playground fits its inputs.
RunSetup setup_for_model(const RunSetup& current, const NetworkSpec& spec) {
  RunSetup s = current;
  s.hidden = spec.hidden;
  s.output = spec.output;
  s.init = spec.init;
  if (spec.inputs == 25) {
    s.data.source = "glyphs";
  } else if (spec.inputs == 2) {
    if (s.data.source == "glyphs") s.data.source = "circles";
  } else {
    throw std::invalid_argument("the model has " + std::to_string(spec.inputs) +
                                " inputs, but the playground's data sets have 2 (toy sets) or 25 (5×5 glyphs)");
  }
  return s;
}

void import_model(AppState& state, const bridge::OpenedFile& file) {
  ++state.messages.imports;
  state.messages.import_error.clear();
  if (!file.ok()) {
    state.messages.import_error = file.error;
    return;
  }
  try {
    const Network<float> net = model_from_json<float>(file.contents);
    const RunSetup setup = setup_for_model(state.setup, net.spec);
    const std::optional<Network<float>> old_weights = state.start_weights;
    const std::string old_source = state.model_source;
    state.start_weights = net;
    state.model_source = file.name;
    if (!apply_setup(state, setup)) {
      state.messages.import_error = file.name + ": " + state.messages.setup_error;
      state.messages.setup_error.clear();
      state.start_weights = old_weights;
      state.model_source = old_source;
      return;
    }
    state.messages.io = "imported " + file.name + ": " + net.spec.describe();
  } catch (const std::exception& e) {
    state.messages.import_error = file.name + ": " + e.what();
  }
}

void export_history(AppState& state) {
  std::ostringstream csv;
  state.session->run().history().write_csv(csv);
  state.messages.io = bridge::download_file(kHistoryFile, csv.str(), "text/csv").message;
}

void export_model(AppState& state) {
  try {
    const std::string json = model_to_json(state.session->network());
    state.messages.io = bridge::download_file(kModelFile, json, "application/json").message;
  } catch (const std::exception& e) {
    state.messages.io = std::string("cannot export the model: ") + e.what();
  }
}

}  // namespace

void poll_imported_file(AppState& state) {
  if (auto file = bridge::take_opened_file()) import_model(state, *file);
}

void show_io_panel(AppState& state) {
  if (!state.session) return;
  if (published_button("Copy link", "copy_link", "Copy an address that reopens this set-up (same seed)")) {
    bridge::copy_to_clipboard(bridge::page_address());
    state.messages.io = "link copied: " + encode_setup(state.setup);
  }
  ImGui::SameLine();
  if (bridge::has_file_picker()) {
    if (published_button("Import model…", "import_model",
                         "Load a model JSON saved by the page (or drop the file onto the page)"))
      bridge::open_file(".json,application/json", "");
  } else {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 4.5f);
    ImGui::InputText("##path", state.import.native_path, sizeof state.import.native_path);
    ImGui::SameLine();
    if (published_button("Import", "import_model", "Load the model JSON at this path")) {
      if (auto file = bridge::open_file(".json", state.import.native_path)) import_model(state, *file);
    }
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("save:");
  ImGui::SameLine();
  if (published_button("history CSV", "export_csv", "Download the loss and accuracy history as CSV"))
    export_history(state);
  ImGui::SameLine();
  if (published_button("model JSON", "export_model", "Download the network (shape and weights) as JSON"))
    export_model(state);
  if (!state.messages.io.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", state.messages.io.c_str());
    ImGui::PopStyleColor();
  }
  if (!state.messages.import_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(180, 20, 20, 255));
    ImGui::TextWrapped("Import failed: %s", state.messages.import_error.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace mlp::ui
