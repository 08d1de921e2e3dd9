// Tests for the std-only DEFLATE/gzip decoder (src/data/inflate): known streams, files made
// by the system's gzip at several levels (stored, fixed and dynamic Huffman blocks),
// multi-member files, and corrupt or truncated input.
#include <catch2/catch.hpp>

#include "data/inflate.hpp"

#include "nn/random.hpp"

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

Bytes gunzip(const Bytes& data) { return mlp::gunzip(data.data(), data.size()); }

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

std::string inflate_error(const Bytes& data) {
  try {
    mlp::gunzip(data.data(), data.size());
  } catch (const InflateError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("CRC-32 of the standard check string is 0xCBF43926", "[inflate]") {
  const Bytes check = bytes_of("123456789");
  CHECK(crc32(check.data(), check.size()) == 0xCBF43926u);
  CHECK(crc32(nullptr, 0) == 0u);
}

TEST_CASE("gunzip decodes a file made by gzip -9 (with a stored file name)", "[inflate]") {
  CHECK(is_gzip(kGzipped.data(), kGzipped.size()));
  CHECK(gunzip(kGzipped) == bytes_of(kText));
}

TEST_CASE("raw DEFLATE: stored and fixed-Huffman blocks written by hand", "[inflate]") {
  // BFINAL=1 BTYPE=00, LEN=3, NLEN=~3, "abc"
  const Bytes stored = {0x01, 0x03, 0x00, 0xfc, 0xff, 'a', 'b', 'c'};
  CHECK(inflate(stored.data(), stored.size()) == bytes_of("abc"));
  // BFINAL=1 BTYPE=01 and the end-of-block code (7 zero bits): an empty stream.
  const Bytes empty_fixed = {0x03, 0x00};
  CHECK(inflate(empty_fixed.data(), empty_fixed.size()).empty());
}

TEST_CASE("raw DEFLATE: malformed streams are rejected with a reason", "[inflate]") {
  auto error_of = [](const Bytes& data) -> std::string {
    try {
      inflate(data.data(), data.size());
    } catch (const InflateError& e) {
      return e.what();
    }
    return "(no error)";
  };
  CHECK(error_of({0x07}) == "invalid block type 3");
  // Fixed block whose first symbol is a match (length 3, distance 1) with no output yet.
  CHECK(error_of({0x03, 0x02}) == "distance too far back");
  CHECK(error_of({0x01, 0x03, 0x00, 0x00, 0x00}) == "stored block length check failed");
  CHECK(error_of({0x01, 0x05, 0x00, 0xfa, 0xff, 'a'}) == "unexpected end of compressed data");
  CHECK(error_of({}) == "unexpected end of compressed data");
}

TEST_CASE("gunzip matches the system gzip for stored, fixed and dynamic blocks at levels 1, 6 and 9", "[inflate]") {
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

TEST_CASE("gunzip concatenates the members of a multi-member file and allows zero padding", "[inflate]") {
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

TEST_CASE("gunzip rejects corrupt, truncated and foreign data", "[inflate]") {
  Bytes bad_crc = kGzipped;
  bad_crc[bad_crc.size() - 8] ^= 0x01;
  CHECK(inflate_error(bad_crc) == "CRC-32 mismatch: the data is corrupt");

  Bytes bad_size = kGzipped;
  bad_size[bad_size.size() - 1] ^= 0x01;
  CHECK(inflate_error(bad_size) == "size in gzip trailer does not match the decompressed data");

  Bytes bad_method = kGzipped;
  bad_method[2] = 7;
  CHECK(inflate_error(bad_method) == "unsupported gzip compression method 7");

  CHECK(inflate_error(Bytes(kGzipped.begin(), kGzipped.begin() + 8)) == "truncated gzip header");
  CHECK(inflate_error(Bytes(kGzipped.begin(), kGzipped.begin() + 13)) == "truncated gzip file name");
  CHECK(inflate_error(Bytes(kGzipped.begin(), kGzipped.end() - 4)) == "truncated gzip trailer (CRC-32 and size)");
  CHECK(inflate_error(Bytes(kGzipped.begin(), kGzipped.end() - 20)) == "unexpected end of compressed data");

  Bytes trailing = kGzipped;
  trailing.push_back('x');
  CHECK(inflate_error(trailing) == "unexpected data after the end of the gzip stream");

  // Damage inside a large dynamic-Huffman stream: it must throw, whatever the reason.
  Bytes damaged = system_gzip(repetitive_text(100000, 3), 9);
  for (size_t i = 40; i < damaged.size() - 8; i += 997) damaged[i] ^= 0x5a;
  CHECK_THROWS_AS(gunzip(damaged), InflateError);
}
