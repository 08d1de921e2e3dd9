// Scaling fitted on training features; see scaling.hpp.
#include "data/scaling.hpp"

#include <cstdio>
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

Scaler::Scaler(Scaling kind, const FeatureMatrix& train) : kind_(kind) {
  if (kind == Scaling::None) return;
  if (train.size() == 0) throw std::invalid_argument("cannot fit a scaling to an empty training set");
  if (kind == Scaling::Rescale) {
    lo_ = train.minCoeff();
    hi_ = train.maxCoeff();
    if (!(lo_ < hi_))
      throw std::invalid_argument("cannot rescale: every training value is " + std::to_string(lo_));
    return;
  }
  stats_ = fit_standardizer(train, kind == Scaling::ZScore);
}

void Scaler::apply(FeatureMatrix& X) const {
  switch (kind_) {
    case Scaling::None: return;
    case Scaling::Rescale: rescale(X, lo_, hi_); return;
    case Scaling::ZScore:
    case Scaling::ZScoreGlobal: standardize(X, stats_); return;
  }
}

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
