#include "search_gate.h"

#include <gtest/gtest.h>

#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace vanban::http {
namespace {

using GateClock = SearchGate::Clock;
using std::chrono::milliseconds;

SearchGateOptions options(std::size_t slots, std::size_t max_waiting, milliseconds max_wait) {
  SearchGateOptions o;
  o.slots = slots;
  o.max_waiting = max_waiting;
  o.max_wait = max_wait;
  return o;
}

// Waits (without a time bound that could fail on a slow machine) until
// `n` searches wait at the gate.
void until_waiting(const SearchGate& gate, std::size_t n) {
  while (gate.counts().waiting < n) std::this_thread::sleep_for(milliseconds(1));
}

TEST(SearchGateTest, AdmitsAsManyAsThereAreSlotsAtOnce) {
  SearchGate gate(options(2, 1, milliseconds(50)));
  auto a = gate.admit(GateClock::now());
  auto b = gate.admit(GateClock::now());
  ASSERT_TRUE(a);
  ASSERT_TRUE(b);
  EXPECT_EQ(gate.counts().running, 2u);
  const auto c = gate.admit(GateClock::now());  // waits 50 ms, then refused
  ASSERT_FALSE(c);
  EXPECT_TRUE(c.status().is_unavailable());
  EXPECT_EQ(c.status().reason(), "server busy");
  EXPECT_EQ(c.status().detail(), "waited 50 ms");
}

TEST(SearchGateTest, RefusesAtOnceWhenTheQueueIsFull) {
  SearchGate gate(options(1, 1, milliseconds(60000)));
  std::optional<SearchGate::Ticket> running(*gate.admit(GateClock::now()));
  std::thread waiter([&] { EXPECT_TRUE(gate.admit(GateClock::now())); });
  until_waiting(gate, 1);
  const auto refused = gate.admit(GateClock::now());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.status().detail(), "1 searches waiting");
  running.reset();  // the waiter gets the slot
  waiter.join();
  EXPECT_EQ(gate.counts().admitted, 2u);
  EXPECT_EQ(gate.counts().refused, 1u);
  EXPECT_EQ(gate.counts().running, 0u);
}

TEST(SearchGateTest, RefusesAtOnceARequestPastItsWait) {
  SearchGate gate(options(1, 4, milliseconds(100)));
  const auto running = gate.admit(GateClock::now());
  ASSERT_TRUE(running);
  const auto started = GateClock::now();
  const auto late = gate.admit(started - milliseconds(1000));  // received a second ago
  ASSERT_FALSE(late);
  EXPECT_EQ(late.status().detail(), "a search would wait over 100 ms");
  EXPECT_LT(GateClock::now() - started, milliseconds(100));
}

TEST(SearchGateTest, AFreeSlotIsTakenHoweverLateTheRequest) {
  SearchGate gate(options(1, 4, milliseconds(100)));
  EXPECT_TRUE(gate.admit(GateClock::now() - milliseconds(1000)));
}

TEST(SearchGateTest, HandsSlotsOverInArrivalOrder) {
  SearchGate gate(options(1, 4, milliseconds(60000)));
  std::optional<SearchGate::Ticket> running(*gate.admit(GateClock::now()));
  std::mutex mutex;
  std::vector<char> order;
  auto search = [&](char name) {
    const auto ticket = gate.admit(GateClock::now());
    EXPECT_TRUE(ticket);
    const std::lock_guard lock(mutex);
    order.push_back(name);
  };
  std::thread first(search, 'a');
  until_waiting(gate, 1);
  std::thread second(search, 'b');
  until_waiting(gate, 2);
  running.reset();
  first.join();
  second.join();
  EXPECT_EQ(order, (std::vector<char>{'a', 'b'}));
}

}  // namespace
}  // namespace vanban::http
