// Model files as JSON: writing, and reading with a checked, path-named message for
// every kind of bad file; see model_io.hpp.
#include "nn/model_io.hpp"

#include "data/gzip.hpp"

#include "nn/json_text.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>

namespace mlp {

namespace {

using json = nlohmann::ordered_json;  // ordered: members are written, and reported, in file order

[[noreturn]] void fail(const std::string& message) { throw ModelError(message); }

std::string shape_text(long rows, long cols) { return std::to_string(rows) + " x " + std::to_string(cols); }

// "9 x 3 (8 inputs + bias row, 3 units)": the shape W_l must have.
std::string required_shape(const NetworkSpec& spec, int l) {
  return shape_text(spec.fan_in(l) + 1, spec.units(l)) + " (" + std::to_string(spec.fan_in(l)) +
         " inputs + bias row, " + std::to_string(spec.units(l)) + " units)";
}

void check_layer_count(const NetworkSpec& spec, size_t matrices) {
  if (static_cast<int>(matrices) != spec.layers())
    fail("weights has " + std::to_string(matrices) + " matrices but the spec has " +
         std::to_string(spec.layers()) + " layers (hidden layers + output layer)");
}

// The double with the shortest decimal form that reads back as x in type T.
template <class T>
double shortest(T x) {
  if constexpr (std::is_same_v<T, float>) {
    char buf[32];
    for (int precision = 6; precision < 9; ++precision) {
      std::snprintf(buf, sizeof buf, "%.*g", precision, static_cast<double>(x));
      const double d = std::strtod(buf, nullptr);
      if (static_cast<float>(d) == x) return d;
    }
  }
  return static_cast<double>(x);
}

// --- reading: each helper names the offending field by its path --------------------------

// "a number", "an array", "null", ...: what the value is, for messages.
std::string a_type(const json& v) {
  const std::string name = v.type_name();
  if (v.is_null()) return name;
  return (v.is_structured() ? "an " : "a ") + name;
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
std::string index(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

// v, checked to be what `is` asks ("spec.inputs must be a number, got a string").
const json& typed(const json& v, bool is, const char* expected, const std::string& path) {
  if (!is) fail(path + " must be " + expected + ", got " + a_type(v));
  return v;
}

const json& array(const json& v, const std::string& path) { return typed(v, v.is_array(), "an array", path); }

// The object at `path`, checked to have all the required fields and no field but those and
// the optional ones.
const json& object_with(const json& v, const std::string& path, std::initializer_list<const char*> fields,
                        std::initializer_list<const char*> optional = {}) {
  typed(v, v.is_object(), "an object", path.empty() ? "the model" : path);
  std::string expected;
  for (auto list : {fields, optional})
    for (const char* f : list) expected += (expected.empty() ? "" : ", ") + std::string(f);
  for (const char* f : fields)
    if (!v.contains(f)) fail("missing field \"" + join(path, f) + "\"");
  for (auto member = v.begin(); member != v.end(); ++member) {
    bool known = false;
    for (auto list : {fields, optional})
      for (const char* f : list) known = known || member.key() == f;
    if (!known) fail("unknown field \"" + join(path, member.key()) + "\" (expected " + expected + ")");
  }
  return v;
}

// Parsed numbers are always finite: nlohmann rejects NaN, Infinity and overflows like 1e999.
double number(const json& v, const std::string& path) {
  return typed(v, v.is_number(), "a number", path).get<double>();
}

int integer(const json& v, const std::string& path) {
  const double x = number(v, path);
  if (x != std::floor(x) || std::fabs(x) > 1e9) fail(path + " must be an integer, got " + v.dump());
  return static_cast<int>(x);
}

const std::string& text(const json& v, const std::string& path) {
  return typed(v, v.is_string(), "a string", path).get_ref<const std::string&>();
}

// A name parsed by parse_activation / parse_output / parse_init, whose messages list the valid names.
template <class Parse>
auto named(const json& v, const std::string& path, Parse parse) {
  try {
    return parse(text(v, path));
  } catch (const std::invalid_argument& e) {
    fail(path + ": " + e.what());
  }
}

// Refuses a spec with more weights than a model file may hold, before any is allocated.
void check_weight_count(const NetworkSpec& spec) {
  long long weights = 0;  // at most 16 layers of 100001 x 4096 after validate: no overflow
  for (int l = 0; l < spec.layers(); ++l) weights += (spec.fan_in(l) + 1LL) * spec.units(l);
  if (weights > kMaxModelWeights)
    fail("spec " + spec.describe() + " has " + std::to_string(weights) + " weights, more than the " +
         std::to_string(kMaxModelWeights) + " a model file may hold");
}

NetworkSpec read_spec(const json& v) {
  object_with(v, "spec", {"inputs", "hidden", "outputs", "output", "init"});
  NetworkSpec spec;
  spec.inputs = integer(v.at("inputs"), "spec.inputs");
  const json& hidden = array(v.at("hidden"), "spec.hidden");
  for (size_t i = 0; i < hidden.size(); ++i) {
    const std::string path = index("spec.hidden", i);
    const json& h = object_with(hidden[i], path, {"units", "activation", "dropout"});
    LayerSpec layer;
    layer.units = integer(h.at("units"), path + ".units");
    layer.activation = named(h.at("activation"), path + ".activation", parse_activation);
    layer.dropout = number(h.at("dropout"), path + ".dropout");
    spec.hidden.push_back(layer);
  }
  spec.outputs = integer(v.at("outputs"), "spec.outputs");
  spec.output = named(v.at("output"), "spec.output", parse_output);
  spec.init = named(v.at("init"), "spec.init", parse_init);
  try {
    spec.validate();
  } catch (const std::invalid_argument& e) {
    fail(std::string("invalid spec: ") + e.what());
  }
  check_weight_count(spec);
  return spec;
}

// W_l for layer l of the spec, with its shape checked row by row.
template <class T>
Matrix<T> read_matrix(const json& v, const NetworkSpec& spec, int l) {
  const std::string path = index("weights", l);
  const long rows = spec.fan_in(l) + 1, cols = spec.units(l);
  const json& row_list = array(v, path);
  if (static_cast<long>(row_list.size()) != rows)
    fail(path + " must be " + required_shape(spec, l) + " for the spec, got " + std::to_string(row_list.size()) +
         " rows");
  for (long r = 0; r < rows; ++r) {  // every row's length before the matrix is allocated
    const std::string row_path = index(path, r);
    const json& row = array(row_list[r], row_path);
    if (static_cast<long>(row.size()) != cols)
      fail(row_path + " must have " + std::to_string(cols) + " numbers (the layer's units), got " +
           std::to_string(row.size()));
  }
  Matrix<T> W(rows, cols);
  for (long r = 0; r < rows; ++r) {
    const std::string row_path = index(path, r);
    const json& row = row_list[r];
    for (long c = 0; c < cols; ++c) {
      const std::string entry = index(row_path, c);
      W(r, c) = static_cast<T>(number(row[c], entry));
      if (!std::isfinite(W(r, c))) fail(entry + " = " + row[c].dump() + " is too large");
    }
  }
  return W;
}

}  // namespace

template <class T>
std::string model_to_json(const Network<T>& net, const std::string& run) {
  check_layer_count(net.spec, net.W.size());
  for (int l = 0; l < net.spec.layers(); ++l)
    if (net.W[l].rows() != net.spec.fan_in(l) + 1 || net.W[l].cols() != net.spec.units(l))
      fail("weights[" + std::to_string(l) + "] must be " + required_shape(net.spec, l) + ", got " +
           shape_text(net.W[l].rows(), net.W[l].cols()));
  json hidden = json::array();
  for (const LayerSpec& h : net.spec.hidden)
    hidden.push_back({{"units", h.units}, {"activation", activation_name(h.activation)}, {"dropout", h.dropout}});
  json weights = json::array();
  for (size_t l = 0; l < net.W.size(); ++l) {
    if (!net.W[l].allFinite())
      fail("cannot save the model: weights[" + std::to_string(l) +
           "] contain NaN or infinity (the training diverged)");
    json rows = json::array();
    for (long r = 0; r < net.W[l].rows(); ++r) {
      json row = json::array();
      for (long c = 0; c < net.W[l].cols(); ++c) row.push_back(shortest(net.W[l](r, c)));
      rows.push_back(std::move(row));
    }
    weights.push_back(std::move(rows));
  }
  json spec = {{"inputs", net.spec.inputs},
               {"hidden", std::move(hidden)},
               {"outputs", net.spec.outputs},
               {"output", output_name(net.spec.output)},
               {"init", init_name(net.spec.init)}};
  json model = {{"format", kModelFormat}, {"version", kModelVersion}};
  if (!run.empty()) model["run"] = run;
  model["spec"] = std::move(spec);
  model["weights"] = std::move(weights);
  return dump_rows(model) + "\n";
}

template <class T>
Network<T> model_from_json(const std::string& text, std::string* run) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    fail("not a JSON file: " + json_error_text(e, text));
  } catch (const json::exception& e) {  // a number beyond a double's range, like 1e999
    fail("cannot read the JSON: " + json_error_text(e, text));
  }
  if (!root.is_object()) fail("not an mlp-playground model: the JSON is " + a_type(root) + ", not an object");
  if (!root.contains("format")) fail("not an mlp-playground model: missing field \"format\"");
  const json& format = root.at("format");
  const std::string expected = std::string("\"") + kModelFormat + "\"";
  if (!format.is_string())
    fail("not an mlp-playground model: \"format\" must be " + expected + ", got " + a_type(format));
  if (format != kModelFormat)
    fail("not an mlp-playground model: \"format\" is " + format.dump() + ", expected " + expected);
  object_with(root, "", {"format", "version", "spec", "weights"}, {"run"});
  const int version = integer(root.at("version"), "version");
  if (version != kModelVersion)
    fail("unsupported model version " + std::to_string(version) + " (this program reads version " +
         std::to_string(kModelVersion) + ")");
  Network<T> net{read_spec(root.at("spec")), {}};
  const json& weights = array(root.at("weights"), "weights");
  check_layer_count(net.spec, weights.size());
  for (int l = 0; l < net.spec.layers(); ++l) net.W.push_back(read_matrix<T>(weights[l], net.spec, l));
  std::string run_text;
  if (root.contains("run")) {
    const json& r = root.at("run");
    run_text = typed(r, r.is_string(), "a string", "run").get<std::string>();
  }
  if (run) *run = run_text;
  return net;
}

namespace {

// A model file's text, refused when it holds a zero byte (binary data, not JSON).
template <class T>
Network<T> model_from_text(const std::string& text, std::string* run) {
  const size_t zero = text.find('\0');
  if (zero != std::string::npos)
    fail("binary data, not a model JSON (a zero byte at offset " + std::to_string(zero) + ")");
  return model_from_json<T>(text, run);
}

}  // namespace

template <class T>
Network<T> model_from_file_bytes(const std::string& bytes, std::string* run) {
  if (bytes.empty()) fail("the file is empty");
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  if (!is_gzip(data, bytes.size())) return model_from_text<T>(bytes, run);
  std::vector<uint8_t> unzipped;
  try {
    unzipped = gunzip(data, bytes.size(), kMaxModelFileBytes);
  } catch (const GzipError& e) {
    fail(std::string("a gzip file that cannot be read: ") + e.what());
  }
  return model_from_text<T>(std::string(unzipped.begin(), unzipped.end()), run);
}

template <class T>
void save_model(const Network<T>& net, const std::string& path, const std::string& run) {
  const std::string json = model_to_json(net, run);
  std::ofstream out(path, std::ios::binary);
  if (!out) fail("cannot write model file '" + path + "': " + std::strerror(errno));
  out << json;
  out.close();
  if (!out) fail("cannot write model file '" + path + "': write failed (disk full?)");
}

template <class T>
Network<T> load_model(const std::string& path, std::string* run) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) fail("cannot open model file '" + path + "': it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot open model file '" + path + "': " + std::strerror(errno));
  in.seekg(0, std::ios::end);
  if (in.tellg() > static_cast<std::streamoff>(kMaxModelFileBytes))
    fail(path + ": larger than " + std::to_string(kMaxModelFileBytes >> 20) + " MB, not a model file");
  in.seekg(0);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) fail("cannot read model file '" + path + "'");
  try {
    return model_from_file_bytes<T>(contents.str(), run);
  } catch (const ModelError& e) {
    fail(path + ": " + e.what());
  }
}

#define MLP_INSTANTIATE(T)                                                                   \
  template std::string model_to_json<T>(const Network<T>&, const std::string&);              \
  template Network<T> model_from_json<T>(const std::string&, std::string*);                  \
  template Network<T> model_from_file_bytes<T>(const std::string&, std::string*);            \
  template void save_model<T>(const Network<T>&, const std::string&, const std::string&);    \
  template Network<T> load_model<T>(const std::string&, std::string*);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
