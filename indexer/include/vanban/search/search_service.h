// The search service: requests in, responses out; no HTTP in here. Both
// vanban-search and the HTTP handlers call it.
#ifndef VANBAN_SEARCH_SEARCH_SERVICE_H_
#define VANBAN_SEARCH_SEARCH_SERVICE_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/doc/record.h"

namespace vanban::search {

struct SearchRequest {
  std::string query;  // UTF-8; empty lists every document, newest first
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool snippets = true;  // false for batch runs that only need ids and scores
};

enum class SearchStatus {
  kOk,
  kBadRequest,  // the request itself is unusable (too long, bad UTF-8, ...)
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string date;
  std::string type;
  std::string symbol;
  std::string snippet;  // HTML: escaped text with <mark> around matches
  double score = 0;
};

struct SearchResponse {
  SearchStatus status = SearchStatus::kOk;
  std::string error;  // set when status != kOk
  std::string query;
  Xapian::doccount total = 0;  // exact up to kExactTotalUpTo, else estimated
  double took_ms = 0;
  // True when no document had every query word and the results are those
  // matching some of them.
  bool relaxed = false;
  std::vector<SearchHit> results;
};

// Thread-safe: each calling thread gets its own Xapian::Database, opened on
// first use and reopen()ed before each request, so searches see index
// updates without a restart and never share Xapian objects across threads.
class SearchService {
 public:
  static constexpr std::size_t kMaxLimit = 100;
  static constexpr std::size_t kMaxOffset = 10000;
  static constexpr std::size_t kMaxQueryBytes = 2048;
  static constexpr Xapian::doccount kExactTotalUpTo = 1000;

  // Opens `db_path` once to check it. Throws Xapian::DatabaseOpeningError
  // (or another Xapian::Error) if it is not a usable index.
  explicit SearchService(std::string db_path);
  ~SearchService();

  SearchResponse search(const SearchRequest& request) const;

  // The stored document with `id`, or std::nullopt if there is none.
  std::optional<doc::DocumentRecord> document(std::string_view id) const;

  Xapian::doccount document_count() const;

 private:
  struct ThreadState;
  ThreadState& state() const;

  std::string db_path_;
  std::uint64_t serial_;  // tells this service's per-thread state apart
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SEARCH_SERVICE_H_
