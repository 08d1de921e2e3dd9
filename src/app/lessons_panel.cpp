// Lessons panel: chapter list, the chosen chapter's text, and its "Load" buttons; see
// lessons_panel.hpp.
#include "app/lessons_panel.hpp"

#include "app/i18n.hpp"
#include "app/lessons.hpp"
#include "app/model/playground_run.hpp"
#include "app/widgets.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

namespace mlp::ui {

namespace {

const ImVec4 kHeading(0.12f, 0.36f, 0.62f, 1.0f);

void section(const char* heading, const std::string& text) {
  ImGui::Spacing();
  ImGui::TextColored(kHeading, "%s", heading);
  text_wrapped("%s", text.c_str());
}

// One small numbered button per chapter, the chosen one highlighted; the title on hover.
void chapter_buttons(LessonsState& ls) {
  const auto& all = lessons();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(4, 4));
  for (int i = 0; i < static_cast<int>(all.size()); ++i) {
    if (i > 0) ImGui::SameLine();
    const bool current = i == ls.chapter;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const std::string label = std::to_string(i + 1) + (i == ls.loaded ? "✓" : "");
    const std::string tip = std::to_string(i + 1) + ". " + tr(all[i].title.c_str());
    if (published_button(label.c_str(), ("lesson_" + std::to_string(i)).c_str(), tip.c_str())) ls.chapter = i;
    if (current) ImGui::PopStyleColor();
  }
  ImGui::PopStyleVar();
}

// One button per set-up of the chapter, wrapped onto as many lines as needed; returns the one pressed.
std::optional<LessonLoad> load_buttons(const LessonsState& ls, int chapter) {
  std::optional<LessonLoad> pressed;
  const Lesson& lesson = lessons()[chapter];
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (int p = 0; p < static_cast<int>(lesson.presets.size()); ++p) {
    const std::string label = printf_string(tr("Load: %s"), tr(lesson.presets[p].label.c_str()));
    const float width = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    if (p > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
    }
    const bool loaded = ls.loaded == chapter && ls.loaded_preset == p;
    if (loaded) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const std::string id = "lesson_load_" + std::to_string(chapter) + "_" + std::to_string(p);
    if (published_button(label.c_str(), id.c_str(), tr("Replaces the set-up (data, network, training settings)")))
      pressed = LessonLoad{chapter, p};
    if (loaded) ImGui::PopStyleColor();
  }
  return pressed;
}

void step_buttons(LessonsState& ls) {
  const int last = static_cast<int>(lessons().size()) - 1;
  ImGui::BeginDisabled(ls.chapter == 0);
  if (published_button(tr("◀ Previous"), "lesson_prev")) --ls.chapter;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(ls.chapter == last);
  if (published_button(tr("Next ▶"), "lesson_next")) ++ls.chapter;
  ImGui::EndDisabled();
}

}  // namespace

std::optional<LessonLoad> show_lessons_panel(LessonsState& ls, const std::string& setup_error) {
  ls.chapter = std::clamp(ls.chapter, 0, static_cast<int>(lessons().size()) - 1);
  chapter_buttons(ls);
  ImGui::Separator();

  const Lesson& lesson = lessons()[ls.chapter];
  ImGui::TextColored(kHeading, "%d. %s", ls.chapter + 1, tr(lesson.title.c_str()));
  text_wrapped("%s", tr(lesson.text.c_str()));
  ImGui::Spacing();
  const std::optional<LessonLoad> load = load_buttons(ls, ls.chapter);
  if (load) {
    ls.loaded = load->chapter;
    ls.loaded_preset = load->preset;
  }
  if (ls.loaded == ls.chapter && !setup_error.empty())
    ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", tr_prefix(setup_error, kCannotStart).c_str());
  section(tr("Look at"), tr(lesson.look_at.c_str()));
  section(tr("Try"), tr(lesson.try_this.c_str()));
  ImGui::Spacing();
  ImGui::TextDisabled(tr("Main view: %s"), tr(lesson_view_name(lesson.view)));
  step_buttons(ls);
  return load;
}

nlohmann::ordered_json lessons_json(const LessonsState& ls) {
  const auto& all = lessons();
  const bool valid = ls.chapter >= 0 && ls.chapter < static_cast<int>(all.size());
  return {{"chapter", ls.chapter},
          {"chapters", all.size()},
          {"title", valid ? all[ls.chapter].title : std::string()},
          {"loaded", ls.loaded},
          {"preset", ls.loaded_preset}};
}

}  // namespace mlp::ui
