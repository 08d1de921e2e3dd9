// Curves view: what the core's History recorded (train and test loss and accuracy, or R² for a
// regression, after every
// update, the loss of each batch) per iteration or per epoch, with a log-scale toggle; and the
// size of each layer's weight gradient over time, where vanishing gradients show.
#include "app/i18n.hpp"
#include "app/run_views.hpp"
#include "app/plot.hpp"
#include "app/widgets.hpp"

#include <cmath>
#include <string>

namespace mlp::ui {

namespace {

constexpr ImU32 kTrain = IM_COL32(25, 85, 160, 255);
constexpr ImU32 kTest = IM_COL32(225, 110, 20, 255);
constexpr ImU32 kBatch = IM_COL32(175, 178, 188, 255);
constexpr ImU32 kPenalty = IM_COL32(135, 85, 180, 255);

// One series per field of the history points (x = iteration, or epoch when per_epoch).
// The series is named after its latest value, e.g. "train loss 0.231" or "test accuracy 93.1%".
Series history_series(const History& h, const char* name, ImU32 colour, double HistoryPoint::*field, bool per_epoch,
                      float thickness = 2.0f, bool percent = false) {
  std::string label = name;
  if (!h.points.empty() && std::isfinite(h.points.back().*field)) {
    const double v = h.points.back().*field;
    label += " " + (percent ? format_value(100 * v, 3) + "%" : format_value(v, 3));
  }
  Series s{label, colour, {}, {}, thickness};
  for (const auto& p : h.points) {
    if (per_epoch && p.epoch != std::floor(p.epoch)) continue;
    s.x.push_back(per_epoch ? p.epoch : static_cast<double>(p.iteration));
    s.y.push_back(p.*field);
  }
  return s;
}

void loss_plot(const CurvesState& state, const History& h, bool has_test) {
  const bool e = state.per_epoch;
  std::vector<Series> series;
  if (!e) {
    series.push_back(history_series(h, tr("batch"), kBatch, &HistoryPoint::batch_loss, e, 1.0f));
    series.back().name = tr("batch");  // noisy: its latest value says little
  }
  series.push_back(history_series(h, tr("train"), kTrain, &HistoryPoint::train_loss, e));
  if (has_test) series.push_back(history_series(h, tr("test"), kTest, &HistoryPoint::test_loss, e));
  if (!h.points.empty() && std::isfinite(h.points.back().penalty))
    series.push_back(history_series(h, tr("penalty"), kPenalty, &HistoryPoint::penalty, e));
  PlotOptions o;
  o.x_label = e ? tr("epoch") : tr("iteration");
  o.log_y = state.log_scale;
  o.y_format = "%.5g";
  o.publish_id = "loss_plot";
  line_plot("##loss", series, o, ImVec2(0, 0));
}

// Accuracy in [0, 1] (named in percent), or a regression's R² on [−1, 1] (a worse fit than the
// mean, R² < −1, stays at the bottom edge).
void accuracy_plot(const CurvesState& state, const History& h, bool has_test, bool regression) {
  const bool e = state.per_epoch;
  const bool percent = !regression;
  std::vector<Series> series{history_series(h, tr("train"), kTrain, &HistoryPoint::train_accuracy, e, 2.0f, percent)};
  if (has_test) series.push_back(history_series(h, tr("test"), kTest, &HistoryPoint::test_accuracy, e, 2.0f, percent));
  PlotOptions o;
  o.x_label = e ? tr("epoch") : tr("iteration");
  o.fixed_y = true;
  o.y_min = regression ? -1.0 : 0.0;
  o.y_max = 1.0;
  o.y_format = "%.3f";
  line_plot("##accuracy", series, o, ImVec2(0, 0));
}

void gradient_plot(const Session& s) {
  const int L = s.network().spec.layers();
  std::vector<Series> series;
  for (int l = 0; l < L; ++l) {
    const float t = L > 1 ? static_cast<float>(l) / (L - 1) : 1.0f;  // light (input side) to dark (output)
    const ImU32 colour = IM_COL32(static_cast<int>(120 - 100 * t), static_cast<int>(190 - 140 * t),
                                  static_cast<int>(120 + 60 * t), 255);
    Series ser{"dW" + std::to_string(l + 1), colour, {}, {}, 2.0f};
    for (const auto& g : s.gradient_sizes()) {
      ser.x.push_back(static_cast<double>(g.iteration));
      ser.y.push_back(g.rms[l]);
    }
    series.push_back(std::move(ser));
  }
  PlotOptions o;
  o.x_label = tr("iteration");
  o.log_y = true;
  o.y_format = "%.3g";
  line_plot("##gradients", series, o, ImVec2(0, 0));
}

}  // namespace

void show_curves_view(CurvesState& state, const Session& s) {
  const History& h = s.run().history();
  const bool has_test = s.test() != nullptr;
  if (!ImGui::BeginTabBar("##curves")) return;
  if (begin_tab(tr("Loss"), "tab_loss")) {
    ImGui::Checkbox(tr_id("log scale", "log_scale").c_str(), &state.log_scale);
    publish_last_item("log_scale");
    ImGui::SameLine();
    ImGui::Checkbox(tr_id("per epoch", "per_epoch").c_str(), &state.per_epoch);
    publish_last_item("per_epoch");
    ImGui::SameLine();
    const std::string sampled = printf_string(
        tr("The core evaluates the loss %d times per epoch on %d training examples (blue) and the first %d test "
           "examples (orange), without dropout: a whole pass over a set this large would stall the page. Grey: the "
           "loss of the batch just trained on (noisier; with dropout)."),
        static_cast<int>(Session::kCurvePointsPerEpoch), static_cast<int>(Session::kCurveTrainSample),
        static_cast<int>(Session::kCurveTestSample));
    const char* whole =
        tr("After every update the core evaluates the loss on the whole training set (blue) and test set (orange), "
           "without dropout. Grey: the loss of the batch just trained on (noisier; with dropout).");
    const char* penalty = tr(" Purple (with L1 or L2): the penalty λ₁·Σ|w| + λ₂/2·Σw² that the update also "
                             "minimises; the data losses do not include it.");
    help_marker(((s.curve_test() == s.test() ? whole : sampled) + penalty).c_str());
    loss_plot(state, h, has_test);
    ImGui::EndTabItem();
  }
  const bool regression = s.train().is_regression();
  if (begin_tab(regression ? "R²" : tr("Accuracy"), "tab_accuracy")) {
    ImGui::Checkbox(tr_id("per epoch", "per_epoch").c_str(), &state.per_epoch);
    publish_last_item("per_epoch");
    if (regression) {
      ImGui::SameLine();
      help_marker(tr("R² = 1 − Σ(ŷ − y)² / Σ(y − ȳ)²: the share of the targets' variance the network explains. "
                     "1 is a perfect fit, 0 is no better than always answering the mean ȳ, below 0 is worse."));
    }
    accuracy_plot(state, h, has_test, regression);
    ImGui::EndTabItem();
  }
  if (!s.setup().page.hidden("gradients") && begin_tab(tr("Gradients"), "tab_gradients", state.gradients_tab.take())) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr("rms(dW) per layer, log scale"));
    ImGui::SameLine();
    help_marker(tr("rms(dW_l) = sqrt(mean of dW_l²) of each batch. In a deep sigmoid network the layers near the "
                   "input (dW1, light) get much smaller gradients than those near the output: the vanishing "
                   "gradient. ReLU keeps them closer."));
    gradient_plot(s);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace mlp::ui
