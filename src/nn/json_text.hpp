// JSON text as people read it, on top of nlohmann::json: a writer that keeps each row of
// numbers on one line (model files and `mlp dump`, where nlohmann's own dump(1) would put
// every number of a weight matrix on a line of its own), and parse errors located by line
// and column (nlohmann reports a byte offset).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace mlp {

// Like value.dump(1) (one object member per line, one space of indent per level), except
// that an array holding no arrays or objects stays on one line: "[0.1, 0.2]", so a matrix
// reads one row per line. Numbers and strings are nlohmann's: the shortest decimal that
// reads back bit for bit; NaN and infinity are written as null.
std::string dump_rows(const nlohmann::ordered_json& value);

// What went wrong while nlohmann parsed `text`, without nlohmann's "[json.exception...]"
// prefix. For a parse error: "line L, column C: <nlohmann's explanation>", C counting UTF-8
// characters, pointing at the last character nlohmann read; a NaN or Infinity there (Python's
// json module writes them) gets a note saying that JSON has no such numbers.
std::string json_error_text(const nlohmann::json::exception& error, const std::string& text);

}  // namespace mlp
