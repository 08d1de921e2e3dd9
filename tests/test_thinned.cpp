// Tests for Thinning (src/core/thinned): every point while there is room; then at most the
// limit, the kept points evenly spaced over the whole series (0, s, 2s, ...) plus the newest.
#include <catch2/catch.hpp>

#include "core/thinned.hpp"

#include <vector>

using mlp::Thinning;

namespace {

std::vector<long> series(long count, size_t max_points, long* stride = nullptr) {
  Thinning thinning(max_points);
  std::vector<long> points;
  for (long i = 0; i < count; ++i) thinning.add(points, i);
  if (stride) *stride = thinning.stride();
  return points;
}

}  // namespace

TEST_CASE("without a limit, or within it, every point is kept", "[thinned]") {
  CHECK(series(5, 0) == std::vector<long>{0, 1, 2, 3, 4});
  CHECK(series(4, 4) == std::vector<long>{0, 1, 2, 3});
}

TEST_CASE("a full series keeps every other point, then every fourth, and always the newest", "[thinned]") {
  // 4 points of room: 0 1 2 3, then 4 arrives: 0 2 4; 5 is between (kept as the newest), 6 replaces it.
  CHECK(series(5, 4) == std::vector<long>{0, 2, 4});
  CHECK(series(6, 4) == std::vector<long>{0, 2, 4, 5});
  CHECK(series(7, 4) == std::vector<long>{0, 2, 4, 6});
  CHECK(series(9, 4) == std::vector<long>{0, 4, 8});  // 8 arrives on a full 0 2 4 6
  CHECK(series(11, 4) == std::vector<long>{0, 4, 8, 10});
}

TEST_CASE("a long series stays within its limit, evenly spaced from the first to the newest", "[thinned]") {
  long stride = 0;
  const std::vector<long> points = series(1000003, 4000, &stride);
  REQUIRE(points.size() <= 4000);
  CHECK(points.size() > 2000);
  CHECK(points.front() == 0);
  CHECK(points.back() == 1000002);
  CHECK(stride == 256);  // 1,000,003 points over 4000: 250 apart, rounded up to a power of two
  for (size_t i = 0; i + 1 < points.size(); ++i) CHECK(points[i] == static_cast<long>(i) * stride);
}

TEST_CASE("an odd limit is rounded up to an even one; clear starts afresh", "[thinned]") {
  CHECK(series(4, 3) == std::vector<long>{0, 1, 2, 3});
  Thinning thinning(2);
  std::vector<long> points;
  for (long i = 0; i < 10; ++i) thinning.add(points, i);
  CHECK(thinning.stride() > 1);
  thinning.clear();
  points.clear();
  thinning.add(points, 7L);
  CHECK(thinning.stride() == 1);
  CHECK(points == std::vector<long>{7});
}

TEST_CASE("truncating forgets the points after the first count, and adding goes on from there", "[thinned]") {
  Thinning thinning(4);
  std::vector<long> points;
  for (long i = 0; i < 11; ++i) thinning.add(points, i);  // 0 4 8 10 (stride 4)
  thinning.truncate(points, 7);                            // points 0..6 were added: 0 4 on the stride
  CHECK(points == std::vector<long>{0, 4});
  thinning.add(points, 7L);  // ordinal 7: between, kept as the newest
  CHECK(points == std::vector<long>{0, 4, 7});
  thinning.add(points, 8L);  // replaces it
  CHECK(points == std::vector<long>{0, 4, 8});
  thinning.truncate(points, 20);  // more than were added: nothing changes
  CHECK(points == std::vector<long>{0, 4, 8});
  thinning.truncate(points, 0);
  CHECK(points.empty());
  Thinning unlimited;
  std::vector<long> all;
  for (long i = 0; i < 5; ++i) unlimited.add(all, i);
  unlimited.truncate(all, 3);
  unlimited.add(all, 3L);
  CHECK(all == std::vector<long>{0, 1, 2, 3});
}
