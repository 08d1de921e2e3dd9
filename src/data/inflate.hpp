// Inflate: a small std-only decoder for DEFLATE (RFC 1951) and gzip (RFC 1952),
// so the loaders can read MNIST's .gz files without zlib.
//
//   inflate(data, size)  raw DEFLATE stream -> bytes
//   gunzip(data, size)   one or more gzip members -> bytes (CRC-32 and length checked)
//   is_gzip(data, size)  starts with the gzip magic bytes 1f 8b
//
// Corrupt or truncated input throws InflateError with a short description.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace mlp {

class InflateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Decodes a raw DEFLATE stream (no zlib or gzip wrapper); data after the final block is ignored.
std::vector<uint8_t> inflate(const uint8_t* data, size_t size);

// Decodes a gzip file: every member, each checked against its CRC-32 and size trailer.
// Trailing zero bytes (padding) are allowed; any other trailing data is an error.
std::vector<uint8_t> gunzip(const uint8_t* data, size_t size);

// True when the buffer starts with the gzip magic bytes (0x1f 0x8b).
bool is_gzip(const uint8_t* data, size_t size);

// CRC-32 (IEEE 802.3, as used by gzip) of a buffer.
uint32_t crc32(const uint8_t* data, size_t size);

}  // namespace mlp
