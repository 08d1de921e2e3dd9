// Tests for the page's languages (src/app/i18n): the page language from its setting and the
// browser's; the zh-TW catalogue against the sources of src/app: every literal given to tr(),
// tr_id() or tr_noop() has an entry, no entry is unused or doubled, a printf-style format
// keeps its conversions in the same order; no literal that reads as English prose reaches an
// ImGui text, button, tooltip or label (or the app's own widgets taking one) without tr().
#include <catch2/catch.hpp>

#include "app/i18n.hpp"
#include "app/lessons.hpp"
#include "config/presets.hpp"
#include "config/run_data.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace mlp;
using namespace mlp::ui;

namespace {

// --- A small C++ tokenizer: identifiers, string literals (decoded, adjacent ones joined by the
// caller) and single punctuation characters, with comments, character literals and
// whitespace skipped.
struct Token {
  enum Kind { Identifier, String, Punct } kind;
  std::string text;  // the identifier, the decoded literal, or the character
  int line;
};

char decode_escape(char c) {
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case '0': return '\0';
    default: return c;  // \" \\ \'
  }
}

std::vector<Token> tokenize(const std::string& src) {
  std::vector<Token> tokens;
  int line = 1;
  for (size_t i = 0; i < src.size();) {
    const char c = src[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (src.compare(i, 2, "//") == 0) {
      i = src.find('\n', i);
      if (i == std::string::npos) break;
    } else if (src.compare(i, 2, "/*") == 0) {
      const size_t end = src.find("*/", i + 2);
      for (size_t k = i; k < end && k < src.size(); ++k) line += src[k] == '\n';
      i = end == std::string::npos ? src.size() : end + 2;
    } else if (c == '"' || c == '\'') {
      std::string value;
      size_t k = i + 1;
      for (; k < src.size() && src[k] != c; ++k) value += src[k] == '\\' ? decode_escape(src[++k]) : src[k];
      if (c == '"') tokens.push_back({Token::String, value, line});
      i = k + 1;
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t k = i;
      while (k < src.size() && (std::isalnum(static_cast<unsigned char>(src[k])) || src[k] == '_')) ++k;
      tokens.push_back({Token::Identifier, src.substr(i, k - i), line});
      i = k;
    } else if (std::isspace(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c))) {
      ++i;
    } else {
      tokens.push_back({Token::Punct, std::string(1, c), line});
      ++i;
    }
  }
  return tokens;
}

// The literal starting at tokens[i] with the adjacent ones joined ("a" "b" -> "ab"); i moves past it.
std::string joined_literal(const std::vector<Token>& t, size_t& i) {
  std::string value;
  for (; i < t.size() && t[i].kind == Token::String; ++i) value += t[i].text;
  return value;
}

bool is_punct(const Token& t, char c) { return t.kind == Token::Punct && t.text[0] == c; }

bool is_translator(const std::vector<Token>& t, size_t i) {
  return t[i].kind == Token::Identifier && (t[i].text == "tr" || t[i].text == "tr_id" || t[i].text == "tr_noop") &&
         i + 2 < t.size() && is_punct(t[i + 1], '(') && t[i + 2].kind == Token::String;
}

struct Source {
  std::string name;  // e.g. "src/app/setup_panel.cpp"
  std::vector<Token> tokens;
};

// The app's sources and headers: the panels (src/app) and the app model (src/app/model).
std::vector<Source> app_sources() {
  std::vector<Source> sources;
  const std::filesystem::path root = MLP_SOURCE_DIR;
  for (const char* dir : {"src/app", "src/app/model"}) {
    for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
      const auto ext = entry.path().extension();
      if ((ext != ".cpp" && ext != ".hpp") || entry.path().filename() == "i18n_zh_tw.cpp") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      sources.push_back({std::string(dir) + "/" + entry.path().filename().string(), tokenize(text.str())});
    }
  }
  REQUIRE(sources.size() > 20);
  return sources;
}

// Every literal marked for translation, with where it was found ("file:line").
std::map<std::string, std::string> marked_literals(const std::vector<Source>& sources) {
  std::map<std::string, std::string> found;
  for (const Source& s : sources) {
    const auto& t = s.tokens;
    for (size_t i = 0; i < t.size(); ++i) {
      if (!is_translator(t, i)) continue;
      const int line = t[i].line;
      size_t k = i + 2;
      found.emplace(joined_literal(t, k), s.name + ":" + std::to_string(line));
    }
  }
  return found;
}

// printf conversions in order ("%d", "%.2f", "%s", ...; "%%" included).
std::vector<std::string> conversions(const std::string& format) {
  static const std::regex spec(R"(%[-+#0]*(\d+|\*)?(\.(\d+|\*))?(hh|h|ll|l|L|z|j|t)?[diouxXeEfFgGaAcsp%])");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(format.begin(), format.end(), spec); it != std::sregex_iterator(); ++it)
    out.push_back(it->str());
  return out;
}

// Reads as English prose: a word of three or more letters outside any "##id" part.
bool reads_as_prose(const std::string& literal) {
  static const std::regex word("[A-Za-z]{3,}");
  const std::string shown = literal.substr(0, literal.find("##"));
  return std::regex_search(shown, word);
}

// The calls whose string arguments the page shows: ImGui's text, buttons, tooltips and labelled
// widgets, and the app's own widgets that take a label or a help text (their id arguments aside).
const std::map<std::string, int>& id_argument() {  // call -> the argument that is an id, not shown
  static const std::map<std::string, int> ids{{"published_button", 1}, {"begin_tab", 1}};
  return ids;
}

const std::set<std::string>& showing_calls() {
  static const std::set<std::string> calls{
      "Text", "TextUnformatted", "TextWrapped", "TextDisabled", "TextColored", "BulletText", "LabelText",
      "Button", "SmallButton", "Checkbox", "RadioButton", "Selectable", "MenuItem", "CollapsingHeader",
      "TreeNode", "BeginCombo", "Combo", "SetTooltip", "SliderFloat", "SliderInt", "DragFloat", "DragInt",
      "InputText", "InputInt", "InputFloat", "BeginTabItem", "TableSetupColumn", "TableHeader",
      "published_button", "help_marker", "begin_tab", "begin_panel", "slider_double", "drag_double",
      "colour_legend", "bullet", "AddText", "text_wrapped"};
  return calls;
}

}  // namespace

TEST_CASE("the page's language: its setting, else the browser's", "[i18n]") {
  CHECK(page_language("zh-TW", "en-US") == Language::TraditionalChinese);
  CHECK(page_language("en", "zh-TW") == Language::English);
  CHECK(page_language("", "zh-TW") == Language::TraditionalChinese);
  CHECK(page_language("", "zh-HK") == Language::TraditionalChinese);
  CHECK(page_language("", "zh_TW.UTF-8") == Language::TraditionalChinese);
  CHECK(page_language("", "en-GB") == Language::English);
  CHECK(page_language("", "") == Language::English);
  CHECK(std::string(language_code(Language::TraditionalChinese)) == "zh-TW");
  CHECK(std::string(language_code(Language::English)) == "en");
}

TEST_CASE("translate: the catalogue's text in zh-TW, the English text otherwise", "[i18n]") {
  const Translation& first = zh_tw_catalogue().front();
  CHECK(std::string(translate(Language::TraditionalChinese, first.english)) == first.translated);
  CHECK(std::string(translate(Language::English, first.english)) == first.english);
  CHECK(std::string(translate(Language::TraditionalChinese, "no such text")) == "no such text");
}

TEST_CASE("every text marked for translation has its zh-TW entry, and every entry is used", "[i18n]") {
  auto marked = marked_literals(app_sources());
  REQUIRE(marked.size() > 100);
  for (const std::string& source : generated_sources())  // the core's descriptions the data picker shows, tr()'d
    marked.emplace(source_description(source), "config/run_data.cpp: source_description(\"" + source + "\")");
  for (const RunPreset* p : presets_for("mnist")) {  // the core's MNIST presets, as the MNIST tab shows them
    marked.emplace(p->title, "config/presets.cpp: " + p->name);
    marked.emplace(p->summary, "config/presets.cpp: " + p->name);
  }
  std::set<std::string> english;
  for (const Translation& t : zh_tw_catalogue()) {
    INFO("catalogue entry: " << t.english);
    CHECK(english.insert(t.english).second);  // no entry twice
    CHECK(marked.count(t.english) == 1);      // used by the sources
    CHECK_FALSE(std::string(t.translated).empty());
  }
  for (const auto& [text, where] : marked) {
    INFO(where << ": tr(\"" << text << "\")");
    CHECK(english.count(text) == 1);
  }
}

TEST_CASE("a translated format keeps the English one's conversions in the same order", "[i18n]") {
  CHECK(conversions("epoch %d of %ld: %.2f%% (%s)") == std::vector<std::string>{"%d", "%ld", "%.2f", "%%", "%s"});
  CHECK(conversions("100 % and 95 %, done").empty());
  for (const Translation& t : zh_tw_catalogue()) {
    INFO(t.english << "  ->  " << t.translated);
    CHECK(conversions(t.english) == conversions(t.translated));
  }
}

TEST_CASE("every lesson's texts and buttons have their zh-TW translation", "[i18n]") {
  auto translated = [](const std::string& s) {
    return std::string(translate(Language::TraditionalChinese, s.c_str())) != s;
  };
  for (const Lesson& lesson : lessons()) {
    INFO(lesson.title);
    CHECK(translated(lesson.title));
    CHECK(translated(lesson.text));
    CHECK(translated(lesson.look_at));
    CHECK(translated(lesson.try_this));
    for (const LessonPreset& p : lesson.presets) CHECK(translated(p.label));
  }
}

TEST_CASE("no English prose reaches the page's text, buttons or tooltips without tr()", "[i18n]") {
  CHECK(reads_as_prose("Step phase##step"));
  CHECK_FALSE(reads_as_prose("##speed"));
  CHECK_FALSE(reads_as_prose("dW%d = %s"));
  std::vector<std::string> raw;
  for (const Source& s : app_sources()) {
    const auto& t = s.tokens;
    for (size_t i = 0; i + 1 < t.size(); ++i) {
      if (t[i].kind != Token::Identifier || !showing_calls().count(t[i].text) || !is_punct(t[i + 1], '(')) continue;
      const auto id = id_argument().find(t[i].text);
      const int id_index = id == id_argument().end() ? -1 : id->second;
      int depth = 0, argument = 0;
      for (size_t k = i + 1; k < t.size(); ++k) {  // the call's arguments, nested calls included
        if (is_punct(t[k], '(')) ++depth;
        if (is_punct(t[k], ')') && --depth == 0) break;
        if (depth == 1 && is_punct(t[k], ',')) ++argument;
        if (argument == id_index) continue;
        if (is_translator(t, k)) {  // skip the whole tr(...) call (tr_id's id included)
          int inner = 0;
          for (++k; k < t.size(); ++k) {
            if (is_punct(t[k], '(')) ++inner;
            if (is_punct(t[k], ')') && --inner == 0) break;
          }
        } else if (t[k].kind == Token::String) {
          const size_t at = k;
          const std::string literal = joined_literal(t, k);
          --k;
          if (reads_as_prose(literal)) raw.push_back(s.name + ":" + std::to_string(t[at].line) + ": \"" + literal + "\"");
        }
      }
    }
  }
  INFO("literals shown without tr():\n" << [&] {
    std::string all;
    for (const auto& r : raw) all += r + "\n";
    return all;
  }());
  CHECK(raw.empty());
}
