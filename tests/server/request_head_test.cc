#include "request_head.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace vanban::http {
namespace {

struct HeadCase {
  const char* name;
  std::string bytes;
  std::size_t expected;
};

class HeadLengthTest : public ::testing::TestWithParam<HeadCase> {};

TEST_P(HeadLengthTest, FindsTheEndOfTheFirstHead) {
  EXPECT_EQ(head_length(GetParam().bytes), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Heads, HeadLengthTest,
    ::testing::Values(
        HeadCase{"Complete", "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", 34},
        HeadCase{"NoHeaders", "GET / HTTP/1.1\r\n\r\n", 18},
        HeadCase{"MissingBlankLine", "GET /healthz HTTP/1.1\r\nHost: a\r\n", 0},
        HeadCase{"HalfBlankLine", "GET /healthz HTTP/1.1\r\nHost: a\r\n\r", 0},
        HeadCase{"RequestLineOnly", "GET /api/search?q=thi", 0},
        HeadCase{"Empty", "", 0},
        HeadCase{"BareLineFeeds", "GET / HTTP/1.1\nHost: a\n\n", 24},
        HeadCase{"FirstOfTwoPipelined", "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n", 19},
        HeadCase{"BodyAfterHead", "POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab\r\n", 38}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(RawErrorResponseTest, IsAWholeJsonResponseThatCloses) {
  const std::string r =
      raw_error_response(503, Status::unavailable("server busy", "4 searches waiting"),
                         std::chrono::seconds(1));
  const std::size_t head = head_length(r);
  ASSERT_GT(head, 0u);
  const std::string body = r.substr(head);
  EXPECT_EQ(r.rfind("HTTP/1.1 503 Service Unavailable\r\n", 0), 0u);
  EXPECT_NE(r.find("\r\nRetry-After: 1\r\n"), std::string::npos);
  EXPECT_NE(r.find("\r\nConnection: close\r\n"), std::string::npos);
  EXPECT_NE(r.find("\r\nContent-Length: " + std::to_string(body.size()) + "\r\n"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(body),
            (nlohmann::json{{"error", "server busy"}, {"detail", "4 searches waiting"}}));
}

TEST(RawErrorResponseTest, SaysRetryAfterOnlyWhenAsked) {
  const std::string r = raw_error_response(408, Status::deadline_exceeded("request timeout"));
  EXPECT_EQ(r.rfind("HTTP/1.1 408 Request Timeout\r\n", 0), 0u);
  EXPECT_EQ(r.find("Retry-After"), std::string::npos);
  EXPECT_EQ(r.substr(head_length(r)), R"({"error":"request timeout"})");
}

}  // namespace
}  // namespace vanban::http
