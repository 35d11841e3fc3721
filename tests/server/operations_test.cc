#include "operations.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "testing/scratch_dir.h"
#include "testing/test_server.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/search_service.h"

namespace vanban::http {
namespace {

// A server over an index that may not exist yet, as vanban-server opens
// it, with the operations endpoints and an access log kept in memory.
class OperationsTest : public ::testing::Test {
 protected:
  explicit OperationsTest(AccessLogFormat format = AccessLogFormat::kJson)
      : dir_("operations"),
        reader_(dir_.str("db"), search::IndexReader::Open::kWhenThere),
        search_(reader_),
        knowledge_(reader_),
        cache_(16),
        services_{search_, knowledge_, &cache_} {
    OperationsOptions options{&metrics_, format, [this](std::string_view line) {
                                std::lock_guard lock(log_mutex_);
                                log_.emplace_back(line);
                              }};
    server_ = std::make_unique<testing::TestServer>(
        services_, "", http::ServingOptions{}, [&](httplib::Server& s) { install_operations(s, services_, options); });
  }

  void index_seeds() { testing::index_paths(dir_.str("db"), {testing::seeds_dir()}); }

  // Polls `path` until its body holds `text`: the logger that counts a
  // request runs after its answer is sent, so a count may lag a little.
  bool eventually_contains(const std::string& path, const std::string& text) {
    for (int i = 0; i < 100; ++i) {
      if (const auto r = server_->get(path); r && r->body.find(text) != std::string::npos) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  std::vector<std::string> log_lines(std::size_t at_least) {
    for (int i = 0; i < 100; ++i) {
      {
        std::lock_guard lock(log_mutex_);
        if (log_.size() >= at_least) return log_;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::lock_guard lock(log_mutex_);
    return log_;
  }

  testing::ScratchDir dir_;
  search::IndexReader reader_;
  search::SearchService search_;
  search::KnowledgeService knowledge_;
  SearchCache cache_;
  Services services_;
  Metrics metrics_;
  std::mutex log_mutex_;
  std::vector<std::string> log_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(OperationsTest, ReadyOnlyOnceTheIndexCanBeOpened) {
  auto r = server_->get("/readyz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(nlohmann::json::parse(r->body)["error"], "index unavailable");
  r = server_->get("/api/search?q=d%C3%A2n%20v%E1%BA%ADn");
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->body, R"({"error":"index unavailable"})");
  EXPECT_TRUE(eventually_contains("/metrics", "\nvanban_index_ready 0\n"));

  index_seeds();
  r = server_->get("/readyz");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"documents":5,"status":"ready"})");
  r = server_->get("/api/search?q=d%C3%A2n%20v%E1%BA%ADn%20kh%C3%A9o");
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nlohmann::json::parse(r->body)["total"], 2);
}

TEST_F(OperationsTest, MetricsCountRequestsByRouteAndCacheHits) {
  index_seeds();
  EXPECT_EQ(server_->get("/api/search?q=34-CT%2FTW")->get_header_value("X-Cache"), "miss");
  EXPECT_EQ(server_->get("/api/search?q=34-CT%2FTW")->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(server_->get("/api/documents/khong-co.txt")->status, 404);
  const auto r = server_->get("/metrics");
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_TRUE(eventually_contains(
      "/metrics", "\nvanban_http_requests_total{route=\"/api/search\",code=\"200\"} 2\n"));
  EXPECT_TRUE(eventually_contains(
      "/metrics", "\nvanban_http_requests_total{route=\"/api/documents/{id}\",code=\"404\"} 1\n"));
  EXPECT_TRUE(eventually_contains("/metrics", "\nvanban_search_cache_hit_ratio 0.5\n"));
  EXPECT_TRUE(eventually_contains("/metrics", "\nvanban_index_documents 5\n"));
  EXPECT_TRUE(eventually_contains(
      "/metrics", "\nvanban_http_request_duration_seconds_count{route=\"/api/search\"} 2\n"));
}

TEST_F(OperationsTest, TheAccessLogIsOneJsonObjectPerRequest) {
  index_seeds();
  const auto r = server_->get("/api/search?q=d%C3%A2n%20v%E1%BA%ADn");
  ASSERT_EQ(r->status, 200);
  const std::vector<std::string> lines = log_lines(1);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].back(), '\n');
  const nlohmann::json line = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["target"], "/api/search?q=d%C3%A2n%20v%E1%BA%ADn");
  EXPECT_EQ(line["route"], "/api/search");
  EXPECT_EQ(line["status"], 200);
  EXPECT_EQ(line["bytes"], r->body.size());
  EXPECT_EQ(line["cache"], "miss");
  EXPECT_EQ(line["remote"], "127.0.0.1");
  EXPECT_GE(line["ms"].get<double>(), 0.0);
  EXPECT_TRUE(std::regex_match(line["time"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << line["time"];
}

class TextAccessLogTest : public OperationsTest {
 protected:
  TextAccessLogTest() : OperationsTest(AccessLogFormat::kText) {}
};

TEST_F(TextAccessLogTest, TheTextLineSaysWhatWasAskedAndAnswered) {
  ASSERT_EQ(server_->get("/khong-co")->status, 404);
  const std::vector<std::string> lines = log_lines(1);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(std::regex_match(lines[0], std::regex(R"(GET /khong-co 404 \d+ \d+\.\d\dms\n)")))
      << lines[0];
}

}  // namespace
}  // namespace vanban::http
