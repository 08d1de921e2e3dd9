// Tests for gzip decoding (src/data/gzip, zlib underneath): a known file, files made by the
// system's gzip at several levels (stored, fixed and dynamic Huffman blocks), multi-member
// files, the size cap, and corrupt, truncated or foreign input.
#include <catch2/catch.hpp>

#include "data/gzip.hpp"

#include "core/random.hpp"

#include "data_test_util.hpp"

#include <string>
#include <vector>

using namespace mlp;
using namespace mlp_test;

namespace {

// `gzip -9 -c g.txt` of the text below (file name "g.txt" in the header, FNAME flag set).
const std::string kText = "The lecture: forward, loss, backward, update. forward, loss, backward, update.\n";
const Bytes kGzipped = {
    0x1f, 0x8b, 0x08, 0x08, 0x00, 0xe1, 0x0b, 0x5e, 0x02, 0x03, 0x67, 0x2e, 0x74, 0x78, 0x74, 0x00, 0x0b, 0xc9,
    0x48, 0x55, 0xc8, 0x49, 0x4d, 0x2e, 0x29, 0x2d, 0x4a, 0xb5, 0x52, 0x48, 0xcb, 0x2f, 0x2a, 0x4f, 0x2c, 0x4a,
    0xd1, 0x51, 0xc8, 0xc9, 0x2f, 0x2e, 0xd6, 0x51, 0x48, 0x4a, 0x4c, 0xce, 0x86, 0xf0, 0x4b, 0x0b, 0x52, 0x12,
    0x4b, 0x52, 0xf5, 0x08, 0x2a, 0xe0, 0x02, 0x00, 0xff, 0x42, 0xfc, 0xad, 0x4f, 0x00, 0x00, 0x00};

Bytes gunzip(const Bytes& data, size_t max_size = kMaxGunzipSize) {
  return mlp::gunzip(data.data(), data.size(), max_size);
}

Bytes random_bytes(size_t n, uint64_t seed) {
  Rng rng(seed);
  Bytes out(n);
  for (uint8_t& b : out) b = static_cast<uint8_t>(rng.uniform_int(256));
  return out;
}

// Text with long repeats and a skewed alphabet: gzip picks dynamic Huffman blocks.
Bytes repetitive_text(size_t n, uint64_t seed) {
  Rng rng(seed);
  const std::string words[] = {"forward ", "backward ", "loss ", "update ", "sigmoid ", "relu ", "\n", "dropout "};
  std::string text;
  while (text.size() < n) text += words[rng.uniform_int(8)];
  return bytes_of(text);
}

std::string gzip_error(const Bytes& data, size_t max_size = kMaxGunzipSize) {
  try {
    gunzip(data, max_size);
  } catch (const GzipError& e) {
    return e.what();
  }
  return "(no error)";
}

// The trailer's size field (last 4 bytes, little-endian) set to `size`.
Bytes with_trailer_size(Bytes data, uint32_t size) {
  for (int i = 0; i < 4; ++i) data[data.size() - 4 + static_cast<size_t>(i)] = static_cast<uint8_t>(size >> (8 * i));
  return data;
}

const std::string kTruncated = "truncated gzip data: the file ends before the end of its gzip stream";

}  // namespace

TEST_CASE("gunzip decodes a file made by gzip -9 (with a stored file name)", "[gzip]") {
  CHECK(is_gzip(kGzipped.data(), kGzipped.size()));
  CHECK_FALSE(is_gzip(kGzipped.data(), 1));
  CHECK(gunzip(kGzipped) == bytes_of(kText));
}

TEST_CASE("gunzip matches the system gzip for stored, fixed and dynamic blocks at levels 1, 6 and 9", "[gzip]") {
  const std::vector<Bytes> inputs = {
      {},                               // empty file
      bytes_of("a"),                    // one literal: fixed Huffman
      random_bytes(200000, 7),          // incompressible: stored blocks
      repetitive_text(300000, 11),      // dynamic Huffman, long matches, several blocks
  };
  for (int level : {1, 6, 9})
    for (size_t i = 0; i < inputs.size(); ++i) {
      INFO("input " << i << ", gzip -" << level);
      CHECK(gunzip(system_gzip(inputs[i], level)) == inputs[i]);
    }
}

TEST_CASE("gunzip concatenates the members of a multi-member file and allows zero padding", "[gzip]") {
  const Bytes first = repetitive_text(5000, 1), second = bytes_of("second member\n");
  Bytes joined = system_gzip(first, 6);
  const Bytes tail = system_gzip(second, 6);
  joined.insert(joined.end(), tail.begin(), tail.end());
  Bytes expected = first;
  expected.insert(expected.end(), second.begin(), second.end());
  CHECK(gunzip(joined) == expected);

  joined.insert(joined.end(), 16, 0);
  CHECK(gunzip(joined) == expected);
}

TEST_CASE("gunzip stops at max_size, whatever the trailer claims", "[gzip]") {
  CHECK(gunzip(kGzipped, kText.size()) == bytes_of(kText));
  CHECK(gzip_error(kGzipped, kText.size() - 1) ==
        "gzip data too large: more than " + std::to_string(kText.size() - 1) + " bytes once decompressed");

  // A megabyte of zeros (about 1 KB compressed) whose trailer claims 10 bytes.
  const Bytes zeros(1 << 20, 0);
  const Bytes understated = with_trailer_size(system_gzip(zeros, 9), 10);
  CHECK(gzip_error(understated, 100000) == "gzip data too large: more than 100000 bytes once decompressed");
  CHECK(gunzip(with_trailer_size(understated, 1 << 20)) == zeros);

  // A tiny file claiming 4 GB: nothing near that is allocated, zlib reports the wrong length.
  CHECK(gzip_error(with_trailer_size(kGzipped, 0xffffffffu)) == "corrupt gzip data (zlib: incorrect length check)");
}

TEST_CASE("gunzip rejects corrupt, truncated and foreign data", "[gzip]") {
  Bytes bad_crc = kGzipped;
  bad_crc[bad_crc.size() - 8] ^= 0x01;
  CHECK(gzip_error(bad_crc) == "corrupt gzip data (zlib: incorrect data check)");

  Bytes bad_size = kGzipped;
  bad_size[bad_size.size() - 1] ^= 0x01;
  CHECK(gzip_error(bad_size) == "corrupt gzip data (zlib: incorrect length check)");

  Bytes bad_method = kGzipped;
  bad_method[2] = 7;
  CHECK(gzip_error(bad_method) == "corrupt gzip data (zlib: unknown compression method)");

  CHECK(gzip_error(bytes_of("x1 x2 label\n")) == "not gzip data (bad magic bytes)");
  CHECK(gzip_error({0x1f, 0x00}) == "not gzip data (bad magic bytes)");
  CHECK(gzip_error({}) == kTruncated);
  CHECK(gzip_error({0x1f}) == kTruncated);
  CHECK(gzip_error(Bytes(kGzipped.begin(), kGzipped.begin() + 8)) == kTruncated);   // in the header
  CHECK(gzip_error(Bytes(kGzipped.begin(), kGzipped.begin() + 13)) == kTruncated);  // in the file name
  CHECK(gzip_error(Bytes(kGzipped.begin(), kGzipped.end() - 20)) == kTruncated);    // in the data
  CHECK(gzip_error(Bytes(kGzipped.begin(), kGzipped.end() - 4)) == kTruncated);     // in the trailer

  Bytes trailing = kGzipped;
  trailing.push_back('x');
  CHECK(gzip_error(trailing) == "corrupt gzip data: unexpected bytes after the end of the gzip stream");

  // Damage inside a large dynamic-Huffman stream: it must throw, whatever the reason.
  Bytes damaged = system_gzip(repetitive_text(100000, 3), 9);
  for (size_t i = 40; i < damaged.size() - 8; i += 997) damaged[i] ^= 0x5a;
  CHECK_THROWS_AS(gunzip(damaged), GzipError);
}
