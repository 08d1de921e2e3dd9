// Each first-layer hidden unit's incoming weights as a 28 x 28 image; see mnist_views.hpp.
#include "app/mnist_views.hpp"

#include "app/i18n.hpp"

#include "app/widgets.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace mlp {
namespace {

constexpr int kSide = 28;
constexpr int kTile = kSide + 1;  // one pixel of gap

// The units' weight maps side by side: W (785 x units, bias in row 0) -> RGBA mosaic.
std::vector<platform::Rgba> weight_mosaic(const Matrix<float>& W, int columns, bool shared_scale) {
  const int units = static_cast<int>(W.cols());
  const int rows = (units + columns - 1) / columns;
  std::vector<platform::Rgba> image(static_cast<size_t>(columns * kTile) * rows * kTile, IM_COL32_WHITE);
  const float all_max = W.bottomRows(kSide * kSide).cwiseAbs().maxCoeff();
  for (int j = 0; j < units; ++j) {
    const auto weights = W.col(j).tail(kSide * kSide);  // 784 x 1, pixel order
    const float scale = shared_scale ? all_max : weights.cwiseAbs().maxCoeff();
    const int x0 = (j % columns) * kTile, y0 = (j / columns) * kTile;
    for (int p = 0; p < kSide * kSide; ++p) {
      const float v = scale > 0 ? weights(p) / scale : 0.0f;
      image[static_cast<size_t>(y0 + p / kSide) * columns * kTile + x0 + p % kSide] = ui::diverging_colour(v, 1.0);
    }
  }
  return image;
}

}  // namespace

void show_hidden_units(HiddenUnitsState& state, const MnistViewInput& in) {
  const Network<float>& net = *in.net;
  if (net.spec.inputs != kSide * kSide) {
    ImGui::TextDisabled("%s", ui::tr("This view needs 28 x 28 image inputs."));
    return;
  }
  const bool hidden = !net.spec.hidden.empty();
  const bool change = state.change && in.start_W1 != nullptr && in.start_W1->rows() == net.W.front().rows() &&
                      in.start_W1->cols() == net.W.front().cols();
  const Matrix<float> W = change ? Matrix<float>(net.W.front() - *in.start_W1) : net.W.front();  // 785 x n1
  ui::text_wrapped("%s", hidden ? ui::tr("Each square is one hidden unit of the first layer: its 784 incoming weights "
                                           "W1[1:, j] drawn where their pixels are (blue +, orange -, grey 0). Ink on "
                                           "blue pixels excites the unit, ink on orange inhibits it.")
                                  : ui::tr("No hidden layer: each square is an output unit's 784 weights, a template of "
                                           "its digit."));
  int shown = state.change ? 1 : 0;
  const char* const choices[] = {ui::tr("the weights W1"), ui::tr("change since the start: W1 - W1(start)")};
  ImGui::SetNextItemWidth(ImGui::CalcTextSize(choices[1]).x + 2 * ImGui::GetFrameHeight());
  if (ImGui::Combo("##units_shown", &shown, choices, 2)) {
    state.change = shown == 1;
    state.version = -1;
  }
  bridge::publish_widget("units_shown", ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                         ImGui::GetItemRectMax().y);
  ImGui::SameLine();
  if (ImGui::Checkbox(ui::tr_id("one colour scale for all", "shared_scale").c_str(), &state.shared_scale)) state.version = -1;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", state.shared_scale ? ui::tr("All units share one scale: compare their strengths")
                                               : ui::tr("Each unit is scaled to its own largest |w|: see every unit's pattern"));
  const float all_max = W.bottomRows(kSide * kSide).cwiseAbs().maxCoeff();
  ui::colour_legend(change ? ui::tr("change") : ui::tr("weight"), state.shared_scale ? all_max : 1.0, 180);
  if (!state.shared_scale) {
    ImGui::SameLine();
    ImGui::TextDisabled(ui::tr("(× each unit's largest |%s|)"), change ? ui::tr("change") : "w");
  }
  if (change && W.isZero()) ImGui::TextDisabled("%s", ui::tr("Nothing learnt yet: train a little to see patterns appear."));

  const int units = static_cast<int>(W.cols());
  const int columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(units)))));
  if (state.version != in.version || state.units != units) {
    state.mosaic.upload(weight_mosaic(W, columns, state.shared_scale), columns * kTile, (units + columns - 1) / columns * kTile);
    state.version = in.version;
    state.units = units;
    state.columns = columns;
  }
  const int rows = (units + columns - 1) / columns;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float scale = std::max(1.0f, std::min(avail.x / (columns * kTile), (avail.y - 8) / (rows * kTile)));
  const ImVec2 size(columns * kTile * scale, rows * kTile * scale);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Image(state.mosaic.id(), size);
  bridge::publish_widget("hidden_units", origin.x, origin.y, origin.x + size.x, origin.y + size.y);
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int c = static_cast<int>((m.x - origin.x) / (kTile * scale));
    const int r = static_cast<int>((m.y - origin.y) / (kTile * scale));
    const int j = r * columns + c;
    if (c >= 0 && c < columns && j >= 0 && j < units) {
      const auto w = W.col(j).tail(kSide * kSide);
      ImGui::SetTooltip(ui::tr("%s %d: %s from %.3f to %.3f, bias %.3f"), hidden ? ui::tr("hidden unit") : ui::tr("output unit"),
                        hidden ? j + 1 : j, change ? ui::tr("changes") : ui::tr("weights"), w.minCoeff(), w.maxCoeff(), W(0, j));
    }
  }
}

}  // namespace mlp
