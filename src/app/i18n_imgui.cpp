// tr() and the language switch: the part of i18n that reads the page's language from ImGui's
// context (IO.UserData, set by use_language once a frame); see i18n.hpp.
#include "app/i18n.hpp"

#include "app/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace mlp::ui {

void use_language(Language& language) { ImGui::GetIO().UserData = &language; }

Language current_language() {
  const void* language = ImGui::GetIO().UserData;
  return language ? *static_cast<const Language*>(language) : Language::English;
}

const char* tr(const char* english) { return translate(current_language(), english); }

std::string tr_prefix(const std::string& message, const char* prefix) {
  const std::string english = prefix;
  if (message.compare(0, english.size(), english) != 0) return message;
  return tr(prefix) + message.substr(english.size());
}

std::string tr_id(const char* english, const char* id) { return std::string(tr(english)) + "###" + id; }

Language show_language_switch(Language current, float row_y) {
  const Language languages[] = {Language::English, Language::TraditionalChinese};
  const ImGuiStyle& style = ImGui::GetStyle();
  float widest = 0;
  for (Language l : languages) widest = std::max(widest, ImGui::CalcTextSize(language_name(l)).x);
  const float width = widest + 2 * style.FramePadding.x + ImGui::GetFontSize() + style.ItemInnerSpacing.x;
  const ImVec2 back = ImGui::GetCursorPos();
  ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - width, row_y));
  ImGui::SetNextItemWidth(width);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, 1.0f));  // as tall as a line of text
  Language picked = current;
  if (ImGui::BeginCombo("##language", language_name(current))) {
    for (Language l : languages) {
      if (ImGui::Selectable(language_name(l), l == current)) picked = l;
      publish_last_item(l == Language::English ? "lang_en" : "lang_zh-TW");
    }
    ImGui::EndCombo();
  }
  ImGui::PopStyleVar();
  publish_last_item("lang_switch");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Language of the page (lang= in the address)"));
  ImGui::SetCursorPos(back);
  return picked;
}

}  // namespace mlp::ui
