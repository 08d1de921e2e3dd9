// Matrix view: every matrix the current phase read and wrote, as heatmaps side by side with
// name, shape and the formula that made it; numbers printed when the matrix is small, the exact
// value on hover. Rows of batch matrices are examples (the chosen one is outlined); a click on
// a cell of W or dW picks that weight for the chain-rule view. In the update phase each layer
// shows W before, dW and W after side by side on one colour range. A matrix too large to draw
// cell by cell (MNIST's 256×785 [1 X], 785×512 W1) shows a sample, says which rows and columns,
// and summarises the whole matrix (min, mean, max, rms); hover and clicks give the whole
// matrix's indices.
#include "app/i18n.hpp"
#include "app/run_views.hpp"
#include "app/widgets.hpp"

#include <algorithm>
#include <string>

namespace mlp::ui {

namespace {

// The lines under a sampled matrix, fitted to `width`: which part is drawn, and the whole
// matrix's summary ("" when the matrix is drawn whole).
std::string sample_note(const PhaseMatrix& pm, float width) {
  if (pm.sample.empty()) return "";
  std::vector<std::string> parts;
  for (size_t start = 0; start != std::string::npos;) {  // "first 32 of 256 rows, every 20th of 785 columns"
    const size_t comma = pm.sample.find(", ", start);
    parts.push_back(pm.sample.substr(start, comma == std::string::npos ? comma : comma - start));
    start = comma == std::string::npos ? comma : comma + 2;
  }
  parts.front() = printf_string(tr("shows %s"), parts.front().c_str());
  return join_lines(parts, width) + "\n" + join_lines(stats_parts(pm.stats), width);
}

// Height of sample_note() (0 when the matrix is drawn whole).
float note_height(const PhaseMatrix& pm, float width) {
  if (pm.sample.empty()) return 0;
  return ImGui::CalcTextSize(sample_note(pm, width).c_str()).y + ImGui::GetStyle().ItemSpacing.y;
}

// Draws one matrix card: its name and shape (hover: how it was made), its heatmap, and for a
// sample which part it shows and the whole matrix's summary.
void matrix_card(const Selection& sel, Picks& picks, const PhaseMatrix& pm, int index, float max_w, float max_h) {
  ImGui::BeginGroup();
  const ImVec4 colour = pm.written ? ImVec4(0.05f, 0.35f, 0.65f, 1.0f) : ImVec4(0.15f, 0.17f, 0.22f, 1.0f);
  ImGui::TextColored(colour, "%s", pm.name.c_str());
  if (!pm.formula.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", pm.formula.c_str());
  ImGui::SameLine(0, 4);
  ImGui::TextDisabled("%s", shape_text(pm.stats.rows, pm.stats.cols).c_str());
  HeatmapStyle style;
  style.range = pm.range;
  style.first_row_ones = pm.ones_column;
  if (!pm.shown_rows.empty()) style.row_index = &pm.shown_rows;
  if (!pm.shown_cols.empty()) style.col_index = &pm.shown_cols;
  if (pm.example_rows) style.highlight_row = sel.example;
  if (pm.weight_layer >= 0 && sel.weight.layer == pm.weight_layer) {
    style.highlight_row = sel.weight.row;
    style.highlight_col = sel.weight.col;
  }
  const std::string id = "##m" + std::to_string(index);
  const HeatmapHover h = heatmap(id.c_str(), pm.name.c_str(), pm.value, max_w, max_h, style);
  if (h.clicked && pm.weight_layer >= 0) {
    picks.weight = WeightRef{pm.weight_layer, h.row, h.col};
  } else if (h.clicked && pm.example_rows) {
    picks.example = h.row;
  }
  if (!pm.sample.empty()) {
    ImGui::TextDisabled("%s", sample_note(pm, max_w).c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(tr("%s is %s: too large to draw cell by cell, so the heatmap shows %s (hover a cell for its "
                           "place in the whole matrix). The figures summarise the whole matrix."),
                        pm.name.c_str(), shape_text(pm.stats.rows, pm.stats.cols).c_str(), pm.sample.c_str());
  }
  ImGui::EndGroup();
}

// One equation: its formula, then its matrices side by side with the operators between them.
void equation_row(const Selection& sel, Picks& picks, const PhaseView& v, const Equation& eq, int row, float avail_w, float max_h) {
  ImGui::TextColored(ImVec4(0.05f, 0.30f, 0.60f, 1.0f), "%s", eq.text.c_str());
  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = style.ItemSpacing.x;
  float ops_w = 0;
  int matrices = 0;
  for (const auto& t : eq.terms) {
    if (t.matrix < 0) ops_w += ImGui::CalcTextSize(t.op.c_str()).x + gap;
    else ++matrices;
  }
  const float max_w = std::max(40.0f, (avail_w - ops_w - matrices * gap) / std::max(1, matrices));
  float heat_h = 0, notes_h = 0;
  for (const auto& t : eq.terms)
    if (t.matrix >= 0) notes_h = std::max(notes_h, note_height(v.matrices[t.matrix], max_w));
  const float heat_max_h = std::max(40.0f, max_h - notes_h);  // the notes stay in view with the heatmaps
  for (const auto& t : eq.terms)
    if (t.matrix >= 0) {
      const Matrix<float>& m = v.matrices[t.matrix].value;
      heat_h = std::max(heat_h, heatmap_size(m.rows(), m.cols(), max_w, heat_max_h).y);
    }
  const float title_h = ImGui::GetTextLineHeightWithSpacing();
  const float top = ImGui::GetCursorPosY();
  for (size_t i = 0; i < eq.terms.size(); ++i) {
    const EquationTerm& t = eq.terms[i];
    if (i > 0) ImGui::SameLine(0, gap);
    if (t.matrix >= 0) {
      ImGui::SetCursorPosY(top);
      matrix_card(sel, picks, v.matrices[t.matrix], row * 16 + static_cast<int>(i), max_w, heat_max_h);
    } else {
      ImGui::SetCursorPosY(top + title_h + heat_h * 0.5f - ImGui::GetTextLineHeight() * 0.5f);
      ImGui::TextUnformatted(t.op.c_str());
    }
  }
  ImGui::SetCursorPosY(top + title_h + heat_h + notes_h + style.ItemSpacing.y);
  ImGui::Dummy(ImVec2(1, 2));
}

}  // namespace

Picks show_matrix_view(const RunView& in) {
  Picks picks;
  const PhaseView& v = in.phase;
  const Selection& sel = in.selection;
  ImGui::TextColored(ImVec4(0.05f, 0.30f, 0.60f, 1.0f), "%s", v.phase.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", tr("— dark names: read; blue: written"));
  ImGui::SameLine();
  help_marker(tr("The matrices of the phase shown in the status line, one equation per row, each matrix with its "
                 "name and shape (hover the name: what it is). Rows of X, H, Z, Ŷ, dZ, dH are the batch's "
                 "examples (the outlined row is the example shown in the network). Numbers appear when a matrix "
                 "is small; a large one shows a sample (the first rows, evenly spaced columns), says which, "
                 "and summarises the whole matrix. Hover any cell for its exact value. Click a cell of W or dW to follow that weight in "
                 "the chain-rule tab, a row to show that example."));
  for (size_t i = 0; i < v.numpy.size(); ++i) {
    ImGui::TextColored(ImVec4(0.12f, 0.42f, 0.18f, 1.0f), "%s%s", i == 0 ? tr("numpy: ") : "       ", v.numpy[i].c_str());
    if (i == 0) {
      ImGui::SameLine();
      help_marker(tr("The same phase in the numpy of the lecture's notebooks (prepend_bias, np.matmul, sigmoid, ReLU, "
                     "softmax, back), with this batch's shapes. The names are the playground's in lower case."));
    }
  }

  const bool example_hidden = std::any_of(v.matrices.begin(), v.matrices.end(), [&](const PhaseMatrix& m) {
    return m.example_rows && !m.shown_rows.empty() &&
           std::find(m.shown_rows.begin(), m.shown_rows.end(), sel.example) == m.shown_rows.end();
  });
  if (example_hidden)
    ImGui::TextDisabled(tr("The chosen example (%d) is not among the rows shown: pick one of the first %d to see it "
                           "outlined."), sel.example + 1, kMaxExampleRows);
  ImGui::BeginChild("##matrices", ImVec2(0, 0), false, ImGuiWindowFlags_HorizontalScrollbar);
  const float avail_w = ImGui::GetContentRegionAvail().x;
  // Each equation may take the whole height (so small matrices show their numbers); two fit
  // on a large screen, otherwise the view scrolls.
  const int rows = static_cast<int>(v.equations.size());
  const float header = ImGui::GetTextLineHeightWithSpacing() * 2.0f + ImGui::GetStyle().ItemSpacing.y * 2;
  const float max_h = std::max(100.0f, ImGui::GetContentRegionAvail().y - header);
  for (int i = 0; i < rows; ++i) equation_row(sel, picks, v, v.equations[i], i, avail_w, max_h);
  ImGui::EndChild();
  return picks;
}

Picks show_phase_details(DetailsState& state, const RunView& in, const std::string& id_prefix) {
  Picks picks;
  if (!ImGui::BeginTabBar(("##details_" + id_prefix).c_str())) return picks;
  const PageConfig& page = in.session.setup().page;  // a link can hide either tab
  if (!page.hidden("matrices") && begin_tab(tr("Matrices of this phase"), ("tab_" + id_prefix + "matrices").c_str())) {
    picks.add(show_matrix_view(in));
    ImGui::EndTabItem();
  }
  if (!page.hidden("chain") &&
      begin_tab(tr("Chain rule for one weight"), ("tab_" + id_prefix + "chain").c_str(), state.chain_tab.take())) {
    picks.add(show_chain_rule_view(state.chain, in));
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  return picks;
}

}  // namespace mlp::ui
