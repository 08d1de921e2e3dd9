// Network view: the MLP as a graph. Columns of nodes (inputs, hidden layers, outputs) with a
// bias node "1" on top of every column that feeds a layer; links coloured by the sign and
// drawn as thick as the size of the weight, or of its gradient dW during the backward pass;
// nodes filled with the chosen example's values; dropped units crossed out; the layer of the
// current phase highlighted; hover shows exact values, a click on a link picks that weight
// for the chain-rule view. A layer too large to draw whole (MNIST's 784 pixels, 100 or 512
// hidden units) shows its 16 strongest units, numbered, above a "+768" marker that says
// which and why; links are drawn only between shown nodes (a few hundred, never 785×512),
// coloured on ranges phase_info computes once per phase.
#include "app/i18n.hpp"
#include "app/run_views.hpp"
#include "app/widgets.hpp"
#include "platform/js_bridge.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace mlp::ui {

namespace {

enum class LinkMode { Auto, Weights, Gradients };

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

// A column with more units than this (MNIST's 784 pixels, hidden layers of 100 or 512) shows
// only some of them: at most kMaxSubset, fewer when the graph is too short for their numbers
// to be read. The toys' layers (at most 32 units) and the glyphs' 25 pixels show whole.
constexpr int kMaxWholeColumn = 32;
constexpr int kMaxSubset = 16;
constexpr int kMinSubset = 4;

// One column of the graph as drawn this frame.
struct Column {
  std::vector<int> units;     // the units shown (indices into the layer, ascending)
  int total = 0;              // units in the layer
  bool has_bias = false;      // column feeds a layer (all but the output column)
  std::vector<ImVec2> nodes;  // the bias node (if any), then one per shown unit
  ImVec2 more;                // where the "more units" marker goes (subset only)
  float radius = 0;
  bool subset() const { return static_cast<int>(units.size()) < total; }
  // Node of row `row` of the weight matrix this column feeds (0 = bias), or null when not shown.
  const ImVec2* row_node(int row) const {
    if (row == 0) return has_bias ? &nodes[0] : nullptr;
    return unit_node(row - 1);
  }
  const ImVec2* unit_node(int unit) const {
    const auto it = std::lower_bound(units.begin(), units.end(), unit);
    if (it == units.end() || *it != unit) return nullptr;
    return &nodes[(has_bias ? 1 : 0) + (it - units.begin())];
  }
};

// The geometry of one frame's drawing.
struct Graph {
  std::vector<Column> columns;  // 0 = inputs, then one per layer
  float largest_radius() const {
    float r = 0;
    for (const Column& c : columns) r = std::max(r, c.radius);
    return r;
  }
};

// Units of column c to draw: all of a small layer; of a large one the `count` strongest
// (inputs: |x| · ‖W1 row‖ of the chosen example once a batch is loaded, so the pixels that
// feed the hidden layer most; otherwise the norm of the unit's outgoing weights), always with
// the endpoints of the picked weight; ascending.
std::vector<int> shown_units(const Session& s, const NetworkSummary& net, const WeightRef* picked, int c, int example,
                             int count) {
  const NetworkSpec& spec = s.network().spec;
  const int total = c == 0 ? spec.inputs : spec.units(c - 1);
  std::vector<int> units(total);
  for (int i = 0; i < total; ++i) units[i] = i;
  if (total <= kMaxWholeColumn) return units;
  std::vector<float> score(total, 0.0f);
  if (c < static_cast<int>(net.strength.size())) score = net.strength[c];
  if (c == 0 && valid_columns(s) > 0 && example < s.pass().X.rows())
    for (int i = 0; i < total; ++i) score[i] *= std::fabs(s.pass().X(example, i));
  std::vector<int> must;
  if (picked && picked->layer == c && picked->row > 0) must.push_back(picked->row - 1);
  if (picked && picked->layer + 1 == c) must.push_back(picked->col);
  auto stronger = [&](int a, int b) {
    const bool ma = std::find(must.begin(), must.end(), a) != must.end();
    const bool mb = std::find(must.begin(), must.end(), b) != must.end();
    if (ma != mb) return ma;
    return score[a] != score[b] ? score[a] > score[b] : a < b;
  };
  std::partial_sort(units.begin(), units.begin() + count, units.end(), stronger);
  units.resize(count);
  std::sort(units.begin(), units.end());
  return units;
}

// Why column c shows the units it shows (the marker's tooltip).
std::string subset_reason(const Session& s, const Column& col, int c) {
  const int shown = static_cast<int>(col.units.size());
  const std::string W = weight_name(c);
  if (c == 0 && valid_columns(s) > 0)
    return printf_string(tr("%d of %d inputs shown: those that feed %s most for the chosen example, the largest "
                            "|x| · ‖%s row‖ (the input times the size of its outgoing weights). They change with "
                            "the example and the batch."),
                         shown, col.total, layer_label(s.network().spec, 0).c_str(), W.c_str());
  if (c == 0)
    return printf_string(tr("%d of %d inputs shown: those with the largest outgoing weights ‖%s row‖. Once a batch "
                            "is loaded, those that feed the first layer most for the chosen example."),
                         shown, col.total, W.c_str());
  return printf_string(tr("%d of %d units shown: those with the largest outgoing weights ‖%s row‖ as this batch "
                          "used them (the strongest links to the next layer)."),
                       shown, col.total, W.c_str());
}

// Columns spaced evenly; rows spaced for the tallest layer, except that a taller input column
// (the glyphs' 25 pixels) is packed on its own so that it does not shrink every layer's nodes.
// A column showing a subset has one more row at the bottom for its "more units" marker.
Graph layout_graph(std::vector<Column> columns, ImVec2 origin, ImVec2 size) {
  Graph g;
  const int n = static_cast<int>(columns.size());
  const float col_gap = size.x / n;
  auto count = [&](int c) {
    const Column& col = columns[c];
    return static_cast<int>(col.units.size()) + (col.has_bias ? 1 : 0) + (col.subset() ? 1 : 0);
  };
  int tallest = 2;
  for (int c = 1; c < n; ++c) tallest = std::max(tallest, count(c));
  for (int c = 0; c < n; ++c) {
    Column& col = columns[c];
    const float row_gap = size.y / std::max(tallest, count(c));
    col.radius = std::clamp(std::min(col_gap * 0.16f, row_gap * 0.42f), 2.5f, 17.0f);
    const float x = origin.x + col_gap * (c + 0.5f);
    const float y0 = origin.y + size.y * 0.5f - row_gap * (count(c) - 1) * 0.5f;
    const int nodes = count(c) - (col.subset() ? 1 : 0);
    for (int i = 0; i < nodes; ++i) col.nodes.push_back(ImVec2(x, y0 + row_gap * i));
    col.more = ImVec2(x, y0 + row_gap * nodes);
  }
  g.columns = std::move(columns);
  return g;
}

struct LinkHover {
  int layer = -1, row = -1, col = -1;
};

void link_tooltip(const Session& s, const LinkHover& h) {
  const NetworkSpec& spec = s.network().spec;
  const std::string W = weight_name(h.layer);
  const std::string from = h.row == 0 ? printf_string(tr("bias (the 1 of [1 %s])"), input_name(h.layer).c_str())
                                      : printf_string(tr("%s unit %d"), input_name(h.layer).c_str(), h.row);
  ImGui::BeginTooltip();
  ImGui::Text(tr("%s[%d, %d]: from %s to %s unit %d"), W.c_str(), h.row, h.col, from.c_str(),
              layer_label(spec, h.layer).c_str(), h.col + 1);
  ImGui::Text("w  = %s", format_value(s.network().W[h.layer](h.row, h.col), 7).c_str());
  const auto& dW = s.pass().dW;
  if (s.has_pass() && h.layer < static_cast<int>(dW.size()) && dW[h.layer].size() > 0)
    ImGui::Text(tr("dW = %s  (last computed gradient)"), format_value(dW[h.layer](h.row, h.col), 7).c_str());
  ImGui::TextDisabled("%s", tr("click: follow this weight in the chain-rule tab"));
  ImGui::EndTooltip();
}

void node_tooltip(const Session& s, int c, int unit, int example) {
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers();
  const Pass<float>& p = s.pass();
  ImGui::BeginTooltip();
  const Dataset& d = s.train();
  if (c == 0 && d.image_width > 0) {
    ImGui::Text(tr("input x%d: pixel (row %d, column %d) of the %d×%d image"), unit + 1, unit / d.image_width + 1,
                unit % d.image_width + 1, d.image_width, d.image_height);
  } else if (c == 0 && unit < static_cast<int>(d.feature_names.size())) {
    ImGui::Text(tr("input x%d = %s (an input feature of the point)"), unit + 1, d.feature_names[unit].c_str());
  } else if (c == 0) {
    ImGui::Text(tr("input x%d"), unit + 1);
  } else {
    ImGui::Text(tr("%s unit %d (%s)"), layer_label(spec, c - 1).c_str(), unit + 1,
                c == L ? output_name(spec.output) : activation_name(spec.hidden[c - 1].activation));
  }
  if (c >= valid_columns(s)) {
    ImGui::TextDisabled("%s", tr("not computed yet for this batch"));
    ImGui::EndTooltip();
    return;
  }
  ImGui::Text(tr("example %d of the batch"), example + 1);
  if (c == 0) {
    ImGui::Text("x = %s", format_value(p.X(example, unit), 7).c_str());
  } else {
    const int l = c - 1;
    ImGui::Text("Z%d = %s", c, format_value(p.Z[l](example, unit), 7).c_str());
    ImGui::Text("%s = %s", c == L ? "ŷ" : ("H" + std::to_string(c)).c_str(),
                format_value(p.H[l](example, unit), 7).c_str());
    if (p.M[l].size() > 0) ImGui::Text(tr("mask = %s%s"), format_value(p.M[l](example, unit)).c_str(),
                                       p.M[l](example, unit) == 0 ? tr("  (dropped)") : "");
    const auto last = s.last_phase();
    const bool back_done = last && ((last->kind == PhaseKind::Backward && last->layer <= l) || last->kind == PhaseKind::Update);
    if (back_done && p.dZ[l].size() > 0) {
      if (l < L - 1) ImGui::Text("dH%d = %s", c, format_value(p.dH[l](example, unit), 7).c_str());
      ImGui::Text("dZ%d = %s", c, format_value(p.dZ[l](example, unit), 7).c_str());
    }
  }
  ImGui::EndTooltip();
}

// The chosen example of the batch with < > to pick another; returns a new pick (also when the
// chosen one no longer exists in this batch).
std::optional<int> example_picker(const Session& s, int chosen) {
  if (!s.has_pass()) {
    const char* hint = tr("Step (S) to load a batch: nodes then show one example's values.");
    const bool room = ImGui::CalcTextSize(hint).x <= ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 10.0f;
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", room ? hint : tr("Step (S) to load a batch."));
    return std::nullopt;
  }
  const int N = s.pass().batch_size();
  int n = std::clamp(chosen, 0, N - 1);
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
  const std::string cls = d.is_regression()      ? " · y = " + format_value(d.targets(row, 0), 3)
                          : d.class_names.empty() ? printf_string(tr(" · class %d"), d.labels[row])
                                                  : printf_string(tr(" · class %s"), d.class_names[d.labels[row]].c_str());
  std::string text = printf_string(tr("example %d/%d"), n + 1, N);
  const std::string with_x = text + (x.empty() ? "" : " · x = (" + x + ")") + cls;
  // The inputs only when they fit beside the link-mode picker.
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 10.0f;
  text = ImGui::CalcTextSize(with_x.c_str()).x <= room ? with_x : text + cls;
  ImGui::TextUnformatted(text.c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(tr("The nodes show this example of the current batch: data row %d%s. < > pick another."), row,
                      x.empty() ? "" : (", x = (" + x + ")").c_str());
  if (n == chosen) return std::nullopt;
  return n;
}

// The highlight band of the current phase's layer.
void draw_band(const Session& s, const Graph& g, ImDrawList* draw, ImVec2 origin, ImVec2 size) {
  const int L = s.network().spec.layers();
  const int hl = highlighted_layer(s);
  const float col_gap = size.x / (L + 1);
  if (hl == -2) {
    const float x = origin.x + col_gap * (L + 0.5f), r = g.columns[L].radius;
    draw->AddRectFilled(ImVec2(x - r * 2.2f, origin.y), ImVec2(x + r * 2.2f, origin.y + size.y), IM_COL32(255, 244, 200, 255), 8);
  } else if (hl >= 0) {
    const float pad = g.largest_radius() * 1.6f;
    const float x0 = hl == L ? origin.x : origin.x + col_gap * (hl + 0.5f) - pad;
    const float x1 = hl == L ? origin.x + size.x : origin.x + col_gap * (hl + 1.5f) + pad;
    draw->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x1, origin.y + size.y), IM_COL32(255, 244, 200, 255), 8);
  }
}

// The links between shown nodes (a few hundred at most), coloured on one range for all
// layers; returns the link nearest the pointer (indices into the whole weight matrices).
LinkHover draw_links(const Session& s, const NetworkSummary& net, const Graph& g, LinkMode mode, int example,
                     bool hovered, ImDrawList* draw, float top) {
  const int L = s.network().spec.layers();
  auto shows_gradient = [&](int l) { return links_show_gradient(s, l, mode) && net.gradient_range[l] > 0; };
  double range = 0.0;
  for (int l = 0; l < L; ++l) range = std::max(range, shows_gradient(l) ? net.gradient_range[l] : net.weight_range[l]);
  const ImVec2 mouse = ImGui::GetMousePos();
  LinkHover hover;
  float best = 6.0f;
  for (int l = 0; l < L; ++l) {
    const bool grad = shows_gradient(l);
    const Matrix<float>& m = grad ? s.pass().dW[l] : s.network().W[l];
    const Column& from = g.columns[l];
    const Column& to = g.columns[l + 1];
    for (int i = 0; i < static_cast<int>(from.nodes.size()); ++i) {
      const int r = i == 0 ? 0 : from.units[i - 1] + 1;  // row of W: 0 bias, then unit + 1
      const bool from_dropped = r > 0 && dropped(s, l, example, r - 1);
      for (size_t j = 0; j < to.units.size(); ++j) {
        const int c = to.units[j];
        const ImVec2 a = from.nodes[i], b = *to.unit_node(c);
        const double v = m(r, c);
        const float t = static_cast<float>(std::isfinite(v) ? std::min(1.0, std::fabs(v) / range) : 1.0);
        draw->AddLine(a, b, diverging_colour(v, range, from_dropped ? 0.25f : 0.35f + 0.65f * t), 0.6f + 4.4f * t);
        if (hovered) {
          const float d = segment_distance(mouse, a, b);
          if (d < best) best = d, hover = {l, r, c};
        }
      }
    }
    if (grad) {  // a "dW" tag on the links that show gradients
      const ImVec2 p((from.nodes[0].x + to.nodes[0].x) * 0.5f - ImGui::GetFontSize(), top + 2);
      draw->AddText(p, IM_COL32(120, 60, 0, 255), ("dW" + std::to_string(l + 1)).c_str());
    }
  }
  return hover;
}

// Where the nodes of link W_l[row, col] are, when both are shown.
bool link_ends(const Graph& g, const WeightRef& w, ImVec2& a, ImVec2& b) {
  if (w.layer < 0 || w.layer + 1 >= static_cast<int>(g.columns.size())) return false;
  const ImVec2* from = g.columns[w.layer].row_node(w.row);
  const ImVec2* to = g.columns[w.layer + 1].unit_node(w.col);
  if (!from || !to) return false;
  a = *from, b = *to;
  return true;
}

// Nodes filled with the chosen example's values, each published as network_node_<column>_<unit>
// (browser tests); returns the node under the pointer (its column, and its unit in the layer),
// or column −1.
std::pair<int, int> draw_nodes(const Session& s, const NetworkSummary& net, const Graph& g, int example, bool hovered,
                               ImDrawList* draw) {
  std::pair<int, int> hover{-1, -1};
  const ImVec2 mouse = ImGui::GetMousePos();
  const float small_font = ImGui::GetFontSize() * 0.72f;
  for (int c = 0; c < static_cast<int>(g.columns.size()); ++c) {
    const Column& col = g.columns[c];
    const Matrix<float>* values = column_values(s, c);
    const double col_range = values ? net.value_range[c] : 1.0;
    const float radius = col.radius;
    if (col.has_bias) {  // bias node "1"
      const ImVec2 p = col.nodes[0];
      const float h = radius * 0.8f;
      draw->AddRectFilled(ImVec2(p.x - h, p.y - h), ImVec2(p.x + h, p.y + h), IM_COL32(250, 250, 250, 255), 3);
      draw->AddRect(ImVec2(p.x - h, p.y - h), ImVec2(p.x + h, p.y + h), IM_COL32(120, 125, 135, 255), 3);
      if (radius >= 7) draw->AddText(nullptr, small_font, ImVec2(p.x - small_font * 0.28f, p.y - small_font * 0.5f),
                                      IM_COL32(60, 60, 60, 255), "1");
    }
    for (size_t k = 0; k < col.units.size(); ++k) {
      const int unit = col.units[k];
      const ImVec2 p = col.nodes[(col.has_bias ? 1 : 0) + k];
      const bool off = dropped(s, c, example, unit);
      const double v = values && example < values->rows() ? (*values)(example, unit) : 0.0;
      draw->AddCircleFilled(p, radius, off || !values ? IM_COL32(245, 245, 245, 255) : diverging_colour(v, col_range));
      draw->AddCircle(p, radius, off ? IM_COL32(160, 160, 160, 255) : IM_COL32(70, 75, 85, 255), 0, off ? 1.0f : 1.5f);
      if (off) {
        const float r = radius * 0.6f;
        draw->AddLine(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), IM_COL32(150, 40, 40, 255), 2.0f);
        draw->AddLine(ImVec2(p.x - r, p.y + r), ImVec2(p.x + r, p.y - r), IM_COL32(150, 40, 40, 255), 2.0f);
      } else if (values && radius >= 15) {
        const std::string text = format_value(v, 2);
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(small_font, FLT_MAX, 0, text.c_str());
        const bool dark = std::fabs(v) / col_range > 0.6;
        draw->AddText(nullptr, small_font, ImVec2(p.x - ts.x * 0.5f, p.y - ts.y * 0.5f),
                      dark ? IM_COL32(255, 255, 255, 255) : IM_COL32(20, 20, 30, 255), text.c_str());
      }
      if (col.subset()) {  // which unit of the layer this is (1-based, as in the tooltips)
        const std::string n = std::to_string(unit + 1);
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(small_font, FLT_MAX, 0, n.c_str());
        draw->AddText(nullptr, small_font, ImVec2(p.x - radius - 3 - ts.x, p.y - ts.y * 0.5f), IM_COL32(90, 95, 105, 255),
                      n.c_str());
      }
      bridge::publish_widget(("network_node_" + std::to_string(c) + "_" + std::to_string(unit)).c_str(), p.x - radius,
                             p.y - radius, p.x + radius, p.y + radius);
      const float dx = mouse.x - p.x, dy = mouse.y - p.y;
      if (hovered && dx * dx + dy * dy <= (radius + 2) * (radius + 2)) hover = {c, unit};
    }
  }
  return hover;
}

// The "more units" marker of each column showing a subset: three dots and "+768", published
// as network_more_<column> (browser tests); returns the column whose marker is under the
// pointer, or −1.
int draw_more_markers(const Graph& g, bool hovered, ImDrawList* draw) {
  int hover = -1;
  const ImVec2 mouse = ImGui::GetMousePos();
  const float small_font = ImGui::GetFontSize() * 0.72f;
  for (int c = 0; c < static_cast<int>(g.columns.size()); ++c) {
    const Column& col = g.columns[c];
    if (!col.subset()) continue;
    const ImVec2 p = col.more;
    const float gap = std::max(2.5f, col.radius * 0.55f);
    for (int k = -1; k <= 1; ++k) draw->AddCircleFilled(ImVec2(p.x, p.y + k * gap), 1.6f, IM_COL32(70, 75, 85, 255));
    const std::string more = "+" + std::to_string(col.total - static_cast<int>(col.units.size()));
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(small_font, FLT_MAX, 0, more.c_str());
    draw->AddText(nullptr, small_font, ImVec2(p.x + 5, p.y - ts.y * 0.5f), IM_COL32(90, 95, 105, 255), more.c_str());
    const ImVec2 a(p.x - 8, p.y - gap - 4), b(p.x + 8 + ts.x, p.y + gap + 4);
    bridge::publish_widget(("network_more_" + std::to_string(c)).c_str(), a.x, a.y, b.x, b.y);
    if (hovered && mouse.x >= a.x && mouse.x <= b.x && mouse.y >= a.y && mouse.y <= b.y) hover = c;
  }
  return hover;
}

// Column labels: the layer and its width, then (smaller, grey) its activation and dropout, and
// how many of its units are shown.
void draw_labels(const NetworkSpec& spec, const Graph& g, ImDrawList* draw, ImVec2 origin, ImVec2 size) {
  const int L = spec.layers();
  const float col_gap = size.x / (L + 1);
  const float small = ImGui::GetFontSize() * 0.8f;
  for (int c = 0; c <= L; ++c) {
    const Column& col = g.columns[c];
    const std::string name = (c == 0 ? "X" : c == L ? "Ŷ" : "H" + std::to_string(c)) + " (" + std::to_string(col.total) + ")";
    std::string detail = c == 0 ? tr("inputs") : c == L ? output_name(spec.output) : activation_name(spec.hidden[c - 1].activation);
    if (c > 0 && c < L && spec.hidden[c - 1].dropout > 0)
      detail += printf_string(tr(", drop %s"), format_value(spec.hidden[c - 1].dropout, 2).c_str());
    if (col.subset()) detail += printf_string(tr(", %d shown"), static_cast<int>(col.units.size()));
    const float centre = origin.x + col_gap * (c + 0.5f);
    const ImVec2 ts = ImGui::CalcTextSize(name.c_str());
    const ImVec2 ds = ImGui::GetFont()->CalcTextSizeA(small, FLT_MAX, 0, detail.c_str());
    draw->AddText(ImVec2(std::clamp(centre - ts.x * 0.5f, origin.x, origin.x + size.x - ts.x), origin.y + size.y + 1),
                  IM_COL32(40, 45, 55, 255), name.c_str());
    draw->AddText(nullptr, small,
                  ImVec2(std::clamp(centre - ds.x * 0.5f, origin.x, origin.x + size.x - ds.x), origin.y + size.y + 1 + ts.y),
                  IM_COL32(105, 110, 120, 255), detail.c_str());
  }
}

// The columns to draw this frame in a graph `height` pixels tall: which units each shows.
std::vector<Column> graph_columns(const Session& s, const NetworkSummary& net, const Selection& sel, int example,
                                  float height) {
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers();
  const WeightRef* picked = &sel.weight;
  const int rows = static_cast<int>(height / (ImGui::GetFontSize() * 0.72f * 1.2f));  // rows of numbers that fit
  const int count = std::clamp(rows - 2, kMinSubset, kMaxSubset);                        // less the bias and the marker
  std::vector<Column> columns(L + 1);
  for (int c = 0; c <= L; ++c) {
    columns[c].total = c == 0 ? spec.inputs : spec.units(c - 1);
    columns[c].has_bias = c < L;
    columns[c].units = shown_units(s, net, picked, c, example, count);
  }
  return columns;
}

}  // namespace

Picks show_network_view(NetworkViewState& state, const RunView& in) {
  Picks picks;
  const Session& s = in.session;
  const NetworkSpec& spec = s.network().spec;
  const NetworkSummary& net = in.phase.network;
  picks.example = example_picker(s, in.selection.example);
  const float after_text = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
  ImGui::SameLine(std::max(after_text, ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 9.8f));
  const char* const modes[] = {tr("links: auto"), tr("links: w"), tr("links: dW")};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  ImGui::Combo("##links", &state.link_mode, modes, 3);
  publish_last_item("link_mode");
  ImGui::SameLine();
  help_marker(tr("Links: colour = sign (orange −, blue +), thickness = size. 'auto' shows the weights w, and "
                 "during the backward pass the gradients dW of the layers already done (tagged dW). Nodes: the "
                 "chosen example's value (x, H, ŷ); a crossed-out node is dropped by dropout for this example. "
                 "The highlighted band is the layer of the current phase. Hover anything for exact numbers; "
                 "click a link to follow its weight in the chain rule. A layer of more than 32 units shows up to "
                 "16 of them, numbered beside the nodes; hover the dots below them for which and why."));
  const LinkMode mode = static_cast<LinkMode>(state.link_mode);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float label_h = ImGui::GetTextLineHeight() * 1.85f + 2;  // two label lines
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(avail.x, std::max(60.0f, avail.y - label_h));
  ImGui::InvisibleButton("##graph", size);
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int example = std::clamp(picks.example.value_or(in.selection.example), 0, std::max(0, s.pass().batch_size() - 1));
  const Graph g = layout_graph(graph_columns(s, net, in.selection, example, size.y - 8),
                               ImVec2(origin.x, origin.y + 4), ImVec2(size.x, size.y - 8));

  draw_band(s, g, draw, origin, size);
  const LinkHover hover_link = draw_links(s, net, g, mode, example, hovered, draw, origin.y);
  ImVec2 a, b;
  if (link_ends(g, in.selection.weight, a, b)) {
    draw->AddLine(a, b, IM_COL32(20, 20, 20, 200), 2.0f);
    const ImVec2 mid((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
    draw->AddCircleFilled(mid, 4.0f, IM_COL32(20, 20, 20, 255));
    bridge::publish_widget("network_picked", mid.x - 4, mid.y - 4, mid.x + 4, mid.y + 4);
  }
  const auto [hover_col, hover_unit] = draw_nodes(s, net, g, example, hovered, draw);
  const int hover_more = draw_more_markers(g, hovered, draw);
  draw_labels(spec, g, draw, origin, size);
  ImGui::Dummy(ImVec2(size.x, label_h));

  if (hover_col >= 0) {
    node_tooltip(s, hover_col, hover_unit, example);
  } else if (hover_more >= 0) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(subset_reason(s, g.columns[hover_more], hover_more).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  } else if (hover_link.layer >= 0 && link_ends(g, {hover_link.layer, hover_link.row, hover_link.col}, a, b)) {
    draw->AddLine(a, b, IM_COL32(0, 0, 0, 255), 2.5f);
    link_tooltip(s, hover_link);
    if (clicked) picks.weight = WeightRef{hover_link.layer, hover_link.row, hover_link.col};
  }
  return picks;
}

}  // namespace mlp::ui
