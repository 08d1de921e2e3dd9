// Draw a digit with the mouse and see the network's prediction live; see mnist_views.hpp.
#include "app/mnist_views.hpp"

#include "app/i18n.hpp"
#include "app/widgets.hpp"

#include "platform/js_bridge.hpp"

#include <imgui.h>

#include <algorithm>

namespace mlp {
namespace {

constexpr float kBrushRadius = 5.0f;  // ink pixels on the 112-pixel canvas: a pen stroke as thick as MNIST's

std::vector<platform::Rgba> ink_pixels(const InkImage& ink) {
  std::vector<platform::Rgba> image(static_cast<size_t>(ink.size()));
  for (Eigen::Index i = 0; i < ink.size(); ++i) image[static_cast<size_t>(i)] = ink_colour(255.0f * ink.data()[i]);
  return image;
}

std::vector<platform::Rgba> digit_pixels(const FeatureMatrix& digit) {
  std::vector<platform::Rgba> image(static_cast<size_t>(digit.size()));
  for (Eigen::Index i = 0; i < digit.size(); ++i) image[static_cast<size_t>(i)] = ink_colour(digit(0, i));
  return image;
}

// Paints while the mouse is held on the canvas (item just drawn); true when ink was added.
bool follow_brush(DrawState& state, ImVec2 origin, float scale) {
  const ImVec2 m = ImGui::GetIO().MousePos;
  const ImVec2 p((m.x - origin.x) / scale, (m.y - origin.y) / scale);  // ink pixels
  if (!ImGui::IsItemActive()) {
    state.drawing = false;
    return false;
  }
  const ImVec2 from = state.drawing ? state.last : p;
  paint_stroke(state.ink, from.x, from.y, p.x, p.y, kBrushRadius);
  state.drawing = true;
  state.last = p;
  return true;
}

// Digitizes the ink, scales it like the training inputs and asks the network.
void predict_drawing(DrawState& state, const MnistViewInput& in) {
  state.digit = digitize(state.ink);
  state.preview.upload(digit_pixels(state.digit), kMnistSide, kMnistSide);
  state.probabilities.clear();
  state.predicted = -1;
  if (!has_ink(state.ink) || in.net->spec.inputs != kMnistSide * kMnistSide) return;
  FeatureMatrix x = state.digit;
  in.scaler->apply(x);
  const Matrix<float> Yhat = predict(*in.net, Matrix<float>(x));  // 1 x 10
  state.probabilities.assign(Yhat.data(), Yhat.data() + Yhat.size());
  state.predicted = static_cast<int>(std::max_element(state.probabilities.begin(), state.probabilities.end()) -
                                     state.probabilities.begin());
}

}  // namespace

void show_draw_digit(DrawState& state, const MnistViewInput& in) {
  ui::text_wrapped("%s", ui::tr("Draw a digit with the mouse in the white square. It is cropped, fitted to 20 x 20 pixels and "
                                  "centred in 28 x 28 by its centre of mass, as the MNIST digits were, then scaled like the "
                                  "training inputs; the network's answer updates as you draw."));
  const float side = std::clamp(std::min(ImGui::GetContentRegionAvail().x * 0.45f,
                                         ImGui::GetContentRegionAvail().y - 3 * ImGui::GetFrameHeightWithSpacing()),
                                160.0f, 320.0f);
  const float scale = side / static_cast<float>(state.ink.cols());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##canvas", ImVec2(side, side));
  state.dirty |= follow_brush(state, origin, scale);
  bridge::publish_widget("draw_canvas", origin.x, origin.y, origin.x + side, origin.y + side);
  if (state.dirty || state.canvas.empty()) state.canvas.upload(ink_pixels(state.ink), static_cast<int>(state.ink.cols()),
                                                               static_cast<int>(state.ink.rows()));
  if (state.dirty || state.version != in.version) {
    predict_drawing(state, in);
    state.dirty = false;
    state.version = in.version;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddImage(state.canvas.id(), origin, ImVec2(origin.x + side, origin.y + side));
  draw->AddRect(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(150, 155, 165, 255), 0, 0, 2);
  if (!has_ink(state.ink))
    draw->AddText(ImVec2(origin.x + 12, origin.y + side / 2 - 8), IM_COL32(150, 155, 165, 255), ui::tr("draw a digit here"));

  ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextUnformatted(ui::tr("What the network sees (28 x 28):"));
  const ImVec2 preview_at = ImGui::GetCursorScreenPos();
  ImGui::Image(state.preview.id(), ImVec2(4 * kMnistSide, 4 * kMnistSide));
  draw->AddRect(preview_at, ImVec2(preview_at.x + 4 * kMnistSide, preview_at.y + 4 * kMnistSide),
                IM_COL32(150, 155, 165, 255));
  if (state.predicted >= 0) {
    ImGui::Text(ui::tr("Prediction: %d  (%.1f %%)"), state.predicted, 100.0 * state.probabilities[state.predicted]);
    show_softmax_bars(state.probabilities.data(), static_cast<int>(state.probabilities.size()), -1, "draw_bars");
  } else {
    ImGui::TextDisabled("%s", ui::tr("Prediction: draw something first"));
  }
  ImGui::EndGroup();
  if (ImGui::Button(ui::tr_id("Clear", "clear").c_str())) {
    state.ink.setZero();
    state.dirty = true;
  }
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  bridge::publish_widget("draw_clear", a.x, a.y, b.x, b.y);
}

}  // namespace mlp
