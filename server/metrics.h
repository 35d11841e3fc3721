// vanban-server's counters for /metrics, in Prometheus' text format:
// requests by route and status code, a latency histogram per route, the
// search cache's hits and misses, and the index's size and age.
//
// Counting is cheap enough for every request: relaxed atomic increments in
// fixed arrays, no lock, no allocation. Routes are labels from a fixed list
// (route_label), never raw paths, so the number of series stays bounded
// whatever clients ask for.
#ifndef VANBAN_SERVER_METRICS_H_
#define VANBAN_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vanban/search/reader.h"
#include "vanban/status.h"

namespace vanban::http {

// The route label of a request for `path` answered with `status`:
// "/api/search", "/api/documents/{id}", "/healthz", ...; "static" for
// other successful requests (the page and its files), "other" for the
// rest (unknown paths). Labels only: routing is httplib's.
std::string_view route_label(std::string_view path, int status);

// Thread-safe.
class Metrics {
 public:
  // Latency buckets' upper bounds in seconds ("le"): from the ~0.3 ms of
  // a cached search to the 2 s time limit of a match.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5};

  // Counts one answered request. `cache` is its X-Cache header ("hit",
  // "miss" or empty).
  void record(std::string_view path, int status, double seconds, std::string_view cache);

  // The exposition (text format 0.0.4) of every counter, with `index` (its
  // status, or why it cannot be opened) at `now` (seconds since the epoch).
  std::string render(const Result<search::IndexStatus>& index, std::int64_t now) const;

 private:
  static constexpr std::size_t kRoutes = 11;  // route_label()'s
  static constexpr std::size_t kCodeSlots = 12;   // the codes vanban answers, and "other"

  using Counter = std::atomic<std::uint64_t>;
  struct RouteCounters {
    std::array<Counter, kCodeSlots> by_code{};
    std::array<Counter, kBuckets.size() + 1> by_bucket{};  // the last: over all bounds
    Counter microseconds{0};
  };
  void render_requests(std::string& out) const;
  void render_latency(std::string& out) const;

  std::array<RouteCounters, kRoutes> routes_{};
  Counter cache_hits_{0};
  Counter cache_misses_{0};
};

}  // namespace vanban::http

#endif  // VANBAN_SERVER_METRICS_H_
