// A bounded least-recently-used cache of answers, keyed by the request and
// emptied whenever the index changes (see IndexReader::generation()). Real
// query logs repeat themselves (the same directive, the same campaign, page
// 2 of the same search): a repeated search then costs a hash lookup instead
// of a match, facets, ten snippets and their encoding.
#ifndef VANBAN_SEARCH_RESULT_CACHE_H_
#define VANBAN_SEARCH_RESULT_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace vanban::search {

// Thread-safe. `V` is what is kept: vanban-server keeps encoded bodies.
template <class V>
class ResultCache {
 public:
  // Keeps at most `capacity` answers; 0 disables the cache.
  explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

  // The answer stored for `key` while the index was at `generation`, or
  // null. A newer generation empties the cache.
  std::shared_ptr<const V> get(const std::string& key, std::uint64_t generation) {
    if (capacity_ == 0) return nullptr;
    std::lock_guard lock(mutex_);
    advance(generation);
    if (generation != generation_) return nullptr;  // a caller behind the others
    const auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }

  // Stores `answer`, computed on the index at `generation`; ignored if the
  // index has changed since (the answer may be stale).
  void put(const std::string& key, std::uint64_t generation, std::shared_ptr<const V> answer) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mutex_);
    advance(generation);
    if (generation != generation_) return;
    if (const auto it = index_.find(key); it != index_.end()) {
      it->second->second = std::move(answer);
      lru_.splice(lru_.begin(), lru_, it->second);
      return;
    }
    lru_.emplace_front(key, std::move(answer));
    index_.emplace(key, lru_.begin());
    if (lru_.size() > capacity_) {
      index_.erase(lru_.back().first);
      lru_.pop_back();
    }
  }

  std::size_t capacity() const { return capacity_; }
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return lru_.size();
  }

 private:
  void advance(std::uint64_t generation) {  // with mutex_ held
    if (generation <= generation_) return;
    generation_ = generation;
    lru_.clear();
    index_.clear();
  }

  using Entry = std::pair<std::string, std::shared_ptr<const V>>;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_RESULT_CACHE_H_
