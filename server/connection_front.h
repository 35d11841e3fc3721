// The connection front of vanban::http::Server: one thread that holds every
// open connection and reads request heads, so that idle and slow clients
// cost a descriptor and a buffer, never a worker thread. A connection goes
// to a worker only once its whole request head has arrived, and comes back
// after the response.
//
// The front enforces:
//  - a deadline for the whole request head from its first byte
//    (`head_timeout`; 408 and close), however slowly the bytes come;
//  - an idle timeout between requests (`idle_timeout`; closed silently);
//  - a cap on open connections (`max_connections`: the one idle longest
//    makes room, or the new one is refused with 503) and on connections
//    per client address (`max_connections_per_client`; 503);
//  - heads of at most kMaxHeadBytes (431).
// Its own error answers (JSON, "Connection: close") are followed by a short
// lingering close, reading and dropping what the client still sends, so
// the answer is not lost to a reset.
#ifndef VANBAN_SERVER_CONNECTION_FRONT_H_
#define VANBAN_SERVER_CONNECTION_FRONT_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "connection.h"
#include "vanban/status.h"

namespace vanban::http {

struct FrontOptions {
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_client = 512;
  Clock::duration idle_timeout = std::chrono::seconds(5);
  Clock::duration head_timeout = std::chrono::seconds(10);
};

// What the front and the workers count; read by Server::counts().
struct ServingCounters {
  std::atomic<std::uint64_t> accepted{0};
  std::atomic<std::uint64_t> refused{0};        // over a connection cap
  std::atomic<std::uint64_t> evicted{0};        // idle, closed to make room
  std::atomic<std::uint64_t> idle_closed{0};    // idle timeout
  std::atomic<std::uint64_t> head_timeouts{0};  // 408
  std::atomic<std::uint64_t> requests{0};       // heads handed to workers
  std::atomic<std::uint64_t> shed{0};           // 503: no worker in time, or queue full
  std::atomic<std::int64_t> open{0};            // connections open now
};

// Thread-safe.
class ConnectionFront {
 public:
  // Hands a connection whose request head has arrived (state kQueued) to a
  // worker; false if it cannot take it now. Called with the front's lock
  // held: it must not call back into the front.
  using Dispatch = std::function<bool(Connection&)>;

  // Starts the front's thread. Throws std::system_error if epoll cannot be
  // set up.
  ConnectionFront(const FrontOptions& options, Dispatch dispatch, ServingCounters& counters);
  // Stops the thread and closes every connection: call only once no
  // worker holds one.
  ~ConnectionFront();
  ConnectionFront(const ConnectionFront&) = delete;
  ConnectionFront& operator=(const ConnectionFront&) = delete;

  // Takes an accepted socket (its owner now).
  void adopt(int fd);
  // A worker has answered on `c` and the connection stays open.
  void resume(Connection& c);
  // A worker is done with `c`: closed.
  void close(Connection& c);
  // A worker refuses the request on `c` with `http_status` and `status`
  // (503 with Retry-After when the request waited too long), then closes.
  void refuse(Connection& c, int http_status, const Status& status);

 private:
  using Connections = std::unordered_map<std::uint64_t, std::unique_ptr<Connection>>;

  void run();
  void on_readable(Connection& c, Clock::time_point now);
  void after_input(Connection& c, Clock::time_point now);
  void sweep(Clock::time_point now);
  bool make_room();
  bool arm(const Connection& c);
  void close_now(Connection& c);
  void answer_and_linger(Connection& c, int http_status, const Status& status);
  std::size_t active() const { return connections_.size() - lingering_; }

  const FrontOptions options_;
  const Dispatch dispatch_;
  ServingCounters& counters_;
  UniqueFd epoll_;
  UniqueFd wake_;  // an eventfd that ends epoll_wait when stopping
  std::atomic<bool> stopping_{false};

  std::mutex mutex_;  // guards what follows, and every Connection not kQueued
  Connections connections_;
  std::unordered_map<std::string, std::size_t> per_client_;
  std::size_t lingering_ = 0;
  std::uint64_t next_id_ = 1;

  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace vanban::http

#endif  // VANBAN_SERVER_CONNECTION_FRONT_H_
