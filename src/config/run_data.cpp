// Generated data of a run; see run_data.hpp.
#include "config/run_data.hpp"

#include "data/glyphs.hpp"
#include "data/gzip.hpp"
#include "data/loaders.hpp"
#include "data/preprocess.hpp"
#include "data/toy.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace mlp {

namespace {

constexpr const char* kGlyphs = "glyphs";
constexpr double kGlyphFlipDefault = 0.04;  // one pixel in 25 flipped on average
constexpr int kGlyphTestCopies = 20;        // noisy test copies per glyph

const ToySpec* find_toy(const std::string& name) {
  for (const auto& t : toy_specs())
    if (t.name == name) return &t;
  return nullptr;
}

}  // namespace

std::vector<std::string> generated_sources() {
  std::vector<std::string> names = toy_names();
  names.push_back(kGlyphs);
  return names;
}

bool is_generated(const std::string& source) {
  const auto names = generated_sources();
  return std::find(names.begin(), names.end(), source) != names.end();
}

std::string source_description(const std::string& source) {
  if (source == kGlyphs)
    return "the lecture's five 5×5 digit images 1..5 (25 inputs, 5 classes); tested on noisy copies";
  const ToySpec* toy = find_toy(source);
  return toy ? toy->description : "";
}

double default_noise(const std::string& source) {
  if (source == kGlyphs) return kGlyphFlipDefault;
  const ToySpec* toy = find_toy(source);
  return toy ? toy->default_noise : 0.0;
}

double effective_noise(const DataConfig& data) {
  return data.noise < 0 ? default_noise(data.source) : data.noise;
}

DataSplit hold_out(const Dataset& all, double fraction, uint64_t seed) {
  DataSplit out;
  if (fraction <= 0) {
    out.train = all;
    return out;
  }
  const Split split = split_indices(all.labels, 0.0, fraction, seed, true);
  out.train = take(all, split.train);
  out.test = take(all, split.test);
  return out;
}

DataSplit generate_data(const DataConfig& data, uint64_t seed) {
  DataSplit out;
  if (data.source == kGlyphs) {
    out.train = lecture_glyphs();
    out.test = noisy_glyphs(kGlyphTestCopies, std::min(effective_noise(data), 1.0), 0.0, seed);
  } else {
    out = hold_out(make_toy(data.source, data.examples, effective_noise(data), seed, data.classes),
                   data.test_fraction, seed);
  }
  use_features(out, data.features);
  return out;
}

namespace {

// The first byte that no text table holds (NUL and the other control bytes but tab, CR, LF,
// form feed), or npos.
size_t first_binary_byte(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') return i;
  }
  return std::string::npos;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// ',' for CSV (by the name, or a comma on the first line that is not a comment), else ' '.
char table_delimiter(const std::string& name, const std::string& text) {
  if (ends_with(name, ".csv") || ends_with(name, ".csv.gz")) return ',';
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos && line[line.find_first_not_of(" \t\r")] != '#')
      return line.find(',') != std::string::npos ? ',' : ' ';
    start = end + 1;
  }
  return ' ';
}

// "data.csv.gz" → "data"
std::string stem(std::string name) {
  for (const char* ext : {".gz", ".csv", ".txt", ".dat"})
    if (ends_with(name, ext)) name.resize(name.size() - std::string(ext).size());
  return name;
}

// parse_table, its "name:12: ..." messages said as "name, line 12: ...".
Dataset parse_table_for_people(const std::string& text, const std::string& name, bool real_targets) {
  try {
    return parse_table(text, name, table_delimiter(name, text), stem(name), real_targets ? kRealTargets : 0);
  } catch (const DataError& e) {
    const std::string m = e.what(), head = name + ":";
    const size_t digits = m.compare(0, head.size(), head) == 0 ? m.find_first_not_of("0123456789", head.size()) : 0;
    if (digits > head.size() && digits != std::string::npos && m[digits] == ':')
      throw DataError(name + ", line " + m.substr(head.size(), digits - head.size()) + ":" + m.substr(digits + 1));
    throw;
  }
}

}  // namespace

Dataset read_table_bytes(const std::string& name, const std::string& bytes, bool real_targets) {
  auto fail = [&name](const std::string& why) { throw DataError(name + ": " + why); };
  if (bytes.empty()) fail("the file is empty");
  std::string text = bytes;
  const auto* raw = reinterpret_cast<const uint8_t*>(bytes.data());
  if (is_gzip(raw, bytes.size())) {
    try {
      const std::vector<uint8_t> plain = gunzip(raw, bytes.size());
      text.assign(plain.begin(), plain.end());
    } catch (const std::exception& e) {
      fail(std::string("not a readable gzip file (") + e.what() + ")");
    }
  }
  const size_t binary = first_binary_byte(text);
  if (binary != std::string::npos) {
    char at[64];
    std::snprintf(at, sizeof at, "byte 0x%02X at offset %zu", static_cast<unsigned char>(text[binary]), binary);
    fail(std::string("not a text table (") + at + "): give a text or CSV file, one example per line, the label last");
  }
  Dataset d = parse_table_for_people(text, name, real_targets);
  if (d.size() > kMaxTableRows)
    fail(std::to_string(d.size()) + " examples, the page takes at most " + std::to_string(kMaxTableRows));
  if (d.features() > kMaxTableInputs)
    fail(std::to_string(d.features()) + " input columns, the page takes at most " + std::to_string(kMaxTableInputs));
  if (d.num_classes > kMaxTableClasses)
    fail("labels up to " + std::to_string(d.num_classes - 1) + ", the page takes at most " +
         std::to_string(kMaxTableClasses) + " classes (labels 0 to " + std::to_string(kMaxTableClasses - 1) + ")");
  if (!d.is_regression() && d.num_classes < 2) fail("every label is 0: a classifier needs at least two classes");
  return d;
}

DataSplit split_table(const Dataset& table, const DataConfig& data, uint64_t seed) {
  DataSplit out = hold_out(table, data.test_fraction, seed);
  const Scaler scaler(data.scaling, out.train);
  scaler.apply(out.train);
  if (out.test.size() > 0) scaler.apply(out.test);
  use_features(out, data.features);
  return out;
}

std::string fit_output(RunConfig& config, bool regression, const std::string& data_name) {
  if (!regression || config.output == Output::Linear) return "";
  config.output = Output::Linear;
  return data_name + " has real-valued targets: using the linear output (MSE)";
}

bool is_regression_source(const std::string& source) {
  const ToySpec* toy = find_toy(source);
  return toy && toy->regression;
}

void use_features(DataSplit& split, const std::vector<InputFeature>& features) {
  use_features(split.train, features);
  if (split.test.size() > 0) use_features(split.test, features);
}

}  // namespace mlp
