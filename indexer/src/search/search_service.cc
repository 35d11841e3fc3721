#include "vanban/search/search_service.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <optional>

#include "vanban/index/entity.h"
#include "vanban/index/status.h"
#include "vanban/index/schema.h"
#include "vanban/index/record_codec.h"
#include "search/entity_lookup.h"
#include "vanban/search/query_builder.h"
#include "vanban/search/snippet.h"
#include "vanban/search/suggestion.h"
#include "vanban/search/relations.h"
#include "vanban/text/date.h"
#include "vanban/text/normalize.h"
#include "vanban/text/place.h"
#include "vanban/text/loose_symbol.h"
#include "vanban/text/symbol.h"
#include "vanban/text/utf8.h"

namespace vanban::search {
namespace {

// Xapian's time limit 0 means none; a spent budget still cuts the match.
constexpr double kSpentBudgetSeconds = 1e-6;
// Facet counts look at up to this many matches.
constexpr Xapian::doccount kFacetCheckAtLeast = 20000;
// BM25's min_normlen: documents shorter than half the average length are
// normalized as if they had half of it (Xapian's default, kept).
constexpr double kBm25MinNormLength = 0.5;

// Per-thread tools that are costly to create.
struct ThreadTools {
  QueryBuilder queries;
  text::Tokenizer snippet_tokenizer;
};

ThreadTools& tools() {
  thread_local ThreadTools t;
  return t;
}

std::vector<FacetValue> top(const std::map<std::string, Xapian::doccount>& counts,
                            std::size_t n) {
  std::vector<FacetValue> out;
  for (const auto& [v, c] : counts) out.push_back({v, v, c});
  std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count > b.count || (a.count == b.count && a.value < b.value);
  });
  if (out.size() > n) out.resize(n);
  return out;
}

std::vector<FacetValue> top(const Xapian::ValueCountMatchSpy& spy, std::size_t n) {
  std::map<std::string, Xapian::doccount> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    counts[*it] = it.get_termfreq();
  }
  return top(counts, n);
}

// Counts per line of a multi-valued slot ("key\nkey\n"), from a stock
// ValueCountMatchSpy's counts per whole value: a document citing three
// directives counts once for each. Xapian's remote backend can run only
// the match spies it knows, so the counting itself stays stock.
std::vector<FacetValue> top_lines(const Xapian::ValueCountMatchSpy& spy, std::size_t n) {
  std::map<std::string, Xapian::doccount> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string v = *it;
    std::size_t pos = 0;
    while (pos < v.size()) {
      const auto nl = v.find('\n', pos);
      const auto end = nl == std::string::npos ? v.size() : nl;
      if (end > pos) counts[v.substr(pos, end - pos)] += it.get_termfreq();
      pos = end + 1;
    }
  }
  return top(counts, n);
}

std::string as_of_or_today(const SearchRequest& r) { return r.as_of.empty() ? today_iso() : r.as_of; }

// Documents that lose effect (whole or part, per slot) by `day` (a date
// slot value); values sort as strings.
Xapian::Query lost_by(Xapian::valueno slot, const std::string& day) {
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, day);
}

// The documents whose own status on `day` is `value`, from the value slots
// the indexer keeps (index/status.h): the same rules as status_as_of()
// for what the corpus states of a document's own effect.
Xapian::Query status_query(index::StatusValue value, const std::string& day) {
  using Q = Xapian::Query;
  const Q expired = lost_by(index::kExpirySlot, day);
  const Q partly = lost_by(index::kPartialSlot, day);
  const Q effective = Q(Q::OP_VALUE_LE, index::kEffectiveSlot, day);
  const Q future = Q(Q::OP_VALUE_GE, index::kEffectiveSlot, day + "~");  // after `day`
  const std::vector<Q> any_value = {Q(Q::OP_VALUE_GE, index::kEffectiveSlot, std::string("0")),
                                     Q(Q::OP_VALUE_GE, index::kExpirySlot, std::string("0")),
                                     Q(Q::OP_VALUE_GE, index::kPartialSlot, std::string("0"))};
  const Q known(Q::OP_OR, any_value.begin(), any_value.end());
  switch (value) {
    case index::StatusValue::kExpired: return expired;
    case index::StatusValue::kPartlyExpired: return Q(Q::OP_AND_NOT, partly, expired);
    case index::StatusValue::kNotYetInForce: return Q(Q::OP_AND_NOT, future, expired);
    case index::StatusValue::kInForce:
      return Q(Q::OP_AND_NOT, effective, Q(Q::OP_OR, expired, partly));
    case index::StatusValue::kUnknown: return Q(Q::OP_AND_NOT, Q::MatchAll, known);
  }
  return Q::MatchNothing;
}

// A hit's status from its document's value slots, as status_query() tells
// them apart; "" when the corpus knows nothing of its effect.
std::string hit_status(const Xapian::Document& doc, const std::string& day) {
  const std::string effective = doc.get_value(index::kEffectiveSlot);
  const std::string expiry = doc.get_value(index::kExpirySlot);
  const std::string partial = doc.get_value(index::kPartialSlot);
  if (!expiry.empty() && expiry <= day) return "expired";
  if (!effective.empty() && effective > day) return "not_yet_in_force";
  if (!partial.empty() && partial <= day) return "partly_expired";
  if (!effective.empty()) return "in_force";
  return {};
}

// The orders SearchRequest::sort names.
enum class SortOrder { kRelevance, kNewestFirst, kOldestFirst };

std::optional<SortOrder> parse_sort(std::string_view sort) {
  if (sort.empty() || sort == "relevance") return SortOrder::kRelevance;
  if (sort == "date_desc") return SortOrder::kNewestFirst;
  if (sort == "date_asc") return SortOrder::kOldestFirst;
  return std::nullopt;
}

// Why a request cannot be answered, or OK. Each message names the
// parameter and what it must be.
Status validate(const SearchRequest& r) {
  if (r.query.size() > SearchService::kMaxQueryBytes) {
    return Status::invalid_argument(
        "query too long", "over " + std::to_string(SearchService::kMaxQueryBytes) + " bytes");
  }
  if (r.limit == 0 || r.limit > SearchService::kMaxLimit) {
    return Status::invalid_argument("limit must be between 1 and " +
                                    std::to_string(SearchService::kMaxLimit));
  }
  if (r.offset > SearchService::kMaxOffset) {
    return Status::invalid_argument("offset must be at most " +
                                    std::to_string(SearchService::kMaxOffset));
  }
  if (!r.as_of.empty() && !text::is_iso_day(r.as_of)) {
    return Status::invalid_argument("as_of must be a date YYYY-MM-DD", r.as_of);
  }
  if (!parse_sort(r.sort)) {
    return Status::invalid_argument("sort must be relevance, date_desc or date_asc", r.sort);
  }
  const std::pair<const char*, const std::string*> fields[] = {
      {"q", &r.query},   {"type", &r.type},     {"issuer", &r.issuer},
      {"cites", &r.cites}, {"from", &r.from},   {"to", &r.to},
      {"status", &r.status}, {"as_of", &r.as_of}, {"applies_to", &r.applies_to},
      {"sort", &r.sort}};
  for (const auto& [name, value] : fields) {
    if (!text::is_valid_utf8(*value)) return Status::invalid_argument("parameters must be valid UTF-8", name);
    if (value->find('\0') != std::string::npos) {
      return Status::invalid_argument("parameters must not contain NUL bytes", name);
    }
    if (value == &r.query) continue;
    const bool control = std::any_of(value->begin(), value->end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
    });
    if (control) return Status::invalid_argument("filters must not contain control characters", name);
    if (value->size() > SearchService::kMaxFilterBytes) {
      return Status::invalid_argument("filter value too long", name);
    }
  }
  return Status::ok();
}

// Control characters in a query (a backspace or a form feed pasted with the
// text) separate words, as spaces do.
std::string clean_query(std::string query) {
  for (char& c : query) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') c = ' ';
  }
  return query;
}

// The filters of a request: boolean terms and a date range, and a cited
// symbol to look up in the index (cites_query).
struct Filters {
  std::vector<Xapian::Query> queries;
  std::optional<text::SymbolPattern> cites = std::nullopt;
};

// The documents citing a symbol `cites` may be ("34 ct tw", "Chỉ thị 34":
// every symbol of that type and number the index knows).
Xapian::Query cites_query(const Xapian::Database& db, const text::SymbolPattern& cites) {
  const std::vector<std::string> terms = QueryBuilder::symbol_terms(db, index::kCitesSymbolPrefix, cites);
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

const std::string kDateForms = "YYYY, YYYY-MM or YYYY-MM-DD";

Result<Filters> filter_queries(const SearchRequest& r) {
  Filters out;
  std::vector<Xapian::Query>& filters = out.queries;
  if (!r.type.empty()) filters.emplace_back(std::string(index::kTypePrefix) + text::fold(r.type));
  if (!r.issuer.empty()) {
    filters.emplace_back(std::string(index::kIssuerPrefix) + text::fold(r.issuer));
  }
  if (!r.cites.empty()) {
    if (r.cites.find('@') != std::string::npos) {
      filters.emplace_back(std::string(index::kCitesPrefix) + text::fold(r.cites));
    } else if (auto pattern = text::parse_loose_symbol(r.cites)) {
      out.cites = std::move(pattern);
    } else {
      return Status::invalid_argument(
          "cites must be a document symbol such as 34-CT/TW or Chỉ thị 34, or a directive key", r.cites);
    }
  }
  if (!r.from.empty() || !r.to.empty()) {
    const std::string lo = r.from.empty() ? "00000000" : text::date_bound(r.from, false);
    const std::string hi = r.to.empty() ? "99999999" : text::date_bound(r.to, true);
    if (lo.empty()) return Status::invalid_argument("from must be a date: " + kDateForms, r.from);
    if (hi.empty()) return Status::invalid_argument("to must be a date: " + kDateForms, r.to);
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, index::kDateSlot, lo, hi);
  }
  if (!r.applies_to.empty()) {
    const std::string province = text::province_key(r.applies_to);
    if (province.empty()) {
      return Status::invalid_argument("applies_to must be a province or city", r.applies_to);
    }
    const std::string prefix(index::kAppliesToPrefix);
    filters.emplace_back(Xapian::Query::OP_OR, Xapian::Query(prefix + std::string(index::kNationwide)),
                         Xapian::Query(prefix + province));
  }
  if (!r.status.empty()) {
    index::StatusValue value;
    if (!index::parse_status(r.status, value)) {
      return Status::invalid_argument(
          "status must be in_force, not_yet_in_force, expired, partly_expired or unknown", r.status);
    }
    filters.push_back(status_query(value, index::date_value(as_of_or_today(r))));
  }
  return out;
}

// The value-slot counters of the facets.
struct FacetSpies {
  Xapian::ValueCountMatchSpy type{index::kTypeSlot}, issuer{index::kIssuerSlot},
      year{index::kYearSlot}, cites{index::kCitesSlot};
  void attach(Xapian::Enquire& enquire) {
    for (Xapian::ValueCountMatchSpy* spy : {&type, &issuer, &year, &cites}) enquire.add_matchspy(spy);
  }
};

// "Nghị định 166/2025/NĐ-CP" for a directive key ("166/2025/nd-cp", an
// undated alias, or "…@2025-06-30"), from its entity in the knowledge base;
// the symbol's display form ("166/2025/ND-CP") when there is none.
std::string directive_label(const Xapian::Database& catalog, const std::string& key) {
  const auto entity = resolve(catalog, key);
  if (entity && !entity->symbol.empty()) {
    return entity->type.empty() ? entity->symbol : entity->type + " " + entity->symbol;
  }
  const auto symbol = text::parse_symbol(key.substr(0, key.find('@')));
  return symbol ? symbol->display : key;
}

Facets collect_facets(const FacetSpies& spies, const Xapian::Database& catalog) {
  Facets f;
  f.type = top(spies.type, SearchService::kFacetValues);
  f.issuer = top(spies.issuer, SearchService::kFacetValues);
  f.year = top(spies.year, SearchService::kFacetValues);
  std::sort(f.year.begin(), f.year.end(),
            [](const FacetValue& a, const FacetValue& b) { return a.value > b.value; });
  f.directives = top_lines(spies.cites, SearchService::kFacetValues);
  for (FacetValue& d : f.directives) d.label = directive_label(catalog, d.value);
  return f;
}

// The page of a search: one MSet, or two when oldest first (the dated
// matches, then the undated ones); `total` counts all matches.
struct Matches {
  std::vector<Xapian::MSet> parts;
  Xapian::doccount total = 0;
};

// One search against one snapshot of the index: the steps of
// SearchService::search that need the database.
class Matcher {
 public:
  // The match must end by `deadline` (see SearchRequest::time_budget).
  Matcher(const SearchRequest& request, const RankingOptions& ranking,
          std::vector<Xapian::Query> filters, Xapian::Database& db,
          std::chrono::steady_clock::time_point deadline)
      : request_(request), ranking_(ranking), filters_(std::move(filters)), db_(db),
        enquire_(db), deadline_(deadline) {
    enquire_.set_weighting_scheme(
        Xapian::BM25Weight(ranking.bm25_k1, 0, 1, ranking.bm25_b, kBm25MinNormLength));
    check_at_least_ = static_cast<Xapian::doccount>(
        std::max<std::size_t>(SearchService::kExactTotalUpTo, request.offset + request.limit));
    if (request.facets) {
      spies_.attach(enquire_);
      check_at_least_ = std::max(check_at_least_, kFacetCheckAtLeast);
    }
  }

  // The matches for `parsed`; sets `relaxed` when no document has every
  // word and the matches are those with some.
  Matches match(const ParsedQuery& parsed, bool browse, bool& relaxed) {
    relaxed = false;
    order_ = *parse_sort(request_.sort);
    if (order_ == SortOrder::kRelevance && browse) order_ = SortOrder::kNewestFirst;
    if (browse) return page(Xapian::Query::MatchAll);
    if (parsed.empty()) return {};  // only punctuation or exclusions
    if (parsed.required.size() >= ranking_.any_word_from) {
      // Long queries are ranked over every document with any of the words;
      // "relaxed" still says whether any document has them all.
      relaxed = count(QueryBuilder::build(parsed, MatchMode::kAll, ranking_)) == 0;
      any_word_ = true;
      return page(QueryBuilder::build(parsed, MatchMode::kAny, ranking_));
    }
    Matches matches = page(QueryBuilder::build(parsed, MatchMode::kAll, ranking_));
    if (matches.total == 0 && parsed.required.size() > 1) {
      // Nobody has every word: show what has some of them rather than
      // nothing, and say so. The facet spies stay attached: the empty
      // first run counted nothing.
      relaxed = true;
      any_word_ = true;
      matches = page(QueryBuilder::build(parsed, MatchMode::kAny, ranking_));
    }
    return matches;
  }

  Facets facets(const Xapian::Database& catalog) const { return collect_facets(spies_, catalog); }
  // Whether the time budget turned off counting in any run.
  bool partial() const { return partial_; }
  // Whether the matches are the documents with any of the words, not all.
  bool any_word() const { return any_word_; }

 private:
  // The page asked for, in the order asked for.
  Matches page(const Xapian::Query& q) {
    if (order_ == SortOrder::kOldestFirst) return oldest_first(q);
    if (order_ == SortOrder::kNewestFirst) {
      // Reversed, the empty value of an undated document sorts last.
      enquire_.set_sort_by_value_then_relevance(index::kDateSlot, true);
    }
    Xapian::MSet mset = run(q, request_.offset, request_.limit);
    const Xapian::doccount total = mset.get_matches_estimated();
    return {{std::move(mset)}, total};
  }
  // Oldest first, undated documents last. Xapian's remote backend cannot
  // sort by a KeyMaker (which could give them a key after every date), so
  // the dated matches are sorted by their date value and the undated ones
  // follow by relevance; both runs feed the facet spies. A page that is
  // not full has seen every dated match, so their count is exact where
  // the undated ones begin.
  Matches oldest_first(const Xapian::Query& q) {
    using Q = Xapian::Query;
    const Q dated(Q::OP_VALUE_GE, index::kDateSlot, std::string("0"));
    enquire_.set_sort_by_value_then_relevance(index::kDateSlot, false);
    Xapian::MSet first = run(Q(Q::OP_FILTER, q, dated), request_.offset, request_.limit);
    const Xapian::doccount n_dated = first.get_matches_estimated();
    const std::size_t skip = request_.offset > n_dated ? request_.offset - n_dated : 0;
    enquire_.set_sort_by_relevance();
    Xapian::MSet rest = run(Q(Q::OP_AND_NOT, q, dated), skip, request_.limit - first.size());
    const Xapian::doccount total = n_dated + rest.get_matches_estimated();
    return {{std::move(first), std::move(rest)}, total};
  }
  Xapian::Query filtered(const Xapian::Query& q) const {
    if (filters_.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_FILTER, q,
                         Xapian::Query(Xapian::Query::OP_AND, filters_.begin(), filters_.end()));
  }
  // One match within what is left of the budget. Xapian does not say
  // whether its time limit fired; a match that lasted at least the limit
  // is taken to have been cut.
  Xapian::MSet run(const Xapian::Query& q, std::size_t offset, std::size_t max_items) {
    using Seconds = std::chrono::duration<double>;
    const auto started = std::chrono::steady_clock::now();
    const double seconds = std::max(Seconds(deadline_ - started).count(), kSpentBudgetSeconds);
    enquire_.set_time_limit(seconds);
    enquire_.set_query(filtered(q));
    Xapian::MSet mset =
        enquire_.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(max_items),
                          check_at_least_);
    if (Seconds(std::chrono::steady_clock::now() - started).count() >= seconds) partial_ = true;
    return mset;
  }
  // Whether any document matches `q` (with the filters), without ranking.
  Xapian::doccount count(const Xapian::Query& q) const {
    Xapian::Enquire any(db_);
    any.set_query(filtered(q));
    return any.get_mset(0, 0, 1).get_matches_lower_bound();
  }

  const SearchRequest& request_;
  const RankingOptions& ranking_;
  const std::vector<Xapian::Query> filters_;
  Xapian::Database& db_;
  Xapian::Enquire enquire_;
  SortOrder order_ = SortOrder::kRelevance;
  FacetSpies spies_;
  Xapian::doccount check_at_least_ = 0;
  const std::chrono::steady_clock::time_point deadline_;
  bool partial_ = false;
  bool any_word_ = false;
};

// Appends the hits of `mset` to `hits`.
void append_hits(const Xapian::MSet& mset, const Highlighter* highlighter, const std::string& day,
                 std::vector<SearchHit>& hits) {
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const auto r = index::decode_record(doc.get_data());
    if (!r) continue;  // a corrupt record cannot be shown; the others can
    SearchHit hit{.id = r->id,        .title = r->title,   .date = r->date, .type = r->type,
                  .symbol = r->symbol, .issuer = r->issuer, .snippet = {},   .score = it.get_weight(),
                  .status = hit_status(doc, day)};
    if (highlighter) hit.snippet = make_snippet(r->text, *highlighter, tools().snippet_tokenizer);
    hits.push_back(std::move(hit));
  }
}

std::vector<SearchHit> collect_hits(const Matches& matches, const Highlighter* highlighter,
                                    const std::string& day) {
  std::vector<SearchHit> hits;
  for (const Xapian::MSet& mset : matches.parts) append_hits(mset, highlighter, day, hits);
  return hits;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> SearchService::match_spans(
    std::string_view text, std::string_view query) const {
  const Highlighter highlighter(tools().queries.parse(clean_query(std::string(query))));
  return search::match_spans(text, highlighter, tools().snippet_tokenizer);
}

SearchService::SearchService(const IndexReader& reader, const RankingOptions& ranking)
    : reader_(reader), ranking_(ranking) {}

Result<SearchResponse> SearchService::search(const SearchRequest& request) const {
  const auto started = std::chrono::steady_clock::now();
  if (Status s = validate(request); !s.is_ok()) return s;
  Result<Filters> filters = filter_queries(request);
  if (!filters) return filters.status();
  const std::string query = clean_query(request.query);
  ParsedQuery parsed = tools().queries.parse(query);
  const Highlighter highlighter(parsed);
  const bool browse = query.find_first_not_of(' ') == std::string::npos;

  SearchResponse out;
  out.query = request.query;
  reader_.with_index([&](Xapian::Database& db, Xapian::Database& catalog) {
    QueryBuilder::expand(parsed, db);
    std::vector<Xapian::Query> filter = filters->queries;
    if (filters->cites) filter.push_back(cites_query(db, *filters->cites));
    Matcher matcher(request, ranking_, std::move(filter), db, started + request.time_budget);
    const Matches matches = matcher.match(parsed, browse, out.relaxed);
    out.partial = matcher.partial();
    out.match = matcher.any_word() ? MatchKind::kPartial : MatchKind::kAll;
    out.total = matches.total;
    out.suggestion = parsed.empty() ? std::string() : suggest(db, catalog, parsed, tools().snippet_tokenizer);
    out.results = collect_hits(matches, request.snippets ? &highlighter : nullptr,
                               index::date_value(as_of_or_today(request)));
    if (request.facets) out.facets = matcher.facets(catalog);
    return 0;
  });
  out.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return out;
}

Result<doc::DocumentRecord> SearchService::document(std::string_view id) const {
  const std::string term = index::id_term(id);
  return reader_.with_database([&](Xapian::Database& db) -> Result<doc::DocumentRecord> {
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return Status::not_found("no document with this id", std::string(id));
    Result<doc::DocumentRecord> r = index::decode_record(db.get_document(*p).get_data());
    // A hashed id term that collided is not this document.
    if (r && r->id != id) return Status::not_found("no document with this id", std::string(id));
    return r;
  });
}

Result<OriginalFile> SearchService::original(std::string_view id) const {
  return find_original(reader_, id);
}

Xapian::doccount SearchService::document_count() const {
  return reader_.with_database([](Xapian::Database& db) { return db.get_doccount(); });
}

}  // namespace vanban::search
