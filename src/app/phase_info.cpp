// Formulas and matrices of the current phase; see phase_info.hpp.
#include "app/phase_info.hpp"

#include "nn/numpy_lines.hpp"
#include "app/i18n.hpp"
#include "app/widgets.hpp"
#include "nn/activation.hpp"
#include "nn/loss.hpp"

#include <algorithm>

namespace mlp::ui {

std::string activation_symbol(Activation a) { return activation_entry<float>(a).symbol; }

namespace {

std::string dims(long r, long c) { return std::to_string(r) + "×" + std::to_string(c); }

std::string output_phi(Output o) {
  switch (o) {
    case Output::Softmax: return "softmax";
    case Output::Sigmoid: return "σ";
    case Output::Linear: return "id";
  }
  return "?";
}

std::string loss_formula(Output o) {
  switch (o) {
    case Output::Softmax: return "L = −(1/N) Σ Y ∗ ln Ŷ";
    case Output::Sigmoid: return "L = −(1/N) Σ [Y ln Ŷ + (1 − Y) ln(1 − Ŷ)]";
    case Output::Linear: return "L = (1/2N) Σ (Ŷ − Y)²";
  }
  return "L";
}

std::string h_name(int l, int L) { return l == L - 1 ? "Ŷ" : "H" + std::to_string(l + 1); }
std::string z_name(int l) { return "Z" + std::to_string(l + 1); }

// The batch the pass belongs to, 1-based: after an update it is the one just finished.
std::string where_text(const Session& s) {
  const Trainer<float>& t = s.trainer();
  const int n = t.batches_per_epoch();
  long epoch = t.epoch(), batch = t.batch();
  const auto last = s.last_phase();
  if (last && last->kind == PhaseKind::Update && t.iteration() > 0) {
    epoch = (t.iteration() - 1) / n;
    batch = (t.iteration() - 1) % n;
  }
  return printf_string(tr("epoch %ld · batch %ld of %d · iteration %ld"), epoch + 1, batch + 1, n, t.iteration());
}

// "forward 1", "loss", "backward 2", "update" in the page's language (the core's phase_label in English).
std::string phase_text(const Phase& p) {
  switch (p.kind) {
    case PhaseKind::Forward: return printf_string(tr("forward %d"), p.layer + 1);
    case PhaseKind::Loss: return tr("loss");
    case PhaseKind::Backward: return printf_string(tr("backward %d"), p.layer + 1);
    case PhaseKind::Update: return tr("update");
  }
  return "?";
}

std::string forward_formula(const Session& s, int l) {
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers(), N = s.pass().batch_size();
  const int in = spec.fan_in(l) + 1, out = spec.units(l);
  std::string f = z_name(l) + " = [1 " + input_name(l) + "] · " + weight_name(l) + "   (" + dims(N, in) + ")·(" +
                  dims(in, out) + ")";
  if (l == L - 1) return f + ";   Ŷ = " + output_phi(spec.output) + "(" + z_name(l) + ")";
  f += ";   " + h_name(l, L) + " = " + activation_symbol(spec.hidden[l].activation) + "(" + z_name(l) + ")";
  if (spec.hidden[l].dropout > 0) f += " ∗ M" + std::to_string(l + 1) + tr("  (dropout mask)");
  return f;
}

std::string backward_formula(const Session& s, int l) {
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers(), N = s.pass().batch_size();
  const int in = spec.fan_in(l) + 1, out = spec.units(l);
  const std::string k = std::to_string(l + 1);
  std::string f;
  if (l == L - 1) {
    f = "dZ" + k + " = Ŷ − Y";
  } else {
    f = "dZ" + k + " = dH" + k + " ∗ " + activation_symbol(spec.hidden[l].activation) + "'(Z" + k + ")";
    if (spec.hidden[l].dropout > 0) f += " ∗ M" + k;
  }
  f += ";   dW" + k + " = [1 " + input_name(l) + "]ᵀ · dZ" + k + " / N   (" + dims(in, N) + ")·(" + dims(N, out) + ")";
  if (l > 0)
    f += ";   dH" + std::to_string(l) + " = dZ" + k + " · W" + k + "[1:]ᵀ   (" + dims(N, out) + ")·(" +
         dims(out, in - 1) + ")";
  return f;
}

// The step's gradient as the update uses it: "dW", or "(dW + λ₂·W + λ₁·sign W)" with penalties.
std::string step_gradient(const TrainConfig& c, const std::string& dW, const std::string& W) {
  if (c.l1 <= 0 && c.l2 <= 0) return dW;
  return "(" + dW + (c.l2 > 0 ? " + λ₂·" + W : "") + (c.l1 > 0 ? " + λ₁·sign " + W : "") + ")";
}

// The optimiser's rule for W with step gradient G, as the lecture's board would write it.
std::string update_rule(const OptimizerConfig& o, const std::string& W, const std::string& G) {
  switch (o.kind) {
    case Optimizer::SGD: return W + " ← " + W + " − α·" + G;
    case Optimizer::Momentum: return "V ← μ·V − α·" + G + ",  " + W + " ← " + W + " + V";
    case Optimizer::Adam:
      return "m ← β₁·m + (1−β₁)·" + G + ",  v ← β₂·v + (1−β₂)·" + G + "²,  " + W + " ← " + W +
             " − α·m̂ / (√v̂ + ε)";
  }
  return "?";
}

// "α = 0.1, μ = 0.9, λ₂ = 0.001 (not on the bias row)"
std::string update_constants(const TrainConfig& c, long t) {
  const OptimizerConfig& o = c.optimizer;
  std::string out = "α = " + format_value(c.learning_rate);
  if (o.kind == Optimizer::Momentum) out += ", μ = " + format_value(o.momentum);
  if (o.kind == Optimizer::Adam)
    out += ", β₁ = " + format_value(o.beta1) + ", β₂ = " + format_value(o.beta2) + ", ε = " + format_value(o.epsilon) +
           ", t = " + std::to_string(t) + ": m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)";
  if (c.l2 > 0) out += ", λ₂ = " + format_value(c.l2);
  if (c.l1 > 0) out += ", λ₁ = " + format_value(c.l1);
  if (c.l1 > 0 || c.l2 > 0) out += tr("; the penalty skips the bias row");
  return out;
}

std::string update_formula(const Session& s) {
  const TrainConfig& c = s.trainer().config();
  return printf_string(tr("%s  for every layer  (%s)"), update_rule(c.optimizer, "W", step_gradient(c, "dW", "W")).c_str(),
                       update_constants(c, s.trainer().optimizer().steps()).c_str());
}

std::string formula(const Session& s, const Phase& p) {
  switch (p.kind) {
    case PhaseKind::Forward: return forward_formula(s, p.layer);
    case PhaseKind::Loss:
      return loss_formula(s.network().spec.output) + " = " + format_value(s.pass().loss) + "   (N = " +
             std::to_string(s.pass().batch_size()) + ")";
    case PhaseKind::Backward: return backward_formula(s, p.layer);
    case PhaseKind::Update: return update_formula(s);
  }
  return "";
}

std::string phase_title(const NetworkSpec& spec, const Phase& p) {
  std::string t = phase_text(p);
  if (p.kind == PhaseKind::Forward || p.kind == PhaseKind::Backward)
    t += p.layer == spec.layers() - 1 ? tr(" (output layer)") : tr(" (hidden layer)");
  return t;
}

int read(PhaseView& v, PhaseMatrix m) {
  v.matrices.push_back(std::move(m));
  return static_cast<int>(v.matrices.size()) - 1;
}

int write(PhaseView& v, PhaseMatrix m) {
  m.written = true;
  return read(v, std::move(m));
}

EquationTerm mat(int index) { return EquationTerm{"", index}; }
EquationTerm op(std::string text) { return EquationTerm{std::move(text), -1}; }

void equation(PhaseView& v, std::string text, std::vector<EquationTerm> terms) {
  v.equations.push_back(Equation{std::move(text), std::move(terms)});
}

// Rows [0, cap) of n when n > cap (else empty: all).
std::vector<int> first_indices(long n, int cap) {
  std::vector<int> shown;
  for (int i = 0; n > cap && i < cap; ++i) shown.push_back(i);
  return shown;
}

// Every k-th of n from 0, k the smallest step that keeps at most cap, when n > cap (else empty: all).
std::vector<int> spread_indices(long n, int cap) {
  std::vector<int> shown;
  const long step = (n + cap - 1) / cap;
  for (long i = 0; n > cap && i < n; i += step) shown.push_back(static_cast<int>(i));
  return shown;
}

// "20th"; in zh-TW the bare number (its format has the words around it).
std::string ordinal(long k) {
  if (current_language() != Language::English) return std::to_string(k);
  const long t = k % 100;
  const char* suffix = (t >= 11 && t <= 13) ? "th" : k % 10 == 1 ? "st" : k % 10 == 2 ? "nd" : k % 10 == 3 ? "rd" : "th";
  return std::to_string(k) + suffix;
}

// "first 32 of 256 rows", "every 20th of 785 columns"; "" when all are shown.
std::string axis_text(const std::vector<int>& shown, long n, bool first, bool rows) {
  if (shown.empty()) return "";
  if (first) return printf_string(tr("first %d of %ld rows"), static_cast<int>(shown.size()), n);
  const std::string step = ordinal(shown.size() > 1 ? shown[1] - shown[0] : n);
  return printf_string(rows ? tr("every %s of %ld rows") : tr("every %s of %ld columns"), step.c_str(), n);
}

// The matrix, or a sample of it when it is too large to draw cell by cell, with its summary.
PhaseMatrix phase_matrix(std::string name, const Matrix<float>& m, bool example_rows, std::string formula) {
  PhaseMatrix pm;
  pm.name = std::move(name);
  pm.formula = std::move(formula);
  pm.example_rows = example_rows ? 1 : 0;
  pm.stats = matrix_stats(m);
  pm.range = pm.stats.range();
  pm.shown_rows = example_rows ? first_indices(m.rows(), kMaxExampleRows) : spread_indices(m.rows(), kMaxCells);
  pm.shown_cols = spread_indices(m.cols(), kMaxCells);
  if (pm.shown_rows.empty() && pm.shown_cols.empty()) {
    pm.value = m;
    return pm;
  }
  const std::string rows = axis_text(pm.shown_rows, m.rows(), example_rows, true);
  const std::string cols = axis_text(pm.shown_cols, m.cols(), false, false);
  pm.sample = rows + (rows.empty() || cols.empty() ? "" : ", ") + cols;
  const long r = pm.shown_rows.empty() ? m.rows() : static_cast<long>(pm.shown_rows.size());
  const long c = pm.shown_cols.empty() ? m.cols() : static_cast<long>(pm.shown_cols.size());
  pm.value.resize(r, c);  // r x c
  for (long i = 0; i < r; ++i)
    for (long j = 0; j < c; ++j)
      pm.value(i, j) = m(pm.shown_rows.empty() ? i : pm.shown_rows[i], pm.shown_cols.empty() ? j : pm.shown_cols[j]);
  return pm;
}

PhaseMatrix data_matrix(std::string name, const Matrix<float>& m, std::string formula = "") {
  return phase_matrix(std::move(name), m, true, std::move(formula));
}

PhaseMatrix input_with_ones(const Session& s, int l) {
  PhaseMatrix pm = data_matrix("[1 " + input_name(l) + "]", prepend_bias(s.pass().input_of(l)),
                               l == 0 ? tr("the batch's inputs with a column of ones") : "");
  pm.ones_column = true;
  return pm;
}

PhaseMatrix weight_matrix(std::string name, const Matrix<float>& m, int l, std::string formula = "") {
  PhaseMatrix pm = phase_matrix(std::move(name), m, false, std::move(formula));
  pm.weight_layer = l;
  return pm;
}

// Row norms of W[1:] (the units feeding the next layer; the bias row excluded).
std::vector<float> outgoing_strength(const Matrix<float>& W) {
  std::vector<float> strength(static_cast<size_t>(std::max<Eigen::Index>(W.rows() - 1, 0)));
  for (Eigen::Index r = 1; r < W.rows(); ++r) strength[r - 1] = W.row(r).norm();
  return strength;
}

NetworkSummary summarise_network(const Session& s) {
  NetworkSummary n;
  const Pass<float>& p = s.pass();
  const auto& used = s.pass_weights();
  const int L = s.network().spec.layers();
  for (int l = 0; l < L; ++l) {
    n.strength.push_back(outgoing_strength(used[l]));
    n.weight_range.push_back(symmetric_range(s.network().W[l]));
    const bool grad = s.has_pass() && l < static_cast<int>(p.dW.size()) && p.dW[l].size() > 0;
    n.gradient_range.push_back(grad ? symmetric_range(p.dW[l]) : 0.0);
  }
  n.value_range.push_back(p.X.size() > 0 ? symmetric_range(p.X) : 1.0);
  for (int l = 0; l < L; ++l)
    n.value_range.push_back(l < static_cast<int>(p.H.size()) && p.H[l].size() > 0 ? symmetric_range(p.H[l]) : 1.0);
  return n;
}

void describe_forward(const Session& s, int l, PhaseView& v) {
  const Pass<float>& p = s.pass();
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers();
  const std::string k = std::to_string(l + 1), in = "[1 " + input_name(l) + "]";
  const int x = read(v, input_with_ones(s, l));
  const int w = read(v, weight_matrix(weight_name(l), s.pass_weights()[l], l, tr("bias in row 0")));
  const int z = write(v, data_matrix(z_name(l), p.Z[l]));
  equation(v, z_name(l) + " = " + in + " · " + weight_name(l), {mat(x), op("·"), mat(w), op("="), mat(z)});
  if (l == L - 1) {
    const std::string phi = output_phi(spec.output);
    const int y = write(v, data_matrix("Ŷ", p.H[l]));
    equation(v, "Ŷ = " + phi + "(" + z_name(l) + ")", {op(phi + "("), mat(z), op(")"), op("="), mat(y)});
    return;
  }
  const std::string phi = activation_symbol(spec.hidden[l].activation);
  const bool dropout = p.M[l].size() > 0;
  const int m = dropout ? write(v, data_matrix("M" + k, p.M[l], tr("dropout mask: 0 = dropped, kept = 1/(1 − ratio)"))) : -1;
  const int h = write(v, data_matrix(h_name(l, L), p.H[l]));
  std::vector<EquationTerm> terms{op(phi + "("), mat(z), op(")")};
  if (dropout) terms.insert(terms.end(), {op("∗"), mat(m)});
  terms.insert(terms.end(), {op("="), mat(h)});
  equation(v, h_name(l, L) + " = " + phi + "(" + z_name(l) + ")" + (dropout ? " ∗ M" + k : ""), terms);
}

void describe_loss(const Session& s, PhaseView& v) {
  const Pass<float>& p = s.pass();
  const Output out = s.network().spec.output;
  const int yhat = read(v, data_matrix("Ŷ", p.Yhat(), tr("the network's output")));
  const int y = read(v, data_matrix("Y", p.Y, tr("the targets (one-hot)")));
  const Vector<float> losses = example_losses(out, p.Z.back(), p.Y);
  const int l = write(v, data_matrix(tr("loss per example"), Matrix<float>(losses),
                                     printf_string(tr("L = mean of this column = %s"), format_value(p.loss).c_str())));
  equation(v, loss_formula(out), {mat(yhat), op(","), mat(y), op("→"), mat(l)});
}

void describe_backward(const Session& s, int l, PhaseView& v) {
  const Pass<float>& p = s.pass();
  const NetworkSpec& spec = s.network().spec;
  const int L = spec.layers();
  const std::string k = std::to_string(l + 1), in = "[1 " + input_name(l) + "]";
  int dz = -1;
  if (l == L - 1) {
    const int yhat = read(v, data_matrix("Ŷ", p.Yhat()));
    const int y = read(v, data_matrix("Y", p.Y));
    dz = write(v, data_matrix("dZ" + k, p.dZ[l]));
    equation(v, "dZ" + k + " = Ŷ − Y", {mat(yhat), op("−"), mat(y), op("="), mat(dz)});
  } else {
    const Activation act = spec.hidden[l].activation;
    const std::string slope = activation_symbol(act) + "'(Z" + k + ")";
    const int dh = read(v, data_matrix("dH" + k, p.dH[l], tr("from the layer above")));
    const int d = read(v, data_matrix(slope, activation_derivative(act, p.Z[l]), tr("the activation's slope")));
    const bool dropout = p.M[l].size() > 0;
    const int m = dropout ? read(v, data_matrix("M" + k, p.M[l], tr("the forward pass's mask"))) : -1;
    dz = write(v, data_matrix("dZ" + k, p.dZ[l]));
    std::vector<EquationTerm> terms{mat(dh), op("∗"), mat(d)};
    if (dropout) terms.insert(terms.end(), {op("∗"), mat(m)});
    terms.insert(terms.end(), {op("="), mat(dz)});
    equation(v, "dZ" + k + " = dH" + k + " ∗ " + slope + (dropout ? " ∗ M" + k : ""), terms);
  }
  const int x = read(v, input_with_ones(s, l));
  const int dw = write(v, weight_matrix("dW" + k, p.dW[l], l));
  equation(v, "dW" + k + " = " + in + "ᵀ · dZ" + k + " / N",
           {mat(x), op("ᵀ ·"), mat(dz), op("/ " + std::to_string(p.batch_size()) + " ="), mat(dw)});
  if (l == 0) return;
  const int w = read(v, weight_matrix(weight_name(l), s.pass_weights()[l], l, tr("row 0 (the bias) is not used")));
  const int dh = write(v, data_matrix("dH" + std::to_string(l), p.dH[l - 1]));
  equation(v, "dH" + std::to_string(l) + " = dZ" + k + " · W" + k + "[1:]ᵀ",
           {mat(dz), op("·"), mat(w), op("[1:]ᵀ ="), mat(dh)});
}

// Per layer: W before, dW, the penalty's gradient P (with a penalty), the optimiser's state
// (momentum: V; Adam: m̂ and v̂) and W after, in one row.
void describe_update(const Session& s, PhaseView& v) {
  const Trainer<float>& t = s.trainer();
  const TrainConfig& c = t.config();
  const auto& before = t.weights_before_update();
  const auto& after = s.network().W;
  const auto& penalties = t.penalty_gradients();
  const OptimizerState<float>& opt = t.optimizer();
  const std::string alpha = format_value(c.learning_rate);
  for (size_t l = 0; l < after.size(); ++l) {
    const int li = static_cast<int>(l);
    const std::string W = weight_name(li), k = std::to_string(l + 1), dW = "dW" + k;
    PhaseMatrix b = weight_matrix(printf_string(tr("%s before"), W.c_str()), before[l], li);
    PhaseMatrix a = weight_matrix(printf_string(tr("%s after"), W.c_str()), after[l], li);
    b.range = a.range = std::max(b.stats.range(), a.stats.range());
    const int ib = read(v, std::move(b));
    const int id = read(v, weight_matrix(dW, s.pass().dW[l], li));
    std::vector<EquationTerm> terms{mat(ib), op(tr("and")), mat(id)};
    if (!penalties.empty()) {
      const std::string what = std::string(c.l2 > 0 ? "λ₂·" + W : "") + (c.l2 > 0 && c.l1 > 0 ? " + " : "") +
                               (c.l1 > 0 ? "λ₁·sign " + W : "");
      PhaseMatrix pm = weight_matrix("P" + k, penalties[l], li,
                                     printf_string(tr("the penalty's gradient %s; row 0 (the bias) is 0"), what.c_str()));
      terms.insert(terms.end(), {op("+"), mat(write(v, std::move(pm)))});
    }
    switch (c.optimizer.kind) {
      case Optimizer::SGD: break;
      case Optimizer::Momentum:
        terms.insert(terms.end(), {op("→ V ="), mat(write(v, weight_matrix("V" + k, opt.velocity(li), li,
                                                                      tr("velocity: μ·V − α·(dW + P)"))))});
        break;
      case Optimizer::Adam:
        terms.insert(terms.end(), {op("→ m̂ ="), mat(write(v, weight_matrix("m̂" + k, opt.corrected_first(li), li,
                                                                       tr("mean gradient, bias-corrected")))),
                                   op(", v̂ ="), mat(write(v, weight_matrix("v̂" + k, opt.corrected_second(li), li,
                                                                      tr("mean squared gradient, bias-corrected"))))});
        break;
    }
    terms.insert(terms.end(), {op("→"), mat(write(v, std::move(a)))});
    equation(v, update_rule(c.optimizer, W, step_gradient(c, dW, W)) + "   (α = " + alpha + ")", std::move(terms));
  }
}

}  // namespace

std::string weight_name(int l) { return "W" + std::to_string(l + 1); }
std::string input_name(int l) { return l == 0 ? "X" : "H" + std::to_string(l); }

PhaseView describe_phase_text(const Session& s) {
  PhaseView v;
  v.where = where_text(s);
  v.next = printf_string(tr("next: %s"), phase_text(s.trainer().next_phase()).c_str());
  const auto last = s.last_phase();
  v.phase = last ? phase_title(s.network().spec, *last) : tr("ready");
  v.formula = last ? formula(s, *last) : tr("no batch yet: the first step runs forward 1 on batch 1");
  if (last)
    v.numpy = numpy_lines(s.network().spec, s.trainer().config(), *last, s.pass().batch_size(),
                          s.trainer().optimizer().steps());
  return v;
}

PhaseView describe_phase(const Session& s) {
  PhaseView v = describe_phase_text(s);
  v.network = summarise_network(s);
  const auto last = s.last_phase();
  const NetworkSpec& spec = s.network().spec;
  if (!last) {
    Equation weights{printf_string(tr("the initial weights (%s); bias in row 0"), init_name(spec.init)), {}};
    for (int l = 0; l < spec.layers(); ++l)
      weights.terms.push_back(mat(read(v, weight_matrix(weight_name(l), s.network().W[l], l))));
    v.equations.push_back(std::move(weights));
    return v;
  }
  switch (last->kind) {
    case PhaseKind::Forward: describe_forward(s, last->layer, v); break;
    case PhaseKind::Loss: describe_loss(s, v); break;
    case PhaseKind::Backward: describe_backward(s, last->layer, v); break;
    case PhaseKind::Update: describe_update(s, v); break;
  }
  return v;
}

std::string status_line(const Session& s) {
  const PhaseView v = describe_phase_text(s);
  return v.where + " · " + v.phase + " · " + v.formula;
}

}  // namespace mlp::ui
