// The worker threads of vanban::http::Server: a fixed set of threads that
// serve connections whose request head has arrived, from a bounded queue.
#ifndef VANBAN_SERVER_WORKER_POOL_H_
#define VANBAN_SERVER_WORKER_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "connection.h"

namespace vanban::http {

// Thread-safe.
class WorkerPool {
 public:
  using Work = std::function<void(Connection&)>;

  // Starts `workers` threads that run `work` on each connection submitted,
  // first come first served; at most `capacity` connections wait.
  WorkerPool(std::size_t workers, std::size_t capacity, Work work);
  ~WorkerPool();  // shutdown()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `c`, which must stay alive until `work` has run on it or the
  // pool is shut down; false (and not queued) when `capacity` wait already.
  bool submit(Connection& c);
  // Lets the work that runs finish, drops what still waits (its owner
  // closes it) and joins the threads. Idempotent.
  void shutdown();

  std::size_t waiting() const;
  std::size_t busy() const;
  std::size_t workers() const { return threads_.size(); }

 private:
  void run();

  const std::size_t capacity_;
  const Work work_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Connection*> queue_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace vanban::http

#endif  // VANBAN_SERVER_WORKER_POOL_H_
