// Top bar: step one phase / batch / epoch, step back one phase / batch, the timeline over the
// last batches, play/pause with speed, reset, keyboard shortcuts,
// the status line (where we are and the formula being applied), the colour legend and why play
// paused. The training work itself is the run's (Run::advance, every frame).
#include "app/i18n.hpp"
#include "app/panels.hpp"
#include "app/phase_info.hpp"
#include "app/widgets.hpp"

namespace mlp::ui {

namespace {

constexpr const char* kShortcutHelp = tr_noop(
    "Keyboard: S = step one phase, B = one batch, E = one epoch, P = play / pause, R = reset;\n"
    "Shift+S = one phase back, Shift+B = one batch back.\n\n"
    "One batch runs the phases forward 1 … forward L, loss, backward L … backward 1, update. "
    "Step phase shows each one: the matrices it read and wrote appear below the network.");

// One phase / one batch back, greyed out where nothing is kept to go back to (the start; MNIST).
void back_controls(Run& run) {
  const Session& s = run.session();
  const bool can = s.earliest_iteration() <= s.latest_iteration() && (s.has_pass() || s.trainer().iteration() > 0);
  ImGui::BeginDisabled(!can);
  if (published_button(tr("◀ phase"), "back_phase", tr("One phase back (Shift+S): the run goes back to the batch's start "
                                                       "and replays its phases, with the same dropout masks")))
    run.step_back_phase();
  ImGui::SameLine();
  if (published_button(tr("◀ batch"), "back_batch", tr("One batch back (Shift+B): the weights, the optimiser's state and the "
                                                       "curves as they were after the update before")))
    run.step_back_batch();
  ImGui::EndDisabled();
}

// A slider over the iterations that can be revisited, on the buttons' row: the last batches kept
// (or nothing at all while there is nothing to go back to).
void timeline(Run& run) {
  const Session& s = run.session();
  const long first = s.earliest_iteration(), last = s.latest_iteration();
  if (first >= last) return;  // nothing to revisit yet (or not kept: MNIST)
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
  int at = static_cast<int>(s.trainer().iteration());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  const std::string format = printf_string(tr("iteration %%d of %ld"), last);
  if (ImGui::SliderInt("##timeline", &at, static_cast<int>(first), static_cast<int>(last), format.c_str(),
                       ImGuiSliderFlags_AlwaysClamp))
    run.go_to({at, 0});
  publish_last_item("timeline");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(tr("Timeline: drag to see the weights, the boundary and the matrices just after any of the last "
                         "%d updates. Stepping or playing from there gives exactly the same numbers again."),
                      static_cast<int>(Session::kMaxCheckpoints));
}

}  // namespace

void show_compare_hint() {
  ImGui::TextUnformatted(tr("Compare runs"));
  ImGui::TextDisabled("%s", tr("The runs below train together from the same weights: use the controls above the curves,\n"
                               "or the keys B (one batch), E (one epoch), P (play / pause), R (restart)."));
}

RunRequest run_key(Run& run, ImWchar key, bool shift) {
  shift = shift && !run.session().setup().page.hidden("stepback");
  switch (key) {
    case 's': case 'S': shift ? run.step_back_phase() : run.step_phase(); break;
    case 'b': case 'B': shift ? run.step_back_batch() : run.step_batch(); break;
    case 'e': case 'E': run.step_epoch(); break;
    case 'p': case 'P': run.toggle_play(); break;
    case 'r': case 'R': run.pause(); return RunRequest::Reset;
    default: break;
  }
  return RunRequest::None;
}

RunRequest show_step_controls(Run& run) {
  RunRequest request = RunRequest::None;
  const Session& s = run.session();
  Stepper& stepper = run.stepper();
  const bool busy = run.busy();

  if (published_button(busy ? tr("❚❚ Pause") : tr("▶ Play"), "play", tr("Train batch after batch (P)"),
                       ImVec2(ImGui::GetFontSize() * 5.2f, 0)))
  {
    if (busy && !stepper.playing()) run.pause();  // pauses "step epoch" too
    else run.toggle_play();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
  ImGui::SliderFloat("##speed", &stepper.batches_per_second, 1.0f, 1000.0f, tr("%.0f batches/s"), ImGuiSliderFlags_Logarithmic);
  publish_last_item("speed");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Play speed: batches (weight updates) per second"));
  const bool stepback = !s.setup().page.hidden("stepback");  // a link can hide going back
  ImGui::SameLine(0, ImGui::GetFontSize() * 1.2f);
  if (stepback) {
    back_controls(run);
    ImGui::SameLine();
  }
  if (published_button(tr("Step phase"), "step_phase", tr("One phase: forward one layer, the loss, backward one layer, "
                                                         "or the update (S)")))
    run.step_phase();
  ImGui::SameLine();
  if (published_button(tr("Step one batch"), "step_batch", tr("The rest of this batch up to and including the update (B)")))
    run.step_batch();
  ImGui::SameLine();
  if (published_button(tr("Step epoch"), "step_epoch", tr("Batches until the end of this epoch (E)"))) run.step_epoch();
  ImGui::SameLine();
  if (published_button(tr("↺ Reset"), "reset", tr("Start again from the seed: same data, same initial weights (R)")))
  {
    run.pause();
    request = RunRequest::Reset;
  }
  ImGui::SameLine();
  help_marker(tr(kShortcutHelp));
  if (stepback) timeline(run);

  // Status: where we are, the phase, the formula with shapes.
  const PhaseView v = describe_phase_text(s);  // the text alone: cheap enough for every frame of play
  ImGui::Text("%s  ·  ", v.where.c_str());
  ImGui::SameLine(0, 0);
  ImGui::TextColored(ImVec4(0.05f, 0.30f, 0.60f, 1.0f), "%s", v.phase.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(%s)", v.next.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(10, 60, 120, 255));
  text_wrapped("%s", v.formula.c_str());
  ImGui::PopStyleColor();

  colour_legend(tr("colours:"), 1.0, ImGui::GetFontSize() * 8.0f);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("(each view scales to its own largest value; hover for exact numbers)"));
  if (!run.pause_reason().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, s.diverged() ? IM_COL32(190, 20, 20, 255) : IM_COL32(150, 90, 0, 255));
    const std::string reason = *run.pause_format() ? printf_string(tr(run.pause_format()), run.pause_number())
                                                   : run.pause_reason();  // the core's divergence message: English
    text_wrapped("%s %s", s.diverged() ? "⚠" : "", reason.c_str());
    ImGui::PopStyleColor();
  }
  return request;
}

}  // namespace mlp::ui
