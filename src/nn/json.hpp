// A small JSON value with a parser and a writer (std only), used for model files.
//
// Numbers are doubles and survive a write/parse round trip bit for bit (the writer
// uses the shortest of %.15g..%.17g that reads back exactly). Objects keep their
// members in insertion order. As an extension the parser reads NaN, Infinity and
// -Infinity (Python's json module writes them) so a caller can report them; the
// writer refuses non-finite numbers, so what it writes is always standard JSON.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace mlp {

// A parse error: the message reads "line L, column C: expected X, found Y".
class JsonParseError : public std::runtime_error {
 public:
  JsonParseError(int line, int column, const std::string& what);
  int line() const { return line_; }
  int column() const { return column_; }

 private:
  int line_, column_;
};

class Json {
 public:
  enum class Type { Null, Bool, Number, String, Array, Object };
  using Array = std::vector<Json>;
  using Member = std::pair<std::string, Json>;
  using Object = std::vector<Member>;

  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : value_(b) {}
  Json(double x) : value_(x) {}
  Json(int x) : value_(static_cast<double>(x)) {}
  Json(const char* s) : value_(std::string(s)) {}
  Json(std::string s) : value_(std::move(s)) {}
  Json(Array items) : value_(std::move(items)) {}
  static Json object(Object members = {}) { Json j; j.value_ = std::move(members); return j; }

  Type type() const { return static_cast<Type>(value_.index()); }
  bool is(Type t) const { return type() == t; }
  static const char* type_name(Type t);  // "null", "boolean", "number", "string", "array", "object"

  // Typed access; each throws std::logic_error when the value has another type.
  bool as_bool() const { return get<bool>(); }
  double as_number() const { return get<double>(); }
  const std::string& as_string() const { return get<std::string>(); }
  const Array& as_array() const { return get<Array>(); }
  const Object& as_object() const { return get<Object>(); }

  // Object member by key, or nullptr when absent (or when this is not an object).
  const Json* find(const std::string& key) const;
  // Sets an object member (appended, or replaced when the key exists); returns *this.
  Json& set(const std::string& key, Json value);
  // Appends to an array.
  void push_back(Json value);

  // Compact when indent < 0; otherwise one member per line, except that arrays of
  // numbers, strings, booleans and nulls stay on one line (a weight row reads as a row).
  // Throws std::invalid_argument for a NaN or infinite number.
  std::string dump(int indent = -1) const;

  // Parses one JSON document (surrounding whitespace allowed). Throws JsonParseError.
  static Json parse(const std::string& text);

 private:
  template <class V>
  const V& get() const {
    if (const V* v = std::get_if<V>(&value_)) return *v;
    throw std::logic_error(std::string("JSON value is a ") + type_name(type()) + ", not the type asked for");
  }
  void write(std::string& out, int indent, int depth) const;

  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> value_;
};

// Shortest decimal text that reads back as exactly x (x finite).
std::string format_number(double x);

}  // namespace mlp
