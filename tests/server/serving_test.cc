// The connection model of vanban::http::Server on an ephemeral port: kept-
// alive connections cost no worker, slow heads get 408 while others are
// served, overload gets 503 with Retry-After, connection caps hold.
// Bounds on time are generous (a loaded 2-core machine is slow, never
// early); bench/load.sh measures.
#include "serving.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "request_head.h"
#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "testing/test_server.h"

namespace vanban::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// A plain TCP connection to the server, to send exactly what a test wants.
class RawClient {
 public:
  explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  bool connected() const { return connected_; }
  bool send(const std::string& bytes) {
    return ::send(fd_.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Everything until the server closes, or `limit` passes.
  std::string read_until_closed(Clock::duration limit = seconds(10)) {
    std::string out;
    const auto end = Clock::now() + limit;
    char buf[4096];
    while (Clock::now() < end) {
      pollfd p{fd_.get(), POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const ssize_t n = ::recv(fd_.get(), buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
  }
  // One response (head and Content-Length body).
  std::string read_response(Clock::duration limit = seconds(10)) {
    const auto end = Clock::now() + limit;
    char buf[4096];
    while (Clock::now() < end) {
      const std::size_t head = head_length(pending_);
      if (head > 0) {
        const auto at = pending_.find("Content-Length: ");
        const std::size_t length = at < head ? std::stoul(pending_.substr(at + 16)) : 0;
        if (pending_.size() >= head + length) {
          std::string one = pending_.substr(0, head + length);
          pending_.erase(0, head + length);
          return one;
        }
      }
      pollfd p{fd_.get(), POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const ssize_t n = ::recv(fd_.get(), buf, sizeof buf, 0);
      if (n <= 0) break;
      pending_.append(buf, static_cast<std::size_t>(n));
    }
    return {};
  }

 private:
  UniqueFd fd_;
  bool connected_ = false;
  std::string pending_;
};

std::string body_of(const std::string& response) { return response.substr(head_length(response)); }

class ServingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("serving");
    testing::index_paths(dir_->str("db"), {testing::seeds_dir()});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
  }
  static void TearDownTestSuite() {
    index_.reset();
    dir_.reset();
  }
  static Services services(SearchGate* gate = nullptr) {
    return Services{index_->search, index_->knowledge, nullptr, gate};
  }

  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
};

std::unique_ptr<testing::ScratchDir> ServingTest::dir_;
std::unique_ptr<testing::OpenIndex> ServingTest::index_;

// httplib alone serves a kept-alive connection on one thread until the
// client closes it or the keep-alive timeout (5 s) passes: with 2 workers,
// the third of eight clients would wait 5 s for its first answer.
TEST_F(ServingTest, KeptAliveConnectionsBeyondTheWorkersAreAllServed) {
  ServingOptions options;
  options.workers = 2;
  const Services s = services();
  const testing::TestServer server(s, "", options);
  std::vector<std::unique_ptr<httplib::Client>> clients;
  for (int i = 0; i < 8; ++i) {
    clients.push_back(std::make_unique<httplib::Client>("127.0.0.1", server.port()));
    clients.back()->set_keep_alive(true);
  }
  // A starved client waits for the keep-alive timeout: no request may take
  // that long (each takes milliseconds, a fraction of a second under ASan on
  // a loaded machine; the whole loop is not timed).
  Clock::duration slowest{};
  for (int round = 0; round < 3; ++round) {
    for (auto& client : clients) {
      const auto started = Clock::now();
      const auto r = client->Get("/api/search?q=d%C3%A2n+v%E1%BA%ADn");
      slowest = std::max(slowest, Clock::now() - started);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200);
    }
  }
  EXPECT_LT(slowest, seconds(5));
  EXPECT_EQ(server.server().counts().open, 8);
  EXPECT_EQ(server.server().counts().accepted, 8u);  // kept alive: no reconnects
}

// A client that sends a byte every 100 ms would never trip a timeout per
// read; the head deadline counts from its first byte.
TEST_F(ServingTest, TricklingClientGets408AtTheHeadDeadlineWhileOthersAreServed) {
  ServingOptions options;
  options.head_timeout = milliseconds(1000);
  const Services s = services();
  const testing::TestServer server(s, "", options);
  RawClient slow(server.port());
  ASSERT_TRUE(slow.connected());
  const auto started = Clock::now();
  std::thread trickle([&] {
    const std::string head = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
    for (std::size_t i = 0; i < 100 && slow.send(std::string(1, head[i % head.size()])); ++i) {
      std::this_thread::sleep_for(milliseconds(100));
    }
  });
  httplib::Client normal("127.0.0.1", server.port());
  while (Clock::now() - started < milliseconds(1500)) {
    const auto r = normal.Get("/healthz");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  const std::string answer = slow.read_response();
  const auto waited = Clock::now() - started;
  trickle.join();
  EXPECT_EQ(answer.rfind("HTTP/1.1 408 Request Timeout\r\n", 0), 0u) << answer;
  EXPECT_EQ(nlohmann::json::parse(body_of(answer))["error"], "request timeout");
  EXPECT_GE(waited, options.head_timeout);
  EXPECT_LT(waited, options.head_timeout + seconds(4));
  EXPECT_EQ(server.server().counts().head_timeouts, 1u);
}

TEST_F(ServingTest, OverloadedSearchGets503WithRetryAfterAndHealthStaysAnswered) {
  SearchGateOptions gate_options;
  gate_options.slots = 1;
  gate_options.max_waiting = 1;
  gate_options.max_wait = milliseconds(100);
  SearchGate gate(gate_options);
  const Services s = services(&gate);
  const testing::TestServer server(s);
  std::optional<SearchGate::Ticket> busy(*gate.admit(Clock::now()));

  const auto refused = server.get("/api/search?q=thi+%C4%91ua");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "1");
  EXPECT_EQ(nlohmann::json::parse(refused->body),
            (nlohmann::json{{"error", "server busy"}, {"detail", "waited 100 ms"}}));
  const auto health = server.get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);

  busy.reset();
  const auto served = server.get("/api/search?q=thi+%C4%91ua");
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  EXPECT_EQ(nlohmann::json::parse(served->body)["partial"], false);
  EXPECT_EQ(nlohmann::json::parse(served->body)["match"], "all");
}

TEST_F(ServingTest, ConnectionsPerClientAddressAreCapped) {
  ServingOptions options;
  options.max_connections_per_client = 2;
  const Services s = services();
  const testing::TestServer server(s, "", options);
  auto first = std::make_unique<RawClient>(server.port());
  RawClient second(server.port());
  ASSERT_TRUE(second.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"));
  EXPECT_EQ(second.read_response().rfind("HTTP/1.1 200", 0), 0u);  // both are open now

  RawClient third(server.port());
  ASSERT_TRUE(third.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"));
  const std::string refused = third.read_until_closed();
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_EQ(nlohmann::json::parse(body_of(refused))["error"], "too many connections from this address");

  first.reset();  // frees a place
  std::string answer;
  for (int i = 0; i < 100 && answer.rfind("HTTP/1.1 200", 0) != 0; ++i) {
    std::this_thread::sleep_for(milliseconds(20));
    RawClient next(server.port());
    next.send("GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    answer = next.read_until_closed();
  }
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
}

TEST_F(ServingTest, AFullServerClosesTheConnectionIdleLongest) {
  ServingOptions options;
  options.max_connections = 2;
  const Services s = services();
  const testing::TestServer server(s, "", options);
  RawClient oldest(server.port());
  RawClient newer(server.port());
  ASSERT_TRUE(newer.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"));
  ASSERT_EQ(newer.read_response().rfind("HTTP/1.1 200", 0), 0u);

  httplib::Client third("127.0.0.1", server.port());
  const auto r = third.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(oldest.read_until_closed(), "");  // closed without a word
  EXPECT_EQ(server.server().counts().evicted, 1u);
}

TEST_F(ServingTest, PipelinedRequestsAreAnsweredInOrder) {
  const Services s = services();
  const testing::TestServer server(s);
  RawClient client(server.port());
  ASSERT_TRUE(client.send("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"
                          "GET /api/documents/nothing HTTP/1.1\r\nHost: a\r\n\r\n"
                          "GET /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"));
  const std::string first = client.read_response();
  const std::string second = client.read_response();
  const std::string third = client.read_response();
  EXPECT_EQ(first.rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_EQ(nlohmann::json::parse(body_of(first))["documents"], 5);
  EXPECT_EQ(second.rfind("HTTP/1.1 404", 0), 0u);
  EXPECT_EQ(third.rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_NE(third.find("Connection: close"), std::string::npos);
  EXPECT_EQ(client.read_until_closed(), "");
}

TEST_F(ServingTest, OversizedHeadIs431) {
  const Services s = services();
  const testing::TestServer server(s);
  RawClient client(server.port());
  std::string head = "GET /healthz HTTP/1.1\r\n";
  while (head.size() <= kMaxHeadBytes) head += "X-Filler: " + std::string(1000, 'a') + "\r\n";
  ASSERT_TRUE(client.send(head));
  const std::string answer = client.read_until_closed();
  EXPECT_EQ(answer.rfind("HTTP/1.1 431", 0), 0u) << answer.substr(0, 200);
}

}  // namespace
}  // namespace vanban::http
