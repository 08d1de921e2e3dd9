// Gzip decoding with zlib's streaming inflate; see gzip.hpp.
//
// One z_stream decodes every member (inflateReset between them). The output buffer starts
// at the size the last member's trailer states, bounded by max_size and by DEFLATE's largest
// expansion (1032:1), so a well-formed one-member file is decoded into a buffer of exactly
// its size; it grows by half when zlib stalls for room, never past max_size + 1 bytes (the
// one byte more tells "too large" from "exactly max_size").
#include "data/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <new>
#include <string>

namespace mlp {
namespace {

constexpr size_t kMaxExpansion = 1032;       // DEFLATE never expands more than this (RFC 1951 limits)
constexpr size_t kMinGrowth = size_t{1} << 16;
constexpr size_t kSmallestMember = 18;       // 10-byte header, an empty DEFLATE block (2), trailer

// A zlib inflate stream for gzip only (windowBits 16 + MAX_WBITS), ended on scope exit.
class GzipStream {
 public:
  GzipStream() {
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  ~GzipStream() { inflateEnd(&z_); }
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;
  z_stream& z() { return z_; }

 private:
  z_stream z_{};
};

uint32_t read_le32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

// Bytes the output buffer starts with: the trailer's size if it is believable, at least a
// small block (zlib needs somewhere to write), at most `limit`.
size_t initial_capacity(const uint8_t* data, size_t size, size_t limit) {
  size_t hint = size >= kSmallestMember ? read_le32(data + size - 4) : 0;
  if (size <= SIZE_MAX / kMaxExpansion) hint = std::min(hint, size * kMaxExpansion);
  return std::min(std::max(hint, kMinGrowth), limit);
}

// zlib counts bytes in uInt: a longer buffer is handed over in pieces.
uInt piece(size_t bytes) { return static_cast<uInt>(std::min<size_t>(bytes, UINT_MAX)); }

std::string corrupt(const z_stream& z) {
  return std::string("corrupt gzip data (zlib: ") + (z.msg != nullptr ? z.msg : "invalid data") + ")";
}

}  // namespace

std::vector<uint8_t> gunzip(const uint8_t* data, size_t size, size_t max_size) {
  if (size >= 1 && (data[0] != 0x1f || (size >= 2 && data[1] != 0x8b)))
    throw GzipError("not gzip data (bad magic bytes)");
  const size_t limit = max_size < SIZE_MAX ? max_size + 1 : max_size;  // buffer bytes allowed
  std::vector<uint8_t> out(initial_capacity(data, size, limit));
  size_t fed = 0, produced = 0;  // input bytes handed to zlib, output bytes written
  bool stalled = false;          // the last call could not go on: the buffer is full
  GzipStream stream;
  z_stream& z = stream.z();
  for (;;) {
    if (z.avail_in == 0 && fed < size) {
      z.next_in = const_cast<Bytef*>(data + fed);  // zlib does not write through next_in
      z.avail_in = piece(size - fed);
      fed += z.avail_in;
    }
    if (stalled) {
      if (out.size() >= limit)
        throw GzipError("gzip data too large: more than " + std::to_string(max_size) + " bytes once decompressed");
      out.resize(std::min(limit, out.size() + std::max(kMinGrowth, out.size() / 2)));
    }
    // A full buffer is still handed over: zlib reads a member's end (trailer) without room.
    z.next_out = out.data() + produced;
    z.avail_out = piece(out.size() - produced);
    const uInt room = z.avail_out;
    const int status = inflate(&z, Z_NO_FLUSH);
    produced += room - z.avail_out;
    if (status == Z_MEM_ERROR) throw std::bad_alloc();
    if (status != Z_OK && status != Z_BUF_ERROR && status != Z_STREAM_END) throw GzipError(corrupt(z));
    if (status == Z_STREAM_END) {
      const size_t next = fed - z.avail_in;  // first byte after this member
      if (std::all_of(data + next, data + size, [](uint8_t b) { return b == 0; })) break;
      if (data[next] != 0x1f) throw GzipError("corrupt gzip data: unexpected bytes after the end of the gzip stream");
      inflateReset(&z);  // another member follows
      stalled = false;
      continue;
    }
    // Z_OK or Z_BUF_ERROR: zlib wants more input or more room. All input used with room
    // left over means the file ends inside a member.
    if (z.avail_in == 0 && fed == size && z.avail_out > 0)
      throw GzipError("truncated gzip data: the file ends before the end of its gzip stream");
    stalled = status == Z_BUF_ERROR && z.avail_out == 0;
  }
  if (produced > max_size)
    throw GzipError("gzip data too large: more than " + std::to_string(max_size) + " bytes once decompressed");
  out.resize(produced);
  if (out.capacity() > produced) out.shrink_to_fit();  // a small file, or a trailer that did not state the size
  return out;
}

bool is_gzip(const uint8_t* data, size_t size) { return size >= 2 && data[0] == 0x1f && data[1] == 0x8b; }

}  // namespace mlp
