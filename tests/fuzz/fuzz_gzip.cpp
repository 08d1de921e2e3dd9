// libFuzzer target: the gzip decoder (zlib inflate, every member, the size cap). A GzipError
// is the documented answer to bad data. The cap is 8 MiB here, so a small input that inflates
// hugely is refused quickly; a decoded result must never exceed it.
#include "data/gzip.hpp"

#include "fuzz_util.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kCap = size_t{8} << 20;
  mlp_fuzz::parses<mlp::GzipError>([&] {
    if (mlp::gunzip(data, size, kCap).size() > kCap) std::abort();
  });
  return 0;
}
