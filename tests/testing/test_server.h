// Test helper: vanban's routes served by a real vanban::http::Server (the
// production connection model) on an ephemeral loopback port, in a thread
// of its own; stopped and joined when the object goes away.
#ifndef VANBAN_TESTS_TESTING_TEST_SERVER_H_
#define VANBAN_TESTS_TESTING_TEST_SERVER_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "routes.h"
#include "serving.h"

namespace vanban::testing {

class TestServer {
 public:
  // `services` must outlive the server. `web_root` "" serves no page.
  // `setup` runs after the routes are registered, before listening.
  explicit TestServer(const http::Services& services, const std::string& web_root = "",
                      const http::ServingOptions& options = {},
                      const std::function<void(httplib::Server&)>& setup = {})
      : server_(options) {
    http::register_routes(server_, services, web_root);
    if (setup) setup(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    EXPECT_GT(port_, 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 400 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  ~TestServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  const http::Server& server() const { return server_; }
  // A client that waits up to 30 s for an answer (httplib's default is 5 s:
  // a 2,000-row DOCX export takes longer than that under ASan).
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(kReadTimeoutSeconds, 0);
    return c;
  }
  httplib::Result get(const std::string& path) const { return client().Get(path.c_str()); }

 private:
  static constexpr time_t kReadTimeoutSeconds = 30;
  http::Server server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_TEST_SERVER_H_
