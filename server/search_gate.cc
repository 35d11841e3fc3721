#include "search_gate.h"

#include <algorithm>
#include <string>
#include <thread>

namespace vanban::http {
namespace {

// Weight of the newest search in the moving average of search times: about
// the last twenty searches count.
constexpr double kMeanWeight = 0.05;
constexpr std::size_t kWaitingPerSlot = 4;

SearchGateOptions resolved(SearchGateOptions o) {
  if (o.slots == 0) o.slots = std::max(1u, std::thread::hardware_concurrency());
  if (o.max_waiting == 0) o.max_waiting = kWaitingPerSlot * o.slots;
  return o;
}

}  // namespace

SearchGate::Ticket::Ticket(Ticket&& other) noexcept
    : gate_(other.gate_), started_(other.started_) {
  other.gate_ = nullptr;
}

SearchGate::Ticket::~Ticket() {
  if (gate_) gate_->release(Clock::now() - started_);
}

SearchGate::SearchGate(const SearchGateOptions& options) : options_(resolved(options)) {}

Result<SearchGate::Ticket> SearchGate::admit(Clock::time_point received) {
  std::unique_lock lock(mutex_);
  if (running_ < options_.slots && waiters_.empty()) {
    ++running_;
    ++admitted_;
    return Ticket(this, Clock::now());
  }
  if (waiters_.size() >= options_.max_waiting) {
    return refuse(std::to_string(waiters_.size()) + " searches waiting");
  }
  const Clock::time_point deadline = received + options_.max_wait;
  if (Clock::now() + expected_wait(waiters_.size() + 1) > deadline) {
    return refuse("a search would wait over " + std::to_string(options_.max_wait.count()) + " ms");
  }
  Waiter me;
  const auto place = waiters_.insert(waiters_.end(), &me);
  if (!me.ready.wait_until(lock, deadline, [&] { return me.granted; })) {
    waiters_.erase(place);
    return refuse("waited " + std::to_string(options_.max_wait.count()) + " ms");
  }
  ++admitted_;  // release() handed its slot over: running_ is unchanged
  return Ticket(this, Clock::now());
}

void SearchGate::release(Clock::duration took) {
  const std::lock_guard lock(mutex_);
  const double ms = std::chrono::duration<double, std::milli>(took).count();
  mean_search_ms_ = mean_search_ms_ == 0 ? ms : (1 - kMeanWeight) * mean_search_ms_ + kMeanWeight * ms;
  if (waiters_.empty()) {
    --running_;
    return;
  }
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->granted = true;
  next->ready.notify_one();
}

SearchGate::Clock::duration SearchGate::expected_wait(std::size_t position) const {
  const double ms = mean_search_ms_ * static_cast<double>(position) /
                    static_cast<double>(options_.slots);
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(ms));
}

Status SearchGate::refuse(std::string detail) {
  ++refused_;
  return Status::unavailable("server busy", std::move(detail));
}

SearchGate::Counts SearchGate::counts() const {
  const std::lock_guard lock(mutex_);
  return {running_, waiters_.size(), admitted_, refused_, mean_search_ms_};
}

}  // namespace vanban::http
