// Share and keep: copy a link to this set-up, export the history as CSV, the model as JSON and
// the run as a Python script (numpy, config/python_script.hpp), import a model JSON or open a
// data table (the browser's file picker or a dropped file; a typed path on the desktop). A bad
// file gets a clear message naming the file and the problem.
#include "app/i18n.hpp"
#include "app/lessons.hpp"
#include "app/panels.hpp"
#include "config/properties.hpp"
#include "config/python_script.hpp"
#include "app/widgets.hpp"

#include "data/gzip.hpp"
#include "nn/model_io.hpp"
#include "platform/js_bridge.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>
#include <sstream>

namespace mlp::ui {

namespace {

constexpr const char* kModelFile = "mlp-model.json";
constexpr const char* kHistoryFile = "mlp-history.csv";
constexpr const char* kPythonFile = "mlp-run.py";
constexpr long kPythonSteps = 500;  // the page's script rebuilds at most this many updates

// The set-up of an imported network: its layers, output and init, on a data set it fits.
// Throws std::invalid_argument when no data set of the playground fits its inputs.
RunConfig setup_for_model(const RunConfig& current, const NetworkSpec& spec) {
  RunConfig s = current;
  s.hidden = spec.hidden;
  s.output = spec.output;
  s.init = spec.init;
  if (spec.inputs == 25) {
    s.data.source = "glyphs";
  } else if (spec.inputs == 2) {
    if (s.data.source == "glyphs") s.data.source = "circles";
  } else {
    throw std::invalid_argument(
        printf_string(tr("the model has %d inputs, but the playground's data sets have 2 (toy sets) or 25 (5×5 glyphs)"),
                      spec.inputs));
  }
  return s;
}

// The bridge's message about a download in the page's words (the file's path and a system error as they are).
std::string download_text(const bridge::FileResult& result) {
  std::string text = tr_prefix(result.message, tr_noop("downloaded "));
  text = tr_prefix(text, tr_noop("saved "));
  return tr_prefix(text, tr_noop("could not write "));
}

void export_history(IoPanelState& state, const Session& session) {
  std::ostringstream csv;
  session.run().history().write_csv(csv);
  state.message = download_text(bridge::download_file(kHistoryFile, csv.str(), "text/csv"));
}

void export_model(IoPanelState& state, const PlaygroundRun& playground) {
  try {
    const std::string json = model_to_json(playground.run.session().network(), encode_config(playground.setup));
    state.message = download_text(bridge::download_file(kModelFile, json, "application/json"));
  } catch (const std::exception& e) {
    state.message = tr("cannot export the model: ") + std::string(e.what());
  }
}

// The run from its start as a Python script: the updates made so far, at least one epoch's and
// at most kPythonSteps.
void export_python(IoPanelState& state, const PlaygroundRun& playground) {
  try {
    const Session& session = playground.run.session();
    const long done = session.trainer().iteration();
    const int steps = static_cast<int>(std::min(std::max<long>(done, session.trainer().batches_per_epoch()), kPythonSteps));
    const ScriptOrigin origin{session.setup(),
                              "the playground page's Export as Python, with the run at update " + std::to_string(done),
                              playground.model_source};
    const PythonScript script = python_script(session.trainer_at_start(), steps, origin);
    state.message = download_text(bridge::download_file(kPythonFile, script.text, "text/x-python")) +
                    printf_string(tr(": the first %d updates from the run's start; `python3 %s` prints their losses"),
                                  steps, kPythonFile);
  } catch (const std::exception& e) {
    state.message = tr("cannot export as Python: ") + std::string(e.what());
  }
}

// Counts a file that arrived; false (with the error shown) when it could not be read.
bool received(IoPanelState& io, const bridge::OpenedFile& file) {
  ++io.imports;
  io.import_error = file.error;
  return file.ok();
}

// Starts `setup` after `change` edited the playground's start weights or own data; when it
// cannot start, puts them back (the old run goes on) and returns why, else "".
template <class Change>
std::string try_start(PlaygroundRun& p, const RunConfig& setup, Change change) {
  const OwnData own = p.own;
  const std::optional<Network<float>> weights = p.start_weights;
  const std::string source = p.model_source;
  change(p);
  if (apply_setup(p, setup)) return "";
  const std::string why = p.setup_error;
  p.setup_error.clear();
  p.own = own;
  p.start_weights = weights;
  p.model_source = source;
  return why;
}

}  // namespace

void import_model(PlaygroundRun& playground, IoPanelState& io, const bridge::OpenedFile& file) {
  if (!received(io, file)) return;
  try {
    std::string recorded;  // the set-up the model was trained with, if the file says
    const Network<float> net = model_from_file_bytes<float>(file.contents, &recorded);
    std::vector<std::string> notes;
    const RunConfig setup = setup_for_model(recorded.empty() ? playground.setup : decode_config(recorded, notes), net.spec);
    const std::string failed = try_start(playground, setup, [&](PlaygroundRun& p) {
      p.start_weights = net;
      p.model_source = file.name;
    });
    if (!failed.empty()) {
      io.import_error = file.name + ": " + tr_prefix(failed, kCannotStart);
      return;
    }
    io.message = printf_string(tr("imported %s: %s"), file.name.c_str(), net.spec.describe().c_str()) +
                 (recorded.empty() ? "" : tr(", with the set-up it was trained with"));
    for (const std::string& note : notes) io.message += "; " + note;
  } catch (const std::exception& e) {
    io.import_error = file.name + ": " + e.what();
  }
}

void open_table(PlaygroundRun& playground, IoPanelState& io, const bridge::OpenedFile& file) {
  if (!received(io, file)) return;
  try {
    auto table = std::make_shared<const Dataset>(
        read_table_bytes(file.name, file.contents, playground.setup.data.real_targets));
    RunConfig setup = playground.setup;
    setup.data.source = file.name;
    const std::string failed = try_start(playground, setup, [&](PlaygroundRun& p) {
      p.own = OwnData{file.name, table};
      p.start_weights.reset();  // a model's weights fit its own data, not this table
      p.model_source.clear();
    });
    if (!failed.empty()) {
      io.import_error = file.name + ": " + tr_prefix(failed, kCannotStart);
      return;
    }
    io.message = printf_string(tr("opened %s: %d examples, %d inputs, %s"), file.name.c_str(), table->size(),
                               table->features(),
                               table->is_regression() ? tr("real-valued targets")
                                                      : printf_string(tr("%d classes"), table->num_classes).c_str());
  } catch (const std::exception& e) {
    io.import_error = e.what();
  }
}

void open_any(PlaygroundRun& playground, IoPanelState& io, const bridge::OpenedFile& file) {
  const IoPanelState::Expecting expecting = std::exchange(io.expecting, IoPanelState::Expecting::Any);
  if (expecting == IoPanelState::Expecting::Model) return import_model(playground, io, file);
  if (expecting == IoPanelState::Expecting::Table) return open_table(playground, io, file);
  std::string text = file.contents.substr(0, 4096);
  const auto* raw = reinterpret_cast<const uint8_t*>(file.contents.data());
  if (is_gzip(raw, file.contents.size())) {
    try {
      const std::vector<uint8_t> plain = gunzip(raw, file.contents.size());
      text.assign(plain.begin(), plain.begin() + static_cast<long>(std::min<size_t>(plain.size(), 4096)));
    } catch (const std::exception&) {
      text.clear();  // corrupt: either reader says so
    }
  }
  const size_t first = text.find_first_not_of(" \t\r\n");
  const bool json = first != std::string::npos && text[first] == '{';
  if (json) import_model(playground, io, file);
  else open_table(playground, io, file);
}

namespace {

// Ticks one name of a list (a part to hide, a control to lock), published as `id`.
void name_checkbox(const char* label, const char* id, std::vector<std::string>& names, const std::string& name) {
  bool on = std::find(names.begin(), names.end(), name) != names.end();
  if (ImGui::Checkbox(label, &on)) {
    if (on) names.push_back(name);
    else names.erase(std::remove(names.begin(), names.end(), name), names.end());
  }
  publish_last_item(id);
}

// The "for students" part of the Copy link dialog: what the link hides, locks, opens and plays.
void student_options(PageConfig& page) {
  ImGui::TextUnformatted(tr("For students"));
  ImGui::SameLine();
  help_marker(tr("What the class sees when they open the link: hidden tabs and parts are gone; locked settings "
                 "show but cannot change (hovering one says why); the lesson chapter opens; play starts."));
  ImGui::TextDisabled("%s", tr("hide:"));
  const std::pair<const char*, const char*> hideable[] = {
      {tr_noop("Compare"), "compare"}, {tr_noop("MNIST"), "mnist"},       {tr_noop("Lessons"), "lessons"},
      {tr_noop("chain rule"), "chain"}, {tr_noop("gradients"), "gradients"}, {tr_noop("step back"), "stepback"}};
  for (size_t i = 0; i < std::size(hideable); ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    name_checkbox(tr(hideable[i].first), ("link_hide_" + std::string(hideable[i].second)).c_str(), page.hide,
                  hideable[i].second);
  }
  ImGui::TextDisabled("%s", tr("lock:"));
  const std::pair<const char*, const char*> lockable[] = {
      {tr_noop("data"), "data"}, {tr_noop("network"), "network"}, {tr_noop("training"), "training"}};
  for (size_t i = 0; i < std::size(lockable); ++i) {
    if (i != 0) ImGui::SameLine();
    name_checkbox(tr(lockable[i].first), ("link_lock_" + std::string(lockable[i].second)).c_str(), page.lock,
                  lockable[i].second);
  }
  const auto& chapters = lessons();
  const std::string current = page.lesson > 0 && page.lesson <= static_cast<int>(chapters.size())
                                  ? std::to_string(page.lesson) + ". " + tr(chapters[page.lesson - 1].title.c_str())
                                  : tr("(none)");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo(tr_id("open lesson", "open_lesson").c_str(), current.c_str())) {
    if (ImGui::Selectable(tr("(none)"), page.lesson == 0)) page.lesson = 0;
    for (size_t i = 0; i < chapters.size(); ++i) {
      const std::string title = std::to_string(i + 1) + ". " + tr(chapters[i].title.c_str());
      if (ImGui::Selectable(title.c_str(), page.lesson == static_cast<int>(i) + 1)) page.lesson = static_cast<int>(i) + 1;
      publish_last_item(("link_lesson_" + std::to_string(i + 1)).c_str());
    }
    ImGui::EndCombo();
  }
  publish_last_item("link_lesson");
  ImGui::Checkbox(tr_id("start playing", "start_playing").c_str(), &page.play);
  publish_last_item("link_play");
}

// The address of this set-up with the page settings `page`.
std::string link_for(const RunConfig& setup, const PageConfig& page) {
  RunConfig linked = setup;
  linked.page = page;
  const std::string here = bridge::page_address();
  return here.substr(0, here.find('#')) + "#" + encode_config(linked);
}

void link_dialog(IoPanelState& state, const PlaygroundRun& playground) {
  if (!ImGui::BeginPopup("Copy link##dialog")) return;
  student_options(state.students);
  ImGui::Separator();
  const std::string link = link_for(playground.setup, state.students);
  if (published_button(tr("Copy"), "link_copy", tr("Copy this address to the clipboard"))) {
    bridge::copy_to_clipboard(link);
    state.message = printf_string(tr("link copied: %s"), link.substr(link.find('#') + 1).c_str());
    if (playground.own.is(playground.setup.data.source))
      state.message += printf_string(tr(". The link cannot carry your file %s: whoever opens it gets the circles until "
                                        "they open the same file"),
                                     playground.own.name.c_str());
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (published_button(tr("Cancel"), "link_cancel")) ImGui::CloseCurrentPopup();
  std::vector<char> text(link.begin(), link.end());  // shown whole on one line, to select or read
  text.push_back('\0');
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
  ImGui::InputText("##link", text.data(), text.size(), ImGuiInputTextFlags_ReadOnly);
  ImGui::EndPopup();
}

}  // namespace

std::optional<bridge::OpenedFile> show_io_panel(IoPanelState& state, const PlaygroundRun& playground) {
  if (!playground.run.has_session()) return std::nullopt;
  const Session& session = playground.run.session();
  std::optional<bridge::OpenedFile> opened;
  if (published_button(tr("Copy link"), "copy_link", tr("Copy an address that reopens this set-up (same seed), as it is "
                                                       "or for students"))) {
    state.students = playground.setup.page;
    ImGui::OpenPopup("Copy link##dialog");
  }
  link_dialog(state, playground);
  ImGui::SameLine();
  if (bridge::has_file_picker()) {
    if (published_button(tr("Import model…"), "import_model",
                         tr("Load a model JSON saved by the page or by mlp, gzipped or not (or drop the file "
                            "onto the page)")))
    {
      state.expecting = IoPanelState::Expecting::Model;
      bridge::open_file(".json,.gz,application/json,application/gzip", "");
    }
  } else {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 4.5f);
    ImGui::InputText("##path", state.native_path, sizeof state.native_path);
    ImGui::SameLine();
    if (published_button(tr("Open"), "import_model", tr("Open the model JSON or the data table at this path")))
      opened = bridge::open_file(".json", state.native_path);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("save:"));
  ImGui::SameLine();
  if (published_button(tr("history CSV"), "export_csv", tr("Download the loss and accuracy history as CSV")))
    export_history(state, session);
  ImGui::SameLine();
  if (published_button(tr("model JSON"), "export_model", tr("Download the network (shape and weights) as JSON")))
    export_model(state, playground);
  const char* python_label = tr("Export as Python");
  const ImGuiStyle& style = ImGui::GetStyle();
  const float python_width = ImGui::CalcTextSize(python_label).x + 2 * style.FramePadding.x;
  if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + python_width <=
      ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
    ImGui::SameLine();  // beside the other exports when it fits, else below them
  const std::string python_tip = printf_string(
      tr("Download this run as a Python script in the lecture's numpy: its data, initial weights, batches and dropout "
         "masks written in, it trains from the run's start and prints the loss of each update (the updates made so "
         "far, at least one epoch's, at most %ld), as the page computed them. Run it with python3 and numpy."),
      kPythonSteps);
  if (published_button(python_label, "export_python", python_tip.c_str()))
    export_python(state, playground);
  if (!state.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped("%s", state.message.c_str());
    ImGui::PopStyleColor();
  }
  if (!state.import_error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(180, 20, 20, 255));
    text_wrapped(tr("Could not open it: %s"), state.import_error.c_str());
    ImGui::PopStyleColor();
  }
  return opened;
}

}  // namespace mlp::ui
