#include "serving.h"

#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <string>
#include <thread>

#include "request_head.h"
#include "worker_pool.h"

namespace vanban::http {
namespace {

thread_local Clock::time_point t_received_at{};

std::size_t cores() { return std::max(1u, std::thread::hardware_concurrency()); }

std::size_t connections_the_descriptors_allow() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
    return ServingOptions::kMaxConnections;
  }
  const std::size_t fds = static_cast<std::size_t>(limit.rlim_cur);
  return std::clamp<std::size_t>(fds > ServingOptions::kReservedDescriptors * 2
                                     ? fds - ServingOptions::kReservedDescriptors
                                     : fds / 2,
                                 1, ServingOptions::kMaxConnections);
}

// A worker that has answered on a kept-alive connection, while other
// workers are free, waits this long for the client's next request before
// handing the connection back to the front: a client that sends requests
// back to back is then served by one thread, as httplib alone would, with
// no hand-over between threads per request.
constexpr auto kReadAhead = std::chrono::milliseconds(2);

// Whether a whole request head is in, waiting at most `wait` for bytes.
bool next_head_arrives(Connection& c, Clock::duration wait) {
  if (head_length(std::string_view(c.received)) > 0) return true;
  pollfd p{c.fd.get(), POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(wait).count())) <= 0) {
    return false;
  }
  char chunk[16 * 1024];
  for (;;) {
    const ssize_t n = ::recv(c.fd.get(), chunk, sizeof chunk, MSG_DONTWAIT);
    if (n <= 0 || c.received.size() > kMaxHeadBytes) break;
    c.received.append(chunk, static_cast<std::size_t>(n));
  }
  return head_length(std::string_view(c.received)) > 0;
}

Clock::duration seconds_and_micros(time_t sec, time_t usec) {
  return std::chrono::seconds(sec) + std::chrono::microseconds(usec);
}

// httplib's accept loop hands each accepted socket to the queue as a task
// that calls process_and_close_socket(); running it at once hands the
// socket to the front, which never blocks.
class InlineQueue final : public httplib::TaskQueue {
 public:
  explicit InlineQueue(std::function<void()> on_shutdown) : on_shutdown_(std::move(on_shutdown)) {}
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override { on_shutdown_(); }

 private:
  std::function<void()> on_shutdown_;
};

}  // namespace

// The front and the workers of one listen_after_bind().
class Server::Loop {
 public:
  explicit Loop(Server& server)
      : pool(server.workers_, server.front_options().max_connections,
             [this, &server](Connection& c) { server.serve(c, *this); }),
        front(server.front_options(), [this](Connection& c) { return pool.submit(c); },
              server.counters_) {}
  // The workers finish first: the front closes what they leave.
  ~Loop() { pool.shutdown(); }

  WorkerPool pool;
  ConnectionFront front;
};

Server::Server(const ServingOptions& options)
    : options_(options), search_gate_(options.search),
      workers_(options.workers ? options.workers
                               : search_gate_.options().slots +
                                     search_gate_.options().max_waiting + cores()) {
  // httplib owns what this returns and calls shutdown() on it when listen
  // ends; its API takes a raw pointer.
  new_task_queue = [this] {
    // httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG): a
    // burst of connections overflows it, and each dropped SYN costs its
    // client a 1 s retransmission. Linux lets listen() raise it.
    ::listen(svr_sock_, SOMAXCONN);
    loop_ = std::make_unique<Loop>(*this);
    return new InlineQueue([this] { loop_.reset(); });
  };
}

Server::~Server() = default;

FrontOptions Server::front_options() const {
  FrontOptions o;
  o.max_connections =
      options_.max_connections ? options_.max_connections : connections_the_descriptors_allow();
  o.max_connections_per_client = options_.max_connections_per_client;
  o.idle_timeout = std::chrono::seconds(keep_alive_timeout_sec_);
  o.head_timeout = options_.head_timeout;
  return o;
}

bool Server::process_and_close_socket(socket_t sock) {
  if (loop_) {
    loop_->front.adopt(sock);
  } else {
    ::close(sock);
  }
  return true;
}

void Server::serve(Connection& c, Loop& loop) {
  for (;;) {
    if (Clock::now() - c.since > options_.max_queue_wait) {
      ++counters_.shed;
      return loop.front.refuse(
          c, 503,
          Status::unavailable("server busy", "no worker was free within " +
                                                 std::to_string(options_.max_queue_wait.count()) + " ms"));
    }
    if (!serve_one(c)) return loop.front.close(c);
    const bool others_free = loop.pool.busy() < loop.pool.workers();
    if (!others_free || !next_head_arrives(c, kReadAhead)) return loop.front.resume(c);
    ++counters_.requests;
    c.since = Clock::now();
  }
}

// httplib's parser, routes and writer on the head in `c`; whether the
// connection stays open.
bool Server::serve_one(Connection& c) {
  ConnectionStream stream(c, seconds_and_micros(read_timeout_sec_, read_timeout_usec_),
                          seconds_and_micros(write_timeout_sec_, write_timeout_usec_));
  const bool last = ++c.requests >= keep_alive_max_count_;
  bool client_closes = false;
  t_received_at = c.since;
  const bool ok = process_request(stream, last, client_closes, nullptr);
  t_received_at = {};
  c.drop_parsed();
  return ok && !client_closes && !last;
}

ServingCounts Server::counts() const {
  ServingCounts n;
  n.accepted = counters_.accepted;
  n.refused = counters_.refused;
  n.evicted = counters_.evicted;
  n.idle_closed = counters_.idle_closed;
  n.head_timeouts = counters_.head_timeouts;
  n.requests = counters_.requests;
  n.shed = counters_.shed;
  n.open = counters_.open;
  n.workers = workers_;
  n.max_connections = max_connections();
  n.search = search_gate_.counts();
  return n;
}

Clock::time_point request_received_at() {
  return t_received_at == Clock::time_point{} ? Clock::now() : t_received_at;
}

}  // namespace vanban::http
