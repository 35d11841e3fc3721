// Admission of searches the cache cannot answer, the server's expensive
// requests: at most `slots` run at once; the others wait their turn in
// arrival order, at most `max_waiting` of them and none longer than
// `max_wait` after its request was received. A search that would pass
// either bound is refused at once (kUnavailable, which the server answers
// with 503 and Retry-After), so under overload the searches admitted keep
// their latency and the others learn quickly that they were not.
#ifndef VANBAN_SERVER_SEARCH_GATE_H_
#define VANBAN_SERVER_SEARCH_GATE_H_

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>

#include "vanban/status.h"

namespace vanban::http {

struct SearchGateOptions {
  std::size_t slots = 0;        // searches run at once; 0: the number of cores
  std::size_t max_waiting = 0;  // searches waiting; 0: 4 per slot
  // How long a search may wait, counted from when its request was read.
  // A search that would wait longer (the searches ahead of it times their
  // mean time, over the slots) is refused on arrival. 75 ms: a refusal is
  // to reach its client within 100 ms even when the search waited to its
  // deadline (with 100, bench/load.sh measured refusals at p99 105 ms,
  // max 113 ms, on 2 loaded cores).
  std::chrono::milliseconds max_wait{75};
};

// Thread-safe. Must outlive its tickets.
class SearchGate {
 public:
  using Clock = std::chrono::steady_clock;

  // A running search's slot, given back (to the next waiter, in order)
  // when the ticket is destroyed. Move-only.
  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept;
    Ticket& operator=(Ticket&&) = delete;
    Ticket(const Ticket&) = delete;
    ~Ticket();

   private:
    friend class SearchGate;
    Ticket(SearchGate* gate, Clock::time_point started) : gate_(gate), started_(started) {}
    SearchGate* gate_;
    Clock::time_point started_;
  };

  struct Counts {
    std::size_t running = 0;
    std::size_t waiting = 0;
    std::uint64_t admitted = 0;
    std::uint64_t refused = 0;  // the queue was full, or the wait too long
    double mean_search_ms = 0;  // moving average of the admitted searches
  };

  explicit SearchGate(const SearchGateOptions& options);
  SearchGate(const SearchGate&) = delete;
  SearchGate& operator=(const SearchGate&) = delete;

  // Waits for a slot for a request received at `received`. kUnavailable
  // ("server busy", with what bound was hit in the detail) when the queue
  // is full, when the expected wait would pass max_wait, or when max_wait
  // passes while waiting.
  Result<Ticket> admit(Clock::time_point received);

  Counts counts() const;
  const SearchGateOptions& options() const { return options_; }

 private:
  struct Waiter {
    std::condition_variable ready;
    bool granted = false;
  };
  void release(Clock::duration took);
  Clock::duration expected_wait(std::size_t position) const;  // mutex_ held
  Status refuse(std::string detail);                          // mutex_ held

  const SearchGateOptions options_;
  mutable std::mutex mutex_;
  std::size_t running_ = 0;
  std::list<Waiter*> waiters_;  // in arrival order
  std::uint64_t admitted_ = 0;
  std::uint64_t refused_ = 0;
  double mean_search_ms_ = 0;
};

}  // namespace vanban::http

#endif  // VANBAN_SERVER_SEARCH_GATE_H_
