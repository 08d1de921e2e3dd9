// Digit grids (the test gallery, the most confidently wrong digits) and the softmax bar
// chart; see mnist_views.hpp.
#include "app/mnist_views.hpp"

#include "app/i18n.hpp"
#include "app/widgets.hpp"

#include "platform/js_bridge.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace mlp {
namespace {

constexpr int kPageSize = 40;       // digits per gallery page
constexpr int kMistakesShown = 40;
const ImU32 kRight = IM_COL32(30, 130, 60, 255);
const ImU32 kWrong = IM_COL32(214, 100, 10, 255);
const ImU32 kBarBlue = IM_COL32(8, 119, 189, 255);

void publish_rect(const std::string& id, ImVec2 a, ImVec2 b) { bridge::publish_widget(id.c_str(), a.x, a.y, b.x, b.y); }

// Up to `count` test rows starting at `first`.
std::vector<int> row_range(int first, int count, int size) {
  std::vector<int> rows;
  for (int i = first; i < std::min(first + count, size); ++i) rows.push_back(i);
  return rows;
}

// The chosen digit's bars (under a grid), or a hint to choose one.
void show_chosen(const DigitGrid& grid, const MnistViewInput& in, const char* id) {
  const Predictions& p = *in.predictions;
  if (grid.chosen < 0 || grid.chosen >= p.done()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::text_wrapped("%s", ui::tr("Click a digit to see the network's output Ŷ for it."));
    ImGui::PopStyleColor();
    return;
  }
  ui::text_wrapped(ui::tr("Test digit #%d: true class %d, predicted %d (%.1f %%). The network's softmax output Ŷ:"),
                     grid.chosen, p.truth(grid.chosen), p.predicted(grid.chosen), 100.0 * p.confidence(grid.chosen));
  show_softmax_bars(p.probabilities().row(grid.chosen).data(), static_cast<int>(p.probabilities().cols()),
                    p.truth(grid.chosen), id);
}

}  // namespace

void show_digit_grid(DigitGrid& grid, const std::vector<int>& rows, const MnistViewInput& in, const char* id,
                     float cell) {
  const Predictions& p = *in.predictions;
  grid.atlas.set_rows(rows, in.pixels);
  const std::vector<int>& shown = grid.atlas.rows();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float caption = ImGui::GetTextLineHeight();
  const float pitch_x = cell + style.ItemSpacing.x;
  const int columns = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + style.ItemSpacing.x) / pitch_x));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int k = 0; k < static_cast<int>(shown.size()); ++k) {
    if (k % columns != 0) ImGui::SameLine();
    const int row = shown[k];
    ImGui::PushID(k);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("##digit", ImVec2(cell, cell + caption))) grid.chosen = row;
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const ImVec2 b(a.x + cell, a.y + cell);
    grid.atlas.draw(draw, k, a, b);
    const bool known = row < p.done();
    const bool right = known && p.predicted(row) == p.truth(row);
    const ImU32 frame = row == grid.chosen ? kBarBlue : (hovered ? IM_COL32(120, 130, 150, 255) : IM_COL32(205, 210, 218, 255));
    draw->AddRect(a, b, frame, 0, 0, row == grid.chosen ? 3.0f : 1.0f);
    char label[32];
    if (!known) std::snprintf(label, sizeof label, "? (%d)", p.truth(row));
    else if (right) std::snprintf(label, sizeof label, "%d ✓", p.predicted(row));
    else std::snprintf(label, sizeof label, "%d ≠ %d", p.predicted(row), p.truth(row));
    draw->AddText(ImVec2(a.x + 2, b.y), known ? (right ? kRight : kWrong) : IM_COL32(120, 120, 120, 255), label);
    if (hovered && known) {
      ImGui::SetTooltip(ui::tr("test digit #%d\npredicted %d with %.1f %%\ntrue class %d"), row, p.predicted(row),
                        100.0 * p.confidence(row), p.truth(row));
    }
    publish_rect(std::string(id) + "_" + std::to_string(k), a, b);
  }
}

void show_softmax_bars(const float* probabilities, int classes, int truth, const char* id) {
  const float row_h = ImGui::GetTextLineHeight() + 4;
  const float label_w = ImGui::CalcTextSize("9 ").x + 4;
  const float width = std::max(120.0f, std::min(ImGui::GetContentRegionAvail().x, 380.0f));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, row_h * classes));
  publish_rect(id, origin, ImVec2(origin.x + width, origin.y + row_h * classes));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int best = static_cast<int>(std::max_element(probabilities, probabilities + classes) - probabilities);
  const float bar_w = width - label_w - ImGui::CalcTextSize(" 100.0 %").x;
  for (int k = 0; k < classes; ++k) {
    const float y = origin.y + k * row_h;
    char text[24];
    std::snprintf(text, sizeof text, "%d", k);
    draw->AddText(ImVec2(origin.x, y + 2), k == truth ? kRight : ImGui::GetColorU32(ImGuiCol_Text), text);
    const ImVec2 a(origin.x + label_w, y + 3);
    draw->AddRectFilled(a, ImVec2(a.x + bar_w, y + row_h - 3), IM_COL32(236, 238, 242, 255));
    const ImU32 colour = k == best ? (truth < 0 || best == truth ? kBarBlue : kWrong) : IM_COL32(150, 165, 190, 255);
    draw->AddRectFilled(a, ImVec2(a.x + bar_w * std::clamp(probabilities[k], 0.0f, 1.0f), y + row_h - 3), colour);
    if (k == truth) draw->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(a.x + bar_w + 1, y + row_h - 2), kRight, 0, 0, 1.5f);
    std::snprintf(text, sizeof text, " %5.1f %%", 100.0 * probabilities[k]);
    draw->AddText(ImVec2(a.x + bar_w, y + 2), ImGui::GetColorU32(ImGuiCol_Text), text);
  }
}

void show_test_gallery(GalleryState& state, const MnistViewInput& in) {
  const int size = in.predictions->size();
  ImGui::BeginDisabled(state.first == 0);
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) state.first = std::max(0, state.first - kPageSize);
  ImGui::EndDisabled();
  publish_rect("gallery_prev", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::SameLine();
  ImGui::BeginDisabled(state.first + kPageSize >= size);
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) state.first = std::min(size - 1, state.first + kPageSize);
  ImGui::EndDisabled();
  publish_rect("gallery_next", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::SameLine();
  ImGui::Text(ui::tr("Test digits %d-%d of %d"), state.first + 1, std::min(size, state.first + kPageSize), size);
  ImGui::TextDisabled("%s", ui::tr("Under each digit the network's answer: \"7 ✓\" right, \"2 ≠ 7\" predicted 2, truly 7."));
  const float bars_w = 330;
  ImGui::BeginChild("##gallery_digits", ImVec2(std::max(200.0f, ImGui::GetContentRegionAvail().x - bars_w), 0));
  show_digit_grid(state.grid, row_range(state.first, kPageSize, size), in, "gallery", 56);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##gallery_bars", ImVec2(0, 0));
  show_chosen(state.grid, in, "gallery_bars");
  ImGui::EndChild();
}

void show_mistakes(MistakesState& state, const MnistViewInput& in) {
  const Predictions& p = *in.predictions;
  if (!p.finished()) {
    ImGui::TextDisabled(ui::tr("Predicting the test digits: %d of %d..."), p.done(), p.size());
    return;
  }
  const std::vector<int> rows = p.most_confident_mistakes(kMistakesShown);
  ui::text_wrapped(ui::tr("The %zu test digits the network gets wrong with the highest confidence "
                            "(%d wrong in all). Some are hard even for people; some show what it has not learnt."),
                     rows.size(), static_cast<int>(std::lround((1 - p.accuracy()) * p.size())));
  const float bars_w = 330;
  ImGui::BeginChild("##mistakes_digits", ImVec2(std::max(200.0f, ImGui::GetContentRegionAvail().x - bars_w), 0));
  show_digit_grid(state.grid, rows, in, "mistakes", 56);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##mistakes_bars", ImVec2(0, 0));
  show_chosen(state.grid, in, "mistakes_bars");
  ImGui::EndChild();
}

}  // namespace mlp
