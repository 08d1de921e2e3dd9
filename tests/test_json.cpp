// Tests for the JSON value, parser and writer (src/nn/json): round trips (numbers bit
// for bit, escapes, nesting) and parse errors with their line, column and expectation.
#include <catch2/catch.hpp>

#include "nn/json.hpp"
#include "nn/random.hpp"

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

using namespace mlp;

namespace {
// The error parse(text) throws (fails the test if it does not throw).
JsonParseError parse_error(const std::string& text) {
  try {
    Json::parse(text);
  } catch (const JsonParseError& e) {
    return e;
  }
  FAIL("no parse error for: " << text);
  return JsonParseError(0, 0, "");
}

double bits_to_double(uint64_t bits) {
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}
}  // namespace

TEST_CASE("JSON: a document with every kind of value survives write and parse", "[json]") {
  Json doc = Json::object()
                 .set("null", nullptr)
                 .set("yes", true)
                 .set("no", false)
                 .set("int", 42)
                 .set("pi", 3.141592653589793)
                 .set("text", "a \"quoted\" \\ line\nnext\ttab \x01 caf\xc3\xa9")
                 .set("list", Json::Array{1, "two", Json::Array{}, Json::object()})
                 // Json(...) inside: a bare Array{Array{..}} is a copy under clang, a nested list under g++.
                 .set("nested", Json::object().set("deep", Json::Array{Json(Json::Array{1.5, -2})}));
  for (int indent : {-1, 0, 2}) {
    const std::string text = doc.dump(indent);
    const Json back = Json::parse(text);
    CHECK(back.dump(indent) == text);
    CHECK(back.find("yes")->as_bool());
    CHECK_FALSE(back.find("no")->as_bool());
    CHECK(back.find("null")->is(Json::Type::Null));
    CHECK(back.find("int")->as_number() == 42);
    CHECK(back.find("text")->as_string() == doc.find("text")->as_string());
    CHECK(back.find("list")->as_array().size() == 4);
    CHECK(back.find("nested")->find("deep")->as_array()[0].as_array()[1].as_number() == -2);
  }
  CHECK(doc.find("missing") == nullptr);
  // Members keep their order.
  CHECK(doc.dump().rfind("{\"null\":null,\"yes\":true,\"no\":false,\"int\":42,", 0) == 0);
}

TEST_CASE("JSON: numbers round-trip bit for bit and are written short", "[json]") {
  const double specials[] = {0.0, -0.0, 0.1, 1.0 / 3.0, -2.5e-7, 1e300, DBL_MAX, DBL_MIN, 5e-324,
                             123456789012345678.0, 0.30000000000000004};
  for (double x : specials) {
    const double back = Json::parse(Json(x).dump()).as_number();
    CHECK(std::memcmp(&back, &x, sizeof x) == 0);
  }
  Rng rng(7);
  int checked = 0;
  while (checked < 2000) {
    const double x = bits_to_double(rng.next_u64());
    if (!std::isfinite(x)) continue;
    const double back = Json::parse(Json(Json::Array{x}).dump()).as_array()[0].as_number();
    REQUIRE(std::memcmp(&back, &x, sizeof x) == 0);
    ++checked;
  }
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(-3) == "-3");
  CHECK(format_number(1e-7) == "1e-07");
  CHECK(Json::parse("-0.5e+2").as_number() == -50.0);
  CHECK(Json::parse("1E3").as_number() == 1000.0);
}

TEST_CASE("JSON: string escapes, including \\u and surrogate pairs, decode to UTF-8", "[json]") {
  const Json s = Json::parse(R"("q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00")");
  CHECK(s.as_string() == "q\" b\\ s/ \b\f\n\r\t \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
  CHECK(Json::parse(s.dump()).as_string() == s.as_string());
  CHECK(Json(std::string("\x1f")).dump() == "\"\\u001f\"");
}

TEST_CASE("JSON: pretty output keeps arrays of numbers on one line", "[json]") {
  const Json doc = Json::object().set("w", Json::Array{Json::Array{1, 2}, Json::Array{3, 4}});
  CHECK(doc.dump(1) == "{\n \"w\": [\n  [1, 2],\n  [3, 4]\n ]\n}");
  CHECK(doc.dump() == "{\"w\":[[1,2],[3,4]]}");
}

TEST_CASE("JSON: parse errors give the line, the column and what was expected", "[json]") {
  const JsonParseError colon = parse_error("{\n  \"a\": 1,\n  \"b\" 2\n}");
  CHECK(colon.line() == 3);
  CHECK(colon.column() == 7);
  CHECK(std::string(colon.what()) == "line 3, column 7: expected ':' after the member name, found '2'");

  struct Case {
    const char* text;
    int line, column;
    const char* message;
  };
  const Case cases[] = {
      {"", 1, 1, "expected a value (object, array, string, number, true, false or null), found the end of the text"},
      {"[1, 2,]", 1, 7, "expected a value"},
      {"[1 2]", 1, 4, "expected ',' or ']' after an array element, found '2'"},
      {"{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}' after an object member"},
      {"{a: 1}", 1, 2, "expected a member name in double quotes, found 'a'"},
      {"{\"a\": 1, \"a\": 2}", 1, 10, "duplicate \"a\""},
      {"\"abc", 1, 5, "expected a closing '\"', found the end of the text"},
      {"\"a\nb\"", 1, 3, "control characters must be escaped"},
      {"\"\\x\"", 1, 3, "expected an escape"},
      {"\"\\u12G4\"", 1, 6, "expected 4 hex digits after \\u, found 'G'"},
      {"\"\\ud83d x\"", 1, 8, "expected a low surrogate"},
      {"tru", 1, 1, "expected a value"},
      {"-", 1, 2, "expected a digit in the number, found the end of the text"},
      {"1.", 1, 3, "expected a digit after the decimal point"},
      {"1e+", 1, 4, "expected a digit in the exponent"},
      {"01", 1, 2, "expected the end of the document, found '1'"},
      {"{} x", 1, 4, "expected the end of the document, found 'x'"},
      {"[\"\xc3\xa9\xc3\xa9\", \xff]", 1, 8, "found byte 0xFF"},
      {"\n\n   [\r\n  nul]", 4, 3, "expected a value"},
  };
  for (const Case& c : cases) {
    INFO("text: " << c.text);
    const JsonParseError e = parse_error(c.text);
    CHECK(e.line() == c.line);
    CHECK(e.column() == c.column);
    CHECK_THAT(e.what(), Catch::Contains(c.message));
  }
}

TEST_CASE("JSON: deep nesting is an error, not a stack overflow", "[json]") {
  const JsonParseError e = parse_error(std::string(100000, '['));
  CHECK(e.column() == 514);
  CHECK_THAT(e.what(), Catch::Contains("at most 512 nested"));
  CHECK(Json::parse(std::string(200, '[') + std::string(200, ']')).is(Json::Type::Array));
}

TEST_CASE("JSON: NaN and Infinity are read (as Python writes them) but never written", "[json]") {
  const Json v = Json::parse("[NaN, Infinity, -Infinity, 1e999]");
  CHECK(std::isnan(v.as_array()[0].as_number()));
  CHECK(v.as_array()[1].as_number() == std::numeric_limits<double>::infinity());
  CHECK(v.as_array()[2].as_number() == -std::numeric_limits<double>::infinity());
  CHECK(std::isinf(v.as_array()[3].as_number()));
  CHECK_THROWS_WITH(v.dump(), Catch::Contains("cannot represent NaN or infinity"));
}

TEST_CASE("JSON: typed access to the wrong type throws", "[json]") {
  const Json n(3);
  CHECK_THROWS_AS(n.as_string(), std::logic_error);
  CHECK_THROWS_WITH(n.as_array(), Catch::Contains("is a number"));
  CHECK(n.find("x") == nullptr);
  Json obj;
  obj.set("a", 1).set("a", 2);
  CHECK(obj.as_object().size() == 1);
  CHECK(obj.find("a")->as_number() == 2);
}
