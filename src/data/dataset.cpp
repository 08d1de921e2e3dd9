// Reading a Dataset's rows whichever way its features are stored; see dataset.hpp.
#include "data/dataset.hpp"

#include <algorithm>
#include <utility>

namespace mlp {
namespace {

// The one copy loop of both storages: out row i is data row row_of(i).
template <class T, class RowOf>
void gather_rows(const Dataset& data, int count, RowOf row_of, Matrix<T>& out) {
  const int D = data.features();
  out.resize(count, D);
  if (!data.is_compact()) {
    for (int i = 0; i < count; ++i) out.row(i) = data.X.row(row_of(i)).template cast<T>();
    return;
  }
  const float* values = data.compact.values.data();  // 256 x D, row-major: value of byte b in feature j at b * D + j
  for (int i = 0; i < count; ++i) {
    const uint8_t* bytes = data.compact.row(row_of(i));
    T* row = out.row(i).data();
    for (int j = 0; j < D; ++j) row[j] = static_cast<T>(values[bytes[j] * D + j]);
  }
}

}  // namespace

template <class T>
void Dataset::copy_rows(int begin, int count, Matrix<T>& out) const {
  gather_rows<T>(*this, count, [begin](int i) { return begin + i; }, out);
}

template <class T>
void Dataset::copy_rows(const int* rows, int count, Matrix<T>& out) const {
  gather_rows<T>(*this, count, [rows](int i) { return rows[i]; }, out);
}

ByteFeatures raw_byte_features(ByteMatrix bytes) {
  const auto rows = static_cast<int>(bytes.rows()), cols = static_cast<int>(bytes.cols());
  const auto owner = std::make_shared<const ByteMatrix>(std::move(bytes));
  return raw_byte_features(std::shared_ptr<const uint8_t>(owner, owner->data()), rows, cols);
}

ByteFeatures raw_byte_features(std::shared_ptr<const uint8_t> bytes, int rows, int cols) {
  ByteFeatures features;
  features.values.resize(256, cols);
  for (int b = 0; b < 256; ++b) features.values.row(b).setConstant(static_cast<float>(b));
  features.bytes = std::move(bytes);
  features.rows = rows;
  features.cols = cols;
  return features;
}

RowBlocks row_blocks(const FeatureMatrix& X) {
  return [&X](const RowVisitor& visit) { visit(X); };
}

RowBlocks row_blocks(const Dataset& data) {
  if (!data.is_compact()) return row_blocks(data.X);
  return [&data](const RowVisitor& visit) {
    constexpr int kBlock = 4096;
    FeatureMatrix block;  // kBlock x D
    for (int begin = 0; begin < data.size(); begin += kBlock) {
      data.copy_rows(begin, std::min(kBlock, data.size() - begin), block);
      visit(block);
    }
  };
}

template void Dataset::copy_rows<float>(int, int, Matrix<float>&) const;
template void Dataset::copy_rows<double>(int, int, Matrix<double>&) const;
template void Dataset::copy_rows<float>(const int*, int, Matrix<float>&) const;
template void Dataset::copy_rows<double>(const int*, int, Matrix<double>&) const;

}  // namespace mlp
