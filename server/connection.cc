#include "connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace vanban::http {
namespace {

// ip and port of a socket address.
void split_address(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    ::inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    ::inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    port = ntohs(a.sin6_port);
  }
  ip = text;
}

template <typename GetName>
void address_of(int fd, GetName get_name, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (get_name(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) split_address(addr, ip, port);
}

// Time left until `deadline`, in whole milliseconds for poll(), at least 0.
int poll_timeout(Clock::time_point deadline) {
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
  return static_cast<int>(std::max<std::chrono::milliseconds::rep>(left.count(), 0));
}

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

int UniqueFd::release() {
  const int fd = fd_;
  fd_ = -1;
  return fd;
}

void Connection::drop_parsed() {
  received.erase(0, parsed);
  parsed = 0;
}

std::string peer_address(int fd) {
  std::string ip;
  int port = 0;
  address_of(fd, ::getpeername, ip, port);
  return ip;
}

bool ConnectionStream::wait_for(short events, Clock::time_point deadline) const {
  pollfd p{c_.fd.get(), events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, poll_timeout(deadline));
    if (n > 0) return true;
    if (n == 0 || errno != EINTR) return false;
  }
}

bool ConnectionStream::is_readable() const {
  if (c_.parsed < c_.received.size()) return true;
  if (read_deadline_ == Clock::time_point{}) read_deadline_ = Clock::now() + read_budget_;
  return wait_for(POLLIN, read_deadline_);
}

bool ConnectionStream::is_writable() const {
  if (write_deadline_ == Clock::time_point{}) write_deadline_ = Clock::now() + write_budget_;
  return wait_for(POLLOUT, write_deadline_);
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (c_.parsed < c_.received.size()) {
    const std::size_t n = std::min(size, c_.received.size() - c_.parsed);
    std::memcpy(ptr, c_.received.data() + c_.parsed, n);
    c_.parsed += n;
    return static_cast<ssize_t>(n);
  }
  if (!is_readable()) return -1;
  const ssize_t n = ::recv(c_.fd.get(), ptr, size, MSG_DONTWAIT);
  return n < 0 && errno == EAGAIN ? -1 : n;
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  std::size_t sent = 0;
  while (sent < size) {
    // Most responses fit the socket's send buffer: poll only when it is full.
    const ssize_t n = ::send(c_.fd.get(), ptr + sent, size - sent, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n > 0) {
      sent += static_cast<std::size_t>(n);
    } else if (n < 0 && errno == EAGAIN) {
      if (!is_writable()) return -1;
    } else if (n == 0 || errno != EINTR) {
      return -1;
    }
  }
  return static_cast<ssize_t>(sent);
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  address_of(c_.fd.get(), ::getpeername, ip, port);
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  address_of(c_.fd.get(), ::getsockname, ip, port);
}

}  // namespace vanban::http
