// Top bar: step one phase / batch / epoch, play/pause with speed, reset, keyboard shortcuts,
// the status line (where we are and the formula being applied) and the colour legend; and
// the per-frame training work that play and "step epoch" do within a time budget.
#include "app/panels.hpp"
#include "app/phase_info.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace mlp::ui {

namespace {

constexpr const char* kShortcutHelp =
    "Keyboard: S = step one phase, B = one batch, E = one epoch, P = play / pause, R = reset.\n\n"
    "One batch runs the phases forward 1 … forward L, loss, backward L … backward 1, update. "
    "Step phase shows each one: the matrices it read and wrote appear below the network.";

void stop(PlayState& play) {
  play.playing = false;
  play.epoch_target = -1;
  play.owed_batches = 0.0;
}

void step_phase(AppState& state) {
  stop(state.play);
  state.session->step_phase();
}

void step_batch(AppState& state) {
  stop(state.play);
  state.session->step_batch();
}

void step_epoch(AppState& state) {
  stop(state.play);
  state.play.epoch_target = state.session->trainer().epoch() + 1;
}

void do_reset(AppState& state) {
  stop(state.play);
  reset_session(state);
}

// Pauses with a message when the run diverged or play reached the set-up's epochs.
bool should_pause(AppState& state) {
  const Session& s = *state.session;
  if (s.diverged()) {
    state.messages.pause_reason = s.divergence_message();
    return true;
  }
  if (!state.play.playing || !s.trainer().at_batch_start()) return false;
  if (state.setup.iterations > 0) {
    if (s.trainer().iteration() < state.play.stop_iteration) return false;
    state.messages.pause_reason = "Paused after iteration " + std::to_string(state.play.stop_iteration) +
                                  " (the set-up's length). Press play to go on.";
    return true;
  }
  if (s.trainer().epoch() < state.play.stop_epoch) return false;
  state.messages.pause_reason = "Paused after epoch " + std::to_string(state.play.stop_epoch) +
                                " (set-up: play epochs). Press play to go on.";
  return true;
}

}  // namespace

// Play runs until the set-up's epochs; pressed again after them, for as many epochs more.
void toggle_play(AppState& state) {
  const bool play = !state.play.playing;
  stop(state.play);
  state.play.playing = play;
  if (!play) return;
  state.messages.pause_reason.clear();
  const int epoch = state.session->trainer().epoch();
  state.play.stop_epoch = epoch < state.setup.epochs ? state.setup.epochs : epoch + state.setup.epochs;
  const long iteration = state.session->trainer().iteration(), length = state.setup.iterations;
  state.play.stop_iteration = iteration < length ? length : iteration + length;
}

void handle_shortcuts(AppState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!state.session || io.WantTextInput) return;
  for (ImWchar c : io.InputQueueCharacters) {
    if (state.compare.active) {  // the keys step the comparison shown in the body
      compare_key(state.compare, c);
      continue;
    }
    switch (c) {
      case 's': case 'S': step_phase(state); break;
      case 'b': case 'B': step_batch(state); break;
      case 'e': case 'E': step_epoch(state); break;
      case 'p': case 'P': toggle_play(state); break;
      case 'r': case 'R': do_reset(state); break;
      default: break;
    }
  }
}

void advance_training(AppState& state, double frame_seconds) {
  if (!state.session) return;
  PlayState& play = state.play;
  long batches = 0;
  if (play.playing) {
    play.owed_batches += play.batches_per_second * std::min(frame_seconds, 0.25);
    batches = static_cast<long>(play.owed_batches);
    play.owed_batches -= static_cast<double>(batches);
  } else if (play.epoch_target >= 0) {
    batches = 1000000;  // until the epoch ends (or the frame budget is used)
  } else {
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < batches; ++i) {
    if (play.epoch_target >= 0 && state.session->trainer().epoch() >= play.epoch_target) {
      play.epoch_target = -1;
      break;
    }
    state.session->step_batch();
    if (should_pause(state)) {
      stop(play);
      break;
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (ms > play.frame_budget_ms) {
      play.owed_batches = 0.0;  // what does not fit is dropped: the page stays responsive
      break;
    }
  }
  if (play.epoch_target >= 0 && state.session->trainer().epoch() >= play.epoch_target) play.epoch_target = -1;
}

void show_step_controls(AppState& state) {
  if (!state.session) {
    ImGui::TextUnformatted("MLP Playground");
    return;
  }
  if (state.compare.active) {
    ImGui::TextUnformatted("Compare runs");
    ImGui::TextDisabled("The runs below train together from the same weights: use the controls above the curves,\n"
                        "or the keys B (one batch), E (one epoch), P (play / pause), R (restart).");
    return;
  }
  Session& s = *state.session;
  PlayState& play = state.play;
  const bool busy = play.playing || play.epoch_target >= 0;

  if (published_button(busy ? "❚❚ Pause" : "▶ Play", "play", "Train batch after batch (P)",
                       ImVec2(ImGui::GetFontSize() * 5.2f, 0)))
  {
    if (busy && !play.playing) stop(play);  // pauses "step epoch" too
    else toggle_play(state);
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
  ImGui::SliderFloat("##speed", &play.batches_per_second, 1.0f, 1000.0f, "%.0f batches/s", ImGuiSliderFlags_Logarithmic);
  publish_last_item("speed");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play speed: batches (weight updates) per second");
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
  if (published_button("Step phase", "step_phase", "One phase: forward one layer, the loss, backward one layer, "
                                                   "or the update (S)"))
    step_phase(state);
  ImGui::SameLine();
  if (published_button("Step one batch", "step_batch", "The rest of this batch up to and including the update (B)"))
    step_batch(state);
  ImGui::SameLine();
  if (published_button("Step epoch", "step_epoch", "Batches until the end of this epoch (E)")) step_epoch(state);
  ImGui::SameLine();
  if (published_button("↺ Reset", "reset", "Start again from the seed: same data, same initial weights (R)"))
    do_reset(state);
  ImGui::SameLine();
  help_marker(kShortcutHelp);

  // Status: where we are, the phase, the formula with shapes.
  const PhaseView v = describe_phase_text(s);  // the text alone: cheap enough for every frame of play
  ImGui::Text("%s  ·  ", v.where.c_str());
  ImGui::SameLine(0, 0);
  ImGui::TextColored(ImVec4(0.05f, 0.30f, 0.60f, 1.0f), "%s", v.phase.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", v.next.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(10, 60, 120, 255));
  ImGui::TextWrapped("%s", v.formula.c_str());
  ImGui::PopStyleColor();

  colour_legend("colours:", 1.0, ImGui::GetFontSize() * 8.0f);
  ImGui::SameLine();
  ImGui::TextDisabled("(each view scales to its own largest value; hover for exact numbers)");
  if (!state.messages.pause_reason.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, s.diverged() ? IM_COL32(190, 20, 20, 255) : IM_COL32(150, 90, 0, 255));
    ImGui::TextWrapped("%s %s", s.diverged() ? "⚠" : "", state.messages.pause_reason.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace mlp::ui
