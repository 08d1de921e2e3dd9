// Network view: the MLP as a graph. Columns of nodes (inputs, hidden layers, outputs) with a
// bias node "1" on top of every column that feeds a layer; links coloured by the sign and
// drawn as thick as the size of the weight, or of its gradient dW during the backward pass;
// nodes filled with the chosen example's values; dropped units crossed out; the layer of the
// current phase highlighted; hover shows exact values, a click on a link picks that weight
// for the chain-rule view.
#include "app/panels.hpp"
#include "app/phase_info.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace mlp::ui {

namespace {

enum class LinkMode { Auto, Weights, Gradients };

// The geometry of one frame's drawing.
struct Graph {
  std::vector<std::vector<ImVec2>> nodes;  // nodes[c][i]: column c (0 = inputs), i = 0 bias (if any), then units
  std::vector<bool> has_bias;              // column c feeds a layer (all but the output column)
  std::vector<float> radius;               // node radius per column
  float largest_radius() const { return *std::max_element(radius.begin(), radius.end()); }
};

// Columns spaced evenly; rows spaced for the tallest layer, except that a taller input column
// (the glyphs' 25 pixels) is packed on its own so that it does not shrink every layer's nodes.
Graph layout_graph(const NetworkSpec& spec, ImVec2 origin, ImVec2 size) {
  Graph g;
  const int columns = spec.layers() + 1;
  const float col_gap = size.x / columns;
  auto count = [&](int c) { return (c == 0 ? spec.inputs : spec.units(c - 1)) + (c < columns - 1 ? 1 : 0); };
  int tallest = 2;
  for (int c = 1; c < columns; ++c) tallest = std::max(tallest, count(c));
  for (int c = 0; c < columns; ++c) {
    const float row_gap = size.y / std::max(tallest, count(c));
    g.radius.push_back(std::clamp(std::min(col_gap * 0.16f, row_gap * 0.42f), 2.5f, 17.0f));
    const float x = origin.x + col_gap * (c + 0.5f);
    const float y0 = origin.y + size.y * 0.5f - row_gap * (count(c) - 1) * 0.5f;
    std::vector<ImVec2> column;
    for (int i = 0; i < count(c); ++i) column.push_back(ImVec2(x, y0 + row_gap * i));
    g.nodes.push_back(std::move(column));
    g.has_bias.push_back(c < columns - 1);
  }
  return g;
}

// Which columns hold values of the current batch: after forward k, columns 0..k+1.
int valid_columns(const Session& s) {
  const auto last = s.last_phase();
  if (!last) return 0;
  if (last->kind == PhaseKind::Forward) return last->layer + 2;
  return s.network().spec.layers() + 1;
}

// Whether links of layer l show dW: in auto mode, for layers whose gradient this backward pass computed.
bool links_show_gradient(const Session& s, int l, LinkMode mode) {
  if (mode != LinkMode::Auto) return mode == LinkMode::Gradients;
  const auto last = s.last_phase();
  return last && last->kind == PhaseKind::Backward && l >= last->layer;
}

// The layer the current phase works on (−1: none, −2: the output column for the loss, L: all
// links for the update).
int highlighted_layer(const Session& s) {
  const auto last = s.last_phase();
  if (!last) return -1;
  switch (last->kind) {
    case PhaseKind::Forward:
    case PhaseKind::Backward: return last->layer;
    case PhaseKind::Loss: return -2;  // the output column only
    case PhaseKind::Update: return s.network().spec.layers();
  }
  return -1;
}

float segment_distance(ImVec2 p, ImVec2 a, ImVec2 b) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  const float t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
  const float ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

// The matrix of column c's values for the batch (X, H_l, Ŷ), or null before it is computed.
const Matrix<float>* column_values(const Session& s, int c) {
  if (c >= valid_columns(s)) return nullptr;
  return c == 0 ? &s.pass().X : &s.pass().H[c - 1];
}

bool dropped(const Session& s, int c, int example, int unit) {
  if (c == 0 || c >= valid_columns(s)) return false;
  const Matrix<float>& M = s.pass().M[c - 1];
  return M.size() > 0 && example < M.rows() && M(example, unit) == 0.0f;
}

struct LinkHover {
  int layer = -1, row = -1, col = -1;
};

void link_tooltip(const Session& s, const LinkHover& h) {
  const NetworkSpec& spec = s.network().spec;
  const std::string W = weight_name(h.layer);
  const std::string from = h.row == 0 ? "bias (the 1 of [1 " + input_name(h.layer) + "])"
                                      : input_name(h.layer) + " unit " + std::to_string(h.row);
  ImGui::BeginTooltip();
  ImGui::Text("%s[%d, %d]: from %s to %s unit %d", W.c_str(), h.row, h.col, from.c_str(),
              layer_label(spec, h.layer).c_str(), h.col + 1);
  ImGui::Text("w  = %s", format_value(s.network().W[h.layer](h.row, h.col), 7).c_str());
  const auto& dW = s.pass().dW;
  if (s.has_pass() && h.layer < static_cast<int>(dW.size()) && dW[h.layer].size() > 0)
    ImGui::Text("dW = %s  (last computed gradient)", format_value(dW[h.layer](h.row, h.col), 7).c_str());
  ImGui::TextDisabled("click: follow this weight in the chain-rule tab");
  ImGui::EndTooltip();
}

void node_tooltip(const Session& s, int c, int unit, int example) {
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers();
  const Pass<float>& p = s.pass();
  ImGui::BeginTooltip();
  if (c == 0) {
    ImGui::Text("input x%d", unit + 1);
  } else {
    ImGui::Text("%s unit %d (%s)", layer_label(spec, c - 1).c_str(), unit + 1,
                c == L ? output_name(spec.output) : activation_name(spec.hidden[c - 1].activation));
  }
  if (c >= valid_columns(s)) {
    ImGui::TextDisabled("not computed yet for this batch");
    ImGui::EndTooltip();
    return;
  }
  ImGui::Text("example %d of the batch", example + 1);
  if (c == 0) {
    ImGui::Text("x = %s", format_value(p.X(example, unit), 7).c_str());
  } else {
    const int l = c - 1;
    ImGui::Text("Z%d = %s", c, format_value(p.Z[l](example, unit), 7).c_str());
    ImGui::Text("%s = %s", c == L ? "ŷ" : ("H" + std::to_string(c)).c_str(),
                format_value(p.H[l](example, unit), 7).c_str());
    if (p.M[l].size() > 0) ImGui::Text("mask = %s%s", format_value(p.M[l](example, unit)).c_str(),
                                       p.M[l](example, unit) == 0 ? "  (dropped)" : "");
    const auto last = s.last_phase();
    const bool back_done = last && ((last->kind == PhaseKind::Backward && last->layer <= l) || last->kind == PhaseKind::Update);
    if (back_done && p.dZ[l].size() > 0) {
      if (l < L - 1) ImGui::Text("dH%d = %s", c, format_value(p.dH[l](example, unit), 7).c_str());
      ImGui::Text("dZ%d = %s", c, format_value(p.dZ[l](example, unit), 7).c_str());
    }
  }
  ImGui::EndTooltip();
}

void example_picker(AppState& state) {
  const Session& s = *state.session;
  int& n = state.selection.example;
  if (!s.has_pass()) {
    const char* hint = "Step (S) to load a batch: nodes then show one example's values.";
    const bool room = ImGui::CalcTextSize(hint).x <= ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 10.0f;
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", room ? hint : "Step (S) to load a batch.");
    return;
  }
  const int N = s.pass().batch_size();
  n = std::clamp(n, 0, N - 1);
  if (published_button("<", "example_prev")) n = (n + N - 1) % N;
  ImGui::SameLine(0, 2);
  if (published_button(">", "example_next")) n = (n + 1) % N;
  ImGui::SameLine();
  const int row = s.trainer().batch_indices()[n];
  const Dataset& d = s.train();
  std::string x;
  if (d.features() <= 3)
    for (int i = 0; i < d.features(); ++i) x += (i ? ", " : "") + format_value(d.X(row, i), 3);
  ImGui::AlignTextToFramePadding();
  const std::string cls = d.class_names.empty() ? std::to_string(d.labels[row]) : d.class_names[d.labels[row]];
  std::string text = "example " + std::to_string(n + 1) + "/" + std::to_string(N);
  const std::string with_x = text + (x.empty() ? "" : " · x = (" + x + ")") + " · class " + cls;
  // The inputs only when they fit beside the link-mode picker.
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 10.0f;
  text = ImGui::CalcTextSize(with_x.c_str()).x <= room ? with_x : text + " · class " + cls;
  ImGui::TextUnformatted(text.c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The nodes show this example of the current batch: data row %d%s. < > pick another.", row,
                      x.empty() ? "" : (", x = (" + x + ")").c_str());
}

}  // namespace

void show_network_view(AppState& state) {
  if (!state.session) return;
  Session& s = *state.session;
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers();
  example_picker(state);
  const float after_text = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SameLine(std::max(after_text, ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 9.8f));
  static const char* const kModes[] = {"links: auto", "links: w", "links: dW"};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  ImGui::Combo("##links", &state.view.link_mode, kModes, 3);
  publish_last_item("link_mode");
  ImGui::SameLine();
  help_marker("Links: colour = sign (orange −, blue +), thickness = size. 'auto' shows the weights w, and "
              "during the backward pass the gradients dW of the layers already done (tagged dW). Nodes: the "
              "chosen example's value (x, H, ŷ); a crossed-out node is dropped by dropout for this example. "
              "The highlighted band is the layer of the current phase. Hover anything for exact numbers; "
              "click a link to follow its weight in the chain rule.");
  const int mode_value = state.view.link_mode;
  const LinkMode mode = static_cast<LinkMode>(mode_value);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float label_h = ImGui::GetTextLineHeight() * 1.85f + 2;  // two label lines
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(avail.x, std::max(60.0f, avail.y - label_h));
  ImGui::InvisibleButton("##graph", size);
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Graph g = layout_graph(spec, ImVec2(origin.x, origin.y + 4), ImVec2(size.x, size.y - 8));
  const int example = std::clamp(state.selection.example, 0, std::max(0, s.pass().batch_size() - 1));
  const ImVec2 mouse = ImGui::GetMousePos();

  // Highlight band of the current layer.
  const int hl = highlighted_layer(s);
  const float col_gap = size.x / (L + 1);
  if (hl == -2) {
    const float x = origin.x + col_gap * (L + 0.5f);
    draw->AddRectFilled(ImVec2(x - g.radius[L] * 2.2f, origin.y), ImVec2(x + g.radius[L] * 2.2f, origin.y + size.y),
                        IM_COL32(255, 244, 200, 255), 8);
  } else if (hl >= 0) {
    const float pad = g.largest_radius() * 1.6f;
    const float x0 = hl == L ? origin.x : origin.x + col_gap * (hl + 0.5f) - pad;
    const float x1 = hl == L ? origin.x + size.x : origin.x + col_gap * (hl + 1.5f) + pad;
    draw->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x1, origin.y + size.y), IM_COL32(255, 244, 200, 255), 8);
  }

  // Links, and which one is under the pointer.
  double range = 0.0;
  for (int l = 0; l < L; ++l) {
    const bool grad = links_show_gradient(s, l, mode) && s.has_pass() && s.pass().dW[l].size() > 0;
    range = std::max(range, symmetric_range(grad ? s.pass().dW[l] : s.network().W[l]));
  }
  LinkHover hover_link;
  float best = 6.0f;
  const WeightRef& picked = state.selection.weight;
  for (int l = 0; l < L; ++l) {
    const bool grad = links_show_gradient(s, l, mode) && s.has_pass() && s.pass().dW[l].size() > 0;
    const Matrix<float>& m = grad ? s.pass().dW[l] : s.network().W[l];
    for (int r = 0; r < m.rows(); ++r) {
      const bool from_dropped = r > 0 && dropped(s, l, example, r - 1);
      for (int c = 0; c < m.cols(); ++c) {
        const ImVec2 a = g.nodes[l][r], b = g.nodes[l + 1][c];
        const double v = m(r, c);
        const float t = static_cast<float>(std::isfinite(v) ? std::min(1.0, std::fabs(v) / range) : 1.0);
        draw->AddLine(a, b, diverging_colour(v, range, from_dropped ? 0.25f : 0.35f + 0.65f * t), 0.6f + 4.4f * t);
        if (hovered) {
          const float d = segment_distance(mouse, a, b);
          if (d < best) best = d, hover_link = {l, r, c};
        }
      }
    }
    if (grad) {  // a "dW" tag on the links that show gradients
      const ImVec2 p((g.nodes[l][0].x + g.nodes[l + 1][0].x) * 0.5f - ImGui::GetFontSize(), origin.y + 2);
      draw->AddText(p, IM_COL32(120, 60, 0, 255), ("dW" + std::to_string(l + 1)).c_str());
    }
  }
  if (state.selection.has_weight && picked.layer < L) {
    const ImVec2 a = g.nodes[picked.layer][picked.row], b = g.nodes[picked.layer + 1][picked.col];
    draw->AddLine(a, b, IM_COL32(20, 20, 20, 200), 2.0f);
    const ImVec2 mid((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    draw->AddCircleFilled(mid, 4.0f, IM_COL32(20, 20, 20, 255));
  }

  // Nodes.
  int hover_col = -1, hover_unit = -1;
  const float small_font = ImGui::GetFontSize() * 0.72f;
  for (int c = 0; c <= L; ++c) {
    const Matrix<float>* values = column_values(s, c);
    const double col_range = values ? symmetric_range(*values) : 1.0;
    const int first_unit = g.has_bias[c] ? 1 : 0;
    const float radius = g.radius[c];
    for (int i = 0; i < static_cast<int>(g.nodes[c].size()); ++i) {
      const ImVec2 p = g.nodes[c][i];
      if (i < first_unit) {  // bias node "1"
        const float h = radius * 0.8f;
        draw->AddRectFilled(ImVec2(p.x - h, p.y - h), ImVec2(p.x + h, p.y + h), IM_COL32(250, 250, 250, 255), 3);
        draw->AddRect(ImVec2(p.x - h, p.y - h), ImVec2(p.x + h, p.y + h), IM_COL32(120, 125, 135, 255), 3);
        if (radius >= 7) draw->AddText(nullptr, small_font, ImVec2(p.x - small_font * 0.28f, p.y - small_font * 0.5f),
                                        IM_COL32(60, 60, 60, 255), "1");
        continue;
      }
      const int unit = i - first_unit;
      const bool off = dropped(s, c, example, unit);
      const double v = values && example < values->rows() ? (*values)(example, unit) : 0.0;
      draw->AddCircleFilled(p, radius, off || !values ? IM_COL32(245, 245, 245, 255) : diverging_colour(v, col_range));
      draw->AddCircle(p, radius, off ? IM_COL32(160, 160, 160, 255) : IM_COL32(70, 75, 85, 255), 0, off ? 1.0f : 1.5f);
      if (off) {
        const float k = radius * 0.6f;
        draw->AddLine(ImVec2(p.x - k, p.y - k), ImVec2(p.x + k, p.y + k), IM_COL32(150, 40, 40, 255), 2.0f);
        draw->AddLine(ImVec2(p.x - k, p.y + k), ImVec2(p.x + k, p.y - k), IM_COL32(150, 40, 40, 255), 2.0f);
      } else if (values && radius >= 15) {
        const std::string text = format_value(v, 2);
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(small_font, FLT_MAX, 0, text.c_str());
        const bool dark = std::fabs(v) / col_range > 0.6;
        draw->AddText(nullptr, small_font, ImVec2(p.x - ts.x * 0.5f, p.y - ts.y * 0.5f),
                      dark ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 30, 255), text.c_str());
      }
      const float dx = mouse.x - p.x, dy = mouse.y - p.y;
      if (hovered && dx * dx + dy * dy <= (radius + 2) * (radius + 2)) hover_col = c, hover_unit = unit;
    }
  }

  // Column labels: the layer and its width, then (smaller, grey) its activation and dropout.
  const float small = ImGui::GetFontSize() * 0.8f;
  for (int c = 0; c <= L; ++c) {
    const std::string name = (c == 0 ? "X" : c == L ? "Ŷ" : "H" + std::to_string(c)) + " (" +
                             std::to_string(c == 0 ? spec.inputs : spec.units(c - 1)) + ")";
    std::string detail = c == 0 ? "inputs" : c == L ? output_name(spec.output) : activation_name(spec.hidden[c - 1].activation);
    if (c > 0 && c < L && spec.hidden[c - 1].dropout > 0) detail += ", drop " + format_value(spec.hidden[c - 1].dropout, 2);
    const float centre = origin.x + col_gap * (c + 0.5f);
    const ImVec2 ts = ImGui::CalcTextSize(name.c_str());
    const ImVec2 ds = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, 0, detail.c_str());
    draw->AddText(ImVec2(std::clamp(centre - ts.x * 0.5f, origin.x, origin.x + size.x - ts.x), origin.y + size.y + 1),
                  IM_COL32(40, 45, 55, 255), name.c_str());
    draw->AddText(nullptr, small,
                  ImVec2(std::clamp(centre - ds.x * 0.5f, origin.x, origin.x + size.x - ds.x), origin.y + size.y + 1 + ts.y),
                  IM_COL32(105, 110, 120, 255), detail.c_str());
  }
  ImGui::Dummy(ImVec2(size.x, label_h));

  if (hover_col >= 0) {
    node_tooltip(s, hover_col, hover_unit, example);
  } else if (hover_link.layer >= 0) {
    const ImVec2 a = g.nodes[hover_link.layer][hover_link.row], b = g.nodes[hover_link.layer + 1][hover_link.col];
    draw->AddLine(a, b, IM_COL32(0, 0, 0, 255), 2.5f);
    link_tooltip(s, hover_link);
    if (clicked) {
      state.selection.has_weight = true;
      state.selection.weight = {hover_link.layer, hover_link.row, hover_link.col};
      state.view.show_chain_rule = true;
    }
  }
}

}  // namespace mlp::ui
