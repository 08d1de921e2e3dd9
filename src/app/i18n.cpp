// The languages and the catalogue lookup, plain C++ (part of the app model); see i18n.hpp.
#include "app/i18n.hpp"

#include <string_view>
#include <unordered_map>

namespace mlp::ui {

namespace {

using Lookup = std::unordered_map<std::string_view, const char*>;

Lookup make_lookup(const std::vector<Translation>& catalogue) {
  Lookup lookup;
  for (const Translation& t : catalogue) lookup.emplace(t.english, t.translated);
  return lookup;
}

}  // namespace

const char* language_code(Language language) {
  return language == Language::TraditionalChinese ? "zh-TW" : "en";
}

const char* language_name(Language language) {
  return language == Language::TraditionalChinese ? "中文" : "English";
}

Language page_language(const std::string& setting, const std::string& browser) {
  const std::string& chosen = setting.empty() ? browser : setting;
  return chosen.rfind("zh", 0) == 0 ? Language::TraditionalChinese : Language::English;
}

const char* translate(Language language, const char* english) {
  if (language == Language::English) return english;
  static const Lookup lookup = make_lookup(zh_tw_catalogue());  // made once from the constant table
  const auto found = lookup.find(english);
  return found == lookup.end() ? english : found->second;
}

}  // namespace mlp::ui
