// One-row-per-line JSON writer and line/column parse errors; see json_text.hpp.
#include "nn/json_text.hpp"

#include <algorithm>

namespace mlp {

namespace {

using json = nlohmann::ordered_json;

void newline(std::string& out, int depth) {
  out += '\n';
  out.append(static_cast<size_t>(depth), ' ');
}

void write(std::string& out, const json& value, int depth) {
  if (value.is_object() && !value.empty()) {
    out += '{';
    for (auto member = value.begin(); member != value.end(); ++member) {
      if (member != value.begin()) out += ',';
      newline(out, depth + 1);
      out += json(member.key()).dump() + ": ";
      write(out, member.value(), depth + 1);
    }
    newline(out, depth);
    out += '}';
  } else if (value.is_array() && std::any_of(value.begin(), value.end(), [](const json& item) { return item.is_structured(); })) {
    out += '[';
    for (auto item = value.begin(); item != value.end(); ++item) {
      if (item != value.begin()) out += ',';
      newline(out, depth + 1);
      write(out, *item, depth + 1);
    }
    newline(out, depth);
    out += ']';
  } else if (value.is_array()) {  // numbers, strings, booleans and nulls: one line
    out += '[';
    for (auto item = value.begin(); item != value.end(); ++item)
      out += (item != value.begin() ? ", " : "") + item->dump();
    out += ']';
  } else {
    out += value.dump();
  }
}

}  // namespace

std::string dump_rows(const nlohmann::ordered_json& value) {
  std::string out;
  write(out, value, 0);
  return out;
}

std::string json_error_text(const nlohmann::json::exception& error, const std::string& text) {
  // "[json.exception.parse_error.101] parse error at line 1, column 4: <explanation>"
  std::string what = error.what();
  what.erase(0, what.find("] ") + 2);
  const auto* parse_error = dynamic_cast<const nlohmann::json::parse_error*>(&error);
  if (!parse_error) return what;
  what.erase(0, what.find(": ") + 2);

  // parse_error->byte counts the bytes read, the one nlohmann stopped at included.
  const size_t at = std::min(parse_error->byte > 0 ? parse_error->byte - 1 : 0, text.size());
  int line = 1, column = 1;
  for (size_t i = 0; i < at; ++i) {
    const bool line_break = text[i] == '\n';
    line += line_break;
    column = line_break ? 1 : column + ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80);  // UTF-8 lead bytes
  }
  if (text.compare(at, 3, "NaN") == 0 || text.compare(at, 8, "Infinity") == 0)
    what += " (NaN and Infinity are not numbers in JSON)";
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
}

}  // namespace mlp
