// The confusion matrix of the test digits, and the digits of a chosen cell; see mnist_views.hpp.
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

// Cell colour: the diagonal in green, errors in orange, stronger for larger shares of the row.
ImU32 cell_colour(bool diagonal, double share) {
  const float t = static_cast<float>(std::sqrt(std::clamp(share, 0.0, 1.0)));  // small error counts stay visible
  const float base[3] = {248, 249, 251};
  const float full[3] = {diagonal ? 46.0f : 230.0f, diagonal ? 160.0f : 110.0f, diagonal ? 67.0f : 20.0f};
  return IM_COL32(static_cast<int>(base[0] + (full[0] - base[0]) * t), static_cast<int>(base[1] + (full[1] - base[1]) * t),
                  static_cast<int>(base[2] + (full[2] - base[2]) * t), 255);
}

// Dark text on light cells, white on dark ones.
ImU32 text_colour(bool diagonal, double share) {
  return std::sqrt(share) > (diagonal ? 0.55 : 0.7) ? IM_COL32_WHITE : IM_COL32(30, 34, 42, 255);
}

}  // namespace

void show_confusion(ConfusionState& state, const MnistViewInput& in) {
  const Predictions& p = *in.predictions;
  if (p.done() == 0) {
    ImGui::TextDisabled("%s", ui::tr("Predicting the test digits..."));
    return;
  }
  const std::vector<std::vector<int>> counts = p.confusion();
  const int K = static_cast<int>(counts.size());
  ImGui::Text(ui::tr("Confusion matrix of %d test digits (accuracy %.2f %%)%s"), p.done(), 100.0 * p.accuracy(),
              p.finished() ? "" : ui::tr(", still predicting"));
  ImGui::TextDisabled("%s", ui::tr("Row: true class; column: predicted class. Click a cell to see its digits."));

  const float line = ImGui::GetTextLineHeight();
  const float side = std::clamp((ImGui::GetContentRegionAvail().y - 4 * line) / (K + 1), 30.0f, 60.0f);  // cell height
  const float wide = std::max(side, ImGui::CalcTextSize("0000").x + 10);  // cell width: room for 4 digits
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 grid(origin.x + 2 * line, origin.y + line + 4);  // room for the axis labels
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGui::Dummy(ImVec2(2 * line + wide * K + 8, line + 4 + side * K + 4));
  draw->AddText(ImVec2(grid.x, origin.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), ui::tr("predicted →"));
  for (int t = 0; t < K; ++t) {
    int row_total = 0;
    for (int c : counts[t]) row_total += c;
    char text[16];
    std::snprintf(text, sizeof text, "%d", t);
    draw->AddText(ImVec2(origin.x + line * 0.6f, grid.y + t * side + (side - line) / 2), ImGui::GetColorU32(ImGuiCol_Text), text);
    for (int c = 0; c < K; ++c) {
      const ImVec2 a(grid.x + c * wide, grid.y + t * side), b(a.x + wide - 2, a.y + side - 2);
      const double share = row_total > 0 ? static_cast<double>(counts[t][c]) / row_total : 0.0;
      const bool chosen = t == state.truth && c == state.predicted;
      draw->AddRectFilled(a, b, cell_colour(t == c, share), 3);
      if (chosen) draw->AddRect(a, b, IM_COL32(8, 119, 189, 255), 3, 0, 3);
      std::snprintf(text, sizeof text, "%d", counts[t][c]);
      const ImVec2 size = ImGui::CalcTextSize(text);
      if (size.x < wide - 4) draw->AddText(ImVec2(a.x + (wide - 2 - size.x) / 2, a.y + (side - 2 - size.y) / 2),
                                           text_colour(t == c, share), text);
      ImGui::SetCursorScreenPos(a);
      ImGui::PushID(t * K + c);
      if (ImGui::InvisibleButton("##cell", ImVec2(wide - 2, side - 2))) {
        state.truth = t;
        state.predicted = c;
        state.grid.chosen = -1;
      }
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(ui::tr("true %d, predicted %d: %d digits (%.1f %% of the %d true %d's)"), t, c, counts[t][c],
                          100 * share, row_total, t);
      ImGui::PopID();
      const std::string id = "confusion_" + std::to_string(t) + "_" + std::to_string(c);
      bridge::publish_widget(id.c_str(), a.x, a.y, b.x, b.y);
    }
  }
  draw->AddText(ImVec2(origin.x, grid.y + K * side + 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), ui::tr("↑ true"));

  // The chosen cell's digits, beside the matrix.
  const float matrix_w = 2 * line + wide * K + 16;
  ImGui::SetCursorScreenPos(ImVec2(origin.x + matrix_w, origin.y));
  ImGui::BeginChild("##confusion_cell", ImVec2(0, 0));
  if (state.truth < 0) {
    ImGui::TextDisabled("%s", ui::tr("No cell chosen yet."));
  } else {
    const std::vector<int> rows = p.rows_in_cell(state.truth, state.predicted);
    ui::text_wrapped(ui::tr("True %d, predicted %d: %zu digits%s"), state.truth, state.predicted, rows.size(),
                       rows.size() > 64 ? ui::tr(" (the 64 most confident shown)") : "");
    show_digit_grid(state.grid, rows, in, "confusion_digits", 56);
    if (state.grid.chosen >= 0 && state.grid.chosen < p.done()) {
      ImGui::Separator();
      ImGui::Text(ui::tr("Test digit #%d"), state.grid.chosen);
      show_softmax_bars(p.probabilities().row(state.grid.chosen).data(), static_cast<int>(p.probabilities().cols()),
                        p.truth(state.grid.chosen), "confusion_bars");
    }
  }
  ImGui::EndChild();
}

}  // namespace mlp
