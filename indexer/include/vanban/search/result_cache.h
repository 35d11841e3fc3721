// A bounded least-recently-used cache of search answers, keyed by the
// request, and emptied whenever the index changes. Real query logs repeat
// themselves (the same directive, the same campaign, page 2 of the same
// search): a repeated search then costs a hash lookup instead of a match,
// facets and ten snippets.
#ifndef VANBAN_SEARCH_RESULT_CACHE_H_
#define VANBAN_SEARCH_RESULT_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace vanban::search {

struct SearchResponse;

// Thread-safe.
class ResultCache {
 public:
  // Keeps at most `capacity` answers; 0 disables the cache.
  explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

  // The answer stored for `key` while the index was at `generation`, or
  // null. A newer generation empties the cache.
  std::shared_ptr<const SearchResponse> get(const std::string& key, std::uint64_t generation);

  // Stores `answer`, computed on the index at `generation`; ignored if the
  // index has changed since (the answer may be stale).
  void put(const std::string& key, std::uint64_t generation,
           std::shared_ptr<const SearchResponse> answer);

  std::size_t capacity() const { return capacity_; }
  std::size_t size() const;

 private:
  void advance(std::uint64_t generation);  // with mutex_ held

  using Entry = std::pair<std::string, std::shared_ptr<const SearchResponse>>;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_RESULT_CACHE_H_
