// Thinning: keeps a series that grows without end (a playground left playing for an hour)
// within a fixed number of points, evenly spread over the whole run. While there is room every
// point is kept. When the series is full, every other point is dropped and from then on only
// every second new point is kept, then every fourth, and so on; the newest point is always
// there (it is replaced by the next one when it falls between the kept ones). So a series of
// n points keeps points 0, s, 2s, ... and the newest, for a stride s that grows with n.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace mlp {

class Thinning {
 public:
  // max_points == 0: keep every point. Otherwise an even number >= 2.
  explicit Thinning(size_t max_points = 0) : max_points_(max_points + max_points % 2) {}

  // Appends `p` to `points` (the series this object thins; no other code appends to it).
  template <class T>
  void add(std::vector<T>& points, T p) {
    if (newest_between_) points.pop_back();
    const long ordinal = added_++;
    if (max_points_ > 0 && points.size() >= max_points_) {
      for (size_t i = 0; 2 * i < points.size(); ++i) points[i] = std::move(points[2 * i]);
      points.resize((points.size() + 1) / 2);
      stride_ *= 2;
    }
    points.push_back(std::move(p));
    newest_between_ = ordinal % stride_ != 0;
  }
  // Forgets every point after the first `count` added, as when stepping a run back: the kept
  // points 0, s, 2s, ... among them stay (not the newest when it fell between: the caller adds
  // it again if it wants it), and the next add continues from ordinal `count`.
  template <class T>
  void truncate(std::vector<T>& points, long count) {
    if (count >= added_) return;
    const size_t on_stride = count > 0 ? static_cast<size_t>((count - 1) / stride_ + 1) : 0;
    points.resize(std::min(points.size(), on_stride));
    added_ = count;
    newest_between_ = false;
  }
  void clear() { *this = Thinning(max_points_); }
  long stride() const { return stride_; }  // points kept: every stride-th one, and the newest

 private:
  size_t max_points_;
  long added_ = 0;
  long stride_ = 1;
  bool newest_between_ = false;  // the newest point is not on the stride (the next add replaces it)
};

}  // namespace mlp
