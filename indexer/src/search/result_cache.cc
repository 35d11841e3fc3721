#include "vanban/search/result_cache.h"

#include "vanban/search/search_service.h"

namespace vanban::search {

void ResultCache::advance(std::uint64_t generation) {
  if (generation <= generation_) return;
  generation_ = generation;
  lru_.clear();
  index_.clear();
}

std::shared_ptr<const SearchResponse> ResultCache::get(const std::string& key,
                                                       std::uint64_t generation) {
  if (capacity_ == 0) return nullptr;
  std::lock_guard lock(mutex_);
  advance(generation);
  if (generation != generation_) return nullptr;  // a reader behind the others
  const auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void ResultCache::put(const std::string& key, std::uint64_t generation,
                      std::shared_ptr<const SearchResponse> answer) {
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

std::size_t ResultCache::size() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

}  // namespace vanban::search
