// The playground's frame: input (imported files, shortcuts), this frame's training work, then
// the panels in their layout (applying what each returns), the address and the test hooks.
#include "app/app.hpp"

#include "app/lessons.hpp"
#include "app/widgets.hpp"
#include "config/properties.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <utility>
#include <exception>
#include <optional>

namespace mlp {

namespace {

constexpr double kSmoothing = 0.1;  // weight of the newest frame in the frame-time averages

// The top bar's content height, measured after drawing it.
float content_height() {
  const ImGuiStyle& style = ImGui::GetStyle();
  return ImGui::GetCursorPosY() - style.ItemSpacing.y + style.WindowPadding.y;
}

}  // namespace

App::App() : browser_language_(bridge::browser_language()) {
  const std::string address = bridge::read_url_state();
  std::vector<std::string> notes;
  const RunConfig setup = address.empty() ? RunConfig{} : decode_config(address, notes);
  playground_.setup = setup;  // the link's page settings and locks hold from the start
  if (!ui::apply_setup(playground_, setup)) {
    notes.push_back(playground_.setup_error);
    playground_.setup = RunConfig{};
    ui::apply_setup(playground_, RunConfig{});
  }
  notes.insert(notes.end(), playground_.setup_notes.begin(), playground_.setup_notes.end());
  playground_.setup_notes = notes;
  open_as_linked(playground_.setup.page);
}

// A link's lesson=N opens that chapter in the Lessons tab; play=1 starts playing.
void App::open_as_linked(const PageConfig& page) {
  const int chapters = static_cast<int>(ui::lessons().size());
  if (page.lesson > chapters) {
    playground_.setup_notes.push_back("link: lesson " + std::to_string(page.lesson) + " does not exist (there are " +
                                      std::to_string(chapters) + "): showing the set-up");
  } else if (page.lesson > 0 && !page.hidden("lessons")) {
    lessons_.chapter = page.lesson - 1;
    lessons_tab_.ask();
  }
  if (page.play && playground_.run.has_session() && !playground_.run.busy()) playground_.run.toggle_play();
}

void App::frame() {
  const auto start = std::chrono::steady_clock::now();
  language_ = ui::page_language(playground_.setup.page.lang, browser_language_);
  ui::use_language(language_);
  const ImGuiIO& io = ImGui::GetIO();
  if (auto file = bridge::take_opened_file()) ui::open_any(playground_, io_, *file);
  compare_.own = playground_.own;
  handle_keys();
  playground_.run.advance(io.DeltaTime);
  mnist_.update(io.DeltaTime);  // loading, training and the search of the MNIST tab, within its frame budget
  draw_panels();
  sync_address();

  const double work = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const double a = stats_.frames == 0 ? 1.0 : kSmoothing;
  stats_.work_ms += a * (work - stats_.work_ms);
  stats_.frame_ms += a * (1000.0 * io.DeltaTime - stats_.frame_ms);
  ++stats_.frames;
  stats_.vertices = io.MetricsRenderVertices;
  std::string json = state_json();
  json.pop_back();
  bridge::publish_state(json + ",\"mnist\":" + mnist_.state().dump() + "}");
}

// The keys step the comparison while it is shown, the active run otherwise.
void App::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  ui::Run* run = active_run();
  if (!run->has_session() || io.WantTextInput) return;
  for (ImWchar c : io.InputQueueCharacters) {
    if (compare_shown_) {
      ui::compare_key(compare_, c);
    } else if (ui::run_key(*run, c, io.KeyShift) == ui::RunRequest::Reset) {
      reset_active_run();
    }
  }
}

void App::draw_panels() {
  const ui::Layout l = ui::compute_layout(ImGui::GetIO().DisplaySize, top_bar_height_);

  ui::begin_panel("##top_bar", l.top_bar, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  ui::Run* run = active_run();
  if (!run->has_session()) {
    ImGui::TextUnformatted(ui::tr("MLP Playground"));
  } else if (compare_shown_) {
    ui::show_compare_hint();
  } else if (ui::show_step_controls(*run) == ui::RunRequest::Reset) {
    reset_active_run();
  }
  const ImGuiStyle& style = ImGui::GetStyle();  // the switch sits at the right end of the second row
  const ui::Language picked = ui::show_language_switch(language_, style.WindowPadding.y + ImGui::GetFrameHeightWithSpacing());
  if (picked != language_) playground_.setup.page.lang = ui::language_code(picked);  // the page only: no restart
  top_bar_height_ = content_height();
  ImGui::End();

  draw_left_column(l);

  if (mnist_shown_) {  // the MNIST views take the whole body
    ui::begin_panel(ui::tr_id("MNIST: handwritten digits", "mnist").c_str(), l.body, ImGuiWindowFlags_NoScrollbar);
    mnist_.show_views();
    ImGui::End();
  } else if (compare_shown_) {  // the comparison takes the whole body
    ui::begin_panel(ui::tr_id("Compare runs", "compare").c_str(), l.body, ImGuiWindowFlags_NoScrollbar);
    ui::show_compare_view(compare_, playground_.setup);
    ImGui::End();
  } else {
    draw_playground(l);
  }
}

// One tab per way of setting up; a tab whose view needs the whole body (Compare, MNIST) draws
// it into l.body instead of draw_playground.
void App::draw_left_column(const ui::Layout& l) {
  ui::begin_panel("##left", l.setup, ImGuiWindowFlags_NoTitleBar);
  const PageConfig& page = playground_.setup.page;  // a link can hide tabs: they are gone, not greyed out
  if (ImGui::BeginTabBar("##left_tabs")) {
    if (!page.hidden("setup") && ui::begin_tab(ui::tr("Set up"), "tab_setup")) {
      // The set-up scrolls; "share and keep" stays in view below it.
      ImGui::BeginChild("##setup_scroll", ImVec2(0, -io_panel_height_));
      const ui::Session* session = playground_.run.has_session() ? &playground_.run.session() : nullptr;
      const std::optional<RunConfig> edited = ui::show_setup_panel(
          setup_panel_, {playground_.setup, session, playground_.setup_notes, playground_.setup_error,
                         playground_.model_source, playground_.own});
      ImGui::EndChild();
      if (edited) take_setup(*edited);
      if (std::exchange(setup_panel_.table_asked, false)) io_.expecting = ui::IoPanelState::Expecting::Table;
      const float top = ImGui::GetCursorPosY();
      ImGui::Separator();
      if (auto file = ui::show_io_panel(io_, playground_)) ui::open_any(playground_, io_, *file);
      io_panel_height_ = ImGui::GetCursorPosY() - top;
      ImGui::EndTabItem();
    }
    if (!page.hidden("lessons") && ui::begin_tab(ui::tr("Lessons"), "tab_lessons", lessons_tab_.take())) {
      ImGui::BeginChild("##lessons_scroll");
      const std::optional<ui::LessonLoad> load = ui::show_lessons_panel(lessons_, playground_.setup_error);
      ImGui::EndChild();
      if (load) load_lesson(*load);
      ImGui::EndTabItem();
    }
    compare_shown_ = !page.hidden("compare") && ui::begin_tab(ui::tr("Compare"), "tab_compare", compare_tab_.take());
    if (compare_shown_) {
      ImGui::BeginChild("##compare_scroll");
      ui::show_compare_setup(compare_, playground_.setup);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    mnist_shown_ = !page.hidden("mnist") && ui::begin_tab(ui::tr("MNIST"), "tab_mnist");  // its controls here, its views in the body
    if (mnist_shown_) {
      ImGui::BeginChild("##mnist_scroll");
      mnist_.show_controls();
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

// The views of the playground's run; each one's picks are applied before the next draws.
void App::draw_playground(const ui::Layout& l) {
  const ui::Run& run = playground_.run;
  const bool has_session = run.has_session();
  std::optional<ui::RunView> view;
  if (has_session) view.emplace(views_.view_of(run));

  ui::begin_panel(ui::tr_id("Network", "network").c_str(), l.network, ImGuiWindowFlags_NoScrollbar);
  if (view) views_.apply(ui::show_network_view(views_.network, *view));
  ImGui::End();

  ui::begin_panel("##details", l.details, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  if (view) views_.apply(ui::show_phase_details(views_.details, *view, ""));
  ImGui::End();

  const bool images = has_session && run.session().train().image_width > 0;
  const bool regression = has_session && run.session().train().is_regression();
  const char* boundary_title = images       ? ui::tr("Data and predictions")
                               : regression ? ui::tr("Prediction ŷ and targets y")
                                            : ui::tr("Decision boundary");
  ui::begin_panel((std::string(boundary_title) + "###boundary").c_str(), l.boundary, ImGuiWindowFlags_NoScrollbar);
  if (view) ui::show_boundary_view(views_.boundary, *view);
  ImGui::End();

  ui::begin_panel(ui::tr_id("Learning curves", "curves").c_str(), l.curves, ImGuiWindowFlags_NoScrollbar);
  if (view) ui::show_curves_view(views_.curves, run.session());
  ImGui::End();
}

void App::take_setup(const RunConfig& edited) {
  if (ui::same_except_epochs(edited, playground_.setup)) {  // no restart needed
    const int epochs = std::clamp(edited.schedule.epochs, 1, ui::SetupLimits::kMaxEpochs);
    playground_.setup.schedule.epochs = epochs;
    playground_.run.set_play_epochs(epochs);
  } else {
    ui::apply_setup(playground_, edited);
  }
}

// Applies a lesson's set-up, picks its weight for the chain rule and brings its view forward.
void App::load_lesson(const ui::LessonLoad& load) {
  const ui::Lesson& lesson = ui::lessons().at(load.chapter);
  const ui::LessonPreset& p = lesson.presets.at(load.preset);
  if (!ui::apply_setup(playground_, p.setup)) return;
  if (p.weight_layer >= 0) views_.selection.weight = WeightRef{p.weight_layer, p.weight_row, p.weight_col};
  if (lesson.view == ui::LessonView::ChainRule) views_.details.chain_tab.ask();
  if (lesson.view == ui::LessonView::Gradients) views_.curves.gradients_tab.ask();
  if (!p.compare.empty()) {
    ui::open_comparison(compare_, playground_.setup, p.compare);
    compare_tab_.ask();
  }
}

// MNIST's run while its tab is shown (and its digits are ready), the playground's otherwise.
ui::Run* App::active_run() {
  ui::Run* mnist = mnist_shown_ ? mnist_.run() : nullptr;
  return mnist ? mnist : &playground_.run;
}

void App::reset_active_run() {
  ui::Run* run = active_run();
  if (run != &playground_.run) {
    try {
      run->restart();
    } catch (const std::exception&) {  // the same set-up started before: keep the run as it is
    }
    return;
  }
  ui::reset_session(playground_);
}

void App::sync_address() {
  const std::string address = encode_config(playground_.setup);
  if (address == address_) return;
  bridge::write_url_state(address);
  address_ = address;
}

std::string App::state_json() {
  std::optional<ui::RunView> view;
  if (playground_.run.has_session()) view.emplace(views_.view_of(playground_.run));
  const nlohmann::ordered_json compare = ui::compare_json(compare_, compare_shown_);
  const nlohmann::ordered_json lesson = ui::lessons_json(lessons_);
  const ui::StateInput in{playground_, view ? &*view : nullptr, views_.selection, views_.details.chain.estimate,
                          io_, compare, lesson, language_};
  return ui::state_json(in, stats_);
}

}  // namespace mlp
