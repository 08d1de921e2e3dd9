// Gzip: decoding gzip files (RFC 1952) in memory with zlib, for the loaders (MNIST's .gz
// files, any gzipped table) on the desktop and in the page alike.
//
//   gunzip(data, size, max_size)  one or more gzip members -> bytes (zlib checks each CRC-32 and size)
//   is_gzip(data, size)           starts with the gzip magic bytes 1f 8b
//
// Bad input throws GzipError: not gzip, truncated, corrupt, or larger than max_size once
// decompressed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace mlp {

class GzipError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The default cap on a decompressed file: 1 GiB (MNIST's largest file is 47 MB).
constexpr size_t kMaxGunzipSize = size_t{1} << 30;

// Decodes a gzip file: every member in turn. Trailing zero bytes (padding) are allowed; any
// other data after the last member is an error. More than max_size decompressed bytes is an
// error too, found before that much is allocated (the size in the file's trailer is only a hint).
std::vector<uint8_t> gunzip(const uint8_t* data, size_t size, size_t max_size = kMaxGunzipSize);

// True when the buffer starts with the gzip magic bytes (0x1f 0x8b).
bool is_gzip(const uint8_t* data, size_t size);

}  // namespace mlp
