// Inflate: DEFLATE (RFC 1951) and gzip (RFC 1952) decoding with std only.
//
// Sections: bit reader · canonical Huffman table · block decoding · gzip wrapper · CRC-32.
// Huffman codes are decoded with one table lookup: the table has 2^max_bits entries
// indexed by the next max_bits input bits (DEFLATE packs codes starting at the low bit).
#include "data/inflate.hpp"

#include <algorithm>
#include <string>

namespace mlp {
namespace {

constexpr int kMaxCodeBits = 15;     // longest Huffman code DEFLATE allows
constexpr int kMaxLitLenCodes = 286;  // literal/length alphabet actually used
constexpr int kMaxDistCodes = 30;

// ---------------------------------------------------------------------------- bit reader

// Reads the stream least-significant bit first, as DEFLATE packs it.
class BitReader {
 public:
  BitReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  // The next n (<= 32) bits without consuming them; bits past the end read as zero.
  uint32_t peek(int n) {
    refill();
    return static_cast<uint32_t>(buffer_ & ((uint64_t{1} << n) - 1));
  }

  void consume(int n) {
    if (n > count_) throw InflateError("unexpected end of compressed data");
    buffer_ >>= n;
    count_ -= n;
  }

  uint32_t bits(int n) {
    const uint32_t value = peek(n);
    consume(n);
    return value;
  }

  // Drops the bits up to the next byte boundary (before a stored block, after the last block).
  void align_to_byte() { consume(count_ % 8); }

  // Index of the next unread byte; meaningful after align_to_byte().
  size_t byte_position() const { return pos_ - static_cast<size_t>(count_ / 8); }

 private:
  void refill() {
    while (count_ <= 56 && pos_ < size_) {
      buffer_ |= uint64_t{data_[pos_++]} << count_;
      count_ += 8;
    }
  }

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;       // next byte to load into buffer_
  uint64_t buffer_ = 0;  // loaded, unconsumed bits (low bit first)
  int count_ = 0;        // number of valid bits in buffer_
};

// ---------------------------------------------------------------------------- Huffman table

class HuffmanTable {
 public:
  // lengths[s] is the code length of symbol s (0 = symbol unused). An incomplete code is
  // accepted only when allow_incomplete and every used code has length 1 (RFC 1951 allows a
  // single distance code; zlib accepts the same).
  HuffmanTable(const uint8_t* lengths, int count, bool allow_incomplete) {
    int length_count[kMaxCodeBits + 1] = {};
    for (int s = 0; s < count; ++s) ++length_count[lengths[s]];
    length_count[0] = 0;

    int left = 1;  // number of unused codes at the current length
    for (int len = 1; len <= kMaxCodeBits; ++len) {
      left = (left << 1) - length_count[len];
      if (left < 0) throw InflateError("over-subscribed Huffman code lengths");
      if (length_count[len] > 0) max_bits_ = len;
    }
    const bool only_length_one = max_bits_ <= 1;
    if (left > 0 && !(allow_incomplete && only_length_one))
      throw InflateError("incomplete Huffman code lengths");

    int next_code[kMaxCodeBits + 2] = {};
    for (int len = 1; len <= kMaxCodeBits; ++len)
      next_code[len + 1] = (next_code[len] + length_count[len]) << 1;

    table_.assign(size_t{1} << max_bits_, 0);
    for (int s = 0; s < count; ++s) {
      const int len = lengths[s];
      if (len == 0) continue;
      const uint32_t reversed = reverse_bits(static_cast<uint32_t>(next_code[len]++), len);
      const uint32_t entry = (static_cast<uint32_t>(s) << 4) | static_cast<uint32_t>(len);
      for (size_t i = reversed; i < table_.size(); i += size_t{1} << len) table_[i] = entry;
    }
  }

  int decode(BitReader& in) const {
    const uint32_t entry = table_[in.peek(max_bits_)];
    const int length = static_cast<int>(entry & 15);
    if (length == 0) throw InflateError("invalid Huffman code");
    in.consume(length);
    return static_cast<int>(entry >> 4);
  }

 private:
  static uint32_t reverse_bits(uint32_t code, int length) {
    uint32_t reversed = 0;
    for (int i = 0; i < length; ++i) reversed = (reversed << 1) | ((code >> i) & 1);
    return reversed;
  }

  int max_bits_ = 0;
  std::vector<uint32_t> table_;  // 2^max_bits_ entries: symbol << 4 | code length (0 = no code)
};

// ---------------------------------------------------------------------------- blocks

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistBase[30] = {1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                    33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                    1025, 1537, 2049, 3073, 4097, 6145,  8193,  12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                    6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// Order in which the code-length code's lengths are stored (RFC 1951, 3.2.7).
constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

// Copies a stored (uncompressed) block.
void stored_block(BitReader& in, std::vector<uint8_t>& out) {
  in.align_to_byte();
  const uint32_t length = in.bits(16);
  const uint32_t complement = in.bits(16);
  if (length != (~complement & 0xffffu)) throw InflateError("stored block length check failed");
  for (uint32_t i = 0; i < length; ++i) out.push_back(static_cast<uint8_t>(in.bits(8)));
}

// Decodes literals and <length, distance> pairs until the end-of-block symbol.
// member_start: output index where this stream began (distances may not reach before it).
void huffman_block(BitReader& in, const HuffmanTable& literals, const HuffmanTable& distances,
                   size_t member_start, std::vector<uint8_t>& out) {
  for (;;) {
    const int symbol = literals.decode(in);
    if (symbol < 256) {
      out.push_back(static_cast<uint8_t>(symbol));
      continue;
    }
    if (symbol == 256) return;
    const int length_code = symbol - 257;
    if (length_code >= 29) throw InflateError("invalid length symbol " + std::to_string(symbol));
    const size_t length = kLengthBase[length_code] + in.bits(kLengthExtra[length_code]);
    const int dist_code = distances.decode(in);
    if (dist_code >= 30) throw InflateError("invalid distance symbol " + std::to_string(dist_code));
    const size_t distance = kDistBase[dist_code] + in.bits(kDistExtra[dist_code]);
    if (distance > out.size() - member_start) throw InflateError("distance too far back");
    const size_t from = out.size() - distance;
    for (size_t i = 0; i < length; ++i) out.push_back(out[from + i]);  // may overlap: byte by byte
  }
}

void fixed_block(BitReader& in, size_t member_start, std::vector<uint8_t>& out) {
  uint8_t lengths[288 + 32];
  std::fill(lengths, lengths + 144, 8);
  std::fill(lengths + 144, lengths + 256, 9);
  std::fill(lengths + 256, lengths + 280, 7);
  std::fill(lengths + 280, lengths + 288, 8);
  std::fill(lengths + 288, lengths + 320, 5);
  const HuffmanTable literals(lengths, 288, false);
  const HuffmanTable distances(lengths + 288, 32, false);
  huffman_block(in, literals, distances, member_start, out);
}

void dynamic_block(BitReader& in, size_t member_start, std::vector<uint8_t>& out) {
  const int literal_count = static_cast<int>(in.bits(5)) + 257;
  const int distance_count = static_cast<int>(in.bits(5)) + 1;
  const int code_length_count = static_cast<int>(in.bits(4)) + 4;
  if (literal_count > kMaxLitLenCodes || distance_count > kMaxDistCodes)
    throw InflateError("too many length or distance codes");

  uint8_t code_lengths[19] = {};
  for (int i = 0; i < code_length_count; ++i) code_lengths[kCodeLengthOrder[i]] = static_cast<uint8_t>(in.bits(3));
  const HuffmanTable code_length_table(code_lengths, 19, false);

  uint8_t lengths[kMaxLitLenCodes + kMaxDistCodes] = {};
  const int total = literal_count + distance_count;
  for (int index = 0; index < total;) {
    const int symbol = code_length_table.decode(in);
    if (symbol < 16) {
      lengths[index++] = static_cast<uint8_t>(symbol);
      continue;
    }
    uint8_t value = 0;
    int repeat = 0;
    if (symbol == 16) {
      if (index == 0) throw InflateError("repeated code length with no previous length");
      value = lengths[index - 1];
      repeat = 3 + static_cast<int>(in.bits(2));
    } else if (symbol == 17) {
      repeat = 3 + static_cast<int>(in.bits(3));
    } else {
      repeat = 11 + static_cast<int>(in.bits(7));
    }
    if (index + repeat > total) throw InflateError("too many code lengths");
    std::fill(lengths + index, lengths + index + repeat, value);
    index += repeat;
  }
  if (lengths[256] == 0) throw InflateError("no end-of-block code");

  const HuffmanTable literals(lengths, literal_count, true);
  const HuffmanTable distances(lengths + literal_count, distance_count, true);
  huffman_block(in, literals, distances, member_start, out);
}

// Appends one DEFLATE stream to out; returns the number of input bytes it occupied.
size_t inflate_into(const uint8_t* data, size_t size, std::vector<uint8_t>& out) {
  BitReader in(data, size);
  const size_t member_start = out.size();
  bool last = false;
  while (!last) {
    last = in.bits(1) == 1;
    switch (in.bits(2)) {
      case 0: stored_block(in, out); break;
      case 1: fixed_block(in, member_start, out); break;
      case 2: dynamic_block(in, member_start, out); break;
      default: throw InflateError("invalid block type 3");
    }
  }
  in.align_to_byte();
  return in.byte_position();
}

// ---------------------------------------------------------------------------- gzip

constexpr uint8_t kFlagHeaderCrc = 0x02, kFlagExtra = 0x04, kFlagName = 0x08, kFlagComment = 0x10;

uint32_t read_le32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

void require(size_t size, size_t pos, size_t needed, const char* what) {
  if (size - pos < needed) throw InflateError(std::string("truncated gzip ") + what);
}

// Skips a zero-terminated header field; returns the position after the terminator.
size_t skip_string(const uint8_t* data, size_t size, size_t pos, const char* what) {
  const uint8_t* end = std::find(data + pos, data + size, uint8_t{0});
  if (end == data + size) throw InflateError(std::string("truncated gzip ") + what);
  return static_cast<size_t>(end - data) + 1;
}

// Parses a member header starting at pos; returns the position of the DEFLATE data.
size_t gzip_header(const uint8_t* data, size_t size, size_t pos) {
  const size_t start = pos;
  require(size, pos, 10, "header");
  if (data[pos] != 0x1f || data[pos + 1] != 0x8b) throw InflateError("not gzip data (bad magic bytes)");
  if (data[pos + 2] != 8)
    throw InflateError("unsupported gzip compression method " + std::to_string(data[pos + 2]));
  const uint8_t flags = data[pos + 3];
  if (flags & 0xe0) throw InflateError("reserved gzip header flags set");
  pos += 10;
  if (flags & kFlagExtra) {
    require(size, pos, 2, "extra field");
    const size_t extra_length = data[pos] | size_t{data[pos + 1]} << 8;
    require(size, pos + 2, extra_length, "extra field");
    pos += 2 + extra_length;
  }
  if (flags & kFlagName) pos = skip_string(data, size, pos, "file name");
  if (flags & kFlagComment) pos = skip_string(data, size, pos, "comment");
  if (flags & kFlagHeaderCrc) {
    require(size, pos, 2, "header CRC");
    const uint32_t expected = data[pos] | uint32_t{data[pos + 1]} << 8;
    if ((crc32(data + start, pos - start) & 0xffffu) != expected) throw InflateError("gzip header CRC mismatch");
    pos += 2;
  }
  return pos;
}

// ---------------------------------------------------------------------------- CRC-32

struct Crc32Table {
  uint32_t entry[256];
};

constexpr Crc32Table make_crc32_table() {
  Crc32Table table{};
  for (uint32_t n = 0; n < 256; ++n) {
    uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    table.entry[n] = c;
  }
  return table;
}

constexpr Crc32Table kCrc32Table = make_crc32_table();

}  // namespace

std::vector<uint8_t> inflate(const uint8_t* data, size_t size) {
  std::vector<uint8_t> out;
  inflate_into(data, size, out);
  return out;
}

std::vector<uint8_t> gunzip(const uint8_t* data, size_t size) {
  std::vector<uint8_t> out;
  // The last member's trailer holds its size mod 2^32: a good capacity hint for one-member files.
  // Deflate expands at most 1032:1, which bounds the hint when the file is truncated or damaged.
  if (size >= 18) out.reserve(std::min<size_t>(read_le32(data + size - 4), size * 1032));
  size_t pos = 0;
  for (;;) {
    pos = gzip_header(data, size, pos);
    const size_t member_start = out.size();
    pos += inflate_into(data + pos, size - pos, out);
    require(size, pos, 8, "trailer (CRC-32 and size)");
    const size_t member_size = out.size() - member_start;
    if (crc32(out.data() + member_start, member_size) != read_le32(data + pos))
      throw InflateError("CRC-32 mismatch: the data is corrupt");
    if (static_cast<uint32_t>(member_size) != read_le32(data + pos + 4))
      throw InflateError("size in gzip trailer does not match the decompressed data");
    pos += 8;
    if (std::all_of(data + pos, data + size, [](uint8_t b) { return b == 0; })) return out;
    if (data[pos] != 0x1f) throw InflateError("unexpected data after the end of the gzip stream");
  }
}

bool is_gzip(const uint8_t* data, size_t size) { return size >= 2 && data[0] == 0x1f && data[1] == 0x8b; }

uint32_t crc32(const uint8_t* data, size_t size) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < size; ++i) c = kCrc32Table.entry[(c ^ data[i]) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}

}  // namespace mlp
