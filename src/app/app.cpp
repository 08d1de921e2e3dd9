// The playground's frame: input (shortcuts, imported files), this frame's training work, then
// the panels in their layout, the address and the test hooks.
#include "app/app.hpp"

#include "app/layout.hpp"
#include "app/panels.hpp"
#include "app/url_state.hpp"
#include "app/widgets.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <chrono>

namespace mlp {

namespace {

constexpr double kSmoothing = 0.1;  // weight of the newest frame in the frame-time averages

// The top bar's content height, measured after drawing it.
float content_height() {
  const ImGuiStyle& style = ImGui::GetStyle();
  return ImGui::GetCursorPosY() - style.ItemSpacing.y + style.WindowPadding.y;
}

}  // namespace

App::App() {
  const std::string address = bridge::read_url_state();
  std::vector<std::string> notes;
  const ui::RunSetup setup = address.empty() ? ui::RunSetup{} : ui::decode_setup(address, notes);
  if (!ui::apply_setup(state_, setup)) {
    notes.push_back(state_.messages.setup_error);
    ui::apply_setup(state_, ui::RunSetup{});
  }
  notes.insert(notes.end(), state_.messages.setup_notes.begin(), state_.messages.setup_notes.end());
  state_.messages.setup_notes = notes;
}

void App::frame() {
  const auto start = std::chrono::steady_clock::now();
  const ImGuiIO& io = ImGui::GetIO();
  ui::poll_imported_file(state_);
  ui::handle_shortcuts(active_state());
  ui::advance_training(state_, io.DeltaTime);
  mnist_.update(io.DeltaTime);  // loading, training and the search of the MNIST tab, within its frame budget
  draw_panels();
  sync_address();

  const double work = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const double a = stats_.frames == 0 ? 1.0 : kSmoothing;
  stats_.work_ms += a * (work - stats_.work_ms);
  stats_.frame_ms += a * (1000.0 * io.DeltaTime - stats_.frame_ms);
  ++stats_.frames;
  stats_.vertices = io.MetricsRenderVertices;
  std::string json = ui::state_json(state_, stats_);
  json.pop_back();
  bridge::publish_state(json + ",\"mnist\":" + mnist_.state().dump() + "}");
}

void App::draw_panels() {
  const ui::Layout l = ui::compute_layout(ImGui::GetIO().DisplaySize, state_.view.top_bar_height);

  ui::begin_panel("MLP Playground", l.top_bar, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  ui::show_step_controls(active_state());
  state_.view.top_bar_height = content_height();
  ImGui::End();

  // The left column: one tab per way of setting up (a lessons tab and a compare tab go here too;
  // a tab whose view needs the whole body draws it into l.body instead of draw_playground).
  ui::begin_panel("##left", l.setup, ImGuiWindowFlags_NoTitleBar);
  if (ImGui::BeginTabBar("##left_tabs")) {
    if (ui::begin_tab("Set up", "tab_setup")) {
      // The set-up scrolls; "share and keep" stays in view below it.
      ImGui::BeginChild("##setup_scroll", ImVec2(0, -state_.view.io_panel_height));
      ui::show_setup_panel(state_);
      ImGui::EndChild();
      const float top = ImGui::GetCursorPosY();
      ImGui::Separator();
      ui::show_io_panel(state_);
      state_.view.io_panel_height = ImGui::GetCursorPosY() - top;
      ImGui::EndTabItem();
    }
    if (ui::begin_tab("Lessons", "tab_lessons")) {
      ImGui::BeginChild("##lessons_scroll");
      ui::show_lessons_panel(state_);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    const ImGuiTabItemFlags compare_flags = state_.compare.select_tab ? ImGuiTabItemFlags_SetSelected : 0;
    state_.compare.select_tab = false;
    state_.compare.active = ui::begin_tab("Compare", "tab_compare", compare_flags);
    if (state_.compare.active) {
      ImGui::BeginChild("##compare_scroll");
      ui::show_compare_setup(state_);
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    mnist_shown_ = ui::begin_tab("MNIST", "tab_mnist");  // its controls here, its views in the body
    if (mnist_shown_) {
      ImGui::BeginChild("##mnist_scroll");
      mnist_.show_controls();
      ImGui::EndChild();
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();

  if (mnist_shown_) {  // the MNIST views take the whole body
    ui::begin_panel("MNIST: handwritten digits", l.body, ImGuiWindowFlags_NoScrollbar);
    mnist_.show_views();
    ImGui::End();
  } else if (state_.compare.active) {  // the comparison takes the whole body
    ui::begin_panel("Compare runs", l.body, ImGuiWindowFlags_NoScrollbar);
    ui::show_compare_view(state_);
    ImGui::End();
  } else {
    draw_playground(l);
  }
}

void App::draw_playground(const ui::Layout& l) {
  ui::begin_panel("Network", l.network, ImGuiWindowFlags_NoScrollbar);
  ui::show_network_view(state_);
  ImGui::End();

  ui::begin_panel("##details", l.details, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar);
  ui::show_phase_details(state_, "");
  ImGui::End();

  const bool images = state_.session && state_.session->train().image_width > 0;
  ui::begin_panel(images ? "Data and predictions###boundary" : "Decision boundary###boundary", l.boundary,
                  ImGuiWindowFlags_NoScrollbar);
  ui::show_boundary_view(state_);
  ImGui::End();

  ui::begin_panel("Learning curves", l.curves, ImGuiWindowFlags_NoScrollbar);
  ui::show_curves_view(state_);
  ImGui::End();
}

// The run the top bar and the shortcuts drive: MNIST's while its tab is shown (and its
// digits are ready), the playground's otherwise.
ui::AppState& App::active_state() {
  ui::AppState* mnist = mnist_shown_ ? mnist_.playground() : nullptr;
  return mnist ? *mnist : state_;
}

void App::sync_address() {
  const std::string address = ui::encode_setup(state_.setup);
  if (address == address_) return;
  bridge::write_url_state(address);
  address_ = address;
}

}  // namespace mlp
