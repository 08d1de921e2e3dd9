// Compare tab and compare view: runs of one set-up in lockstep from the same initial weights;
// see compare_panel.hpp.
//
// Index
//   1. Runs: defaults, labels, the core Comparison they make, following the set-up
//   2. Compare tab (left column): the runs and the target loss
//   3. Compare view (body): controls and play, curves, boundaries, summary table
//   4. Test hooks
#include "app/compare_panel.hpp"

#include "app/decision_map.hpp"
#include "app/i18n.hpp"
#include "app/plot.hpp"
#include "app/widgets.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <exception>

namespace mlp::ui {

namespace {

constexpr double kDefaultDropout = 0.2;  // the lecture's forward_dropout ratio
constexpr long kMaxCurvePoints = 4000;   // history points per run: the evaluation interval grows beyond
constexpr int kGrid = 64;                // boundary cells per side (texture pixels)

// One colour per run (not the class colours orange and blue, which the boundaries use).
constexpr ImU32 kRunColours[] = {IM_COL32(200, 40, 45, 255), IM_COL32(30, 105, 175, 255),
                                 IM_COL32(40, 145, 60, 255), IM_COL32(135, 85, 180, 255)};

// What the curves can show (a regression's score is R², named so: regression_name); names in English (tr_noop).
struct Metric {
  const char* name;
  double HistoryPoint::*field;
  bool accuracy;
  const char* regression_name;
};
constexpr Metric kMetrics[] = {
    {tr_noop("training loss"), &HistoryPoint::train_loss, false, tr_noop("training loss")},
    {tr_noop("test loss"), &HistoryPoint::test_loss, false, tr_noop("test loss")},
    {tr_noop("training accuracy"), &HistoryPoint::train_accuracy, true, tr_noop("training R²")},
    {tr_noop("test accuracy"), &HistoryPoint::test_accuracy, true, tr_noop("test R²")}};
constexpr int kMetricCount = static_cast<int>(sizeof kMetrics / sizeof kMetrics[0]);

// --- 1. Runs ------------------------------------------------------------------------------

std::vector<CompareRun> default_runs(const RunConfig& base) {
  const double lr = base.train.learning_rate;
  const Optimizer opt = base.train.optimizer.kind;
  return {{Activation::Sigmoid, 0.0, lr, base.init, opt},
          {Activation::ReLU, 0.0, lr, base.init, opt},
          {Activation::ReLU, kDefaultDropout, lr, base.init, opt}};
}

// SGD, momentum and Adam on the set-up's network. Adam's steps are about α per weight
// whatever the gradient's size, so it gets at most kAdamRate.
constexpr double kAdamRate = 0.02;
std::vector<CompareRun> optimizer_runs(const RunConfig& base) {
  const double lr = base.train.learning_rate;
  const Activation act = base.hidden.empty() ? Activation::ReLU : base.hidden.front().activation;
  const double drop = base.hidden.empty() ? 0.0 : base.hidden.front().dropout;
  return {{act, drop, lr, base.init, Optimizer::SGD},
          {act, drop, lr, base.init, Optimizer::Momentum},
          {act, drop, std::min(lr, kAdamRate), base.init, Optimizer::Adam}};
}

// "relu + dropout 0.2, α 0.5, init large": what sets the run apart from the set-up (in the page's language).
std::string run_label(const CompareRun& r, const RunConfig& base) {
  std::string s = base.hidden.empty() ? tr("no hidden layer") : activation_name(r.activation);
  if (r.dropout > 0 && !base.hidden.empty()) s += printf_string(tr(" + dropout %s"), format_value(r.dropout, 2).c_str());
  if (r.learning_rate != base.train.learning_rate) s += ", α " + format_value(r.learning_rate, 3);
  if (r.init != base.init) s += printf_string(tr(", init %s"), init_name(r.init));
  if (r.optimizer != base.train.optimizer.kind) s += std::string(", ") + optimizer_name(r.optimizer);
  return s;
}

CompareEntry make_entry(const CompareRun& r, const RunConfig& base, const Dataset& train) {
  RunConfig s = base;
  for (auto& h : s.hidden) {
    h.activation = r.activation;
    h.dropout = r.dropout;
  }
  s.train.learning_rate = r.learning_rate;
  s.train.optimizer.kind = r.optimizer;
  s.init = r.init;
  return {run_label(r, base), network_spec(s, train), s.train};
}

// The set-up's epochs, with at most about kMaxCurvePoints history points per run.
RunSchedule schedule_for(const RunConfig& base, const Dataset& train) {
  RunSchedule s;
  s.epochs = base.schedule.epochs;
  const long total = s.total_iterations(batches_per_epoch(train.size(), base.train.batch_size));
  s.eval_every = std::max(1L, (total + kMaxCurvePoints - 1) / kMaxCurvePoints);
  return s;
}

// Rebuilds the comparison from base and runs: iteration 0, the same initial weights.
void restart(CompareState& c) {
  c.comparison.reset();
  c.boundaries.clear();
  c.stepper.stop();
  c.error.clear();
  try {
    c.data = make_data(c.base, c.own);
    std::vector<CompareEntry> entries;
    for (const auto& r : c.runs) entries.push_back(make_entry(r, c.base, c.data.train));
    CompareSettings settings;
    settings.schedule = schedule_for(c.base, c.data.train);
    settings.target_loss = c.target_loss;
    const Dataset* test = c.data.test.size() > 0 ? &c.data.test : nullptr;
    c.comparison = std::make_unique<Comparison<float>>(entries, c.data.train, test, settings);
    c.boundaries.resize(c.runs.size());
  } catch (const std::exception& e) {
    c.error = tr("The comparison cannot start: ") + std::string(e.what());
  }
}

// Follows the set-up: a new set-up brings the default runs for it (the page's settings, such as
// its language, are not the run's).
void sync_with_setup(CompareState& c, const RunConfig& setup) {
  RunConfig run = setup;
  run.page = c.base.page;
  if (!c.runs.empty() && c.base == run) {
    c.base.page = setup.page;
    return;
  }
  c.base = setup;
  c.runs = default_runs(c.base);
  restart(c);
}

// --- 2. Compare tab -------------------------------------------------------------------------

// Three compact rows for run i: activation and dropout; learning rate and optimiser;
// initialisation and a remove button. Returns true when the run changed.
bool run_controls(CompareRun& r, int i, bool has_hidden, bool can_remove, bool& remove) {
  bool changed = false;
  const std::string n = std::to_string(i);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float swatch = ImGui::GetFrameHeight();
  const float indent = swatch + style.ItemSpacing.x;
  const float width = ImGui::GetContentRegionAvail().x - indent;
  const float half = std::floor((width - style.ItemSpacing.x) / 2);
  ImGui::PushID(i);
  ImGui::ColorButton("##colour", ImGui::ColorConvertU32ToFloat4(kRunColours[i]),
                     ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoPicker, ImVec2(swatch, swatch));
  ImGui::SameLine();
  if (has_hidden) {
    ImGui::SetNextItemWidth(half);
    if (ImGui::BeginCombo("##activation", activation_name(r.activation))) {
      for (Activation a : all_activations())
        if (ImGui::Selectable(activation_name(a), a == r.activation)) r.activation = a, changed = true;
      ImGui::EndCombo();
    }
    publish_last_item(("compare_activation_" + n).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Activation of every hidden layer of run %d"), i + 1);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    if (slider_double("##dropout", r.dropout, 0.0, 0.8, tr("dropout %.2f"))) changed = true;
    publish_last_item(("compare_dropout_" + n).c_str());
  } else {
    ImGui::AlignTextToFramePadding();
    ImGui::Text(tr("Run %d"), i + 1);
  }
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  ImGui::SetNextItemWidth(half);
  if (slider_double("##lr", r.learning_rate, 0.001, 10.0, "α %.4g", ImGuiSliderFlags_Logarithmic)) changed = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Learning rate α of run %d (Ctrl+click to type)"), i + 1);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  if (ImGui::BeginCombo("##optimizer", optimizer_name(r.optimizer))) {
    for (Optimizer o : all_optimizers())
      if (ImGui::Selectable(optimizer_name(o), o == r.optimizer)) r.optimizer = o, changed = true;
    ImGui::EndCombo();
  }
  publish_last_item(("compare_optimizer_" + n).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Optimiser of run %d (μ, β₁, β₂, ε: the set-up's)"), i + 1);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
  const float remove_w = can_remove ? swatch + style.ItemSpacing.x : 0.0f;
  ImGui::SetNextItemWidth(half);
  if (ImGui::BeginCombo("##init", init_name(r.init))) {
    for (Init init : all_inits())
      if (ImGui::Selectable(init_name(init), init == r.init)) r.init = init, changed = true;
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Initialisation of run %d"), i + 1);
  if (can_remove) {
    ImGui::SameLine(ImGui::GetCursorPosX() + indent + width - remove_w + style.ItemSpacing.x);
    remove = published_button("✕", ("compare_remove_" + n).c_str(), tr("Remove this run"), ImVec2(swatch, swatch));
  }
  ImGui::PopID();
  return changed;
}

// "2-8-8-2" of the first run (all runs share the layer sizes).
std::string layer_sizes(const CompareState& c) {
  if (!c.comparison) return "?";
  const NetworkSpec& spec = c.comparison->entry(0).spec;
  std::string s = std::to_string(spec.inputs);
  for (int l = 0; l < spec.layers(); ++l) s += "-" + std::to_string(spec.units(l));
  return s;
}

void target_control(CompareState& c) {
  float target = static_cast<float>(c.target_loss);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  if (ImGui::InputFloat(tr_id("target loss", "target_loss").c_str(), &target, 0.0f, 0.0f, "%.3g",
                        ImGuiInputTextFlags_EnterReturnsTrue)) {
    if (std::isfinite(target) && target > 0) {
      c.target_loss = target;
      if (c.comparison) c.comparison->set_target_loss(c.target_loss);
    }
  }
  publish_last_item("compare_target");
  ImGui::SameLine();
  help_marker(tr("The summary's \"loss ≤ target at\" column: the first iteration at which the training loss (on the "
                 "whole training set, without dropout) is at most this. It is read from the recorded curve, so "
                 "changing it needs no retraining."));
}

}  // namespace

void show_compare_setup(CompareState& c, const RunConfig& setup) {
  sync_with_setup(c, setup);
  text_wrapped(tr("Runs of the set-up (%s, %s layers) side by side: same data, same initial weights. Data and "
                        "layers come from Set up; here, how the runs differ."),
                     c.base.data.source.c_str(), layer_sizes(c).c_str());
  if (published_button(tr("Sigmoid vs ReLU vs ReLU + dropout"), "compare_defaults",
                       tr("The default comparison: every hidden layer sigmoid; ReLU; ReLU with dropout 0.2")))
    reset_comparison(c, setup);
  if (published_button(tr("SGD vs momentum vs Adam"), "compare_optimizers",
                       tr("The set-up's network trained by plain gradient descent, momentum (μ from the set-up) and "
                          "Adam (α at most 0.02), from the same initial weights")))
    open_comparison(c, setup, optimizer_runs(setup));
  target_control(c);
  ImGui::Separator();

  const bool has_hidden = !c.base.hidden.empty();
  if (!has_hidden)
    text_wrapped("%s", tr("The set-up has no hidden layer: activation and dropout have nothing to act on; compare "
                                "learning rates or initialisations."));
  bool changed = false;
  int removed = -1;
  const int n = static_cast<int>(c.runs.size());
  for (int i = 0; i < n; ++i) {
    bool remove = false;
    changed |= run_controls(c.runs[i], i, has_hidden, n > Comparison<float>::kMinRuns, remove);
    if (remove) removed = i;
    ImGui::Dummy(ImVec2(0, 2));
  }
  if (removed >= 0) {
    c.runs.erase(c.runs.begin() + removed);
    changed = true;
  }
  if (n < Comparison<float>::kMaxRuns && published_button(tr("Add a run"), "compare_add", tr("Up to four runs"))) {
    c.runs.push_back(c.runs.back());
    changed = true;
  }
  if (changed) restart(c);
}

// --- 3. Compare view ------------------------------------------------------------------------

namespace {

// This frame's share of play: batches for every run together until all are finished.
void advance(CompareState& c, double frame_seconds) {
  Comparison<float>& cmp = *c.comparison;
  Stepper::Steps steps;
  steps.batch = [&cmp] {
    if (cmp.finished()) return false;
    cmp.step_batch();
    return !cmp.finished();
  };
  c.stepper.advance(frame_seconds, steps);
}

// The controls' actions, shared by the buttons and the keys.
void toggle_play(CompareState& c) {
  if (c.stepper.playing() || c.comparison->finished()) c.stepper.stop();
  else c.stepper.play();
}

void step_batch(CompareState& c) {
  c.stepper.stop();
  c.comparison->step_batch();
}

void step_epoch(CompareState& c) {
  c.stepper.stop();
  c.comparison->step_epoch();
}

void controls(CompareState& c) {
  const float font = ImGui::GetFontSize();
  if (published_button(c.stepper.playing() ? tr("❚❚ Pause") : tr("▶ Play"), "compare_play",
                       tr("Train all runs batch after batch, in lockstep (P)"), ImVec2(font * 5.2f, 0)))
    toggle_play(c);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(font * 9.0f);
  ImGui::SliderFloat("##compare_speed", &c.stepper.batches_per_second, 1.0f, 1000.0f, tr("%.0f batches/s"),
                     ImGuiSliderFlags_Logarithmic);
  ImGui::SameLine(0, font * 1.2f);
  if (published_button(tr("Step one batch"), "compare_step_batch", tr("One update for every run (B)"))) step_batch(c);
  ImGui::SameLine();
  if (published_button(tr("Step one epoch"), "compare_step_epoch", tr("Every run to the end of its current epoch (E)")))
    step_epoch(c);
  ImGui::SameLine();
  if (published_button(tr("Restart"), "compare_restart", tr("Back to iteration 0, the same initial weights (R)"))) restart(c);
  if (!c.comparison) return;  // the restart failed (its error shows)

  const Comparison<float>& cmp = *c.comparison;
  const Trainer<float>& t = cmp.run(0).trainer();
  ImGui::Text(tr("iteration %ld of %ld · %.2f of %d epochs"), t.iteration(), cmp.run(0).total_iterations(),
              cmp.summary(0).epochs, c.base.schedule.epochs);
  const long every = cmp.settings().schedule.eval_every;
  if (every > 1 && ImGui::IsItemHovered())
    ImGui::SetTooltip(tr("The curves and the table are evaluated every %ld iterations."), every);
  ImGui::SameLine();
  int shared = 0;
  for (int i = 1; i < cmp.size(); ++i) shared += cmp.summary(i).shares_start_with != i;
  ImGui::TextDisabled("%s", shared == cmp.size() - 1
                                ? tr("· all runs start from the same weights")
                                : tr("· runs with other layer shapes or initialisation start from their own weights"));
  if (cmp.finished()) {
    ImGui::SameLine();
    ImGui::TextDisabled(tr("· finished (set-up: %d epochs)"), c.base.schedule.epochs);
  }
}

void curves(CompareState& c, ImVec2 size) {
  ImGui::BeginGroup();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
  bool regression = c.data.train.is_regression();
  ImGui::Combo("##compare_metric", &c.metric,
               [](void* r, int i, const char** text) {
                 return *text = tr(*static_cast<bool*>(r) ? kMetrics[i].regression_name : kMetrics[i].name), true;
               },
               &regression, kMetricCount);
  publish_last_item("compare_metric");
  const Metric& m = kMetrics[std::clamp(c.metric, 0, kMetricCount - 1)];
  const bool percent = m.accuracy && !regression;
  if (!m.accuracy) {
    ImGui::SameLine();
    ImGui::Checkbox(tr_id("log scale", "compare_log_scale").c_str(), &c.log_scale);
  }
  const Comparison<float>& cmp = *c.comparison;
  std::vector<Series> series;
  for (int i = 0; i < cmp.size(); ++i) {
    const History& h = cmp.run(i).history();
    Series s{run_label(c.runs[i], c.base), kRunColours[i], {}, {}, 2.0f};
    const double last = h.points.back().*m.field;
    if (std::isfinite(last)) s.name += "  " + (percent ? format_value(100 * last, 3) + "%" : format_value(last, 3));
    for (const auto& p : h.points) {
      s.x.push_back(static_cast<double>(p.iteration));
      s.y.push_back(p.*m.field);
    }
    series.push_back(std::move(s));
  }
  PlotOptions o;
  o.x_label = tr("iteration");
  o.y_label = tr(regression ? m.regression_name : m.name);
  o.log_y = c.log_scale && !m.accuracy;
  o.fixed_y = m.accuracy;
  o.y_min = regression && m.accuracy ? -1.0 : o.y_min;  // R² below −1 stays at the bottom edge
  o.y_format = m.accuracy ? "%.3f" : "%.5g";
  o.publish_id = "compare_plot";
  const float used = ImGui::GetFrameHeightWithSpacing();
  line_plot("##compare_curves", series, o, ImVec2(size.x, size.y - used));
  ImGui::EndGroup();
}

// The decision map of run i over [−extent, extent]², redrawn when its weights changed.
const platform::Texture& boundary_map(CompareState& c, int i) {
  CompareBoundary& b = c.boundaries[i];
  const long it = c.comparison->run(i).trainer().iteration();
  if (b.iteration == it && !b.map.empty()) return b.map;
  const Matrix<float> inputs = map_inputs(kGrid, map_extent(c.data.train), c.base.data.features);
  upload_map(predict(c.comparison->network(i), inputs), kGrid, b.map, value_range(c.data.train));  // grid² x K outputs
  b.iteration = it;
  return b.map;
}

void boundary(CompareState& c, int i, float side) {
  const platform::Texture& map = boundary_map(c, i);
  const RunSummary s = c.comparison->summary(i);
  ImGui::BeginGroup();
  ImGui::PushStyleColor(ImGuiCol_Text, kRunColours[i]);
  const std::string label = run_label(c.runs[i], c.base);
  ImGui::TextUnformatted(label.c_str());
  ImGui::PopStyleColor();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(("##compare_boundary_" + std::to_string(i)).c_str(), ImVec2(side, side));
  publish_last_item(("compare_boundary_" + std::to_string(i)).c_str());
  if (ImGui::IsItemHovered() && c.data.train.is_regression())
    ImGui::SetTooltip(tr("%s\ntraining R² %s\ntest R² %s"), label.c_str(), format_value(s.train_accuracy, 3).c_str(),
                      format_value(s.test_accuracy, 3).c_str());
  else if (ImGui::IsItemHovered())
    ImGui::SetTooltip(tr("%s\ntraining accuracy %s %%\ntest accuracy %s %%"), label.c_str(),
                      format_value(100 * s.train_accuracy, 3).c_str(), format_value(100 * s.test_accuracy, 3).c_str());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddImage(map.id(), o, ImVec2(o.x + side, o.y + side));
  draw_map_points(draw, c.data.train, o, side, map_extent(c.data.train), std::clamp(side / 80.0f, 2.0f, 4.0f), false,
                  value_range(c.data.train));
  draw->AddRect(o, ImVec2(o.x + side, o.y + side), kRunColours[i], 0, 0, 2.0f);
  ImGui::EndGroup();
}

// How the boundaries are laid out: up to 2 columns of squares of side `side`.
struct BoundaryGrid {
  int cols = 1;
  float side = 60.0f;
  float width() const { return cols * side + (cols - 1) * ImGui::GetStyle().ItemSpacing.x; }
};

// The largest squares for n boundaries within max_width x height (each with its label above).
BoundaryGrid boundary_grid(int n, float max_width, float height) {
  BoundaryGrid g;
  g.cols = n <= 2 ? n : 2;
  const int rows = (n + g.cols - 1) / g.cols;
  const float gap = ImGui::GetStyle().ItemSpacing.x, label = ImGui::GetTextLineHeightWithSpacing();
  g.side = std::max(60.0f, std::floor(std::min((max_width - gap * (g.cols - 1)) / g.cols,
                                                (height - rows * (label + gap)) / rows)));
  return g;
}

void boundaries(CompareState& c, const BoundaryGrid& g) {
  ImGui::BeginGroup();
  for (int i = 0; i < c.comparison->size(); ++i) {
    if (i % g.cols != 0) ImGui::SameLine();
    boundary(c, i, g.side);
  }
  ImGui::EndGroup();
}

std::string reached_text(const RunSummary& s) {
  return s.target_iteration < 0 ? tr("not reached") : printf_string(tr("iteration %ld"), s.target_iteration);
}

void summary_table(const CompareState& c) {
  const Comparison<float>& cmp = *c.comparison;
  constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##compare_summary", 8, flags)) return;
  const std::string target = printf_string(tr("loss ≤ %s at"), format_value(c.target_loss, 3).c_str());
  const bool regression = c.data.train.is_regression();
  for (const char* h : {tr("run"), tr("iterations"), tr("train loss"), tr("test loss"),
                        regression ? tr("train R²") : tr("train acc."), regression ? tr("test R²") : tr("test acc."),
                        target.c_str(), tr("initial weights")})
    ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  auto number = [](double v, bool percent) {
    ImGui::TextUnformatted(std::isfinite(v) ? (percent ? format_value(100 * v, 3) + " %" : format_value(v, 4)).c_str() : "–");
  };
  for (int i = 0; i < cmp.size(); ++i) {
    const RunSummary s = cmp.summary(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushStyleColor(ImGuiCol_Text, kRunColours[i]);
    ImGui::TextUnformatted(("■ " + run_label(c.runs[i], c.base)).c_str());
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::Text("%ld", s.iterations);
    ImGui::TableNextColumn();
    number(s.train_loss, false);
    ImGui::TableNextColumn();
    number(s.test_loss, false);
    ImGui::TableNextColumn();
    number(s.train_accuracy, !regression);
    ImGui::TableNextColumn();
    number(s.test_accuracy, !regression);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(reached_text(s).c_str());
    ImGui::TableNextColumn();
    if (s.diverged)
      ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", tr("diverged: lower α"));
    else if (s.shares_start_with == i)
      ImGui::Text(i == 0 ? tr("seed %llu") : tr("own, seed %llu"), static_cast<unsigned long long>(c.base.train.seed));
    else
      ImGui::Text(tr("as run %d"), s.shares_start_with + 1);
  }
  ImGui::EndTable();
  publish_last_item("compare_table");  // EndTable adds the table's outer rectangle as an item
}

}  // namespace

void show_compare_view(CompareState& c, const RunConfig& setup) {
  sync_with_setup(c, setup);
  if (!c.comparison) {
    text_wrapped("%s", c.error.c_str());
    return;
  }
  advance(c, ImGui::GetIO().DeltaTime);
  controls(c);
  ImGui::Separator();

  const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
  const float table_h = row_h * (c.comparison->size() + 1) + ImGui::GetStyle().ItemSpacing.y * 2;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float body_h = std::max(160.0f, avail.y - table_h);
  if (c.data.train.is_planar()) {  // boundaries right (at most half the width), curves left
    const BoundaryGrid grid = boundary_grid(c.comparison->size(), avail.x * 0.5f, body_h);
    curves(c, ImVec2(avail.x - grid.width() - ImGui::GetStyle().ItemSpacing.x, body_h));
    ImGui::SameLine();
    boundaries(c, grid);
  } else {
    curves(c, ImVec2(avail.x, body_h));
  }
  summary_table(c);
}

bool compare_key(CompareState& c, ImWchar key) {
  if (!c.comparison) return false;
  switch (key) {
    case 'b': case 'B': step_batch(c); return true;
    case 'e': case 'E': step_epoch(c); return true;
    case 'p': case 'P': toggle_play(c); return true;
    case 'r': case 'R': restart(c); return true;
    default: return false;
  }
}

void reset_comparison(CompareState& c, const RunConfig& setup) {
  c.base = setup;
  c.runs = default_runs(c.base);
  restart(c);
}

void open_comparison(CompareState& c, const RunConfig& setup, const std::vector<CompareRun>& runs) {
  c.base = setup;
  c.runs = runs;
  restart(c);
}

// --- 4. Test hooks --------------------------------------------------------------------------

// A NaN or infinite loss (a diverged run) is written as null.
nlohmann::ordered_json compare_json(const CompareState& c, bool active) {
  nlohmann::ordered_json j = {{"active", active}, {"playing", c.stepper.playing()}, {"error", c.error},
                              {"target_loss", c.target_loss}};
  nlohmann::ordered_json runs = nlohmann::ordered_json::array();
  if (c.comparison) {
    for (int i = 0; i < c.comparison->size(); ++i) {
      const RunSummary s = c.comparison->summary(i);
      runs.push_back({{"label", s.label},
                      {"iterations", s.iterations},
                      {"train_loss", s.train_loss},
                      {"test_loss", s.test_loss},
                      {"train_accuracy", s.train_accuracy},
                      {"test_accuracy", s.test_accuracy},
                      {"target_iteration", s.target_iteration},
                      {"diverged", s.diverged},
                      {"shares_start_with", s.shares_start_with},
                      {"history_points", c.comparison->run(i).history().points.size()},
                      {"opt", optimizer_name(c.comparison->entry(i).config.optimizer.kind)}});
    }
  }
  j["runs"] = std::move(runs);
  return j;
}

}  // namespace mlp::ui
