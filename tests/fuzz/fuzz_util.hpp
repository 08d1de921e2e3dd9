// Helpers shared by the libFuzzer targets of tests/fuzz: the input as text, and running a
// parser so that the error it documents for bad input is an ordinary outcome while anything
// else (a crash, a sanitizer report, another exception type) reaches libFuzzer as a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace mlp_fuzz {

inline std::string as_text(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Runs parse(); true when it returned, false when it threw its documented Error.
// Other exceptions propagate, and libFuzzer reports them as a crash.
template <class Error, class Parse>
bool parses(Parse parse) {
  try {
    parse();
    return true;
  } catch (const Error&) {
    return false;
  }
}

}  // namespace mlp_fuzz
