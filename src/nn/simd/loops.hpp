// The loops behind the dense-layer kernels (simd/kernels.cpp): a sparse row times a dense
// matrix, in two directions, with a slice of columns held in SIMD registers.
//   gather:   out = bias + Σ_k v_k · B[i_k]       (a slice of the output row in registers)
//   scatter:  out[i_k] += v_k · x   for every k     (a slice of the input row in registers)
// A sparse row lists the entries (i_k, v_k) where a row of data differs from its
// background (zeros, or a constant per column), so the rest costs only the scan.
//
// Written with the GCC/Clang vector extension, so the same code compiles to AVX-512,
// AVX or SSE natively and to 128-bit SIMD for WebAssembly (-msimd128), for which Eigen
// has no backend. Without any SIMD the vectors lower to plain scalar code. Only the
// scan that finds the non-zeros uses intrinsics (compare to a bit mask, compress).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <algorithm>
#include <vector>

#if defined(__AVX__) || defined(__SSE2__)
#include <immintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace mlp::simd {

// Width of the widest vector the target compiles for, in bytes, and its name.
#if defined(__AVX512F__)
inline constexpr int kVectorBytes = 64;
inline constexpr const char* kIsa = "AVX-512 (64-byte vectors)";
#elif defined(__AVX__)
inline constexpr int kVectorBytes = 32;
inline constexpr const char* kIsa = "AVX (32-byte vectors)";
#elif defined(__SSE2__)
inline constexpr int kVectorBytes = 16;
inline constexpr const char* kIsa = "SSE2 (16-byte vectors)";
#elif defined(__wasm_simd128__)
inline constexpr int kVectorBytes = 16;
inline constexpr const char* kIsa = "WebAssembly SIMD128 (16-byte vectors)";
#else  // the same source as scalar code (e.g. WebAssembly without -msimd128)
inline constexpr int kVectorBytes = 16;
inline constexpr const char* kIsa = "no SIMD (vectors lowered to scalar code)";
#endif

// Vectors kept in registers at once (WebAssembly engines on x86 have 16 registers):
// a sparse row's output slice, or a dense tile of kDenseRows rows x kDenseChunk vectors.
inline constexpr int kMaxChunk = 8;
inline constexpr int kDenseChunk = 4;
inline constexpr int kDenseRows = kVectorBytes >= 64 ? 4 : 2;  // AVX-512 has 32 registers
inline constexpr int kSumRegisters = kVectorBytes >= 64 ? 16 : 4;  // for a sparse row's partial sums

// Vec<T, L>: L lanes of T (L = 1 is T itself).
template <class T, int Lanes>
struct VecOf {
  typedef T type __attribute__((vector_size(Lanes * sizeof(T))));
};
template <class T>
struct VecOf<T, 1> {
  using type = T;
};
template <class T, int Lanes>
using Vec = typename VecOf<T, Lanes>::type;

// Unaligned load and store.
template <class V, class T>
inline V load(const T* p) {
  V v;
  std::memcpy(&v, p, sizeof(V));
  return v;
}
template <class V, class T>
inline void store(T* p, const V& v) {
  std::memcpy(p, &v, sizeof(V));
}
// The first `count` lanes of v (at most all of them).
template <class V, class T>
inline void store_first(T* p, const V& v, int count) {
  if (count * sizeof(T) == sizeof(V)) store(p, v);
  else std::memcpy(p, &v, count * sizeof(T));
}

// Some non-zero entries of a row: value[k] at position index[k], k < count.
template <class T>
struct SparseSpan {
  const int* index;
  const T* value;
  int count;
};

// ---------------------------------------------------------------------------- columns

// How the columns [0, width) are covered by vectors of `lanes` lanes, the largest power of
// two <= width (and <= the widest vector): vector v starts at column min(v · lanes,
// width − lanes), so when lanes does not divide width the last vector overlaps its
// neighbour instead of leaving a tail for narrower vectors. The vectors go in passes of up
// to max_chunk, as even as possible. Computed once per product, used for every row.
template <class T>
class ColumnPlan {
 public:
  static constexpr int kMaxLanes = kVectorBytes / static_cast<int>(sizeof(T));

  explicit ColumnPlan(int width, int max_chunk = kMaxChunk) {
    if (width <= 0) return;
    while (lanes_ > width) lanes_ /= 2;
    const int vectors = (width + lanes_ - 1) / lanes_;
    const int passes = (vectors + max_chunk - 1) / max_chunk;
    for (int p = 0, v = 0; p < passes; ++p) {
      const int chunk = vectors / passes + (p < vectors % passes ? 1 : 0);
      const int j = v * lanes_;
      v += chunk;
      passes_.push_back(Pass{chunk, j, std::min((v - 1) * lanes_, width - lanes_)});
    }
  }

  // Calls op.template run<Lanes, Chunk>(j, last) for every pass: its vectors c < Chunk − 1
  // start at column j + c · Lanes, its last one at column `last`.
  template <class Op>
  void each(const Op& op) const {
    for (const Pass& p : passes_) dispatch_lanes(p, op);
  }

 private:
  struct Pass {
    int chunk, j, last;
  };

  template <int Lanes = kMaxLanes, class Op>
  void dispatch_lanes(const Pass& p, const Op& op) const {
    if constexpr (Lanes > 1) {
      if (lanes_ < Lanes) return dispatch_lanes<Lanes / 2>(p, op);
    }
    dispatch_chunk<Lanes>(p, op);
  }

  template <int Lanes, int Chunk = kMaxChunk, class Op>
  void dispatch_chunk(const Pass& p, const Op& op) const {
    if constexpr (Chunk > 1) {
      if (p.chunk < Chunk) return dispatch_chunk<Lanes, Chunk - 1>(p, op);
    }
    op.template run<Lanes, Chunk>(p.j, p.last);
  }

  int lanes_ = kMaxLanes;
  std::vector<Pass> passes_;
};

// Start column of vector c of a pass (see ColumnPlan).
template <int Lanes, int Chunk>
inline int column_of(int c, int j, int last) {
  return c == Chunk - 1 ? last : j + c * Lanes;
}

// ---------------------------------------------------------------------------- products

// out[0 .. width) = bias + Σ_k v_k · B[i_k, 0 .. width)   (one sparse row a; B: rows ldb apart;
// bias: 1 x width, or null for zero). The plan may cover more columns than width (B and bias
// padded to whole vectors): the columns from width on are computed but not stored.
template <class T>
struct Gather {
  SparseSpan<T> a;
  const T* B;
  std::ptrdiff_t ldb;
  const T* bias;
  T* out;
  int width;

  template <int Lanes, int Chunk>
  void run(int j, int last) const {
    using V = Vec<T, Lanes>;
    // Independent partial sums, as many as the registers hold, so that an add need not wait
    // for the previous one (each waits ~4 cycles for its result).
    constexpr int kSums = std::clamp(kSumRegisters / Chunk, 1, 4);
    V acc[kSums][Chunk] = {};
    int k = 0;
    for (; k + kSums <= a.count; k += kSums) {
#pragma GCC unroll 4
      for (int s = 0; s < kSums; ++s) {
        const T* b = B + a.index[k + s] * ldb;
        const T v = a.value[k + s];
#pragma GCC unroll 16
        for (int c = 0; c < Chunk; ++c) acc[s][c] += v * load<V>(b + column_of<Lanes, Chunk>(c, j, last));
      }
    }
    for (; k < a.count; ++k) {
      const T* b = B + a.index[k] * ldb;
#pragma GCC unroll 16
      for (int c = 0; c < Chunk; ++c) acc[0][c] += a.value[k] * load<V>(b + column_of<Lanes, Chunk>(c, j, last));
    }
#pragma GCC unroll 16
    for (int c = 0; c < Chunk; ++c) {
#pragma GCC unroll 4
      for (int s = 1; s < kSums; ++s) acc[0][c] += acc[s][c];
      const int column = column_of<Lanes, Chunk>(c, j, last);
      if (bias) acc[0][c] += load<V>(bias + column);
      if (c < Chunk - 1) store(out + column, acc[0][c]);
      else store_first(out + column, acc[0][c], std::min(Lanes, width - column));
    }
  }
};

// out[i_k − first, 0 .. width) += v_k · x[0 .. width) for every entry k of the sparse row a
// (out: rows ldo apart).
template <class T>
struct Scatter {
  SparseSpan<T> a;
  const T* x;
  T* out;
  std::ptrdiff_t ldo;
  int first;  // out's row 0 is the row of index `first`

  template <int Lanes, int Chunk>
  void run(int j, int last) const {
    using V = Vec<T, Lanes>;
    V r[Chunk];
#pragma GCC unroll 16
    for (int c = 0; c < Chunk; ++c) r[c] = load<V>(x + column_of<Lanes, Chunk>(c, j, last));
    // The last vector's lanes that overlap its neighbour add zero, and it is stored first,
    // so that its neighbour's store leaves the right sums in the shared columns.
    if constexpr (Lanes > 1) {
      for (int l = 0; l < j + (Chunk - 1) * Lanes - last; ++l) r[Chunk - 1][l] = T(0);
    }
    for (int k = 0; k < a.count; ++k) {
      T* o = out + (a.index[k] - first) * ldo;
      const T v = a.value[k];
      V sum[Chunk];
#pragma GCC unroll 16
      for (int c = 0; c < Chunk; ++c) sum[c] = load<V>(o + column_of<Lanes, Chunk>(c, j, last)) + v * r[c];
      store(o + last, sum[Chunk - 1]);
#pragma GCC unroll 16
      for (int c = 0; c < Chunk - 1; ++c) store(o + j + c * Lanes, sum[c]);
    }
  }
};

// out[n, 0 .. width) = init_n + Σ_k A(n, k) · B[k, 0 .. width) for the rows n < rows of a dense A
// with K columns, A(n, k) = A[n · a_row + k · a_col] (so Aᵀ needs no copy), init_n = bias
// (1 x width, or null for zero). Tiles of kDenseRows rows x kDenseChunk vectors stay in
// registers, so each vector of B is loaded once per tile rather than once per row; B is
// walked in blocks of rows that stay in L1.
template <class T>
struct DenseGather {
  const T* A;
  std::ptrdiff_t a_row, a_col;
  int rows, K;
  const T* B;
  std::ptrdiff_t ldb;
  const T* bias;
  T* out;
  std::ptrdiff_t ldo;

  template <int Lanes, int Chunk>
  void run(int j, int last) const {
    if constexpr (Chunk <= kDenseChunk) {
      constexpr int kBlock = 16 * 1024 / (Chunk * Lanes * static_cast<int>(sizeof(T)));  // rows of B
      for (int k0 = 0; k0 == 0 || k0 < K; k0 += kBlock) {
        const int k1 = std::min(K, k0 + kBlock);
        int n = 0;
        for (; n + kDenseRows <= rows; n += kDenseRows) tile<Lanes, Chunk, kDenseRows>(n, k0, k1, j, last);
        for (; n < rows; ++n) tile<Lanes, Chunk, 1>(n, k0, k1, j, last);
      }
    }
  }

  // Rows [n, n + R), columns of the pass, terms k0 .. k1 added to bias (k0 = 0) or to out.
  template <int Lanes, int Chunk, int R>
  void tile(int n, int k0, int k1, int j, int last) const {
    using V = Vec<T, Lanes>;
    V acc[R][Chunk];
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r) {
      const T* init = k0 > 0 ? out + (n + r) * ldo : bias;
#pragma GCC unroll 8
      for (int c = 0; c < Chunk; ++c) acc[r][c] = init ? load<V>(init + column_of<Lanes, Chunk>(c, j, last)) : V{};
    }
    const T* a = A + n * a_row;
    for (int k = k0; k < k1; ++k) {
      const T* b = B + k * ldb;
      V bk[Chunk];
#pragma GCC unroll 8
      for (int c = 0; c < Chunk; ++c) bk[c] = load<V>(b + column_of<Lanes, Chunk>(c, j, last));
#pragma GCC unroll 8
      for (int r = 0; r < R; ++r) {
        const T v = a[r * a_row + k * a_col];
#pragma GCC unroll 8
        for (int c = 0; c < Chunk; ++c) acc[r][c] += v * bk[c];
      }
    }
#pragma GCC unroll 8
    for (int r = 0; r < R; ++r)
#pragma GCC unroll 8
      for (int c = 0; c < Chunk; ++c) store(out + (n + r) * ldo + column_of<Lanes, Chunk>(c, j, last), acc[r][c]);
  }
};

// ---------------------------------------------------------------------------- finding the non-zeros

// A row x is listed relative to a background row c (zeros, or e.g. the value every pixel
// has outside the digit after z-scoring): its entries are the positions where x differs
// from c, with the differences x − c. NaN differs from everything.

// Bit i set when x[i] differs from c[i], for i < 8.
template <class T>
inline unsigned differ_mask8(const T* x, const T* c) {
  unsigned mask = 0;
  for (int i = 0; i < 8; ++i) mask |= static_cast<unsigned>(!(x[i] == c[i])) << i;
  return mask;
}
#if defined(__AVX__)
template <>
inline unsigned differ_mask8(const float* x, const float* c) {
  return static_cast<unsigned>(_mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(x), _mm256_loadu_ps(c), _CMP_NEQ_UQ)));
}
#elif defined(__SSE2__)
template <>
inline unsigned differ_mask8(const float* x, const float* c) {
  return static_cast<unsigned>(_mm_movemask_ps(_mm_cmpneq_ps(_mm_loadu_ps(x), _mm_loadu_ps(c))) |
                               _mm_movemask_ps(_mm_cmpneq_ps(_mm_loadu_ps(x + 4), _mm_loadu_ps(c + 4))) << 4);
}
#elif defined(__wasm_simd128__)
template <>
inline unsigned differ_mask8(const float* x, const float* c) {
  return wasm_i32x4_bitmask(wasm_f32x4_ne(wasm_v128_load(x), wasm_v128_load(c))) |
         wasm_i32x4_bitmask(wasm_f32x4_ne(wasm_v128_load(x + 4), wasm_v128_load(c + 4))) << 4;
}
#endif

// Writes the entries of x[0 .. n) that differ from c[0 .. n), as (i, scale · (x[i] − c[i])),
// to index[] and value[] and returns their number; both buffers need room for n + kScanSlack
// entries. Blocks of 8 equal entries are skipped (60% of MNIST's blocks); the other blocks
// are compacted without branches.
inline constexpr int kScanSlack = 16;
template <class T>
int find_entries(const T* x, const T* c, int n, T scale, int* index, T* value) {
  int count = 0, b = 0;
  for (; b + 8 <= n; b += 8) {
    const unsigned mask = differ_mask8(x + b, c + b);
    if (mask == 0) continue;
    for (int i = 0; i < 8; ++i) {
      index[count] = b + i;
      value[count] = scale * (x[b + i] - c[b + i]);
      count += (mask >> i) & 1u;
    }
  }
  for (; b < n; ++b) {
    index[count] = b;
    value[count] = scale * (x[b] - c[b]);
    count += !(x[b] == c[b]);
  }
  return count;
}

#if defined(__AVX512F__)
// AVX-512: 16 entries at a time, compressed into place without a branch.
template <>
inline int find_entries(const float* x, const float* c, int n, float scale, int* index, float* value) {
  const __m512 vscale = _mm512_set1_ps(scale);
  const __m512i step = _mm512_set1_epi32(16);
  __m512i position = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  int count = 0;
  for (int b = 0; b < n; b += 16) {
    const __mmask16 valid = n - b >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << (n - b)) - 1);
    const __m512 v = _mm512_maskz_loadu_ps(valid, x + b), background = _mm512_maskz_loadu_ps(valid, c + b);
    const __mmask16 mask = _mm512_mask_cmp_ps_mask(valid, v, background, _CMP_NEQ_UQ);
    _mm512_storeu_si512(index + count, _mm512_maskz_compress_epi32(mask, position));
    _mm512_storeu_ps(value + count, _mm512_maskz_compress_ps(mask, _mm512_mul_ps(_mm512_sub_ps(v, background), vscale)));
    count += __builtin_popcount(mask);
    position = _mm512_add_epi32(position, step);
  }
  return count;
}
#endif

#if defined(__wasm_simd128__)
// WebAssembly: 4 entries at a time, the differing lanes moved to the front by a byte
// shuffle looked up by their bit mask (SIMD128 has no compress instruction).
struct CompactShuffles {
  uint8_t bytes[16][16] = {};  // [mask]: picks lanes set in mask, in order; 0 for the rest
  constexpr CompactShuffles() {
    for (int mask = 0; mask < 16; ++mask)
      for (int lane = 0, k = 0; lane < 4; ++lane)
        if (mask >> lane & 1) {
          for (int byte = 0; byte < 4; ++byte) bytes[mask][4 * k + byte] = static_cast<uint8_t>(4 * lane + byte);
          ++k;
        }
  }
};
inline constexpr CompactShuffles kCompactShuffles{};

template <>
inline int find_entries(const float* x, const float* c, int n, float scale, int* index, float* value) {
  const v128_t vscale = wasm_f32x4_splat(scale), four = wasm_i32x4_splat(4);
  v128_t position = wasm_i32x4_make(0, 1, 2, 3);
  int count = 0, b = 0;
  for (; b + 4 <= n; b += 4, position = wasm_i32x4_add(position, four)) {
    const v128_t v = wasm_v128_load(x + b), background = wasm_v128_load(c + b);
    const int mask = static_cast<int>(wasm_i32x4_bitmask(wasm_f32x4_ne(v, background)));
    if (mask == 0) continue;
    const v128_t shuffle = wasm_v128_load(kCompactShuffles.bytes[mask]);
    wasm_v128_store(index + count, wasm_i8x16_swizzle(position, shuffle));
    wasm_v128_store(value + count, wasm_i8x16_swizzle(wasm_f32x4_mul(wasm_f32x4_sub(v, background), vscale), shuffle));
    count += __builtin_popcount(static_cast<unsigned>(mask));
  }
  for (; b < n; ++b) {
    index[count] = b;
    value[count] = scale * (x[b] - c[b]);
    count += !(x[b] == c[b]);
  }
  return count;
}
#endif

// The entries of the rows of a matrix, one row after the other, found once for all the
// passes over them (and telling whether there are few enough for the sparse loops). Kept in
// vectors the caller owns, so that they can be reused from call to call.
template <class T>
class SparseRows {
 public:
  SparseRows(std::vector<long>& start, std::vector<int>& index, std::vector<T>& value)
      : start_(start), index_(index), value_(value) {}

  // Lists the rows A[r · lda .. r · lda + n) for r < rows, as scale · (A[r] − c) where they
  // differ from c[0 .. n). Stops and returns false once more than max_entries are found.
  bool find(const T* A, std::ptrdiff_t lda, int rows, int n, const T* c, T scale, long max_entries) {
    const size_t capacity = static_cast<size_t>(std::max(0L, max_entries) + n + kScanSlack);
    if (index_.size() < capacity) index_.resize(capacity);  // grows only: no page faults per call
    if (value_.size() < capacity) value_.resize(capacity);
    start_.resize(rows + 1);
    long count = 0;
    for (int r = 0; r < rows; ++r) {
      start_[r] = count;
      count += find_entries(A + r * lda, c, n, scale, index_.data() + count, value_.data() + count);
      if (count > max_entries) return false;
    }
    start_[rows] = count;
    return true;
  }

  // The entries of row r (after a successful find).
  SparseSpan<T> row(int r) const {
    return {index_.data() + start_[r], value_.data() + start_[r], static_cast<int>(start_[r + 1] - start_[r])};
  }

 private:
  std::vector<long>& start_;  // row r: entries start_[r] .. start_[r + 1)
  std::vector<int>& index_;
  std::vector<T>& value_;
};

}  // namespace mlp::simd
