#include "metrics.h"

#include <cmath>
#include <cstdio>

namespace vanban::http {
namespace {

// Route labels: an exact path, or a prefix ending in '/' followed by a
// parameter. Their order is the counters' index.
struct RouteLabel {
  std::string_view path;
  std::string_view label;
  bool prefix = false;
};
constexpr RouteLabel kRouteLabels[] = {
    {"/api/search", "/api/search"},
    {"/api/documents/", "/api/documents/{id}", true},
    {"/api/directives", "/api/directives"},
    {"/api/directives/", "/api/directives/{key}", true},
    {"/api/campaigns", "/api/campaigns"},
    {"/api/campaigns/", "/api/campaigns/{id}", true},
    {"/healthz", "/healthz"},
    {"/readyz", "/readyz"},
    {"/metrics", "/metrics"},
};
constexpr std::size_t kStaticRoute = std::size(kRouteLabels);
constexpr std::size_t kOtherRoute = kStaticRoute + 1;
constexpr std::string_view kStaticLabel = "static", kOtherLabel = "other";

// The status codes vanban's handlers and httplib answer with; any other is
// counted as "other".
constexpr int kKnownCodes[] = {200, 304, 400, 404, 405, 408, 413, 414, 500, 501, 503};

std::size_t route_index(std::string_view path, int status) {
  for (std::size_t i = 0; i < std::size(kRouteLabels); ++i) {
    const RouteLabel& r = kRouteLabels[i];
    if (r.prefix ? path.size() > r.path.size() && path.substr(0, r.path.size()) == r.path
                 : path == r.path) {
      return i;
    }
  }
  return status < 400 ? kStaticRoute : kOtherRoute;
}

std::string_view label_of(std::size_t route) {
  if (route == kStaticRoute) return kStaticLabel;
  if (route == kOtherRoute) return kOtherLabel;
  return kRouteLabels[route].label;
}

std::size_t code_index(int status) {
  for (std::size_t i = 0; i < std::size(kKnownCodes); ++i) {
    if (kKnownCodes[i] == status) return i;
  }
  return std::size(kKnownCodes);
}

std::string code_label(std::size_t code) {
  return code < std::size(kKnownCodes) ? std::to_string(kKnownCodes[code]) : "other";
}

std::size_t bucket_index(double seconds) {
  std::size_t b = 0;
  while (b < Metrics::kBuckets.size() && seconds > Metrics::kBuckets[b]) ++b;
  return b;
}

// Numbers as Prometheus reads them: "0.0005", "2.5", "1764427740".
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void header(std::string& out, std::string_view name, std::string_view type,
            std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void sample(std::string& out, std::string_view name, std::string_view labels, double value) {
  out.append(name);
  if (!labels.empty()) out.append("{").append(labels).append("}");
  out.append(" ").append(number(value)).append("\n");
}

std::string route_labels(std::size_t route) {
  return "route=\"" + std::string(label_of(route)) + "\"";
}

void render_index(std::string& out, const Result<search::IndexStatus>& index, std::int64_t now) {
  header(out, "vanban_index_ready", "gauge", "1 when the index can be opened, else 0.");
  sample(out, "vanban_index_ready", "", index.is_ok() ? 1 : 0);
  if (!index) return;
  header(out, "vanban_index_documents", "gauge", "Documents in the index.");
  sample(out, "vanban_index_documents", "", index->documents);
  if (index->updated == 0) return;  // an index written before it was recorded
  header(out, "vanban_index_updated_timestamp_seconds", "gauge",
         "When an indexing run last changed the index (Unix time).");
  sample(out, "vanban_index_updated_timestamp_seconds", "", static_cast<double>(index->updated));
  header(out, "vanban_index_age_seconds", "gauge",
         "Seconds since an indexing run last changed the index.");
  sample(out, "vanban_index_age_seconds", "", static_cast<double>(now - index->updated));
}

}  // namespace

std::string_view route_label(std::string_view path, int status) {
  return label_of(route_index(path, status));
}

void Metrics::record(std::string_view path, int status, double seconds, std::string_view cache) {
  static_assert(kRoutes == kOtherRoute + 1 && kCodeSlots == std::size(kKnownCodes) + 1);
  RouteCounters& r = routes_[route_index(path, status)];
  r.by_code[code_index(status)].fetch_add(1, std::memory_order_relaxed);
  r.by_bucket[bucket_index(seconds)].fetch_add(1, std::memory_order_relaxed);
  r.microseconds.fetch_add(static_cast<std::uint64_t>(std::llround(seconds * 1e6)),
                           std::memory_order_relaxed);
  if (cache == "hit") cache_hits_.fetch_add(1, std::memory_order_relaxed);
  if (cache == "miss") cache_misses_.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::render_requests(std::string& out) const {
  constexpr std::string_view kName = "vanban_http_requests_total";
  header(out, kName, "counter", "HTTP requests answered, by route and status code.");
  for (std::size_t r = 0; r < kRoutes; ++r) {
    for (std::size_t c = 0; c < kCodeSlots; ++c) {
      const std::uint64_t n = routes_[r].by_code[c].load(std::memory_order_relaxed);
      if (n > 0) {
        sample(out, kName, route_labels(r) + ",code=\"" + code_label(c) + "\"",
               static_cast<double>(n));
      }
    }
  }
}

void Metrics::render_latency(std::string& out) const {
  constexpr std::string_view kName = "vanban_http_request_duration_seconds";
  header(out, kName, "histogram", "Time from routing a request to its logged answer, by route.");
  for (std::size_t r = 0; r < kRoutes; ++r) {
    const RouteCounters& counters = routes_[r];
    // One snapshot, so the buckets add up even while requests are counted.
    std::array<std::uint64_t, kBuckets.size() + 1> counts{};
    std::uint64_t total = 0;
    for (std::size_t b = 0; b < counts.size(); ++b) {
      total += counts[b] = counters.by_bucket[b].load(std::memory_order_relaxed);
    }
    if (total == 0) continue;  // a route never asked for has no series
    const std::string route = route_labels(r);
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += counts[b];
      sample(out, std::string(kName) + "_bucket", route + ",le=\"" + number(kBuckets[b]) + "\"",
             static_cast<double>(cumulative));
    }
    sample(out, std::string(kName) + "_bucket", route + ",le=\"+Inf\"", static_cast<double>(total));
    const double seconds =
        static_cast<double>(counters.microseconds.load(std::memory_order_relaxed)) / 1e6;
    sample(out, std::string(kName) + "_sum", route, seconds);
    sample(out, std::string(kName) + "_count", route, static_cast<double>(total));
  }
}

std::string Metrics::render(const Result<search::IndexStatus>& index, std::int64_t now) const {
  std::string out;
  render_requests(out);
  render_latency(out);
  const auto hits = static_cast<double>(cache_hits_.load(std::memory_order_relaxed));
  const auto misses = static_cast<double>(cache_misses_.load(std::memory_order_relaxed));
  header(out, "vanban_search_cache_requests_total", "counter",
         "Searches answered from the result cache (hit) or computed (miss).");
  sample(out, "vanban_search_cache_requests_total", "result=\"hit\"", hits);
  sample(out, "vanban_search_cache_requests_total", "result=\"miss\"", misses);
  header(out, "vanban_search_cache_hit_ratio", "gauge",
         "Share of searches answered from the result cache since the server started.");
  sample(out, "vanban_search_cache_hit_ratio", "", hits + misses > 0 ? hits / (hits + misses) : 0);
  render_index(out, index, now);
  return out;
}

}  // namespace vanban::http
