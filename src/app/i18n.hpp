// The page's languages: English and Traditional Chinese (zh-TW). Every text the page shows is
// written in English in the code and passed through tr(), which gives its zh-TW translation
// from the catalogue (i18n_zh_tw.cpp, a table English -> zh-TW) while the page is in zh-TW, and
// the English text otherwise (or when the catalogue has no entry for it).
//
// Where the language lives (the project has no globals): the App owns it and hands it to tr()
// once per frame with use_language(), which keeps a pointer to it in ImGui's IO.UserData (the
// app's own slot in ImGui's context; nothing else uses it). tr() and the other functions below
// marked "ImGui" read it from there: they need ImGui's context, the rest is plain C++ (the app
// model and the unit tests use it without ImGui).
//
// Rules for the texts (tests/test_i18n.cpp checks them):
//   - a literal passed to tr(), tr_id() or tr_noop() has a catalogue entry, and every entry is used;
//   - a printf-style format is translated whole, with the same conversions in the same order;
//   - formulas and symbols stay as they are (W, dW, ŷ, σ', [1 X]·W1): only the prose around them
//     is translated;
//   - messages made by the core (src/nn, src/data, src/config: errors, clamping notes, file
//     problems) stay English, as the command-line tool prints them, and so do the set-up notes
//     listed with them (run_setup.cpp's clamping, a link's notes); the page's words around them
//     are translated.
#pragma once

#include <string>
#include <vector>

namespace mlp::ui {

enum class Language { English, TraditionalChinese };

// As the page address writes it: "en", "zh-TW".
const char* language_code(Language language);

// As the language switch shows it: "English", "中文".
const char* language_name(Language language);

// The page's language from its setting (page.lang: "en", "zh-TW", or "" = follow the browser)
// and the browser's language (navigator.language, e.g. "zh-TW", "zh-HK", "en-US"; natively
// $LANG, e.g. "zh_TW.UTF-8"): a language starting with "zh" gives zh-TW, anything else English.
Language page_language(const std::string& setting, const std::string& browser);

// One entry of a catalogue: the English text as the code writes it, and its translation.
struct Translation {
  const char* english;
  const char* translated;
};

// The zh-TW catalogue (i18n_zh_tw.cpp).
const std::vector<Translation>& zh_tw_catalogue();

// `english` in `language`: the catalogue's translation, or `english` itself when there is none
// (and always in English). The result lives as long as `english` does (or for ever).
const char* translate(Language language, const char* english);

// Marks a literal kept as English data (e.g. the lessons' texts, made without ImGui) that the
// page translates where it draws it, with tr(): the i18n test checks it has an entry too.
constexpr const char* tr_noop(const char* english) { return english; }

// --- ImGui ------------------------------------------------------------------------------
// Makes `language` the one tr() uses until the next call; the App calls it at the start of
// every frame with its own member (which must outlive the frame).
void use_language(Language& language);

// The language tr() uses now (English before any use_language).
Language current_language();

// `english` in the page's language (see translate).
const char* tr(const char* english);

// `message` with its English beginning `prefix` (a tr_noop text) translated, e.g. the page's words
// before a core's reason: tr_prefix("This set-up cannot start: the model has ...", kCannotStart).
// A message that does not start with `prefix` comes back as it is.
std::string tr_prefix(const std::string& message, const char* prefix);

// tr(english) with a fixed ImGui id: "<translated>###<id>", so a window, a tab or a header
// keeps its state (which tab is open, scrolling) when the language changes.
std::string tr_id(const char* english, const char* id);

// The language switch: a small combo ("English" / "中文"), as tall as a line of text, at the
// right end of the current window's row at `row_y` (window coordinates), published as
// "lang_switch" (its items as "lang_en", "lang_zh-TW"). Returns the language picked this frame,
// or `current`. The cursor is left where it was.
Language show_language_switch(Language current, float row_y);

}  // namespace mlp::ui
