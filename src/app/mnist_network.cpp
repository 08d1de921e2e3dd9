// The network on MNIST, readable at 784 inputs: one digit's forward pass layer by layer (the
// input image, each hidden layer's activations as a grid, the softmax bars), and the matrices
// of the last training batch summarised (shape, range, mean, rms) instead of drawn cell by
// cell; see mnist_views.hpp.
#include "app/mnist_views.hpp"

#include "app/i18n.hpp"

#include "app/widgets.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace mlp {
namespace {

constexpr float kInputSide = 112;  // the input digit drawn 4x

// A 1 x n row laid out as a near-square grid (row by row), padded with zeros.
Matrix<float> as_grid(const Matrix<float>& row) {
  const int n = static_cast<int>(row.size());
  const int cols = std::max(1, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n)))));
  Matrix<float> grid = Matrix<float>::Zero((n + cols - 1) / cols, cols);
  for (int i = 0; i < n; ++i) grid(i / cols, i % cols) = row(0, i);
  return grid;
}

// One matrix of the batch as a table row: name, shape, min, mean, max, rms.
void summary_row(const std::string& name, const Matrix<float>& m) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name.c_str());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(ui::shape_text(m.rows(), m.cols()).c_str());
  if (m.size() == 0) return;
  const double values[] = {m.minCoeff(), m.mean(), m.maxCoeff(), std::sqrt(m.squaredNorm() / m.size())};
  for (double v : values) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(ui::format_value(v).c_str());
  }
}

// The last batch's matrices, forward then backward, as the lecture names them.
void show_batch_summary(const Pass<float>& pass) {
  const int L = static_cast<int>(pass.Z.size());
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ui::text_wrapped(ui::tr("The last training batch: %d digits. Its matrices are too big to draw cell by cell "
                            "(X alone has %d x 784 numbers), so each is summarised:"), pass.batch_size(), pass.batch_size());
  ImGui::PopStyleColor();
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##batch", 6, flags)) return;
  for (const char* h : {ui::tr("matrix"), ui::tr("shape"), ui::tr("min"), ui::tr("mean"), ui::tr("max"), ui::tr("rms")})
    ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  summary_row("X", pass.X);
  for (int l = 0; l < L; ++l) {
    const std::string k = std::to_string(l + 1);
    summary_row("Z" + k + " = [1 " + (l == 0 ? std::string("X") : "H" + std::to_string(l)) + "]·W" + k, pass.Z[l]);
    summary_row(l == L - 1 ? "Ŷ" : "H" + k, pass.H[l]);
  }
  for (int l = L - 1; l >= 0 && l < static_cast<int>(pass.dZ.size()); --l) {
    const std::string k = std::to_string(l + 1);
    summary_row("dZ" + k, pass.dZ[l]);
    if (l < static_cast<int>(pass.dW.size())) summary_row("dW" + k, pass.dW[l]);
  }
  ImGui::EndTable();
}

}  // namespace

void show_forward_pass(ForwardState& state, const MnistViewInput& in) {
  const Network<float>& net = *in.net;
  const int size = in.test->size();
  ImGui::SetNextItemWidth(140);
  if (ImGui::InputInt(ui::tr_id("test digit #", "test_digit").c_str(), &state.row)) state.row = std::clamp(state.row, 0, size - 1);
  ui::publish_last_item("forward_row");
  ImGui::SameLine();
  ImGui::TextDisabled(ui::tr("(true class %d; click a digit in the gallery to follow it here)"), in.test->labels[state.row]);

  Pass<float> pass;
  in.test->copy_rows(state.row, 1, pass.X);  // 1 x 784, scaled like the training inputs
  Rng unused(0);
  forward(net, pass, DropoutMode::Off, unused);
  if (state.shown_row != state.row) {
    std::vector<platform::Rgba> image(kDigitPixels);
    const uint8_t* digit = in.pixels.image(state.row);
    for (int p = 0; p < kDigitPixels; ++p) image[static_cast<size_t>(p)] = ink_colour(digit[p]);
    state.input.upload(image, 28, 28);
    state.shown_row = state.row;
  }

  // Input -> hidden layers -> output, left to right, each with its formula and shape.
  const int L = net.spec.layers();
  ImGui::BeginGroup();
  ImGui::Text("X  (1×784)");
  ImGui::Image(state.input.id(), ImVec2(kInputSide, kInputSide));
  ImGui::TextDisabled("%s", ui::tr("28 x 28 pixels,"));
  ImGui::TextDisabled("%s", ui::tr("one input each"));
  ImGui::EndGroup();
  for (int l = 0; l + 1 < L; ++l) {
    ImGui::SameLine(0, 24);
    ImGui::BeginGroup();
    const std::string k = std::to_string(l + 1);
    const std::string prev = l == 0 ? "X" : "H" + std::to_string(l);
    ImGui::Text("H%s = %s([1 %s]·W%s)  %s", k.c_str(), activation_name(net.spec.hidden[l].activation), prev.c_str(),
                k.c_str(), ui::shape_text(1, net.spec.hidden[l].units).c_str());
    ui::HeatmapStyle style;
    style.max_cell = 22;
    style.range = net.spec.hidden[l].activation == Activation::Sigmoid ? 1.0 : 0.0;
    ui::heatmap(("##h" + k).c_str(), ("H" + k).c_str(), as_grid(pass.H[l]), 260, 260, style);
    ImGui::TextDisabled("%s", ui::tr("one square per hidden unit"));
    ImGui::EndGroup();
  }
  ImGui::SameLine(0, 24);
  ImGui::BeginGroup();
  const std::string last = L == 1 ? "X" : "H" + std::to_string(L - 1);
  ImGui::Text("Ŷ = %s([1 %s]·W%d)  %s", output_name(net.spec.output), last.c_str(), L,
              ui::shape_text(1, net.spec.outputs).c_str());
  const Matrix<float>& Yhat = pass.H.back();  // 1 x 10
  show_softmax_bars(Yhat.data(), static_cast<int>(Yhat.cols()), in.test->labels[state.row], "forward_bars");
  ImGui::EndGroup();

  ImGui::Separator();
  if (in.last_pass != nullptr && in.last_pass->batch_size() > 0) show_batch_summary(*in.last_pass);
  else ImGui::TextDisabled("%s", ui::tr("Train a batch to see the matrices of a training step here."));
}

}  // namespace mlp
