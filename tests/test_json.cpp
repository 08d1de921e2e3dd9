// Tests for our JSON text helpers on top of nlohmann::json (src/nn/json_text): the writer that
// keeps rows of numbers on one line (numbers still read back bit for bit, NaN and infinity
// become null) and parse errors located by line and column.
#include <catch2/catch.hpp>

#include "core/random.hpp"
#include "nn/json_text.hpp"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

using namespace mlp;
using json = nlohmann::ordered_json;

namespace {
// json_error_text for the error nlohmann throws on text (fails the test if it parses).
std::string error_text(const std::string& text) {
  try {
    const json ignored = json::parse(text);
  } catch (const json::exception& e) {
    return json_error_text(e, text);
  }
  FAIL("no error for: " << text);
  return "";
}

double bits_to_double(uint64_t bits) {
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}
}  // namespace

TEST_CASE("dump_rows: one member per line, arrays of scalars on one line", "[json]") {
  const json doc = {{"w", {{1, 2}, {3, 4}}}, {"name", "a \"b\"\n"}, {"empty", json::object()},
                    {"list", json::array()}, {"mixed", {1, {{"x", nullptr}}}}, {"flags", {true, false}}};
  CHECK(dump_rows(doc) ==
        "{\n"
        " \"w\": [\n  [1, 2],\n  [3, 4]\n ],\n"
        " \"name\": \"a \\\"b\\\"\\n\",\n"
        " \"empty\": {},\n"
        " \"list\": [],\n"
        " \"mixed\": [\n  1,\n  {\n   \"x\": null\n  }\n ],\n"
        " \"flags\": [true, false]\n"
        "}");
  CHECK(json::parse(dump_rows(doc)) == doc);  // members keep their order
  CHECK(dump_rows(3.5) == "3.5");
}

TEST_CASE("dump_rows: numbers read back bit for bit, NaN and infinity are written as null", "[json]") {
  const double specials[] = {0.0, -0.0, 0.1, 1.0 / 3.0, -2.5e-7, 1e300, DBL_MAX, DBL_MIN, 5e-324,
                             123456789012345678.0, 0.30000000000000004};
  Rng rng(7);
  json row = json::array();
  for (double x : specials) row.push_back(x);
  while (row.size() < 2000) {
    const double x = bits_to_double(rng.next_u64());
    if (std::isfinite(x)) row.push_back(x);
  }
  const json back = json::parse(dump_rows({{"row", row}}));
  for (size_t i = 0; i < row.size(); ++i) {
    const double x = row[i].get<double>(), y = back["row"][i].get<double>();
    INFO("x = " << row[i].dump());
    REQUIRE(std::memcmp(&x, &y, sizeof x) == 0);
  }
  CHECK(dump_rows({0.1, 1e-7, -3, 2.0}) == "[0.1, 1e-07, -3, 2.0]");

  const double inf = std::numeric_limits<double>::infinity();
  CHECK(dump_rows({std::nan(""), inf, -inf}) == "[null, null, null]");
  CHECK(json({{"loss", std::nan("")}}).dump() == "{\"loss\":null}");  // the app's test state
}

TEST_CASE("json_error_text: the line, the column and what nlohmann expected", "[json]") {
  CHECK(error_text("{\n  \"a\": 1,\n  \"b\" 2\n}") ==
        "line 3, column 7: syntax error while parsing object separator - unexpected number literal; expected ':'");
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "line 1, column 1: syntax error while parsing value - unexpected end of input"},
      {"[1, 2,]", "line 1, column 7: syntax error while parsing value - unexpected ']'"},
      {"[1 2]", "line 1, column 4: syntax error while parsing array - unexpected number literal; expected ']'"},
      {"{a: 1}", "line 1, column 2: syntax error while parsing object key - invalid literal"},
      {"\"abc", "line 1, column 5: syntax error while parsing value - invalid string: missing closing quote"},
      {"\"a\nb\"", "line 1, column 3: syntax error while parsing value - invalid string: control character U+000A"},
      {"1.", "line 1, column 3: syntax error while parsing value - invalid number; expected digit after '.'"},
      {"{} x", "line 1, column 4: syntax error while parsing value - invalid literal"},
      {"[\"\xc3\xa9\xc3\xa9\", \xff]", "line 1, column 8: "},  // columns count characters, not bytes
      {"\n\n   [\r\n  nul]", "line 4, column 6: "},
      {"[0.3,\n NaN]", "line 2, column 2: syntax error while parsing value - invalid literal; last read: '0.3,<U+000A> N'"
                       " (NaN and Infinity are not numbers in JSON)"},
      {"[-Infinity]", "line 1, column 3: "},
      {"[1, -1e999]", "number overflow parsing '-1e999'"},
  };
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    CHECK_THAT(error_text(c.text), Catch::StartsWith(c.message));
  }
  CHECK_THAT(error_text("[-Infinity]"), Catch::EndsWith("(NaN and Infinity are not numbers in JSON)"));
}

TEST_CASE("deep nesting is a parse error or a value, not a stack overflow", "[json]") {
  CHECK_THAT(error_text(std::string(100000, '[')), Catch::StartsWith("line 1, column 100001: "));
  CHECK(json::parse(std::string(100000, '[') + std::string(100000, ']')).is_array());
}
