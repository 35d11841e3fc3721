#include "worker_pool.h"

namespace vanban::http {

WorkerPool::WorkerPool(std::size_t workers, std::size_t capacity, Work work)
    : capacity_(capacity), work_(std::move(work)) {
  threads_.reserve(workers);
  for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { run(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

bool WorkerPool::submit(Connection& c) {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= capacity_) return false;
    queue_.push_back(&c);
  }
  wake_.notify_one();
  return true;
}

void WorkerPool::shutdown() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

std::size_t WorkerPool::waiting() const {
  const std::lock_guard lock(mutex_);
  return queue_.size();
}

std::size_t WorkerPool::busy() const {
  const std::lock_guard lock(mutex_);
  return busy_;
}

void WorkerPool::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (stopping_) return;
    Connection& c = *queue_.front();
    queue_.pop_front();
    ++busy_;
    lock.unlock();
    work_(c);
    lock.lock();
    --busy_;
  }
}

}  // namespace vanban::http
