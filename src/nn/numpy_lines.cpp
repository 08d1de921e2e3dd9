// The lecture's numpy for each phase; see numpy_lines.hpp.
#include "nn/numpy_lines.hpp"

#include "nn/dropout.hpp"

#include <cstdio>
#include <cstdlib>

namespace mlp {

namespace {

std::string shape(long rows, long cols) { return std::to_string(rows) + " x " + std::to_string(cols); }

// "X" (the batch, as the lecture's forward(X, ...) calls it) for layer 0's input, else "h<l>".
std::string input_of(int l) { return l == 0 ? "X" : "h" + std::to_string(l); }

std::string activation_call(Activation a, const std::string& z) {
  switch (a) {
    case Activation::Sigmoid: return "sigmoid(" + z + ")";
    case Activation::ReLU: return "ReLU(" + z + ")";
    case Activation::Tanh: return "np.tanh(" + z + ")";
    case Activation::Linear: return z;
  }
  return z;
}

// φ'(z) written from what the forward pass kept, as the lecture's back() does. With a dropout
// mask, h<k> holds φ(z) ∗ m, so the sigmoid's σ' = σ(1 − σ) is taken from z<k> instead.
std::string derivative(Activation a, const std::string& k, bool masked) {
  const std::string s = masked ? "sigmoid(z" + k + ")" : "h" + k;
  switch (a) {
    case Activation::Sigmoid: return s + " * (1 - " + s + ")";
    case Activation::ReLU: return "(z" + k + " > 0)";
    case Activation::Tanh: return "(1 - np.tanh(z" + k + ") ** 2)";
    case Activation::Linear: return "1";
  }
  return "1";
}

void forward(std::vector<std::string>& out, const NetworkSpec& spec, int l, int N) {
  const std::string k = std::to_string(l + 1);
  const long in = spec.fan_in(l) + 1, units = spec.units(l);
  out.push_back("z" + k + " = np.matmul(prepend_bias(" + input_of(l) + "), w" + k + ")   # (" + shape(N, in) +
                ") x (" + shape(in, units) + ") = " + shape(N, units));
  if (l == spec.layers() - 1) {
    const std::string z = "z" + k;
    out.push_back(std::string("y_hat = ") +
                  (spec.output == Output::Softmax ? "softmax(" + z + ")" : spec.output == Output::Sigmoid ? "sigmoid(" + z + ")" : z) +
                  "   # " + shape(N, units));
    return;
  }
  const LayerSpec& h = spec.hidden[l];
  out.push_back("h" + k + " = " + activation_call(h.activation, "z" + k) + "   # " + shape(N, units));
  if (h.dropout > 0)
    out.push_back("h" + k + " = h" + k + " * m" + k + "   # m" + k + ": " +
                  std::to_string(dropout_kept(N * units, h.dropout)) + " of its " + std::to_string(N * units) +
                  " entries kept, scaled by 1/(1 - " + numpy_number(h.dropout) + ")");
}

void loss(std::vector<std::string>& out, Output o) {
  switch (o) {
    case Output::Softmax: out.push_back("loss = -np.sum(Y * np.log(y_hat)) / X.shape[0]"); break;
    case Output::Sigmoid:
      out.push_back("loss = -np.sum(Y * np.log(y_hat) + (1 - Y) * np.log(1 - y_hat)) / X.shape[0]");
      break;
    case Output::Linear: out.push_back("loss = np.sum((y_hat - Y) ** 2) / (2 * X.shape[0])"); break;
  }
}

void backward(std::vector<std::string>& out, const NetworkSpec& spec, int l, int N) {
  const std::string k = std::to_string(l + 1);
  const long in = spec.fan_in(l) + 1, units = spec.units(l);
  if (l == spec.layers() - 1) {
    out.push_back("dz" + k + " = y_hat - Y   # " + shape(N, units));
  } else {
    const LayerSpec& h = spec.hidden[l];
    const bool masked = h.dropout > 0;
    out.push_back("dz" + k + " = dh" + k + " * " + derivative(h.activation, k, masked) + (masked ? " * m" + k : "") +
                  "   # " + shape(N, units));
  }
  out.push_back("dw" + k + " = np.matmul(prepend_bias(" + input_of(l) + ").T, dz" + k + ") / X.shape[0]   # (" +
                shape(in, N) + ") x (" + shape(N, units) + ") = " + shape(in, units));
  if (l > 0)
    out.push_back("dh" + std::to_string(l) + " = np.matmul(dz" + k + ", w" + k + "[1:].T)   # (" + shape(N, units) +
                  ") x (" + shape(units, in - 1) + ") = " + shape(N, in - 1));
}

}  // namespace

std::string numpy_number(double v) {
  char text[32];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, v);
    if (std::strtod(text, nullptr) == v) break;
  }
  return text;
}

std::vector<std::string> numpy_update_lines(const TrainConfig& c, int l, const std::string& t) {
  std::vector<std::string> out;
  const std::string k = std::to_string(l + 1), w = "w" + k, dw = "dw" + k;
  if (c.l1 > 0 || c.l2 > 0)
    out.push_back(dw + "[1:] += " + std::string(c.l2 > 0 ? numpy_number(c.l2) + " * " + w + "[1:]" : "") +
                  (c.l1 > 0 && c.l2 > 0 ? " + " : "") + (c.l1 > 0 ? numpy_number(c.l1) + " * np.sign(" + w + "[1:])" : "") +
                  "   # the penalty, not on the bias row");
  const std::string lr = numpy_number(c.learning_rate);
  const OptimizerConfig& o = c.optimizer;
  switch (o.kind) {
    case Optimizer::SGD: out.push_back(w + " = " + w + " - " + dw + " * " + lr); break;
    case Optimizer::Momentum:
      out.push_back("v" + k + " = " + numpy_number(o.momentum) + " * v" + k + " - " + lr + " * " + dw);
      out.push_back(w + " = " + w + " + v" + k);
      break;
    case Optimizer::Adam: {
      const std::string m = "adam_m" + k, v = "adam_v" + k, b1 = numpy_number(o.beta1), b2 = numpy_number(o.beta2);
      out.push_back(m + " = " + b1 + " * " + m + " + (1 - " + b1 + ") * " + dw);
      out.push_back(v + " = " + b2 + " * " + v + " + (1 - " + b2 + ") * " + dw + " ** 2");
      out.push_back(w + " = " + w + " - " + lr + " * (" + m + " / (1 - " + b1 + " ** " + t + ")) / (np.sqrt(" + v +
                    " / (1 - " + b2 + " ** " + t + ")) + " + numpy_number(o.epsilon) + ")");
      break;
    }
  }
  return out;
}

std::vector<std::string> numpy_lines(const NetworkSpec& spec, const TrainConfig& config, const Phase& phase,
                                     int batch_size, long t) {
  std::vector<std::string> out;
  switch (phase.kind) {
    case PhaseKind::Forward: forward(out, spec, phase.layer, batch_size); break;
    case PhaseKind::Loss: loss(out, spec.output); break;
    case PhaseKind::Backward: backward(out, spec, phase.layer, batch_size); break;
    case PhaseKind::Update:
      out = numpy_update_lines(config, 0, std::to_string(t));
      if (spec.layers() > 1) out.back() += "   # and the same for w2 … w" + std::to_string(spec.layers());
      break;
  }
  return out;
}

}  // namespace mlp
