// First page of the playground: one toy set, one small network, "Step one batch" /
// "Step one epoch" / "Run" / "Reset", the loss and accuracy, the loss curve, and the data drawn
// over the network's decision regions.
#include "app/app.hpp"

#include "data/toy.hpp"
#include "platform/js_bridge.hpp"

#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <cstdio>
#include <exception>

namespace mlp {

namespace {

constexpr int kExamples = 200;
constexpr double kNoise = 0.1;
constexpr int kRegionCells = 48;     // decision regions: kRegionCells² cells
constexpr float kPlotExtent = 1.6f;  // the view shows [-extent, extent]² (toy sets lie in ±1.5)

// Class colours (orange / blue as in TensorFlow Playground, then more for K > 2).
ImU32 class_colour(int k, int alpha) {
  static constexpr int rgb[][3] = {{245, 147, 34}, {8, 119, 189}, {46, 160, 67}, {170, 60, 190}};
  const int* c = rgb[k % 4];
  return IM_COL32(c[0], c[1], c[2], alpha);
}

// A number for JSON: finite values as is, anything else as null.
std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char text[32];
  std::snprintf(text, sizeof text, "%.9g", v);
  return text;
}

// Publishes the last ImGui item's rectangle under `id` (for browser tests).
void publish_last_item(const char* id) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  bridge::publish_widget(id, a.x, a.y, b.x, b.y);
}

// Cell centres of the decision-region grid over [-extent, extent]², row by row from the top.
Matrix<float> region_grid() {
  Matrix<float> X(kRegionCells * kRegionCells, 2);  // cells x 2
  const float step = 2 * kPlotExtent / kRegionCells;
  for (int r = 0; r < kRegionCells; ++r) {
    for (int c = 0; c < kRegionCells; ++c) {
      X(r * kRegionCells + c, 0) = -kPlotExtent + (c + 0.5f) * step;
      X(r * kRegionCells + c, 1) = kPlotExtent - (r + 0.5f) * step;
    }
  }
  return X;
}

}  // namespace

App::App() {
  spec_.inputs = 2;
  spec_.hidden = {LayerSpec{8, Activation::Tanh, 0.0}, LayerSpec{8, Activation::Tanh, 0.0}};
  spec_.outputs = 2;
  spec_.output = Output::Softmax;
  config_.learning_rate = 0.3;
  config_.batch_size = 20;
  config_.shuffle = true;
  config_.seed = 1;
  reset();
}

void App::reset() {
  try {
    data_ = make_toy("circles", kExamples, kNoise, config_.seed);
    trainer_ = std::make_unique<Trainer<float>>(spec_, data_, config_);
    running_ = false;
    loss_history_.clear();
    error_.clear();
    after_step();
  } catch (const std::exception& e) {
    trainer_.reset();
    error_ = std::string("Could not set up the network: ") + e.what();
  }
}

void App::after_step() {
  const Network<float>& net = trainer_->network();
  eval_ = evaluate(net, data_);
  loss_history_.push_back(static_cast<float>(eval_.loss));
  region_classes_ = predict_classes<float>(predict(net, region_grid()));
}

void App::frame() {
  if (trainer_) {
    show_training_window();
    show_data_window();
  } else {
    ImGui::SetNextWindowPos(ImVec2(24, 24), ImGuiCond_FirstUseEver);
    ImGui::Begin("Error");
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::End();
  }
  publish_state();
}

void App::show_training_window() {
  ImGui::SetNextWindowPos(ImVec2(24, 24), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(470, 0), ImGuiCond_FirstUseEver);
  ImGui::Begin("Train a small network");
  ImGui::TextWrapped("Data: circles, %d points (noise %.2f)", data_.size(), kNoise);
  ImGui::TextWrapped("Network: %s", spec_.describe().c_str());
  ImGui::TextDisabled("batch %d · learning rate α = %.2f · seed %llu", config_.batch_size,
                      config_.learning_rate, static_cast<unsigned long long>(config_.seed));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("Forward: Z₁ = [1 X]·W₁, H₁ = tanh(Z₁), …, Ŷ = softmax(Z₃)");
  ImGui::TextWrapped("Backward: dZ₃ = Ŷ − Y, dWₗ = [1 Hₗ₋₁]ᵀ·dZₗ / N = ∂L/∂Wₗ");
  ImGui::TextWrapped("Update: W ← W − α·dW");
  ImGui::PopStyleColor();
  ImGui::Separator();

  if (ImGui::Button("Step one batch")) {
    trainer_->step_batch();
    after_step();
  }
  publish_last_item("step_batch");
  ImGui::SameLine();
  if (ImGui::Button("Step one epoch")) {
    trainer_->step_epoch();
    after_step();
  }
  publish_last_item("step_epoch");
  ImGui::SameLine();
  if (ImGui::Button(running_ ? "Pause###run" : "Run###run")) running_ = !running_;
  publish_last_item("run");
  ImGui::SameLine();
  if (ImGui::Button("Reset")) reset();
  publish_last_item("reset");
  if (running_ && trainer_->diverged()) running_ = false;
  if (running_) {  // one epoch per frame
    trainer_->step_epoch();
    after_step();
  }

  ImGui::Text("Iteration %ld · epoch %d, batch %d of %d", trainer_->iteration(), trainer_->epoch(),
              trainer_->batch() + 1, trainer_->batches_per_epoch());
  ImGui::Text("Training loss  %.4f", eval_.loss);
  ImGui::Text("Accuracy       %.1f %%", 100.0 * eval_.accuracy);
  if (trainer_->diverged()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "Training diverged (NaN)");

  char overlay[48];
  std::snprintf(overlay, sizeof overlay, "loss after each step (%zu)", loss_history_.size());
  ImGui::PlotLines("##loss", loss_history_.data(), static_cast<int>(loss_history_.size()), 0,
                   overlay, 0.0f, FLT_MAX, ImVec2(ImGui::GetContentRegionAvail().x, 110));
  ImGui::End();
}

void App::show_data_window() {
  ImGui::SetNextWindowPos(ImVec2(518, 24), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(420, 460), ImGuiCond_FirstUseEver);
  ImGui::Begin("Data and decision regions");
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::fmax(64.0f, std::fmin(avail.x, avail.y));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##view", ImVec2(side, side));
  ImDrawList* draw = ImGui::GetWindowDrawList();

  const float cell = side / kRegionCells;
  for (int r = 0; r < kRegionCells; ++r) {
    for (int c = 0; c < kRegionCells; ++c) {
      const ImVec2 a(origin.x + c * cell, origin.y + r * cell);
      draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell),
                          class_colour(region_classes_[r * kRegionCells + c], 60));
    }
  }
  const float scale = side / (2 * kPlotExtent);
  for (int i = 0; i < data_.size(); ++i) {
    const ImVec2 p(origin.x + (data_.X(i, 0) + kPlotExtent) * scale,
                   origin.y + (kPlotExtent - data_.X(i, 1)) * scale);
    draw->AddCircleFilled(p, 3.5f, class_colour(data_.labels[i], 255));
    draw->AddCircle(p, 3.5f, IM_COL32(255, 255, 255, 200));
  }
  draw->AddRect(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(150, 155, 165, 255));
  ImGui::End();
}

void App::publish_state() const {
  if (!trainer_) {
    bridge::publish_state("{\"error\":true}");
    return;
  }
  const std::string json =
      "{\"dataset\":\"circles\",\"running\":" + std::string(running_ ? "true" : "false") +
      ",\"iteration\":" + std::to_string(trainer_->iteration()) +
      ",\"epoch\":" + std::to_string(trainer_->epoch()) +
      ",\"loss\":" + json_number(eval_.loss) +
      ",\"batch_loss\":" + json_number(trainer_->last_batch_loss()) +
      ",\"accuracy\":" + json_number(eval_.accuracy) + "}";
  bridge::publish_state(json);
}

}  // namespace mlp
