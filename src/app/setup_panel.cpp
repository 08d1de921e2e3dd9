// Set-up panel: data set picker with previews, network builder, initialisation and training
// settings. The panel edits a copy of the set-up and returns it when it changed; the app then
// restarts the run from the seed (apply_setup), and what sanitize() had to clamp is listed
// under the controls.
#include "app/decision_map.hpp"
#include "app/i18n.hpp"
#include "app/panels.hpp"
#include "app/widgets.hpp"

#include "data/glyphs.hpp"
#include "data/toy.hpp"
#include "nn/init.hpp"
#include "platform/js_bridge.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace mlp::ui {

namespace {

constexpr float kPreviewExtent = 1.6f;  // toy sets lie in ±1.5

// Room right of the controls for their labels ("learning rate α (?)").
float label_width() { return ImGui::GetFontSize() * 8.2f; }

const char* init_help(Init init) {
  switch (init) {
    case Init::Lecture: return tr("randn · sqrt(1/rows), as the lecture's initialize_weights: random and small.");
    case Init::Xavier: return tr("uniform ±sqrt(6/(fan_in + fan_out)), bias 0 (Glorot).");
    case Init::He: return tr("randn · sqrt(2/fan_in), bias 0: suits ReLU layers.");
    case Init::Equal:
      return tr("every weight the same: all hidden units of a layer compute the same thing and stay identical "
                "(the lecture's warning: the network behaves as if it had one hidden node).");
    case Init::Large:
      return tr("randn · 10: sigmoid units saturate, their slope σ' is almost 0, gradients vanish and learning "
                "crawls (the lecture's warning).");
  }
  return "";
}

const char* activation_help() {
  return tr("φ of the hidden layer: sigmoid σ(z) = 1/(1 + e^−z) with σ' = σ(1 − σ) ≤ 0.25 (gradients shrink "
            "layer by layer); ReLU max(0, z) with slope 1 or 0; tanh; linear (no non-linearity at all).");
}

// A small sample of every data source for the picker, made once.
const std::vector<Dataset>& previews(SetupPanelState& state) {
  auto& p = state.previews;
  if (p.empty()) {
    for (const auto& name : generated_sources()) {
      if (name == "glyphs") p.push_back(lecture_glyphs());
      else p.push_back(make_toy(name, 120, default_noise(name), 7));
    }
  }
  return p;
}

// Draws a preview of `data` into the square [a, a + side].
void draw_preview(ImDrawList* draw, const Dataset& data, ImVec2 a, float side) {
  if (data.image_width > 0) {  // the glyph "3"
    const int w = data.image_width, h = data.image_height, row = 2;
    const float px = side * 0.8f / w, x0 = a.x + side * 0.1f, y0 = a.y + side * 0.1f;
    for (int r = 0; r < h; ++r)
      for (int c = 0; c < w; ++c)
        draw->AddRectFilled(ImVec2(x0 + c * px, y0 + r * px), ImVec2(x0 + (c + 1) * px - 1, y0 + (r + 1) * px - 1),
                            data.X(row, r * w + c) > 0.5f ? class_colour(1) : IM_COL32(225, 228, 232, 255));
    return;
  }
  const float scale = side / (2 * kPreviewExtent);
  const float range = value_range(data);
  const bool line = data.features() == 1;  // the sine: y against x, x ∈ [−π, π] squeezed into the box
  for (int i = 0; i < data.size(); ++i) {
    const float x1 = line ? data.X(i, 0) * kPreviewExtent / 3.3f : data.X(i, 0);
    const float x2 = line ? data.targets(i, 0) : data.X(i, 1);
    const ImVec2 p(a.x + (x1 + kPreviewExtent) * scale, a.y + (kPreviewExtent - x2) * scale);
    draw->AddCircleFilled(p, 1.8f, line ? class_colour(1) : point_colour(data, i, range), 8);
  }
}

// The inputs of a generated set (1 for the sine, 25 for the glyphs, else 2).
int source_inputs(const std::string& source) {
  for (const ToySpec& t : toy_specs())
    if (t.name == source) return t.inputs;
  return 25;
}

// "3 classes", or "real-valued targets" for a regression set.
std::string targets_text(const Dataset& d) {
  return d.is_regression() ? tr("real-valued targets") : printf_string(tr("%d classes"), d.num_classes);
}

// Picks a data source; leaving a regression set for classes puts back the softmax output
// (entering one switches to the linear output: sanitize does it, with a note).
void choose_source(RunConfig& s, const std::string& name) {
  if (is_regression_source(s.data.source) && !is_regression_source(name)) s.output = Output::Softmax;
  s.data.source = name;
}

void data_picker(SetupPanelState& state, RunConfig& s, const OwnData& own) {
  const auto names = generated_sources();
  const auto& samples = previews(state);
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = 4;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float side = std::floor((avail - spacing * (per_row - 1)) / per_row);
  for (size_t i = 0; i < names.size(); ++i) {
    if (i % per_row != 0) ImGui::SameLine();
    const std::string id = "data_" + names[i];
    const ImVec2 a = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton(id.c_str(), ImVec2(side, side))) choose_source(s, names[i]);
    publish_last_item(id.c_str());
    const bool selected = s.data.source == names[i];
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, ImVec2(a.x + side, a.y + side), IM_COL32(248, 249, 251, 255), 4);
    draw_preview(draw, samples[i], a, side);
    draw->AddRect(a, ImVec2(a.x + side, a.y + side),
                  selected ? IM_COL32(20, 90, 170, 255) : (hovered ? IM_COL32(120, 140, 170, 255) : IM_COL32(200, 204, 210, 255)),
                  4, 0, selected ? 3.0f : 1.0f);
    if (hovered && s.page.locked("data"))
      ImGui::SetTooltip("%s", tr("Locked: the link you opened fixes the data, so that everyone sees the same run."));
    else if (hovered)
      ImGui::SetTooltip("%s: %s", names[i].c_str(), tr(source_description(names[i]).c_str()));
  }
  if (bridge::has_file_picker() &&
      published_button(tr("Open your data…"), "open_data",
                       tr("Train on a table of your own (or drop the file onto the page): the lecture's text format "
                          "(x1 x2 label) or CSV with a header, one example per line, the label last (0, 1, 2, ...), "
                          "gzipped or not; at most 10,000 examples, 100 inputs, 10 classes."))) {
    state.table_asked = true;
    bridge::open_file(".csv,.txt,.dat,.gz,text/csv,text/plain,application/gzip", "");
  }
  if (bridge::has_file_picker()) {
    ImGui::SameLine();
    bool real = s.data.real_targets;
    if (ImGui::Checkbox(tr_id("regression", "regression").c_str(), &real)) s.data.real_targets = real;
    publish_last_item("real_targets");
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", tr("Ticked: the next file you open is a regression, its last column a real value y to fit "
                                 "(one linear output, MSE loss, R² in place of accuracy). Unticked: the last column is "
                                 "a class 0, 1, 2, ..."));
  }
  if (!own.table) {
    text_wrapped("%s: %s", s.data.source.c_str(), tr(source_description(s.data.source).c_str()));
    return;
  }
  const std::string label = printf_string(tr("▤ %s (your data)"), own.name.c_str());
  if (ImGui::Selectable(label.c_str(), own.is(s.data.source))) s.data.source = own.name;
  publish_last_item("data_own");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(tr("The table you opened: %d examples, %d inputs, %s. It stays here until the page reloads; "
                         "a link cannot carry it."), own.table->size(), own.table->features(),
                      targets_text(*own.table).c_str());
  if (!own.is(s.data.source))
    text_wrapped("%s: %s", s.data.source.c_str(), tr(source_description(s.data.source).c_str()));
}

// A table's own options: the scaling fitted on its training part.
void own_data_options(DataConfig& d) {
  const Scaling offered[] = {Scaling::None, Scaling::Rescale, Scaling::ZScore};
  if (ImGui::BeginCombo(tr_id("scaling", "scaling").c_str(), scaling_name(d.scaling))) {
    for (Scaling k : offered)
      if (ImGui::Selectable(scaling_name(k), k == d.scaling)) d.scaling = k;
    ImGui::EndCombo();
  }
  publish_last_item("scaling");
  ImGui::SameLine();
  help_marker(tr("Fitted on the training part, applied unchanged to the test part. none: the numbers as in the "
                 "file; rescale: the training set's [min, max] onto [0, 1]; zscore: each input to mean 0 and "
                 "standard deviation 1."));
}

void data_summary(const Session* session) {
  if (!session) return;
  const Session& ses = *session;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_wrapped(tr("%d training, %d test examples · %d inputs · %d classes"), ses.train().size(),  // wraps in a narrow column
                     ses.test() ? ses.test()->size() : 0, ses.train().features(), ses.train().num_classes);
  ImGui::PopStyleColor();
}

// Which inputs the network gets from a point (x₁, x₂): one checkbox per feature, at least one.
void feature_options(std::vector<InputFeature>& features) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("inputs"));
  ImGui::SameLine();
  help_marker(tr("What the network gets from each point (x₁, x₂), as in TensorFlow Playground. With x₁² and x₂² a "
                 "single layer can separate the circles: its boundary w₀ + w₁x₁² + w₂x₂² = 0 is an ellipse. The "
                 "boundary view shows each input's map in its row X."));
  std::vector<InputFeature> chosen;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetWindowContentRegionMax().x;
  float indent = 0.0f;
  for (InputFeature f : all_features()) {
    bool on = std::find(features.begin(), features.end(), f) != features.end();
    // Flow: on this line while the box and its label fit, else at the start of the next one.
    const float w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(feature_symbol(f)).x;
    ImGui::SameLine();
    if (indent == 0.0f) indent = ImGui::GetCursorPosX();
    if (ImGui::GetCursorPosX() + w > right) {
      ImGui::NewLine();
      ImGui::SetCursorPosX(indent);
    }
    ImGui::Checkbox(feature_symbol(f), &on);
    publish_last_item((std::string("feature_") + feature_name(f)).c_str());
    if (on) chosen.push_back(f);
  }
  if (!chosen.empty()) features = chosen;  // the last one cannot be unticked
}

void data_options(const Session* session, RunConfig& s, const OwnData& own) {
  DataConfig& d = s.data;
  const bool glyphs = d.source == "glyphs";
  ImGui::PushItemWidth(-label_width());
  if (own.is(d.source)) {
    own_data_options(d);
    slider_double(tr_id("test share", "test_share").c_str(), d.test_fraction, 0.0, SetupLimits::kMaxTestFraction, "%.2f");
    ImGui::PopItemWidth();
    if (own.table->features() == 2) {
      const LockedScope lock(s.page.locked("features"));
      feature_options(d.features);
    }
    data_summary(session);
    return;
  }
  if (!glyphs) {
    ImGui::SliderInt(tr_id("examples", "examples").c_str(), &d.examples, SetupLimits::kMinExamples, SetupLimits::kMaxExamples);
    publish_last_item("examples");
  }
  double noise = effective_noise(d);
  const std::string noise_label = glyphs ? tr_id("pixel flips", "noise") : tr_id("noise", "noise");
  if (slider_double(noise_label.c_str(), noise, 0.0, glyphs ? 0.3 : 0.5, "%.2f"))
    d.noise = noise;
  publish_last_item("noise");
  ImGui::SameLine();
  help_marker(glyphs                         ? tr("Probability that a pixel of a test copy is flipped. Training uses the five clean glyphs.")
              : is_regression_source(d.source) ? tr("Standard deviation of the Gaussian noise added to every target y.")
                                               : tr("Standard deviation of the Gaussian jitter added to every point."));
  for (const auto& t : toy_specs()) {
    if (t.name != d.source || t.max_classes <= t.min_classes) continue;
    int k = d.classes > 0 ? d.classes : t.default_classes;
    if (ImGui::SliderInt(tr_id("classes", "classes").c_str(), &k, t.min_classes, t.max_classes)) d.classes = k;
  }
  if (!glyphs) {
    slider_double(tr_id("test share", "test_share").c_str(), d.test_fraction, 0.0, SetupLimits::kMaxTestFraction, "%.2f");
    ImGui::SameLine();
    help_marker(tr("Share of the examples held out as the test set (never trained on; its loss is the orange curve)."));
  }
  ImGui::PopItemWidth();
  if (!glyphs && source_inputs(d.source) == 2) {
    const LockedScope lock(s.page.locked("features"));
    feature_options(d.features);
  }
  data_summary(session);
}

void activation_combo(const char* id, Activation& a) {
  if (ImGui::BeginCombo(id, activation_name(a), ImGuiComboFlags_NoArrowButton)) {
    for (Activation option : all_activations())
      if (ImGui::Selectable(activation_name(option), option == a)) a = option;
    ImGui::EndCombo();
  }
}

// One row per hidden layer: units (− n +), activation, dropout, remove.
void layer_rows(RunConfig& s, const PageConfig& page) {
  const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoPadOuterX;
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(3, 2));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 4));
  if (!ImGui::BeginTable("layers", 5, flags)) {
    ImGui::PopStyleVar(2);
    return;
  }
  const float em = ImGui::GetFontSize();
  ImGui::TableSetupColumn("");
  ImGui::TableSetupColumn(tr("units"));
  ImGui::TableSetupColumn(tr("activation"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr("dropout"), ImGuiTableColumnFlags_WidthFixed, em * 2.6f);
  ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  int remove = -1;
  for (size_t i = 0; i < s.hidden.size(); ++i) {
    LayerSpec& h = s.hidden[i];
    const std::string n = std::to_string(i + 1);
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("H%s", n.c_str());
    ImGui::TableNextColumn();
    {
      const LockedScope lock(page.locked("layers"));
      if (ImGui::SmallButton("−")) h.units = std::max(1, h.units - 1);
      publish_last_item(("units_" + n + "_minus").c_str());
      ImGui::SameLine(0, 2);
      ImGui::SetNextItemWidth(em * 1.7f);
      ImGui::DragInt("##units", &h.units, 0.2f, 1, SetupLimits::kMaxUnits);
      ImGui::SameLine(0, 2);
      if (ImGui::SmallButton("+")) h.units = std::min(SetupLimits::kMaxUnits, h.units + 1);
      publish_last_item(("units_" + n + "_plus").c_str());
    }
    ImGui::TableNextColumn();
    {
      const LockedScope lock(page.locked("act"));
      ImGui::SetNextItemWidth(-1);
      activation_combo("##act", h.activation);
      publish_last_item(("act_" + n).c_str());
    }
    ImGui::TableNextColumn();
    {
      const LockedScope lock(page.locked("drop"));
      ImGui::SetNextItemWidth(-1);
      drag_double("##drop", h.dropout, 0.01f, 0.0, SetupLimits::kMaxDropout, "%.2f");
      publish_last_item(("drop_" + n).c_str());
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(tr("Dropout ratio of H%s: this share of its activations is set to 0 in each training batch;\n"
                             "the kept ones are scaled by 1/(1 − ratio). Off when evaluating. Drag or double-click."),
                          n.c_str());
    }
    ImGui::TableNextColumn();
    {
      const LockedScope lock(page.locked("layers"));
      if (ImGui::SmallButton("✕")) remove = static_cast<int>(i);
      publish_last_item(("remove_layer_" + n).c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("remove hidden layer H%s"), n.c_str());
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  ImGui::PopStyleVar(2);
  if (remove >= 0) s.hidden.erase(s.hidden.begin() + remove);
}

void network_options(RunConfig& s, const PageConfig& page) {
  layer_rows(s, page);
  const bool room = static_cast<int>(s.hidden.size()) < SetupLimits::kMaxHiddenLayers;
  {
    const LockedScope lock(page.locked("layers"));
    if (!room) ImGui::BeginDisabled();
    if (published_button(tr("+ hidden layer"), "add_layer", tr("Add a hidden layer after the last one (same width)"))) {
      s.hidden.push_back(s.hidden.empty() ? LayerSpec{4, Activation::ReLU, 0.0} : s.hidden.back());
    }
    if (!room) ImGui::EndDisabled();
  }
  if (s.hidden.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("no hidden layer: a perceptron"));
  }
  ImGui::TextUnformatted(tr("all:"));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", activation_help());
  for (Activation a : all_activations()) {
    ImGui::SameLine(0, 4);
    const LockedScope lock(page.locked("act"));
    const std::string id = std::string("act_all_") + activation_name(a);
    if (ImGui::SmallButton(activation_name(a)))
      for (auto& h : s.hidden) h.activation = a;
    publish_last_item(id.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(tr("Use %s in every hidden layer"), activation_name(a));
  }

  ImGui::PushItemWidth(-label_width());
  {
    const LockedScope lock(page.locked("out"));
    if (ImGui::BeginCombo(tr_id("output", "output").c_str(), output_name(s.output))) {
      for (Output o : all_outputs()) {
        const std::string label = std::string(output_name(o)) + " + " + loss_name(o);
        if (ImGui::Selectable(label.c_str(), o == s.output)) s.output = o;
      }
      ImGui::EndCombo();
    }
    publish_last_item("output");
  }
  ImGui::SameLine();
  help_marker(tr("softmax + cross-entropy: one output per class (the lecture's MNIST net). sigmoid + binary "
                 "cross-entropy: one output for two classes. linear + MSE: squared error. All three give "
                 "dZ = Ŷ − Y at the output."));
  {
    const LockedScope lock(page.locked("init"));
    if (ImGui::BeginCombo(tr_id("initialisation", "init").c_str(), init_name(s.init))) {
      for (Init i : all_inits()) {
        if (ImGui::Selectable(init_name(i), i == s.init)) s.init = i;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", init_help(i));
      }
      ImGui::EndCombo();
    }
    publish_last_item("init");
  }
  ImGui::SameLine();
  help_marker(init_help(s.init));
  ImGui::PopItemWidth();
}

const char* optimizer_help(Optimizer o) {
  switch (o) {
    case Optimizer::SGD: return tr("Plain gradient descent, as in the lecture: W ← W − α·dW.");
    case Optimizer::Momentum:
      return tr("Momentum: a velocity V ← μ·V − α·dW that remembers past steps; W ← W + V. Steady gradients "
                "add up to larger steps, zig-zags cancel.");
    case Optimizer::Adam:
      return tr("Adam: running means of the gradient (m) and of its square (v), bias-corrected to m̂ and v̂; "
                "W ← W − α·m̂ / (√v̂ + ε). Each weight gets its own step size, about α at most. Try α = 0.01.");
  }
  return "";
}

// The optimiser and its constants (μ for momentum; β₁, β₂, ε for Adam).
void optimizer_options(OptimizerConfig& o, const PageConfig& page) {
  if (ImGui::BeginCombo(tr_id("optimiser", "optimiser").c_str(), optimizer_name(o.kind))) {
    for (Optimizer k : all_optimizers()) {
      if (ImGui::Selectable(optimizer_name(k), k == o.kind)) o.kind = k;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", optimizer_help(k));
    }
    ImGui::EndCombo();
  }
  publish_last_item("opt");
  ImGui::SameLine();
  help_marker(optimizer_help(o.kind));
  if (o.kind == Optimizer::Momentum) {
    const LockedScope lock(page.locked("mom"));
    slider_double(tr_id("momentum μ", "momentum").c_str(), o.momentum, 0.0, 0.99, "%.2f");
    publish_last_item("mom");
  }
  if (o.kind == Optimizer::Adam) {
    slider_double("β₁", o.beta1, 0.0, 0.999, "%.3f");
    publish_last_item("beta1");
    ImGui::SameLine();
    help_marker(tr("How much of the mean gradient m is kept at each step (0.9: about the last 10 steps)."));
    slider_double("β₂", o.beta2, 0.9, 0.99999, "%.5f");
    publish_last_item("beta2");
    ImGui::SameLine();
    help_marker(tr("How much of the mean squared gradient v is kept at each step (0.999: about the last 1000)."));
    slider_double("ε", o.epsilon, 1e-10, 1e-2, "%.0e", ImGuiSliderFlags_Logarithmic);
    publish_last_item("eps");
    ImGui::SameLine();
    help_marker(tr("Added to √v̂ so that a weight whose gradient has been 0 does not take an infinite step."));
  }
}

void training_options(const Session* session, RunConfig& s) {
  TrainConfig& t = s.train;
  const PageConfig& page = s.page;
  ImGui::PushItemWidth(-label_width());
  {
    const LockedScope lock(page.locked("lr"));
    slider_double(tr_id("learning rate α", "lr").c_str(), t.learning_rate, 0.001, 10.0, "%.4g", ImGuiSliderFlags_Logarithmic);
    publish_last_item("lr");
  }
  ImGui::SameLine();
  help_marker(tr("Step size of W ← W − α·dW. Too small: slow. Too large: the loss jumps around or becomes NaN. "
                 "Ctrl+click to type a value."));
  const int n_train = session ? session->train().size() : s.data.examples;
  int batch = std::min(t.batch_size, n_train);
  {
    const LockedScope lock(page.locked("batch"));
    if (ImGui::SliderInt(tr_id("batch size", "batch").c_str(), &batch, 0, n_train, batch == 0 ? tr("all (full batch)") : "%d"))
      t.batch_size = batch;
    publish_last_item("batch");
  }
  ImGui::SameLine();
  help_marker(tr("Examples per weight update (the lecture's prepare_batches: consecutive slices, the last one "
                 "shorter). 0 = all training examples in one batch."));
  ImGui::TextDisabled(tr("→ %d batches (iterations) per epoch"), batches_per_epoch(n_train, t.batch_size));
  ImGui::Checkbox(tr_id("shuffle each epoch", "shuffle").c_str(), &t.shuffle);
  {
    const LockedScope lock(page.locked("opt"));
    optimizer_options(t.optimizer, page);
  }
  {
    const LockedScope lock(page.locked("l2"));
    slider_double(tr_id("L2 rate λ₂", "l2").c_str(), t.l2, 0.0, 1.0, "%.4g", ImGuiSliderFlags_Logarithmic);
    publish_last_item("l2");
  }
  ImGui::SameLine();
  help_marker(tr("Weight decay: each step uses dW + λ₂·W for the weights (not the bias row), pulling large "
                 "weights towards 0 against overfitting; the loss gains λ₂/2·Σw². 0 = off. Ctrl+click to type a "
                 "value (up to 10)."));
  {
    const LockedScope lock(page.locked("l1"));
    slider_double(tr_id("L1 rate λ₁", "l1").c_str(), t.l1, 0.0, 1.0, "%.4g", ImGuiSliderFlags_Logarithmic);
    publish_last_item("l1");
  }
  ImGui::SameLine();
  help_marker(tr("Each step uses dW + λ₁·sign(W) for the weights (not the bias row): every weight is pulled "
                 "towards 0 by the same amount, so small ones end at 0 (a sparse network); the loss gains "
                 "λ₁·Σ|w|. 0 = off. Ctrl+click to type a value (up to 10)."));
  {
    const LockedScope lock(page.locked("epochs"));
    ImGui::DragInt(tr_id("play epochs", "epochs").c_str(), &s.schedule.epochs, 1.0f, 1, SetupLimits::kMaxEpochs);
    publish_last_item("epochs");
  }
  ImGui::SameLine();
  help_marker(tr("Play pauses after this many epochs (press play again to go on)."));
  int seed = static_cast<int>(t.seed);
  if (ImGui::InputInt(tr_id("seed", "seed").c_str(), &seed)) t.seed = static_cast<uint64_t>(std::max(0, seed));
  publish_last_item("seed");
  ImGui::SameLine();
  help_marker(tr("The same seed gives the same data, initial weights, batch order and dropout masks, "
                 "in the browser and on the desktop."));
  ImGui::PopItemWidth();
}

void messages(const SetupPanelInput& in) {
  if (!in.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(180, 20, 20, 255));
    text_wrapped("%s", tr_prefix(in.error, kCannotStart).c_str());
    ImGui::PopStyleColor();
  }
  for (const auto& note : in.notes) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(150, 90, 0, 255));
    text_wrapped("⚠ %s", note.c_str());
    ImGui::PopStyleColor();
  }
  if (!in.model_source.empty()) text_wrapped(tr("Weights start from the imported %s."), in.model_source.c_str());
}

// A set-up section's header, unless the page hides the section; a locked one says so.
bool section(const char* title, const char* part, const PageConfig& page) {
  if (page.hidden(part)) return false;
  if (!ImGui::CollapsingHeader(tr_id(title, part).c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return false;
  const std::string whole = std::string(part).substr(std::string("setup.").size());  // "data", ...
  if (page.locked(whole)) {
    ImGui::TextDisabled("%s", tr("Locked by the link you opened."));
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", tr("Your instructor's link fixes these settings, so that everyone sees the same run."));
  }
  return true;
}

}  // namespace

bool same_except_epochs(RunConfig a, const RunConfig& b) {
  a.schedule.epochs = b.schedule.epochs;
  return a == b;
}

std::optional<RunConfig> show_setup_panel(SetupPanelState& state, const SetupPanelInput& in) {
  RunConfig edited = in.setup;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_wrapped("%s", tr("Any change restarts training from the seed."));
  ImGui::PopStyleColor();
  messages(in);
  const PageConfig& page = in.setup.page;
  if (section(tr_noop("Data"), "setup.data", page)) {
    const LockedScope lock(page.locked("data"));
    data_picker(state, edited, in.own);
    data_options(in.session, edited, in.own);
  }
  if (section(tr_noop("Network"), "setup.network", page)) {
    if (in.session) text_wrapped("%s", in.session->network().spec.describe().c_str());
    const LockedScope lock(page.locked("network"));
    network_options(edited, page);
  }
  if (section(tr_noop("Training"), "setup.training", page)) {
    const LockedScope lock(page.locked("training"));
    training_options(in.session, edited);
  }
  keep_locked(page, in.setup, edited);
  if (edited == in.setup) return std::nullopt;
  return edited;
}

}  // namespace mlp::ui
