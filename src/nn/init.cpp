// Weight initialisations; see init.hpp.
#include "nn/init.hpp"

#include "core/names.hpp"

#include <cmath>
#include <stdexcept>

namespace mlp {

template <class T>
Matrix<T> init_weights(Init init, int rows, int cols, Rng& rng) {
  Matrix<T> W(rows, cols);
  const int fan_in = rows - 1;
  auto fill_normal = [&](double scale) {
    for (Eigen::Index i = 0; i < W.size(); ++i) W.data()[i] = T(rng.normal() * scale);
  };
  switch (init) {
    case Init::Lecture: fill_normal(std::sqrt(1.0 / rows)); break;
    case Init::Large: fill_normal(10.0); break;
    case Init::He:
      fill_normal(std::sqrt(2.0 / std::max(fan_in, 1)));
      W.row(0).setZero();
      break;
    case Init::Xavier: {
      const double limit = std::sqrt(6.0 / (fan_in + cols));
      for (Eigen::Index i = 0; i < W.size(); ++i) W.data()[i] = T(rng.uniform(-limit, limit));
      W.row(0).setZero();
      break;
    }
    case Init::Equal: W.setConstant(T(std::sqrt(1.0 / rows))); break;
  }
  return W;
}

namespace {
const std::vector<Named<Init>> kInits = {{Init::Lecture, "lecture"}, {Init::Xavier, "xavier"}, {Init::He, "he"},
                                         {Init::Equal, "equal"},     {Init::Large, "large"}};
}  // namespace

const std::vector<Init>& all_inits() {
  static const std::vector<Init> all = values_of(kInits);
  return all;
}

const char* init_name(Init init) { return name_of(kInits, init); }

Init parse_init(const std::string& name) { return parse_named(kInits, name, "init"); }

template Matrix<float> init_weights<float>(Init, int, int, Rng&);
template Matrix<double> init_weights<double>(Init, int, int, Rng&);

}  // namespace mlp
