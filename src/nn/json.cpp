// JSON parser (recursive descent with line/column tracking) and writer; see json.hpp.
#include "nn/json.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace mlp {

JsonParseError::JsonParseError(int line, int column, const std::string& what)
    : std::runtime_error("line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what),
      line_(line),
      column_(column) {}

const char* Json::type_name(Type t) {
  static const char* const names[] = {"null", "boolean", "number", "string", "array", "object"};
  return names[static_cast<int>(t)];
}

const Json* Json::find(const std::string& key) const {
  if (const Object* members = std::get_if<Object>(&value_))
    for (const Member& m : *members)
      if (m.first == key) return &m.second;
  return nullptr;
}

Json& Json::set(const std::string& key, Json value) {
  if (is(Type::Null)) value_ = Object{};
  Object& members = std::get<Object>(value_);
  for (Member& m : members)
    if (m.first == key) {
      m.second = std::move(value);
      return *this;
    }
  members.emplace_back(key, std::move(value));
  return *this;
}

void Json::push_back(Json value) {
  if (is(Type::Null)) value_ = Array{};
  std::get<Array>(value_).push_back(std::move(value));
}

// ------------------------------------------------------------------------------ writer

std::string format_number(double x) {
  char buf[32];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, x);
    if (std::strtod(buf, nullptr) == x) break;
  }
  return buf;
}

namespace {

void write_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

bool is_scalar(const Json& j) { return !j.is(Json::Type::Array) && !j.is(Json::Type::Object); }

}  // namespace

void Json::write(std::string& out, int indent, int depth) const {
  const auto newline = [&](int d) {
    if (indent >= 0) out += '\n' + std::string(static_cast<size_t>(indent * d), ' ');
  };
  switch (type()) {
    case Type::Null: out += "null"; break;
    case Type::Bool: out += as_bool() ? "true" : "false"; break;
    case Type::Number:
      if (!std::isfinite(as_number())) throw std::invalid_argument("JSON cannot represent NaN or infinity");
      out += format_number(as_number());
      break;
    case Type::String: write_string(out, as_string()); break;
    case Type::Array: {
      const Array& items = as_array();
      bool one_line = true;
      for (const Json& item : items) one_line = one_line && is_scalar(item);
      out += '[';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += indent >= 0 && one_line ? ", " : ",";
        if (!one_line) newline(depth + 1);
        items[i].write(out, indent, depth + 1);
      }
      if (!one_line && !items.empty()) newline(depth);
      out += ']';
      break;
    }
    case Type::Object: {
      const Object& members = as_object();
      out += '{';
      for (size_t i = 0; i < members.size(); ++i) {
        if (i > 0) out += ',';
        newline(depth + 1);
        write_string(out, members[i].first);
        out += indent >= 0 ? ": " : ":";
        members[i].second.write(out, indent, depth + 1);
      }
      if (!members.empty()) newline(depth);
      out += '}';
      break;
    }
  }
}

std::string Json::dump(int indent) const {
  std::string out;
  write(out, indent, 0);
  return out;
}

// ------------------------------------------------------------------------------ parser

namespace {

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}

  Json document() {
    Json value = parse_value(0);
    skip_space();
    if (pos_ < s_.size()) fail("expected the end of the document");
    return value;
  }

 private:
  static constexpr int kMaxDepth = 512;

  [[noreturn]] void fail(const std::string& expected) const {
    int line = 1, column = 1;
    for (size_t i = 0; i < pos_; ++i) {
      const bool newline = s_[i] == '\n';
      line += newline;
      column = newline ? 1 : column + ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80);  // UTF-8 characters
    }
    std::string found = pos_ < s_.size() ? std::string("'") + s_[pos_] + "'" : "the end of the text";
    const unsigned char c = pos_ < s_.size() ? static_cast<unsigned char>(s_[pos_]) : ' ';
    if (c < 0x20 || c >= 0x7F) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
      found = buf;
    }
    throw JsonParseError(line, column, expected + ", found " + found);
  }

  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  bool eat(char c) {
    if (pos_ >= s_.size() || s_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  void expect(char c, const char* what) {
    if (!eat(c)) fail(what);
  }
  void skip_space() {
    while (eat(' ') || eat('\t') || eat('\n') || eat('\r')) {}
  }
  bool consume(const char* word) {
    const size_t n = std::strlen(word);
    if (s_.compare(pos_, n, word) != 0) return false;
    pos_ += n;
    return true;
  }

  Json parse_value(int depth) {
    skip_space();
    if (depth > kMaxDepth) fail("expected at most 512 nested arrays and objects");
    if (eat('{')) return parse_object(depth);
    if (eat('[')) return parse_array(depth);
    if (peek() == '"') return Json(parse_string());
    if (consume("true")) return Json(true);
    if (consume("false")) return Json(false);
    if (consume("null")) return Json();
    if (consume("NaN")) return Json(std::numeric_limits<double>::quiet_NaN());
    if (consume("Infinity")) return Json(std::numeric_limits<double>::infinity());
    if (consume("-Infinity")) return Json(-std::numeric_limits<double>::infinity());
    if (peek() == '-' || std::isdigit(static_cast<unsigned char>(peek()))) return Json(parse_number());
    fail("expected a value (object, array, string, number, true, false or null)");
  }

  Json parse_object(int depth) {  // after '{'
    Json obj = Json::object();
    skip_space();
    if (eat('}')) return obj;
    do {
      skip_space();
      if (peek() != '"') fail("expected a member name in double quotes");
      const size_t key_pos = pos_;
      const std::string key = parse_string();
      if (obj.find(key)) {
        pos_ = key_pos;
        fail("expected each member name once (duplicate \"" + key + "\")");
      }
      skip_space();
      expect(':', "expected ':' after the member name");
      obj.set(key, parse_value(depth + 1));
      skip_space();
    } while (eat(','));
    expect('}', "expected ',' or '}' after an object member");
    return obj;
  }

  Json parse_array(int depth) {  // after '['
    Json::Array items;
    skip_space();
    if (eat(']')) return Json(std::move(items));
    do {
      items.push_back(parse_value(depth + 1));
      skip_space();
    } while (eat(','));
    expect(']', "expected ',' or ']' after an array element");
    return Json(std::move(items));
  }

  unsigned parse_hex4() {  // after "\u"
    for (int i = 0; i < 4; ++i, ++pos_)
      if (!std::isxdigit(static_cast<unsigned char>(peek()))) fail("expected 4 hex digits after \\u");
    return static_cast<unsigned>(std::stoul(s_.substr(pos_ - 4, 4), nullptr, 16));
  }

  unsigned parse_code_point() {  // after "\u"; a high surrogate must be followed by a low one
    const unsigned code = parse_hex4();
    if (code < 0xD800 || code > 0xDBFF) return code;
    const char* const expected = "expected a low surrogate \\uDC00..\\uDFFF after a high surrogate";
    if (!consume("\\u")) fail(expected);
    const unsigned low = parse_hex4();
    if (low < 0xDC00 || low > 0xDFFF) {
      pos_ -= 6;
      fail(expected);
    }
    return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
  }

  static void append_utf8(std::string& out, unsigned code) {
    static const unsigned lead[] = {0x00, 0xC0, 0xE0, 0xF0};
    const int extra = code < 0x80 ? 0 : code < 0x800 ? 1 : code < 0x10000 ? 2 : 3;  // continuation bytes
    out += static_cast<char>(lead[extra] | (code >> (6 * extra)));
    for (int i = extra - 1; i >= 0; --i) out += static_cast<char>(0x80 | ((code >> (6 * i)) & 0x3F));
  }

  std::string parse_string() {
    ++pos_;  // opening quote
    std::string out;
    while (!eat('"')) {
      if (pos_ >= s_.size()) fail("expected a closing '\"'");
      const char c = s_[pos_];
      if (static_cast<unsigned char>(c) < 0x20) fail("expected a closing '\"' (control characters must be escaped)");
      ++pos_;
      if (c != '\\') {
        out += c;
        continue;
      }
      static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
      const char* e = peek() ? std::strchr(from, peek()) : nullptr;
      if (eat('u')) append_utf8(out, parse_code_point());
      else if (e && eat(*e)) out += to[e - from];
      else fail("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after '\\'");
    }
    return out;
  }

  double parse_number() {
    const size_t start = pos_;
    const auto digits = [&](const char* what) {
      if (!std::isdigit(static_cast<unsigned char>(peek()))) fail(what);
      while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
    };
    eat('-');
    if (!eat('0')) digits("expected a digit in the number");
    if (eat('.')) digits("expected a digit after the decimal point");
    if (eat('e') || eat('E')) {
      if (!eat('+')) eat('-');
      digits("expected a digit in the exponent");
    }
    return std::strtod(s_.substr(start, pos_ - start).c_str(), nullptr);  // 1e999 reads as inf
  }

  const std::string& s_;
  size_t pos_ = 0;
};

}  // namespace

Json Json::parse(const std::string& text) { return Parser(text).document(); }

}  // namespace mlp
