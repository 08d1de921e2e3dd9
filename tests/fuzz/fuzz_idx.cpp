// libFuzzer target: the IDX parser (MNIST's idx3 images + idx1 labels). An input is an image
// file followed by its label file; the split is where the image file's header says its data
// ends (the middle when that is past the end). A DataError is the documented answer to a bad
// pair; both decoders (floats, and compact bytes sharing the buffer) see every input.
#include "data/loaders.hpp"

#include "fuzz_util.hpp"

#include <algorithm>
#include <memory>
#include <vector>

namespace {

using Bytes = std::vector<uint8_t>;

uint64_t be32(const uint8_t* p) { return uint64_t{p[0]} << 24 | uint64_t{p[1]} << 16 | uint64_t{p[2]} << 8 | p[3]; }

// Length of the image file at the start of the input, as its header declares it.
size_t image_file_length(const uint8_t* data, size_t size) {
  if (size < 16) return size / 2;
  uint64_t pixels = 1;  // saturates at 2^40: more than any input
  for (int d = 0; d < 3; ++d) pixels = std::min<uint64_t>(pixels * be32(data + 4 + 4 * d), uint64_t{1} << 40);
  return 16 + pixels <= size ? static_cast<size_t>(16 + pixels) : size / 2;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const size_t split = image_file_length(data, size);
  const Bytes labels(data + split, data + size);
  auto images = std::make_shared<const Bytes>(data, data + split);
  mlp_fuzz::parses<mlp::DataError>([&] { mlp::parse_idx(*images, "images", labels, "labels", 10); });
  mlp_fuzz::parses<mlp::DataError>([&] { mlp::parse_idx(*images, "images", labels, "labels", 10, 2, true); });
  mlp_fuzz::parses<mlp::DataError>([&] { mlp::parse_idx_shared(images, "images", labels, "labels", 10, 1); });
  return 0;
}
