// One client connection of vanban::http::Server, and the httplib::Stream
// through which httplib parses a request read by the connection front and
// writes its response.
#ifndef VANBAN_SERVER_CONNECTION_H_
#define VANBAN_SERVER_CONNECTION_H_

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace vanban::http {

using Clock = std::chrono::steady_clock;

// An open socket, closed when the object goes.
class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();
  int get() const { return fd_; }
  int release();

 private:
  int fd_;
};

struct Connection {
  enum class State {
    kIdle,         // between requests: costs a descriptor, no thread
    kReadingHead,  // part of a request head has arrived
    kQueued,       // a whole head has arrived: waiting for a worker, or
                   // with one (which owns it until it gives it back)
    kLingering,    // answered with an error and shut for writing; what the
                   // client still sends is read and dropped until it closes
  };

  std::uint64_t id = 0;
  UniqueFd fd;
  std::string peer;      // the client's IP address
  std::string received;  // bytes read and not yet parsed
  std::size_t parsed = 0;  // of `received`, what httplib has read
  State state = State::kIdle;
  // When the state began: idle since, head started, head complete (the
  // request's arrival, from which its queueing time counts).
  Clock::time_point since;
  std::size_t requests = 0;  // answered on this connection

  // Drops the bytes httplib has read.
  void drop_parsed();
};

// Reads first what the front has received, then the socket; writes to the
// socket. Every read after the head and every write of one response share
// one deadline each (`read_budget` from the first read from the socket,
// `write_budget` from the first write), so a client that trickles a body or
// reads its answer slowly holds a worker for at most that long.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(Connection& connection, Clock::duration read_budget,
                   Clock::duration write_budget)
      : c_(connection), read_budget_(read_budget), write_budget_(write_budget) {}

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return c_.fd.get(); }

 private:
  // Waits until the socket is ready for `events` (poll) or `deadline`.
  bool wait_for(short events, Clock::time_point deadline) const;

  Connection& c_;
  const Clock::duration read_budget_;
  const Clock::duration write_budget_;
  mutable Clock::time_point read_deadline_{};   // set by the first socket read
  mutable Clock::time_point write_deadline_{};  // set by the first write
};

// The peer's IP address of a connected socket ("" if unknown).
std::string peer_address(int fd);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_CONNECTION_H_
