// vanban::http::Server: httplib's request parsing, routing and response
// writing, with a connection model in which idle and slow clients cost no
// worker thread, and load shedding for searches.
//
// httplib 0.11.4 serves each connection on one pool thread for as long as
// it stays open, and times out each read on its own: 64 kept-alive clients
// hold 64 threads, a client beyond them waits for one to close, and a
// client that sends a byte a second holds its thread indefinitely (see
// bench/LOAD.md). This server keeps httplib's accept loop, parser and
// routes, and replaces what runs between accept and parse:
//
//   accept (httplib) -> ConnectionFront (one thread, epoll: reads heads,
//   deadlines, caps) -> WorkerPool (a few threads per core: httplib's
//   process_request on the buffered head) -> back to the front
//
// and owns the SearchGate that handle_search goes through (Services::
// search_gate), so that searches queue in a bounded, measured line and the
// rest are refused quickly with 503 and Retry-After, while /healthz and
// cached answers are still served.
//
// httplib's own settings keep their meaning: set_keep_alive_timeout is the
// idle timeout between requests, set_keep_alive_max_count the requests per
// connection, set_read_timeout the budget for reading a request body, and
// set_write_timeout the budget for writing one response.
#ifndef VANBAN_SERVER_SERVING_H_
#define VANBAN_SERVER_SERVING_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "connection_front.h"
#include "search_gate.h"

namespace vanban::http {

struct ServingOptions {
  // Worker threads; 0: the search gate's slots and waiting searches, plus
  // one per core for everything else (12 on 2 cores).
  std::size_t workers = 0;
  // Open connections; 0: what the descriptor limit leaves (RLIMIT_NOFILE
  // less kReservedDescriptors), at most kMaxConnections.
  std::size_t max_connections = 0;
  // An office behind one NAT address: a dozen users with six browser
  // connections each is 72. Twice the 256 connections of bench/load.sh,
  // whose reconnects (after keep_alive_max_count requests) may arrive
  // before the server has closed the connection they replace.
  std::size_t max_connections_per_client = 512;
  // From the first byte of a request head to its end.
  std::chrono::milliseconds head_timeout{10000};
  // A request not taken by a worker this long after its head arrived is
  // answered 503 instead.
  std::chrono::milliseconds max_queue_wait{1000};
  SearchGateOptions search;

  // For the database, the index's files and the web page's files.
  static constexpr std::size_t kReservedDescriptors = 256;
  static constexpr std::size_t kMaxConnections = 16384;
};

// A snapshot of what the server has done and holds now.
struct ServingCounts {
  std::uint64_t accepted = 0;
  std::uint64_t refused = 0;
  std::uint64_t evicted = 0;
  std::uint64_t idle_closed = 0;
  std::uint64_t head_timeouts = 0;
  std::uint64_t requests = 0;
  std::uint64_t shed = 0;
  std::int64_t open = 0;
  std::size_t workers = 0;
  std::size_t max_connections = 0;
  SearchGate::Counts search;
};

// Use as an httplib::Server (routes, settings, bind_to_port, listen_after_bind,
// stop); do not set new_task_queue. Thread-safe as httplib::Server is.
class Server : public httplib::Server {
 public:
  explicit Server(const ServingOptions& options = {});
  ~Server() override;

  // For Services::search_gate; lives as long as the server.
  SearchGate& search_gate() { return search_gate_; }
  ServingCounts counts() const;
  std::size_t workers() const { return workers_; }
  std::size_t max_connections() const { return front_options().max_connections; }

 protected:
  bool process_and_close_socket(socket_t sock) override;

 private:
  class Loop;
  FrontOptions front_options() const;
  void serve(Connection& c, Loop& loop);
  bool serve_one(Connection& c);

  const ServingOptions options_;
  SearchGate search_gate_;
  const std::size_t workers_;
  ServingCounters counters_;
  std::unique_ptr<Loop> loop_;  // while listening
};

// When the request this thread serves arrived whole (its head was read):
// the start of its queueing time. Clock::now() outside a request served by
// vanban::http::Server (a handler called directly, in a test).
Clock::time_point request_received_at();

}  // namespace vanban::http

#endif  // VANBAN_SERVER_SERVING_H_
