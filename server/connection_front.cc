#include "connection_front.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>
#include <vector>

#include "request_head.h"

namespace vanban::http {
namespace {

// How often deadlines are checked: a slow head is answered with 408 at
// most this late.
constexpr auto kSweepInterval = std::chrono::milliseconds(100);
// How long an error answer lingers for the client to read it.
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr int kEventsPerWait = 256;
constexpr std::size_t kReadChunk = 16 * 1024;
// epoll data of the wake-up eventfd; connection ids start at 1.
constexpr std::uint64_t kWakeId = 0;

UniqueFd checked(int fd, const char* what) {
  if (fd < 0) throw std::system_error(errno, std::generic_category(), what);
  return UniqueFd(fd);
}

int wait_ms(Clock::time_point until) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - Clock::now());
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
}

// Sends what fits without blocking: the front's answers are small and go
// to a fresh socket buffer.
void send_now(int fd, const std::string& bytes) {
  [[maybe_unused]] const ssize_t sent =
      ::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

}  // namespace

ConnectionFront::ConnectionFront(const FrontOptions& options, Dispatch dispatch,
                                 ServingCounters& counters)
    : options_(options), dispatch_(std::move(dispatch)), counters_(counters),
      epoll_(checked(::epoll_create1(EPOLL_CLOEXEC), "epoll_create1")),
      wake_(checked(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK), "eventfd")) {
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.u64 = kWakeId;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, wake_.get(), &ev) != 0) {
    throw std::system_error(errno, std::generic_category(), "epoll_ctl");
  }
  thread_ = std::thread([this] { run(); });
}

ConnectionFront::~ConnectionFront() {
  stopping_ = true;
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t written = ::write(wake_.get(), &one, sizeof one);
  thread_.join();
  counters_.open -= static_cast<std::int64_t>(connections_.size());
}

void ConnectionFront::adopt(int raw_fd) {
  UniqueFd fd(raw_fd);
  std::string peer = peer_address(fd.get());
  const std::lock_guard lock(mutex_);
  ++counters_.accepted;
  auto c = std::make_unique<Connection>();
  c->id = next_id_++;
  c->fd = std::move(fd);
  c->since = Clock::now();
  Connection& conn = *c;
  connections_.emplace(conn.id, std::move(c));
  ++counters_.open;
  if (active() > options_.max_connections && !make_room()) {
    ++counters_.refused;
    return answer_and_linger(conn, 503, Status::unavailable("too many connections"));
  }
  if (per_client_[peer] >= options_.max_connections_per_client) {
    ++counters_.refused;
    return answer_and_linger(conn, 503, Status::unavailable("too many connections from this address"));
  }
  conn.peer = std::move(peer);
  ++per_client_[conn.peer];
  if (!arm(conn)) close_now(conn);
}

void ConnectionFront::resume(Connection& c) {
  const std::lock_guard lock(mutex_);
  c.state = Connection::State::kIdle;
  c.since = Clock::now();
  after_input(c, c.since);
}

void ConnectionFront::close(Connection& c) {
  const std::lock_guard lock(mutex_);
  close_now(c);
}

void ConnectionFront::refuse(Connection& c, int http_status, const Status& status) {
  const std::lock_guard lock(mutex_);
  answer_and_linger(c, http_status, status);
}

void ConnectionFront::run() {
  epoll_event events[kEventsPerWait];
  Clock::time_point next_sweep = Clock::now() + kSweepInterval;
  while (!stopping_) {
    const int n = ::epoll_wait(epoll_.get(), events, kEventsPerWait, wait_ms(next_sweep));
    const Clock::time_point now = Clock::now();
    const std::lock_guard lock(mutex_);
    for (int i = 0; i < n; ++i) {
      // A copy: epoll_event is packed, its u64 misaligned for a reference.
      const std::uint64_t id = events[i].data.u64;
      const auto found = connections_.find(id);
      if (found != connections_.end()) on_readable(*found->second, now);
    }
    if (now >= next_sweep) {
      sweep(now);
      next_sweep = now + kSweepInterval;
    }
  }
}

// Reads what has arrived, without blocking.
void ConnectionFront::on_readable(Connection& c, Clock::time_point now) {
  char chunk[kReadChunk];
  for (;;) {
    const ssize_t n = ::recv(c.fd.get(), chunk, sizeof chunk, MSG_DONTWAIT);
    if (n > 0 && c.state == Connection::State::kLingering) continue;  // dropped
    if (n > 0) {
      c.received.append(chunk, static_cast<std::size_t>(n));
      if (c.received.size() > kMaxHeadBytes) break;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) break;
    // The client closed (or the connection failed): a whole head that came
    // before its end is still answered.
    if (c.state == Connection::State::kLingering || head_length(c.received) == 0) {
      return close_now(c);
    }
    break;
  }
  after_input(c, now);
}

// What to do with a connection that is not being served, given what it
// has received: hand a whole head to a worker, or wait for more.
void ConnectionFront::after_input(Connection& c, Clock::time_point now) {
  using State = Connection::State;
  if (c.state == State::kLingering) {
    if (!arm(c)) close_now(c);
    return;
  }
  if (head_length(c.received) > 0) {
    c.state = State::kQueued;
    c.since = now;
    ++counters_.requests;
    if (dispatch_(c)) return;
    ++counters_.shed;
    return answer_and_linger(c, 503, Status::unavailable("server busy", "no worker free"));
  }
  if (c.received.size() > kMaxHeadBytes) {
    return answer_and_linger(c, 431, Status::too_large("request head too large"));
  }
  if (c.state == State::kIdle && !c.received.empty()) {
    c.state = State::kReadingHead;
    c.since = now;
  }
  if (!arm(c)) close_now(c);
}

void ConnectionFront::sweep(Clock::time_point now) {
  using State = Connection::State;
  std::vector<Connection*> idle, slow, done;
  for (auto& [id, c] : connections_) {
    const Clock::duration age = now - c->since;
    if (c->state == State::kIdle && age > options_.idle_timeout) idle.push_back(c.get());
    if (c->state == State::kReadingHead && age > options_.head_timeout) slow.push_back(c.get());
    if (c->state == State::kLingering && age > kLingerTime) done.push_back(c.get());
  }
  counters_.idle_closed += idle.size();
  counters_.head_timeouts += slow.size();
  for (Connection* c : idle) close_now(*c);
  for (Connection* c : done) close_now(*c);
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(options_.head_timeout);
  for (Connection* c : slow) {
    answer_and_linger(*c, 408,
                      Status::deadline_exceeded("request timeout",
                                                "the request head did not arrive within " +
                                                    std::to_string(seconds.count()) + " s"));
  }
}

// Closes the connection idle longest, if any.
bool ConnectionFront::make_room() {
  Connection* oldest = nullptr;
  for (auto& [id, c] : connections_) {
    if (c->state == Connection::State::kIdle && (!oldest || c->since < oldest->since)) {
      oldest = c.get();
    }
  }
  if (!oldest) return false;
  ++counters_.evicted;
  close_now(*oldest);
  return true;
}

// Asks for one readiness event (EPOLLONESHOT: none while a worker has it).
bool ConnectionFront::arm(const Connection& c) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;
  ev.data.u64 = c.id;
  if (::epoll_ctl(epoll_.get(), EPOLL_CTL_MOD, c.fd.get(), &ev) == 0) return true;
  return errno == ENOENT && ::epoll_ctl(epoll_.get(), EPOLL_CTL_ADD, c.fd.get(), &ev) == 0;
}

void ConnectionFront::close_now(Connection& c) {
  (void)::epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, c.fd.get(), nullptr);
  if (c.state == Connection::State::kLingering) --lingering_;
  if (!c.peer.empty()) {
    const auto it = per_client_.find(c.peer);
    if (it != per_client_.end() && --it->second == 0) per_client_.erase(it);
  }
  --counters_.open;
  connections_.erase(c.id);  // closes the socket; `c` is gone
}

void ConnectionFront::answer_and_linger(Connection& c, int http_status, const Status& status) {
  send_now(c.fd.get(), raw_error_response(http_status, status, http_status == 503 ? kRetryAfter
                                                                                 : std::chrono::seconds(0)));
  ::shutdown(c.fd.get(), SHUT_WR);
  c.state = Connection::State::kLingering;
  c.since = Clock::now();
  c.received.clear();
  ++lingering_;
  if (!arm(c)) close_now(c);
}

}  // namespace vanban::http
