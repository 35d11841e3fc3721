#include "metrics.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::http {
namespace {

struct RouteCase {
  const char* name;
  const char* path;  // as httplib hands it over: percent-decoded
  int status;
  const char* label;
};

class RouteLabelTest : public ::testing::TestWithParam<RouteCase> {};

TEST_P(RouteLabelTest, NamesTheRouteNotThePath) {
  EXPECT_EQ(route_label(GetParam().path, GetParam().status), GetParam().label);
}

INSTANTIATE_TEST_SUITE_P(
    Paths, RouteLabelTest,
    ::testing::Values(
        RouteCase{"Search", "/api/search", 200, "/api/search"},
        RouteCase{"Document", "/api/documents/seeds/000_ddb1ffae0c6ba085.txt", 200,
                  "/api/documents/{id}"},
        RouteCase{"UnknownDocument", "/api/documents/khong-co.txt", 404, "/api/documents/{id}"},
        RouteCase{"Directive", "/api/directives/34-ct/tw@2014-04-07", 200, "/api/directives/{key}"},
        RouteCase{"Directives", "/api/directives", 200, "/api/directives"},
        RouteCase{"Campaign", "/api/campaigns/dan-van-kheo", 200, "/api/campaigns/{id}"},
        RouteCase{"Ready", "/readyz", 503, "/readyz"},
        RouteCase{"Page", "/", 200, "static"},
        RouteCase{"Script", "/app.js", 200, "static"},
        RouteCase{"UnknownPath", "/quản-trị", 404, "other"},
        RouteCase{"EmptyId", "/api/documents/", 404, "other"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(MetricsTest, RendersCountersAndHistogramsInPrometheusTextFormat) {
  Metrics metrics;
  metrics.record("/api/search", 200, 0.0004, "miss");
  metrics.record("/api/search", 200, 0.0003, "hit");
  metrics.record("/api/search", 400, 0.003, "");
  metrics.record("/khong-co", 404, 0.0001, "");
  const search::IndexStatus index{5, 1764427740};
  EXPECT_EQ(metrics.render(index, 1764427800),
            R"(# HELP vanban_http_requests_total HTTP requests answered, by route and status code.
# TYPE vanban_http_requests_total counter
vanban_http_requests_total{route="/api/search",code="200"} 2
vanban_http_requests_total{route="/api/search",code="400"} 1
vanban_http_requests_total{route="other",code="404"} 1
# HELP vanban_http_request_duration_seconds Time from routing a request to its logged answer, by route.
# TYPE vanban_http_request_duration_seconds histogram
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.0005"} 2
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.001"} 2
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.0025"} 2
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.005"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.01"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.025"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.05"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.1"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.25"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="0.5"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="1"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="2.5"} 3
vanban_http_request_duration_seconds_bucket{route="/api/search",le="+Inf"} 3
vanban_http_request_duration_seconds_sum{route="/api/search"} 0.0037
vanban_http_request_duration_seconds_count{route="/api/search"} 3
vanban_http_request_duration_seconds_bucket{route="other",le="0.0005"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.001"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.0025"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.005"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.01"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.025"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.05"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.1"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.25"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="0.5"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="1"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="2.5"} 1
vanban_http_request_duration_seconds_bucket{route="other",le="+Inf"} 1
vanban_http_request_duration_seconds_sum{route="other"} 0.0001
vanban_http_request_duration_seconds_count{route="other"} 1
# HELP vanban_search_cache_requests_total Searches answered from the result cache (hit) or computed (miss).
# TYPE vanban_search_cache_requests_total counter
vanban_search_cache_requests_total{result="hit"} 1
vanban_search_cache_requests_total{result="miss"} 1
# HELP vanban_search_cache_hit_ratio Share of searches answered from the result cache since the server started.
# TYPE vanban_search_cache_hit_ratio gauge
vanban_search_cache_hit_ratio 0.5
# HELP vanban_index_ready 1 when the index can be opened, else 0.
# TYPE vanban_index_ready gauge
vanban_index_ready 1
# HELP vanban_index_documents Documents in the index.
# TYPE vanban_index_documents gauge
vanban_index_documents 5
# HELP vanban_index_updated_timestamp_seconds When an indexing run last changed the index (Unix time).
# TYPE vanban_index_updated_timestamp_seconds gauge
vanban_index_updated_timestamp_seconds 1764427740
# HELP vanban_index_age_seconds Seconds since an indexing run last changed the index.
# TYPE vanban_index_age_seconds gauge
vanban_index_age_seconds 60
)");
}

TEST(MetricsTest, AnIndexThatCannotBeOpenedIsNotReady) {
  const Metrics metrics;
  const std::string text =
      metrics.render(Status::unavailable("index unavailable", "no such directory"), 0);
  EXPECT_NE(text.find("\nvanban_index_ready 0\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("vanban_index_documents"), std::string::npos);
  EXPECT_EQ(text.find("vanban_http_requests_total{"), std::string::npos);
}

}  // namespace
}  // namespace vanban::http
