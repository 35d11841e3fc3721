#include "vanban/search/search_service.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <unordered_map>

#include "vanban/index/schema.h"
#include "vanban/index/writer.h"
#include "vanban/search/query_builder.h"
#include "vanban/search/snippet.h"
#include "vanban/text/utf8.h"

namespace vanban::search {
namespace {

std::atomic<std::uint64_t> next_serial{1};

// Xapian throws DatabaseModifiedError when a writer has committed enough
// revisions that the reader's snapshot is gone; reopen() and retry.
constexpr int kMaxAttempts = 3;

// Bounds the time one query may spend matching, so a pathological query
// cannot stall a server thread. Xapian then returns the best found so far.
constexpr double kMatchTimeLimitSeconds = 2.0;

}  // namespace

struct SearchService::ThreadState {
  explicit ThreadState(const std::string& path) : db(path) {}
  Xapian::Database db;
  QueryBuilder queries;
  text::Tokenizer snippet_tokenizer;
};

SearchService::SearchService(std::string db_path)
    : db_path_(std::move(db_path)), serial_(next_serial++) {
  Xapian::Database check(db_path_);  // throws if it is not an index
  (void)check;
}

SearchService::~SearchService() = default;

SearchService::ThreadState& SearchService::state() const {
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<ThreadState>> states;
  auto& slot = states[serial_];
  if (!slot) slot = std::make_unique<ThreadState>(db_path_);
  return *slot;
}

SearchResponse SearchService::search(const SearchRequest& request) const {
  const auto started = std::chrono::steady_clock::now();
  SearchResponse out;
  out.query = request.query;
  auto bad = [&](std::string why) {
    out.status = SearchStatus::kBadRequest;
    out.error = std::move(why);
    out.query.clear();
    return out;
  };
  if (request.query.size() > kMaxQueryBytes) {
    return bad("query too long (over " + std::to_string(kMaxQueryBytes) + " bytes)");
  }
  if (!text::is_valid_utf8(request.query)) return bad("query is not valid UTF-8");
  if (request.limit == 0 || request.limit > kMaxLimit) {
    return bad("limit must be between 1 and " + std::to_string(kMaxLimit));
  }
  if (request.offset > kMaxOffset) {
    return bad("offset must be at most " + std::to_string(kMaxOffset));
  }

  ThreadState& st = state();
  const ParsedQuery parsed = st.queries.parse(request.query);
  const Highlighter highlighter(parsed);

  for (int attempt = 1;; ++attempt) {
    try {
      st.db.reopen();
      Xapian::Enquire enquire(st.db);
      enquire.set_time_limit(kMatchTimeLimitSeconds);
      const auto check_at_least = static_cast<Xapian::doccount>(
          std::max<std::size_t>(kExactTotalUpTo, request.offset + request.limit));
      Xapian::MSet mset;
      out.relaxed = false;
      const bool browse =
          request.query.find_first_not_of(" \t\r\n") == std::string::npos;
      if (browse) {
        enquire.set_query(Xapian::Query::MatchAll);
        enquire.set_sort_by_value_then_relevance(index::kDateSlot, true);
        mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                static_cast<Xapian::doccount>(request.limit),
                                check_at_least);
      } else if (parsed.empty()) {
        // Only punctuation or exclusions: nothing to look for.
      } else {
        enquire.set_query(QueryBuilder::build(parsed, MatchMode::kAll));
        mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                static_cast<Xapian::doccount>(request.limit),
                                check_at_least);
        if (mset.empty() && mset.get_matches_estimated() == 0 &&
            parsed.required.size() > 1) {
          // Nobody has every word: show what has some of them rather than
          // nothing, and say so.
          enquire.set_query(QueryBuilder::build(parsed, MatchMode::kAny));
          mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                  static_cast<Xapian::doccount>(request.limit),
                                  check_at_least);
          out.relaxed = true;
        }
      }
      out.total = mset.get_matches_estimated();
      out.results.clear();
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        const doc::DocumentRecord r = index::decode_record(it.get_document().get_data());
        SearchHit hit;
        hit.id = r.id;
        hit.title = r.title;
        hit.date = r.date;
        hit.type = r.type;
        hit.symbol = r.symbol;
        hit.score = it.get_weight();
        if (request.snippets) {
          hit.snippet = make_snippet(r.text, highlighter, st.snippet_tokenizer);
        }
        out.results.push_back(std::move(hit));
      }
      break;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw;
    }
  }
  out.took_ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - started)
                    .count();
  return out;
}

std::optional<doc::DocumentRecord> SearchService::document(std::string_view id) const {
  ThreadState& st = state();
  const std::string term = index::id_term(id);
  for (int attempt = 1;; ++attempt) {
    try {
      st.db.reopen();
      Xapian::PostingIterator p = st.db.postlist_begin(term);
      if (p == st.db.postlist_end(term)) return std::nullopt;
      doc::DocumentRecord r = index::decode_record(st.db.get_document(*p).get_data());
      if (r.id != id) return std::nullopt;  // a hashed id term that collided
      return r;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw;
    }
  }
}

Xapian::doccount SearchService::document_count() const {
  ThreadState& st = state();
  st.db.reopen();
  return st.db.get_doccount();
}

}  // namespace vanban::search
