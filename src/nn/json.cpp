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
      if (s_[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) {  // count UTF-8 characters
        ++column;
      }
    }
    throw JsonParseError(line, column, expected + ", found " + found());
  }

  std::string found() const {
    if (pos_ >= s_.size()) return "the end of the text";
    const unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c < 0x20 || c >= 0x7F) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
      return buf;
    }
    return std::string("'") + s_[pos_] + "'";
  }

  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }

  bool consume(const char* word) {
    size_t n = 0;
    while (word[n] && pos_ + n < s_.size() && s_[pos_ + n] == word[n]) ++n;
    if (word[n]) return false;
    pos_ += n;
    return true;
  }

  Json parse_value(int depth) {
    skip_space();
    if (depth > kMaxDepth) fail("expected at most 512 nested arrays and objects");
    switch (pos_ < s_.size() ? s_[pos_] : '\0') {
      case '{': return parse_object(depth);
      case '[': return parse_array(depth);
      case '"': return Json(parse_string());
    }
    if (consume("true")) return Json(true);
    if (consume("false")) return Json(false);
    if (consume("null")) return Json();
    if (consume("NaN")) return Json(std::numeric_limits<double>::quiet_NaN());
    if (consume("Infinity")) return Json(std::numeric_limits<double>::infinity());
    if (consume("-Infinity")) return Json(-std::numeric_limits<double>::infinity());
    if (pos_ < s_.size() && (s_[pos_] == '-' || std::isdigit(static_cast<unsigned char>(s_[pos_]))))
      return Json(parse_number());
    fail("expected a value (object, array, string, number, true, false or null)");
  }

  Json parse_object(int depth) {
    ++pos_;  // '{'
    Json obj = Json::object();
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return obj;
    }
    for (;;) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a member name in double quotes");
      const size_t key_pos = pos_;
      std::string key = parse_string();
      if (obj.find(key)) {
        pos_ = key_pos;
        fail("expected each member name once (duplicate \"" + key + "\")");
      }
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != ':') fail("expected ':' after the member name");
      ++pos_;
      obj.set(key, parse_value(depth + 1));
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
      } else if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return obj;
      } else {
        fail("expected ',' or '}' after an object member");
      }
    }
  }

  Json parse_array(int depth) {
    ++pos_;  // '['
    Json::Array items;
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return Json(std::move(items));
    }
    for (;;) {
      items.push_back(parse_value(depth + 1));
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
      } else if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return Json(std::move(items));
      } else {
        fail("expected ',' or ']' after an array element");
      }
    }
  }

  // Reads 4 hex digits after "\u".
  unsigned parse_hex4() {
    unsigned code = 0;
    for (int i = 0; i < 4; ++i, ++pos_) {
      const char c = pos_ < s_.size() ? s_[pos_] : '\0';
      const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : (c >= 'a' && c <= 'f')                   ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F')                   ? c - 'A' + 10
                                                                   : -1;
      if (digit < 0) fail("expected 4 hex digits after \\u");
      code = code * 16 + static_cast<unsigned>(digit);
    }
    return code;
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  unsigned parse_escaped_code_point() {
    unsigned code = parse_hex4();
    if (code >= 0xD800 && code <= 0xDBFF) {  // high surrogate: a low one must follow
      if (!consume("\\u")) fail("expected a low surrogate \\uDC00..\\uDFFF after a high surrogate");
      const unsigned low = parse_hex4();
      if (low < 0xDC00 || low > 0xDFFF) {
        pos_ -= 6;
        fail("expected a low surrogate \\uDC00..\\uDFFF after a high surrogate");
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    return code;
  }

  std::string parse_string() {
    ++pos_;  // opening quote
    std::string out;
    for (;;) {
      if (pos_ >= s_.size()) fail("expected a closing '\"'");
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) fail("expected a closing '\"' (control characters must be escaped)");
      ++pos_;
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = pos_ < s_.size() ? s_[pos_] : '\0';
      const char* const from = "\"\\/bfnrt";
      const char* const to = "\"\\/\b\f\n\r\t";
      if (e == 'u') {
        ++pos_;
        append_utf8(out, parse_escaped_code_point());
      } else if (e != '\0' && std::strchr(from, e)) {
        out += to[std::strchr(from, e) - from];
        ++pos_;
      } else {
        fail("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX) after '\\'");
      }
    }
  }

  double parse_number() {
    const size_t start = pos_;
    const auto digits = [&] {
      const size_t first = pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      return pos_ > first;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      fail("expected a digit in the number");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) fail("expected a digit after the decimal point");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) fail("expected a digit in the exponent");
    }
    return std::strtod(s_.substr(start, pos_ - start).c_str(), nullptr);  // 1e999 reads as inf
  }

  const std::string& s_;
  size_t pos_ = 0;
};

}  // namespace

Json Json::parse(const std::string& text) { return Parser(text).document(); }

}  // namespace mlp
