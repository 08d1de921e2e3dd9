// Scaling fitted on training features; see scaling.hpp.
#include "data/scaling.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

namespace mlp {

const std::vector<Scaling>& all_scalings() {
  static const std::vector<Scaling> all = {Scaling::None, Scaling::Rescale, Scaling::ZScore, Scaling::ZScoreGlobal};
  return all;
}

const char* scaling_name(Scaling s) {
  switch (s) {
    case Scaling::None: return "none";
    case Scaling::Rescale: return "rescale";
    case Scaling::ZScore: return "zscore";
    case Scaling::ZScoreGlobal: return "zscore-global";
  }
  return "?";
}

Scaling parse_scaling(const std::string& name) {
  std::string names;
  for (Scaling s : all_scalings()) {
    if (name == scaling_name(s)) return s;
    names += std::string(names.empty() ? "" : ", ") + scaling_name(s);
  }
  throw std::invalid_argument("unknown scaling '" + name + "' (known: " + names + ")");
}

Scaler::Scaler(Scaling kind, const FeatureMatrix& train) : kind_(kind) { fit(row_blocks(train), train.size()); }

Scaler::Scaler(Scaling kind, const Dataset& train) : kind_(kind) {
  fit(row_blocks(train), static_cast<Eigen::Index>(train.size()) * train.features());
}

void Scaler::fit(const RowBlocks& train, Eigen::Index values) {
  if (kind_ == Scaling::None) return;
  if (values == 0) throw std::invalid_argument("cannot fit a scaling to an empty training set");
  if (kind_ != Scaling::Rescale) {
    stats_ = fit_standardizer(train, kind_ == Scaling::ZScore);
    return;
  }
  lo_ = std::numeric_limits<float>::infinity();
  hi_ = -std::numeric_limits<float>::infinity();
  train([this](const FeatureMatrix& block) {
    if (block.size() == 0) return;
    lo_ = std::min(lo_, block.minCoeff());
    hi_ = std::max(hi_, block.maxCoeff());
  });
  if (!(lo_ < hi_)) throw std::invalid_argument("cannot rescale: every training value is " + std::to_string(lo_));
}

void Scaler::apply(FeatureMatrix& X) const {
  switch (kind_) {
    case Scaling::None: return;
    case Scaling::Rescale: rescale(X, lo_, hi_); return;
    case Scaling::ZScore:
    case Scaling::ZScoreGlobal: standardize(X, stats_); return;
  }
}

void Scaler::apply(Dataset& data) const { apply(data.is_compact() ? data.compact.values : data.X); }

std::string Scaler::describe() const {
  char text[96];
  switch (kind_) {
    case Scaling::Rescale:
      std::snprintf(text, sizeof text, "rescale: (x - %g) / %g", lo_, hi_ - lo_);
      return text;
    case Scaling::ZScoreGlobal:
      std::snprintf(text, sizeof text, "zscore-global: (x - %.1f) / %.1f", stats_.mean(0), stats_.stddev(0));
      return text;
    case Scaling::ZScore: return "zscore: each pixel (x - mean) / stddev";
    case Scaling::None: break;
  }
  return "none";
}

}  // namespace mlp
