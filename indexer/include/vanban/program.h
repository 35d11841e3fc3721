// The one catch ladder of vanban's programs (after omindex's main): an
// environment failure that escapes the program's work (an index that
// cannot be opened, a full disk) is printed as "PROGRAM: what" on stderr
// and exits with status 2. Expected failures are Status values handled
// inside the programs.
#ifndef VANBAN_PROGRAM_H_
#define VANBAN_PROGRAM_H_

#include <pthread.h>
#include <signal.h>
#include <xapian.h>

#include <atomic>
#include <exception>
#include <functional>
#include <iostream>
#include <string_view>
#include <thread>

namespace vanban {

inline constexpr int kExitEnvironmentFailure = 2;

// Returns body()'s exit status, or kExitEnvironmentFailure after printing
// the exception that escaped it. Xapian::Error is not a std::exception,
// so it is caught on its own.
template <typename Body>
int run_program(std::string_view program, Body&& body) {
  try {
    return body();
  } catch (const Xapian::Error& e) {
    std::cerr << program << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << '\n';
  }
  return kExitEnvironmentFailure;
}

// Ends a long-running program cleanly on SIGINT or SIGTERM (systemctl
// stop): blocks both signals in the calling thread, and so in the threads
// it starts afterwards (construct it before them), and waits for them on a
// thread of its own, which calls `stop` once. `stop` must be safe to call
// from another thread (it runs outside any signal handler). The destructor
// ends the waiting thread, signal or not.
class StopOnSignal {
 public:
  explicit StopOnSignal(std::function<void()> stop) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    waiter_ = std::thread([this, stop = std::move(stop)] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (!done_.load()) stop();
    });
  }
  ~StopOnSignal() {
    done_.store(true);
    pthread_kill(waiter_.native_handle(), SIGTERM);  // wakes it if it still waits
    waiter_.join();
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  sigset_t signals_;
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

}  // namespace vanban

#endif  // VANBAN_PROGRAM_H_
