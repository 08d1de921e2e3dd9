// Model files as JSON: writing, and reading with a checked, path-named message for
// every kind of bad file; see model_io.hpp.
#include "nn/model_io.hpp"

#include "nn/json.hpp"

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

std::string a_type(Json::Type t) {
  const std::string name = Json::type_name(t);
  if (t == Json::Type::Null) return name;
  return (t == Json::Type::Array || t == Json::Type::Object ? "an " : "a ") + name;
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }
std::string index(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

const Json& typed(const Json& v, Json::Type type, const std::string& path) {
  if (!v.is(type)) fail(path + " must be " + a_type(type) + ", got " + a_type(v.type()));
  return v;
}

// The object at `path`, checked to have exactly the given fields.
const Json::Object& object_with(const Json& v, const std::string& path, std::initializer_list<const char*> fields) {
  const Json::Object& members = typed(v, Json::Type::Object, path.empty() ? "the model" : path).as_object();
  std::string expected;
  for (const char* f : fields) expected += (expected.empty() ? "" : ", ") + std::string(f);
  for (const char* f : fields)
    if (!v.find(f)) fail("missing field \"" + join(path, f) + "\"");
  for (const Json::Member& m : members) {
    bool known = false;
    for (const char* f : fields) known = known || m.first == f;
    if (!known) fail("unknown field \"" + join(path, m.first) + "\" (expected " + expected + ")");
  }
  return members;
}

double finite_number(const Json& v, const std::string& path) {
  const double x = typed(v, Json::Type::Number, path).as_number();
  if (!std::isfinite(x)) fail(path + " is not a finite number (" + (std::isnan(x) ? "NaN" : "infinity") + ")");
  return x;
}

int integer(const Json& v, const std::string& path) {
  const double x = finite_number(v, path);
  if (x != std::floor(x) || std::fabs(x) > 1e9) fail(path + " must be an integer, got " + format_number(x));
  return static_cast<int>(x);
}

const std::string& text(const Json& v, const std::string& path) {
  return typed(v, Json::Type::String, path).as_string();
}

// A name parsed by parse_activation / parse_output / parse_init, whose messages list the valid names.
template <class Parse>
auto named(const Json& v, const std::string& path, Parse parse) {
  try {
    return parse(text(v, path));
  } catch (const std::invalid_argument& e) {
    fail(path + ": " + e.what());
  }
}

NetworkSpec read_spec(const Json& v) {
  object_with(v, "spec", {"inputs", "hidden", "outputs", "output", "init"});
  NetworkSpec spec;
  spec.inputs = integer(*v.find("inputs"), "spec.inputs");
  const Json::Array& hidden = typed(*v.find("hidden"), Json::Type::Array, "spec.hidden").as_array();
  for (size_t i = 0; i < hidden.size(); ++i) {
    const std::string path = index("spec.hidden", i);
    object_with(hidden[i], path, {"units", "activation", "dropout"});
    LayerSpec layer;
    layer.units = integer(*hidden[i].find("units"), path + ".units");
    layer.activation = named(*hidden[i].find("activation"), path + ".activation", parse_activation);
    layer.dropout = finite_number(*hidden[i].find("dropout"), path + ".dropout");
    spec.hidden.push_back(layer);
  }
  spec.outputs = integer(*v.find("outputs"), "spec.outputs");
  spec.output = named(*v.find("output"), "spec.output", parse_output);
  spec.init = named(*v.find("init"), "spec.init", parse_init);
  try {
    spec.validate();
  } catch (const std::invalid_argument& e) {
    fail(std::string("invalid spec: ") + e.what());
  }
  return spec;
}

// W_l for layer l of the spec, with its shape checked row by row.
template <class T>
Matrix<T> read_matrix(const Json& v, const NetworkSpec& spec, int l) {
  const std::string path = index("weights", l);
  const long rows = spec.fan_in(l) + 1, cols = spec.units(l);
  const Json::Array& row_list = typed(v, Json::Type::Array, path).as_array();
  if (static_cast<long>(row_list.size()) != rows)
    fail(path + " must be " + required_shape(spec, l) + " for the spec, got " + std::to_string(row_list.size()) +
         " rows");
  Matrix<T> W(rows, cols);
  for (long r = 0; r < rows; ++r) {
    const std::string row_path = index(path, r);
    const Json::Array& row = typed(row_list[r], Json::Type::Array, row_path).as_array();
    if (static_cast<long>(row.size()) != cols)
      fail(row_path + " must have " + std::to_string(cols) + " numbers (the layer's units), got " +
           std::to_string(row.size()));
    for (long c = 0; c < cols; ++c) {
      const std::string entry = index(row_path, c);
      const double x = finite_number(row[c], entry);
      W(r, c) = static_cast<T>(x);
      if (!std::isfinite(W(r, c))) fail(entry + " = " + format_number(x) + " is too large");
    }
  }
  return W;
}

}  // namespace

template <class T>
std::string model_to_json(const Network<T>& net) {
  check_layer_count(net.spec, net.W.size());
  for (int l = 0; l < net.spec.layers(); ++l)
    if (net.W[l].rows() != net.spec.fan_in(l) + 1 || net.W[l].cols() != net.spec.units(l))
      fail("weights[" + std::to_string(l) + "] must be " + required_shape(net.spec, l) + ", got " +
           shape_text(net.W[l].rows(), net.W[l].cols()));
  Json hidden = Json::Array{};
  for (const LayerSpec& h : net.spec.hidden)
    hidden.push_back(Json::object()
                         .set("units", h.units)
                         .set("activation", activation_name(h.activation))
                         .set("dropout", h.dropout));
  Json weights = Json::Array{};
  for (size_t l = 0; l < net.W.size(); ++l) {
    if (!net.W[l].allFinite())
      fail("cannot save the model: weights[" + std::to_string(l) +
           "] contain NaN or infinity (the training diverged)");
    Json rows = Json::Array{};
    for (long r = 0; r < net.W[l].rows(); ++r) {
      Json row = Json::Array{};
      for (long c = 0; c < net.W[l].cols(); ++c) row.push_back(shortest(net.W[l](r, c)));
      rows.push_back(std::move(row));
    }
    weights.push_back(std::move(rows));
  }
  Json spec = Json::object()
                  .set("inputs", net.spec.inputs)
                  .set("hidden", std::move(hidden))
                  .set("outputs", net.spec.outputs)
                  .set("output", output_name(net.spec.output))
                  .set("init", init_name(net.spec.init));
  Json model = Json::object()
                   .set("format", kModelFormat)
                   .set("version", kModelVersion)
                   .set("spec", std::move(spec))
                   .set("weights", std::move(weights));
  return model.dump(1) + "\n";
}

template <class T>
Network<T> model_from_json(const std::string& text) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const JsonParseError& e) {
    fail(std::string("not a JSON file: ") + e.what());
  }
  if (!root.is(Json::Type::Object)) fail("not an mlp-playground model: the JSON is " + a_type(root.type()) + ", not an object");
  const Json* format = root.find("format");
  if (!format) fail("not an mlp-playground model: missing field \"format\"");
  const std::string expected = std::string("\"") + kModelFormat + "\"";
  if (!format->is(Json::Type::String))
    fail("not an mlp-playground model: \"format\" must be " + expected + ", got " + a_type(format->type()));
  if (format->as_string() != kModelFormat)
    fail("not an mlp-playground model: \"format\" is \"" + format->as_string() + "\", expected " + expected);
  object_with(root, "", {"format", "version", "spec", "weights"});
  const int version = integer(*root.find("version"), "version");
  if (version != kModelVersion)
    fail("unsupported model version " + std::to_string(version) + " (this program reads version " +
         std::to_string(kModelVersion) + ")");
  Network<T> net{read_spec(*root.find("spec")), {}};
  const Json::Array& weights = typed(*root.find("weights"), Json::Type::Array, "weights").as_array();
  check_layer_count(net.spec, weights.size());
  for (int l = 0; l < net.spec.layers(); ++l) net.W.push_back(read_matrix<T>(weights[l], net.spec, l));
  return net;
}

template <class T>
void save_model(const Network<T>& net, const std::string& path) {
  const std::string json = model_to_json(net);
  std::ofstream out(path, std::ios::binary);
  if (!out) fail("cannot write model file '" + path + "': " + std::strerror(errno));
  out << json;
  out.close();
  if (!out) fail("cannot write model file '" + path + "': write failed (disk full?)");
}

template <class T>
Network<T> load_model(const std::string& path) {
  constexpr std::streamoff kMaxBytes = 512L << 20;
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) fail("cannot open model file '" + path + "': it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot open model file '" + path + "': " + std::strerror(errno));
  in.seekg(0, std::ios::end);
  if (in.tellg() > kMaxBytes) fail(path + ": larger than 512 MB, not a model file");
  in.seekg(0);
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) fail("cannot read model file '" + path + "'");
  if (contents.str().empty()) fail(path + ": the file is empty");
  try {
    return model_from_json<T>(contents.str());
  } catch (const ModelError& e) {
    fail(path + ": " + e.what());
  }
}

#define MLP_INSTANTIATE(T)                                         \
  template std::string model_to_json<T>(const Network<T>&);        \
  template Network<T> model_from_json<T>(const std::string&);      \
  template void save_model<T>(const Network<T>&, const std::string&); \
  template Network<T> load_model<T>(const std::string&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp
