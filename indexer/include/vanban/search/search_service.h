// The search service: requests in, responses out; no HTTP in here. Both
// vanban-search and the HTTP handlers call it.
#ifndef VANBAN_SEARCH_SEARCH_SERVICE_H_
#define VANBAN_SEARCH_SEARCH_SERVICE_H_

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vanban/doc/record.h"
#include "vanban/search/original.h"
#include "vanban/search/query_builder.h"
#include "vanban/search/reader.h"
#include "vanban/status.h"

namespace vanban::search {

struct SearchRequest {
  std::string query;  // UTF-8; empty lists every document, newest first
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool snippets = true;  // false for batch runs that only need ids and scores
  bool facets = false;   // count types, issuers, years, cited directives
  // Filters; empty means none.
  std::string type = {};    // "Chỉ thị" (any case, with or without diacritics)
  std::string issuer = {};  // "Ủy ban nhân dân tỉnh Lai Châu"
  std::string cites = {};   // a symbol ("34-CT/TW") or a directive key
  std::string from = {};    // "2023", "2023-05" or "2023-05-30", inclusive
  std::string to = {};
  // Documents in this status ("in_force", "not_yet_in_force", "expired",
  // "partly_expired", "unknown") as of `as_of` (ISO day; "" = today), by
  // their own effect clause and what other documents state about them.
  std::string status = {};
  std::string as_of = {};
  // A province ("Lai Châu"): documents of nationwide issuers, and those
  // issued in or addressed to that province.
  std::string applies_to = {};
  // The order of the results: "" or "relevance" (the default; a query
  // without words lists newest first), "date_desc" (newest first) or
  // "date_asc" (oldest first). By date, documents without a date come last
  // and equal dates are ranked by relevance.
  std::string sort = {};
  // How long matching may take. Past it Xapian stops counting matches
  // beyond the page asked for (Enquire::set_time_limit turns off
  // check_at_least): the results are still the best ones, but `total` and
  // the facets are estimates from a shortened match, and the response says
  // `partial`. Xapian cannot stop a match outright, so a search may run
  // over its budget by the time it takes to rank the page.
  std::chrono::milliseconds time_budget = kDefaultTimeBudget;

  // A long question over baomoi_news (35,530 articles) takes 0.1-0.6 s on
  // one core; 2 s leaves room for a cold page cache.
  static constexpr std::chrono::milliseconds kDefaultTimeBudget{2000};
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string date;
  std::string type;
  std::string symbol;
  std::string issuer;
  std::string snippet;  // HTML: escaped text with <mark> around matches
  double score = 0;
  // The document's own status as of the request's date (see
  // SearchRequest::status); "" when the corpus knows nothing of its effect.
  std::string status = {};
};

struct FacetValue {
  std::string value;  // for directives: the key
  std::string label;  // what to show: the value, or a directive's symbol
  Xapian::doccount count = 0;
};

struct Facets {
  std::vector<FacetValue> type, issuer, year, directives;
};

// How the results of a search match its words.
enum class MatchKind {
  kAll,      // every result has every word (or the query lists documents)
  kPartial,  // the results are the documents with any of the words (a long
             // query, or a relaxed one): "khớp một phần", total included
};

struct SearchResponse {
  std::string query;
  Xapian::doccount total = 0;  // exact up to kExactTotalUpTo, else estimated
  double took_ms = 0;
  // True when no document had every query word and the results are those
  // matching some of them.
  bool relaxed = false;
  // "Có phải bạn muốn tìm": the query with its unknown words replaced by
  // the nearest indexed spelling; empty when every word is known.
  std::string suggestion;
  // True when the time budget cut the match short (see
  // SearchRequest::time_budget): total and facets are estimates.
  bool partial = false;
  MatchKind match = MatchKind::kAll;
  std::vector<SearchHit> results;
  std::optional<Facets> facets;  // when requested
};

// Thread-safe (see IndexReader).
class SearchService {
 public:
  static constexpr std::size_t kMaxLimit = 100;
  static constexpr std::size_t kMaxOffset = 10000;
  static constexpr std::size_t kMaxQueryBytes = 2048;
  static constexpr std::size_t kMaxFilterBytes = 512;
  static constexpr Xapian::doccount kExactTotalUpTo = 1000;
  static constexpr std::size_t kFacetValues = 10;

  // `reader` must outlive the service; the knowledge service may share it
  // (one set of database handles per thread). `ranking` defaults to the
  // tuned parameters.
  explicit SearchService(const IndexReader& reader, const RankingOptions& ranking = {});

  // kInvalidArgument names the parameter at fault: a query over
  // kMaxQueryBytes, a limit outside 1..kMaxLimit, an offset over
  // kMaxOffset, text that is not UTF-8 or holds NUL bytes, control
  // characters or over kMaxFilterBytes in a filter, a malformed date or
  // cites value. Nothing a user types in the query itself is an error.
  Result<SearchResponse> search(const SearchRequest& request) const;

  // The stored document with `id`; kNotFound if there is none.
  Result<doc::DocumentRecord> document(std::string_view id) const;

  // Byte spans of `text` (a document's, NFC UTF-8) that `query` matches
  // as search() matches and snippets mark it (snippet.h match_spans):
  // folded words, phrases. Needs no index; thread-safe.
  std::vector<std::pair<std::size_t, std::size_t>> match_spans(std::string_view text,
                                                               std::string_view query) const;

  // The file document `id` was read from (search/original.h).
  Result<OriginalFile> original(std::string_view id) const;

  Xapian::doccount document_count() const;

  // Goes up when the index changes: see IndexReader::generation(). For
  // caching answers (result_cache.h); call it before search().
  std::uint64_t generation() const { return reader_.generation(); }

  const IndexReader& reader() const { return reader_; }

 private:
  const IndexReader& reader_;
  RankingOptions ranking_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SEARCH_SERVICE_H_
