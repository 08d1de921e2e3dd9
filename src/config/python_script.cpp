// The run as a Python script; see python_script.hpp.
//
// Index: 1. what the updates used (recorded from a copy of the trainer)
//        2. numbers and matrices as text
//        3. the script's parts: header, functions, data, the training loop
#include "config/python_script.hpp"

#include "config/properties.hpp"
#include "nn/numpy_lines.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace mlp {

namespace {

// --- 1. What the updates used ----------------------------------------------------------------
struct Recording {
  std::map<int, std::vector<float>> x, y;        // training row -> its inputs (D) and targets (K)
  std::vector<std::vector<int>> batches;         // per update: the training rows of its batch
  std::vector<std::vector<std::vector<long>>> kept;  // per update, per dropout layer: the mask's kept flat indices
  std::vector<float> losses;                     // per update: the trainer's batch loss
};

std::vector<float> row_of(const Matrix<float>& M, Eigen::Index r) {
  return std::vector<float>(M.row(r).data(), M.row(r).data() + M.cols());
}

// The flat (row-major) indices of a mask's kept entries, as numpy's reshape reads them.
std::vector<long> kept_entries(const Matrix<float>& mask) {
  std::vector<long> kept;
  for (Eigen::Index i = 0; i < mask.size(); ++i)
    if (mask.data()[i] != 0.0f) kept.push_back(static_cast<long>(i));
  return kept;
}

std::string diverges_at(int k) {
  return "the loss is not finite at update " + std::to_string(k) + " (the run diverges): " +
         (k > 1 ? "export at most " + std::to_string(k - 1) + " updates, or lower the learning rate"
                : "lower the learning rate");
}

std::invalid_argument too_large(int steps, size_t max_bytes) {
  char size[32];
  std::snprintf(size, sizeof size, "%g", static_cast<double>(max_bytes) / (1 << 20));
  return std::invalid_argument("the script of " + std::to_string(steps) + " update" + (steps > 1 ? "s" : "") +
                               " would be over " + size +
                               " MB (the examples, weights and dropout masks used): export fewer updates");
}

// Throws as soon as the examples alone, at two characters a number ("0 "), pass max_bytes.
Recording record(const Trainer<float>& start, int steps, size_t max_bytes) {
  Recording r;
  Trainer<float> t = start;
  const NetworkSpec& spec = t.network().spec;
  for (int k = 1; k <= steps; ++k) {
    t.step_batch();
    if (!std::isfinite(t.last_batch_loss())) throw std::invalid_argument(diverges_at(k));
    r.losses.push_back(t.last_batch_loss());
    const Pass<float>& p = t.pass();
    const std::vector<int>& rows = t.batch_indices();
    for (size_t i = 0; i < rows.size(); ++i) {
      r.x.emplace(rows[i], row_of(p.X, static_cast<Eigen::Index>(i)));
      r.y.emplace(rows[i], row_of(p.Y, static_cast<Eigen::Index>(i)));
    }
    if (r.x.size() * static_cast<size_t>(p.X.cols() + p.Y.cols()) * 2 > max_bytes) throw too_large(steps, max_bytes);
    r.batches.push_back(rows);
    std::vector<std::vector<long>> kept;
    for (size_t l = 0; l < spec.hidden.size(); ++l)
      if (spec.hidden[l].dropout > 0) kept.push_back(kept_entries(p.M[l]));
    r.kept.push_back(std::move(kept));
  }
  return r;
}

// --- 2. Numbers and matrices as text -----------------------------------------------------------
// A float32 with few digits that read back as the same float, whether read straight to float32
// or through a double (as Python's float() and numpy's text parsers do): at most 6 significant
// digits when they do (%g drops trailing zeros: 0.5, not 0.500000), else 7, 8 or 9 (9 always do).
std::string float_text(float v) {
  char text[32];
  for (int digits = 6; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(v));
    if (std::strtof(text, nullptr) == v && static_cast<float>(std::strtod(text, nullptr)) == v) break;
  }
  return text;
}

template <class Number>
void append_line(std::string& out, const Number* values, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) out += ' ';
    if constexpr (std::is_same_v<Number, float>) out += float_text(values[i]);
    else out += std::to_string(values[i]);
  }
  out += '\n';
}

// name = matrix(cols, """rows""") or name = index_lists("""lines"""), one row or list per line.
template <class Rows>
void append_block(std::string& out, const std::string& assignment, const Rows& rows) {
  out += assignment + "\"\"\"\n";
  for (const auto& row : rows) append_line(out, row.data(), row.size());
  out += "\"\"\")\n";
}

std::vector<std::vector<float>> rows_of(const Matrix<float>& M) {
  std::vector<std::vector<float>> rows;
  for (Eigen::Index r = 0; r < M.rows(); ++r) rows.push_back(row_of(M, r));
  return rows;
}

// Text as a comment line can hold it: control characters (a line break would end the comment)
// become blanks, bytes that are not UTF-8 (Python refuses such a file) become '?'.
std::string comment_text(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    bool whole = length > 0 && i + length <= text.size();
    for (size_t j = 1; whole && j < length; ++j) whole = (static_cast<unsigned char>(text[i + j]) >> 6) == 0x2;
    if (!whole) {
      out += '?';
      ++i;
      continue;
    }
    out += length == 1 && (byte < 0x20 || byte == 0x7F) ? std::string(" ") : text.substr(i, length);
    i += length;
  }
  return out;
}

void append_comment(std::string& out, const std::vector<std::string>& lines) {
  for (const std::string& line : lines) out += (line.empty() ? "#" : "# " + comment_text(line)) + '\n';
}

void check_size(const std::string& out, int steps, size_t max_bytes) {
  if (out.size() > max_bytes) throw too_large(steps, max_bytes);
}

// --- 3. The script's parts ----------------------------------------------------------------------
bool any_hidden(const NetworkSpec& spec, bool (*test)(const LayerSpec&)) {
  for (const LayerSpec& h : spec.hidden)
    if (test(h)) return true;
  return false;
}

std::string data_line(const Dataset& data) {
  std::string line = data.name + ", " + std::to_string(data.size()) + " training examples of " +
                     std::to_string(data.features()) + " inputs";
  if (!data.feature_names.empty()) {
    line += " (";
    for (size_t i = 0; i < data.feature_names.size(); ++i) line += (i > 0 ? ", " : "") + data.feature_names[i];
    line += ")";
  }
  return line;
}

void append_header(std::string& out, const Trainer<float>& start, int steps, const ScriptOrigin& origin) {
  const NetworkSpec& spec = start.network().spec;
  const TrainConfig& c = start.config();
  const std::string K = std::to_string(steps), L = std::to_string(spec.layers());
  const std::string weights = origin.start_weights.empty()
                                  ? std::string("drawn by the ") + init_name(spec.init) + " initialisation from seed " +
                                        std::to_string(c.seed)
                                  : "those of " + origin.start_weights;
  const std::string training = "lr " + numpy_number(c.learning_rate) + ", batch " +
                               (c.batch_size == 0 ? std::string("full") : std::to_string(c.batch_size)) + ", " +
                               (c.shuffle ? "shuffled" : "in order") + ", " + c.optimizer.describe() + ", L1 " +
                               numpy_number(c.l1) + ", L2 " + numpy_number(c.l2);
  out += "#!/usr/bin/env python3\n";
  append_comment(out, {
      "mlp-playground: the first " + K + " updates of a run, rebuilt in the lecture's numpy.",
      "",
      "  made by:  " + origin.made_by,
      "  set-up:   " + encode_config(origin.setup),
      "            (as the page address writes it, after '#')",
      "  data:     " + data_line(start.data()),
      "  network:  " + spec.describe() + ", initial weights " + weights,
      "  training: " + training,
      "",
      "The script starts from the run's initial weights, whatever the run had reached when it was",
      "exported. What the run drew at random is written below as the C++ trainer drew it: the",
      "initial weights, the examples of each batch and the dropout masks; the training examples",
      "are the ones these updates use, after the input features and the scaling. Each update runs",
      "the phases the page steps through (forward 1 .. " + L + ", loss, backward " + L + " .. 1, update) and",
      "prints one line,",
      "  step k loss X",
      "for k = 1 .. " + K + ": the batch's mean loss before the update, as the trainer computes it and",
      "as `mlp train` and the page report it. It is the data loss alone: the L1 and L2 penalties",
      "(when the run has them) enter the gradient, dw[1:] += ..., not this loss.",
      "",
      "Precision: `mlp` and the page train in float32, so this script computes in np.float32, and",
      "every number below is written with the digits that give back the trainer's float32 exactly;",
      "its losses match the trainer's within 1e-5 relative, most within 1e-6 (its sums run in another",
      "order, so the last digits differ and the difference grows slowly over the updates). The",
      "loss is taken from the logits (log-sum-exp, softplus), as the trainer takes it: in float32",
      "the lecture's np.log(y_hat) loses digits once y_hat nears 0 or 1.",
      "The shapes in the comments are a full batch's (N = " + std::to_string(start.batch_size()) +
          "); an epoch's last batch may be shorter.",
      "Run it with python3 and numpy (Debian: python3-numpy).",
  });
  out += "import numpy as np\n";
}

void append_function(std::string& out, const std::string& text) { out += "\n\n" + text; }

void append_functions(std::string& out, const NetworkSpec& spec) {
  append_function(out, "def prepend_bias(X):\n    return np.insert(X, 0, 1, axis=1)\n");
  const bool sigmoid = spec.output == Output::Sigmoid ||
                       any_hidden(spec, [](const LayerSpec& h) { return h.activation == Activation::Sigmoid; });
  if (sigmoid)
    append_function(out, "def sigmoid(z):  # 1 / (1 + e^-z), never taking e of a large positive number\n"
                         "    e = np.exp(-np.abs(z))\n"
                         "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))\n");
  if (any_hidden(spec, [](const LayerSpec& h) { return h.activation == Activation::ReLU; }))
    append_function(out, "def ReLU(z):\n    return np.maximum(z, 0)\n");
  if (spec.output == Output::Softmax) {
    append_function(out, "def softmax(z):\n"
                         "    exponentials = np.exp(z - np.max(z, axis=1, keepdims=True))\n"
                         "    return exponentials / np.sum(exponentials, axis=1, keepdims=True)\n");
    append_function(out, "def log_softmax(z):  # ln softmax(z) from the logits (log-sum-exp): never ln 0\n"
                         "    top = np.max(z, axis=1, keepdims=True)\n"
                         "    return z - (top + np.log(np.sum(np.exp(z - top), axis=1, keepdims=True)))\n");
  }
  if (spec.output == Output::Sigmoid)
    append_function(out, "def softplus(z):  # ln(1 + e^z) = -ln(1 - sigmoid(z)), without overflow\n"
                         "    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))\n");
  if (any_hidden(spec, [](const LayerSpec& h) { return h.dropout > 0; }))
    append_function(out, "def dropout_mask(idx, rows, cols, ratio):  # the lecture's yd: the kept entries idx\n"
                         "    yd = np.zeros(rows * cols, dtype=np.float32)\n"
                         "    yd[idx] = 1.0 / (1.0 - ratio)\n"
                         "    return np.reshape(yd, (rows, cols))\n");
  append_function(out, "def matrix(cols, text):  # one matrix row per line\n"
                       "    return np.fromstring(text, dtype=np.float32, sep=\" \").reshape(-1, cols)\n");
  append_function(out, "def index_lists(text):  # one list of indices per line\n"
                       "    return [np.fromstring(line, dtype=np.int64, sep=\" \") for line in text.strip().split(\"\\n\")]\n");
}

// X_train and Y_train (the examples in training-set order) and the batches as rows of them.
void append_examples(std::string& out, const Recording& r, const Trainer<float>& start) {
  std::map<int, int> position;  // training row -> its row in X_train
  std::vector<std::vector<float>> x, y;
  for (const auto& [row, inputs] : r.x) {
    position[row] = static_cast<int>(x.size());
    x.push_back(inputs);
    y.push_back(r.y.at(row));
  }
  out += "\n\n";
  append_comment(out, {"The " + std::to_string(x.size()) + " training examples the updates use (of the " +
                           std::to_string(start.data().size()) + " in the training set, in its order),",
                       "one per line: X_train their inputs, Y_train their targets (the trainer's Y: one-hot rows,",
                       "or the 0/1 class of a single sigmoid output, or the value a linear output is trained towards)."});
  append_block(out, "X_train = matrix(" + std::to_string(start.data().features()) + ", ", x);
  append_block(out, "Y_train = matrix(" + std::to_string(y.front().size()) + ", ", y);
  std::vector<std::vector<int>> batches;
  for (const std::vector<int>& rows : r.batches) {
    std::vector<int> b;
    for (int row : rows) b.push_back(position.at(row));
    batches.push_back(std::move(b));
  }
  append_comment(out, {"The examples of each update's batch (rows of X_train), one update per line."});
  append_block(out, "BATCHES = index_lists(", batches);
}

void append_weights(std::string& out, const Network<float>& net) {
  append_comment(out, {"The initial weights, bias row first: w1 is (inputs + 1) x units, as the lecture's."});
  for (int l = 0; l < net.spec.layers(); ++l)
    append_block(out, "w" + std::to_string(l + 1) + " = matrix(" + std::to_string(net.W[l].cols()) + ", ",
                 rows_of(net.W[l]));
}

void append_masks(std::string& out, const Recording& r, const NetworkSpec& spec) {
  int slot = 0;
  for (size_t l = 0; l < spec.hidden.size(); ++l) {
    if (spec.hidden[l].dropout <= 0) continue;
    const std::string k = std::to_string(l + 1);
    append_comment(out, {"Dropout of hidden layer " + k + " (ratio " + numpy_number(spec.hidden[l].dropout) +
                             "): the kept entries of each update's mask m" + k + ", one update per",
                         "line, as flat indices into its N x " + std::to_string(spec.hidden[l].units) +
                             " matrix (the lecture's idx = np.random.choice(h" + k + ".size, num, replace=False))."});
    std::vector<std::vector<long>> lists;
    for (const auto& per_update : r.kept) lists.push_back(per_update[static_cast<size_t>(slot)]);
    append_block(out, "KEPT" + k + " = index_lists(", lists);
    ++slot;
  }
}

void append_optimizer_state(std::string& out, const NetworkSpec& spec, Optimizer kind) {
  if (kind == Optimizer::SGD) return;
  append_comment(out, {kind == Optimizer::Momentum
                           ? "Momentum's velocities, zero at the start."
                           : "Adam's running means of the gradients (adam_m) and of their squares (adam_v), zero at the start."});
  for (int l = 1; l <= spec.layers(); ++l) {
    const std::string w = "w" + std::to_string(l), k = std::to_string(l);
    if (kind == Optimizer::Momentum) out += "v" + k + " = np.zeros_like(" + w + ")\n";
    else out += "adam_m" + k + " = np.zeros_like(" + w + ")\nadam_v" + k + " = np.zeros_like(" + w + ")\n";
  }
}

// The trainer's batch loss, from the output layer's logits z<L> as output_loss computes it.
std::string loss_line(const NetworkSpec& spec) {
  const std::string z = "z" + std::to_string(spec.layers());
  switch (spec.output) {
    case Output::Softmax: return "loss = -np.sum(Y * log_softmax(" + z + ")) / X.shape[0]";
    case Output::Sigmoid:
      return "loss = np.sum(softplus(" + z + ") - Y * " + z + ") / X.shape[0]   # -sum(Y ln y_hat + (1 - Y) ln(1 - y_hat)) / N";
    case Output::Linear: break;
  }
  return "loss = np.sum((y_hat - Y) ** 2) / (2 * X.shape[0])";
}

void append_phase(std::string& out, const std::string& label, const std::vector<std::string>& lines) {
  const std::string indent = "    ";
  out += indent + "# " + label + "\n";
  for (const std::string& line : lines) out += indent + line + "\n";
}

void append_loop(std::string& out, const Trainer<float>& start, int steps) {
  const NetworkSpec& spec = start.network().spec;
  const TrainConfig& c = start.config();
  const int N = start.batch_size(), L = spec.layers();
  out += "\nfor t in range(1, " + std::to_string(steps) + " + 1):  # update t\n";
  out += "    X = X_train[BATCHES[t - 1]]\n    Y = Y_train[BATCHES[t - 1]]\n";
  for (size_t l = 0; l < spec.hidden.size(); ++l)
    if (spec.hidden[l].dropout > 0) {
      const std::string k = std::to_string(l + 1);
      out += "    m" + k + " = dropout_mask(KEPT" + k + "[t - 1], X.shape[0], " + std::to_string(spec.hidden[l].units) +
             ", " + numpy_number(spec.hidden[l].dropout) + ")\n";
    }
  for (int l = 0; l < L; ++l) {
    const Phase phase{PhaseKind::Forward, l};
    append_phase(out, phase_label(phase), numpy_lines(spec, c, phase, N, 0));
  }
  append_phase(out, "loss: the trainer's batch loss, from the logits",
               {loss_line(spec), "print(f\"step {t} loss {loss:.9g}\")"});
  for (int l = L - 1; l >= 0; --l) {
    const Phase phase{PhaseKind::Backward, l};
    append_phase(out, phase_label(phase), numpy_lines(spec, c, phase, N, 0));
  }
  std::vector<std::string> update;
  for (int l = 0; l < L; ++l)
    for (const std::string& line : numpy_update_lines(c, l, "t")) update.push_back(line);
  append_phase(out, "update", update);
}

}  // namespace

PythonScript python_script(const Trainer<float>& start, int steps, const ScriptOrigin& origin, size_t max_bytes) {
  if (steps < 1 || steps > kMaxScriptSteps)
    throw std::invalid_argument("the number of updates must be a whole number from 1 to " +
                                std::to_string(kMaxScriptSteps) + ", got " + std::to_string(steps));
  if (start.iteration() != 0 || !start.at_batch_start())
    throw std::invalid_argument("a script starts from a run's start, before its first update");
  const Recording r = record(start, steps, max_bytes);
  std::string out;
  append_header(out, start, steps, origin);
  append_functions(out, start.network().spec);
  append_examples(out, r, start);
  check_size(out, steps, max_bytes);
  append_weights(out, start.network());
  append_masks(out, r, start.network().spec);
  append_optimizer_state(out, start.network().spec, start.config().optimizer.kind);
  append_loop(out, start, steps);
  check_size(out, steps, max_bytes);
  return PythonScript{std::move(out), r.losses};
}

}  // namespace mlp
