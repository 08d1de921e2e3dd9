// libFuzzer target: the text-table parser (the lecture's `x1 x2 label` format and CSV), fed
// the same bytes once with each delimiter. A DataError is the documented answer to a bad
// table; a parsed table must have labels inside its class count.
#include "data/loaders.hpp"

#include "fuzz_util.hpp"

#include <cstdlib>

namespace {

void parse_as(const std::string& text, char delimiter) {
  mlp_fuzz::parses<mlp::DataError>([&] {
    const mlp::Dataset data = mlp::parse_table(text, "fuzz.txt", delimiter, "fuzz");
    for (int label : data.labels)
      if (label < 0 || label >= data.num_classes) std::abort();
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = mlp_fuzz::as_text(data, size);
  parse_as(text, ' ');
  parse_as(text, ',');
  return 0;
}
