// Chain-rule view: ∂L/∂w for one picked weight w = W_l[i, j], written as the lecture does,
//   dW_l[i, j] = (1/N) Σ_n [1 H_{l−1}][n, i] · dZ_l[n, j]
//   dZ_l = dH_l ∗ M_l ∗ φ'(Z_l)   (output layer: dZ = Ŷ − Y)
//   dH_l = dZ_{l+1} · W_{l+1}[1:]ᵀ
// with the actual numbers of the chosen example and of the batch mean (all read from the
// core's pass), beside the core's central-difference estimate for the same weight on the same
// batch with the same dropout masks. Below: the lecture's two small scalar graphs.
#include "app/i18n.hpp"
#include "app/run_views.hpp"
#include "app/widgets.hpp"

#include "nn/activation.hpp"
#include "nn/gradcheck.hpp"
#include "nn/scalar_graph.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <string>

namespace mlp::ui {

namespace {

constexpr int kMaxSumTerms = 6;  // terms of dH = Σ_k dZ·W written out

std::string v4(double v) { return format_value(v, 4); }

// A bullet whose text wraps at the window's edge (ImGui::BulletText does not wrap).
void bullet(const std::string& text) {
  ImGui::Bullet();
  text_wrapped("%s", text.c_str());
}

std::string paren(double v) { return v < 0 ? "(" + v4(v) + ")" : v4(v); }

// True when this batch's backward pass has computed dW_l.
bool gradient_ready(const Session& s, int l) {
  const auto last = s.last_phase();
  return last && ((last->kind == PhaseKind::Backward && last->layer <= l) || last->kind == PhaseKind::Update);
}

// The central-difference estimate, recomputed when the batch, weights or weight change.
const ChainCache& numeric_estimate(ChainCache& c, const RunView& in, const WeightRef& w) {
  const Session& s = in.session;
  if (c.serial == in.serial && c.version == s.version() && c.weight.layer == w.layer &&
      c.weight.row == w.row && c.weight.col == w.col)
    return c;
  c.serial = in.serial;
  c.version = s.version();
  c.weight = w;
  c.error.clear();
  const Pass<float>& p = s.pass();
  Network<float> used{s.network().spec, s.pass_weights()};
  std::vector<Matrix<double>> masks;
  for (const auto& M : p.M) masks.push_back(M.cast<double>());
  c.numeric = numeric_gradient(used.cast<double>(), p.X.cast<double>(), p.Y.cast<double>(), masks, w);
  if (!std::isfinite(c.numeric)) c.error = tr_noop("the loss is not finite here");
  return c;
}

// The weight followed, typed in: returns it (kept inside the network).
WeightRef weight_picker(const NetworkSpec& spec, WeightRef w) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("weight"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.0f);
  if (ImGui::BeginCombo("##layer", weight_name(w.layer).c_str())) {
    for (int l = 0; l < spec.layers(); ++l)
      if (ImGui::Selectable(weight_name(l).c_str(), l == w.layer)) w.layer = l;
    ImGui::EndCombo();
  }
  publish_last_item("chain_layer");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);  // room for three digits beside the − + buttons
  ImGui::InputInt(tr_id("row", "row").c_str(), &w.row);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  ImGui::InputInt(tr_id("column", "column").c_str(), &w.col);
  w.layer = std::clamp(w.layer, 0, spec.layers() - 1);
  w.row = std::clamp(w.row, 0, spec.fan_in(w.layer));
  w.col = std::clamp(w.col, 0, spec.units(w.layer) - 1);
  ImGui::SameLine();
  help_marker(tr("Row 0 of every W is the bias (it multiplies the 1 of [1 H]); row i > 0 comes from unit i of the "
                 "layer below. Or click a link in the network, or a cell of a W / dW heatmap."));
  return w;
}

// The path of dZ_l[n, j] for the chosen example, one line per local gradient.
void dz_lines(const Session& s, int l, int n, int j) {
  const NetworkSpec& spec = s.network().spec;
  const Pass<float>& p = s.pass();
  const int L = spec.layers();
  const std::string k = std::to_string(l + 1), at = "[n, " + std::to_string(j) + "]";
  if (l == L - 1) {
    bullet(printf_string(tr("dZ%s%s = ŷ − y = %s − %s = %s      (∂L/∂ŷ · ∂ŷ/∂z for %s + %s)"), k.c_str(), at.c_str(),
                      v4(p.Yhat()(n, j)).c_str(), v4(p.Y(n, j)).c_str(), v4(p.dZ[l](n, j)).c_str(),
                      output_name(spec.output), loss_name(spec.output)));
    return;
  }
  const Activation act = spec.hidden[l].activation;
  const double slope = activation_derivative(act, Matrix<float>(p.Z[l].block(n, j, 1, 1)))(0, 0);
  const bool has_mask = p.M[l].size() > 0;
  std::string line = "dZ" + k + at + " = dH" + k + at + (has_mask ? " · M" + k + at : "") + " · " +
                     activation_symbol(act) + "'(Z" + k + at + ") = " + paren(p.dH[l](n, j)) +
                     (has_mask ? " · " + paren(p.M[l](n, j)) : "") + " · " + paren(slope) + " = " +
                     v4(p.dZ[l](n, j));
  bullet(line);
  // dH_l[n, j] = Σ_k dZ_{l+1}[n, k] · W_{l+1}[j + 1, k]
  const Matrix<float>& W_up = s.pass_weights()[l + 1];
  const Matrix<float>& dZ_up = p.dZ[l + 1];
  const std::string up = std::to_string(l + 2);
  std::string sum;
  const int K = static_cast<int>(dZ_up.cols());
  for (int c = 0; c < std::min(K, kMaxSumTerms); ++c)
    sum += (c ? " + " : "") + paren(dZ_up(n, c)) + "·" + paren(W_up(j + 1, c));
  if (K > kMaxSumTerms) sum += printf_string(tr(" + … (%d terms)"), K);
  bullet(printf_string("dH%s%s = Σ_k dZ%s[n, k] · W%s[%d, k] = %s = %s", k.c_str(), at.c_str(), up.c_str(), up.c_str(),
                    j + 1, sum.c_str(), v4(p.dH[l](n, j)).c_str()));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::Indent();
  text_wrapped(tr("dZ%s comes from the layer above the same way: pick a weight of W%s to follow it."),
                     up.c_str(), up.c_str());
  ImGui::Unindent();
  ImGui::PopStyleColor();
}

// Bars of every example's share [1 H][n, i] · dZ[n, j] / N; their sum is dW[i, j].
void shares_plot(const Session& s, const WeightRef& w, int chosen) {
  const Pass<float>& p = s.pass();
  const int N = p.batch_size();
  const Matrix<float> input = prepend_bias(p.input_of(w.layer));
  std::vector<double> share(N);
  double range = 0.0;
  for (int n = 0; n < N; ++n) {
    share[n] = static_cast<double>(input(n, w.row)) * p.dZ[w.layer](n, w.col) / N;
    if (std::isfinite(share[n])) range = std::max(range, std::fabs(share[n]));
  }
  if (range == 0.0) range = 1.0;
  const float width = std::min(ImGui::GetContentRegionAvail().x, std::max(120.0f, N * 14.0f));
  const float height = ImGui::GetFontSize() * 3.0f;
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##shares", ImVec2(width, height));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float bar = width / N, mid = o.y + height * 0.5f;
  draw->AddLine(ImVec2(o.x, mid), ImVec2(o.x + width, mid), IM_COL32(150, 150, 150, 255));
  for (int n = 0; n < N; ++n) {
    const float h = static_cast<float>(share[n] / range) * height * 0.48f;
    const ImVec2 a(o.x + n * bar + 1, std::min(mid, mid - h)), b(o.x + (n + 1) * bar - 1, std::max(mid, mid - h));
    draw->AddRectFilled(a, b, diverging_colour(share[n], range));
    if (n == chosen) draw->AddRect(ImVec2(a.x - 1, o.y), ImVec2(b.x + 1, o.y + height), IM_COL32(20, 20, 20, 255));
  }
  if (ImGui::IsItemHovered()) {
    const int n = std::clamp(static_cast<int>((ImGui::GetMousePos().x - o.x) / bar), 0, N - 1);
    ImGui::SetTooltip(tr("example %d: [1 %s][n, %d] · dZ%d[n, %d] / N = %s"), n + 1, input_name(w.layer).c_str(), w.row,
                      w.layer + 1, w.col, format_value(share[n], 6).c_str());
  }
}

void weight_chain(ChainCache& estimate, const RunView& view, const WeightRef& w) {
  const Session& s = view.session;
  const NetworkSpec& spec = s.network().spec;
  const std::string W = weight_name(w.layer), k = std::to_string(w.layer + 1);
  const std::string in = "[1 " + input_name(w.layer) + "]";
  const std::string from =
      w.row == 0 ? tr("the bias") : printf_string(tr("%s unit %d"), input_name(w.layer).c_str(), w.row);
  ImGui::Text(tr("w = %s[%d, %d] = %s: from %s to %s unit %d"), W.c_str(), w.row, w.col,
              v4(s.pass_weights()[w.layer](w.row, w.col)).c_str(), from.c_str(), layer_label(spec, w.layer).c_str(),
              w.col + 1);
  ImGui::TextColored(ImVec4(0.05f, 0.30f, 0.60f, 1.0f), "∂L/∂w = dW%s[%d, %d] = (1/N) Σ_n %s[n, %d] · dZ%s[n, %d]",
                     k.c_str(), w.row, w.col, in.c_str(), w.row, k.c_str(), w.col);
  if (!gradient_ready(s, w.layer)) {
    text_wrapped(tr("Step on to \"backward %d\" (S, or Step one batch) to see this gradient's numbers for the "
                          "current batch."), w.layer + 1);
    return;
  }
  const Pass<float>& p = s.pass();
  const int N = p.batch_size();
  const int n = std::clamp(view.selection.example, 0, N - 1);
  ImGui::Separator();
  ImGui::Text(tr("For example n = %d of the batch (data row %d):"), n + 1, s.trainer().batch_indices()[n]);
  const double x = w.row == 0 ? 1.0 : static_cast<double>(p.input_of(w.layer)(n, w.row - 1));
  bullet(printf_string(tr("%s[n, %d] = %s      (what w multiplies%s)"), in.c_str(), w.row, v4(x).c_str(),
                    w.row == 0 ? tr(": the 1 of the bias") : ""));
  dz_lines(s, w.layer, n, w.col);
  const double share = x * p.dZ[w.layer](n, w.col);
  bullet(printf_string(tr("this example's term: %s · %s = %s   (÷ N = %s)"), paren(x).c_str(),
                    paren(p.dZ[w.layer](n, w.col)).c_str(), v4(share).c_str(), v4(share / N).c_str()));
  ImGui::Separator();
  ImGui::Text(tr("Over the batch (N = %d): the mean of these terms, one bar per example:"), N);
  shares_plot(s, w, n);
  const double analytic = p.dW[w.layer](w.row, w.col);
  ImGui::Text(tr("back-propagation:   dW%s[%d, %d] = %s"), k.c_str(), w.row, w.col, format_value(analytic, 7).c_str());
  const ChainCache& c = numeric_estimate(estimate, view, w);
  if (!c.error.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), tr("finite difference: %s"), tr(c.error.c_str()));
    return;
  }
  ImGui::Text(tr("finite difference:  (L(w + ε) − L(w − ε)) / 2ε = %s"), format_value(c.numeric, 7).c_str());
  ImGui::SameLine();
  help_marker(tr("The core's central-difference estimate with ε = 1e−6, in double precision, on the same batch "
                 "with the same dropout masks. Back-propagation ran in float, so expect agreement to about "
                 "4-6 digits; a ReLU exactly at its kink can differ more."));
  const double diff = std::fabs(analytic - c.numeric), scale = std::fabs(analytic) + std::fabs(c.numeric);
  const double rel = diff < 1e-9 ? 0.0 : diff / std::max(scale, 1e-12);
  const bool ok = rel < 1e-2;
  ImGui::TextColored(ok ? ImVec4(0.1f, 0.5f, 0.2f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1),
                     tr("relative difference %s  %s"), format_value(rel, 2).c_str(), ok ? tr("✓ they agree") : tr("✗ they differ"));
}

// One row per node of a scalar graph: value, local gradients, ∂out/∂node.
void graph_table(const char* id, const ScalarGraph& g) {
  if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(tr("node"));
  ImGui::TableSetupColumn(tr("value"));
  ImGui::TableSetupColumn(tr("∂(output)/∂node"));
  ImGui::TableHeadersRow();
  for (int i = 0; i < g.size(); ++i) {
    const auto& node = g.node(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(node.name.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v4(node.value).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v4(node.grad).c_str());
  }
  ImGui::EndTable();
}

void lecture_graphs(float& a_value) {
  text_wrapped("%s", tr("c = (2a)²: walk back from c to a, multiply the local gradients: "
                           "∂c/∂a = ∂c/∂b · ∂b/∂a = 2b · 2 = 8a."));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  ImGui::SliderFloat("a", &a_value, -3.0f, 3.0f, "%.2f");
  ScalarGraph g;
  const int a = g.input("a", a_value);
  const int b = g.scale("b = 2a", a, 2.0);
  const int c = g.square("c = b²", b);
  g.backward(c);
  graph_table("##graph1", g);
  ImGui::Text("∂c/∂a = %s = 8a = 8 · %s", v4(g.node(a).grad).c_str(), v4(a_value).c_str());

  ImGui::Spacing();
  text_wrapped("%s", tr("The lecture's 2nd example: ŷ = w1 + w2 + a with a = 3·w2, L = (ŷ − y)², y = 17. "
                           "w2 reaches ŷ along two paths, so its gradient is the sum of both: −6 + (−6)·3 = −24."));
  ScalarGraph h;
  const int w1 = h.input("w1", 2.0);
  const int w2 = h.input("w2", 3.0);
  const int a2 = h.scale("a = 3·w2", w2, 3.0);
  const int sum = h.add("w1 + w2", w1, w2);
  const int yhat = h.add("ŷ = w1 + w2 + a", sum, a2);
  const int y = h.input("y", 17.0);
  const int err = h.add("ŷ − y", yhat, h.scale("−y", y, -1.0));
  const int L = h.square("L = (ŷ − y)²", err);
  h.backward(L);
  graph_table("##graph2", h);
}

}  // namespace

Picks show_chain_rule_view(ChainRuleState& state, const RunView& in) {
  Picks picks;
  const WeightRef w = weight_picker(in.session.network().spec, in.selection.weight);
  const WeightRef& old = in.selection.weight;
  if (w.layer != old.layer || w.row != old.row || w.col != old.col) picks.weight = w;
  ImGui::BeginChild("##chain", ImVec2(0, 0));
  weight_chain(state.estimate, in, w);
  ImGui::Spacing();
  if (ImGui::CollapsingHeader(tr_id("The lecture's small graphs (c = (2a)², the 2nd example)", "lecture_graphs").c_str()))
    lecture_graphs(state.example_a);
  ImGui::EndChild();
  return picks;
}

}  // namespace mlp::ui
