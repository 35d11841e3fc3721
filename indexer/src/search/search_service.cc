#include "vanban/search/search_service.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>

#include "vanban/index/knowledge.h"
#include "vanban/index/schema.h"
#include "vanban/index/writer.h"
#include "vanban/search/query_builder.h"
#include "vanban/search/snippet.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"
#include "vanban/text/utf8.h"

namespace vanban::search {
namespace {

// Bounds the time one query may spend matching, so a pathological query
// cannot stall a server thread. Xapian then returns the best found so far.
constexpr double kMatchTimeLimitSeconds = 2.0;
// Facet counts look at up to this many matches.
constexpr Xapian::doccount kFacetCheckAtLeast = 20000;

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

// "2023" / "2023-05" / "2023-05-30" -> "YYYYMMDD" bound; `upper` fills the
// missing part with 9s. "" if malformed.
std::string date_bound(std::string_view iso, bool upper) {
  std::string digits;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '-') {
      return {};
    }
  }
  if (digits.size() != 4 && digits.size() != 6 && digits.size() != 8) return {};
  while (digits.size() < 8) digits += upper ? '9' : '0';
  return digits;
}

// The query rewritten with each unknown word replaced by the spelling
// dictionary's nearest word (edit distance up to 2, on the exact spelling
// for accented queries so that "thưởnh" becomes "thưởng"). "" if nothing
// was replaced.
std::string suggest(const Xapian::Database& db, const Xapian::Database& catalog,
                    const ParsedQuery& parsed) {
  std::string out;
  bool changed = false;
  for (const auto& clause : parsed.required) {
    std::string words;
    for (const text::Token& t : clause.tokens) {
      std::string word = t.kind == text::TokenKind::kWord && parsed.accented ? t.exact : t.folded;
      if (t.kind == text::TokenKind::kSymbol) word = t.exact;
      if (t.kind == text::TokenKind::kWord) {
        const bool unknown =
            db.get_termfreq(t.folded) == 0 ||
            (parsed.accented && db.get_termfreq(std::string(index::kExactPrefix) + t.exact) == 0);
        if (unknown) {
          const std::string better = catalog.get_spelling_suggestion(word, 2);
          if (!better.empty() && better != word) {
            word = better;
            changed = true;
          }
        }
      }
      words += (words.empty() ? "" : " ") + word;
    }
    if (clause.phrase) words = "\"" + words + "\"";
    out += (out.empty() ? "" : " ") + words;
  }
  return changed ? out : std::string();
}

}  // namespace

SearchService::SearchService(std::string db_path, const RankingOptions& ranking)
    : reader_(std::move(db_path)), ranking_(ranking) {}
SearchService::~SearchService() = default;

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
  for (const std::string* field : {&request.query, &request.type, &request.issuer, &request.cites}) {
    if (!text::is_valid_utf8(*field)) return bad("parameters must be valid UTF-8");
    if (field->find('\0') != std::string::npos) return bad("parameters must not contain NUL bytes");
    if (field == &request.query) continue;
    const bool control = std::any_of(field->begin(), field->end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
    });
    if (control) return bad("filters must not contain control characters");
    if (field->size() > 512) return bad("filter value too long");
  }
  // Other control characters in a query (a backspace or a form feed pasted
  // with the text) separate words, as spaces do.
  std::string query = request.query;
  for (char& c : query) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') c = ' ';
  }
  if (request.limit == 0 || request.limit > kMaxLimit) {
    return bad("limit must be between 1 and " + std::to_string(kMaxLimit));
  }
  if (request.offset > kMaxOffset) return bad("offset must be at most " + std::to_string(kMaxOffset));

  // Filters become boolean terms and a date range.
  std::vector<Xapian::Query> filters;
  if (!request.type.empty()) {
    filters.emplace_back(std::string(index::kTypePrefix) + text::fold(request.type));
  }
  if (!request.issuer.empty()) {
    filters.emplace_back(std::string(index::kIssuerPrefix) + text::fold(request.issuer));
  }
  if (!request.cites.empty()) {
    if (request.cites.find('@') != std::string::npos) {
      filters.emplace_back(std::string(index::kCitesPrefix) + text::fold(request.cites));
    } else if (const auto sym = text::parse_symbol(request.cites)) {
      filters.emplace_back(std::string(index::kCitesSymbolPrefix) + sym->key);
    } else {
      return bad("cites must be a document symbol such as 34-CT/TW, or a directive key");
    }
  }
  if (!request.from.empty() || !request.to.empty()) {
    const std::string lo = request.from.empty() ? "00000000" : date_bound(request.from, false);
    const std::string hi = request.to.empty() ? "99999999" : date_bound(request.to, true);
    if (lo.empty() || hi.empty()) return bad("from and to must be dates: YYYY, YYYY-MM or YYYY-MM-DD");
    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, index::kDateSlot, lo, hi);
  }

  ThreadTools& tt = tools();
  ParsedQuery parsed = tt.queries.parse(query);
  const Highlighter highlighter(parsed);
  const bool browse = query.find_first_not_of(' ') == std::string::npos;

  auto filtered = [&](Xapian::Query q) {
    if (filters.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_FILTER, q,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
  };

  reader_.with_index([&](Xapian::Database& db, Xapian::Database& catalog) {
    QueryBuilder::expand(parsed, db);
    Xapian::Enquire enquire(db);
    enquire.set_time_limit(kMatchTimeLimitSeconds);
    const RankingOptions& ranking = ranking_;
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking.bm25_k1, 0, 1, ranking.bm25_b, 0.5));
    Xapian::doccount check_at_least = static_cast<Xapian::doccount>(
        std::max<std::size_t>(kExactTotalUpTo, request.offset + request.limit));
    Xapian::ValueCountMatchSpy type_spy(index::kTypeSlot), issuer_spy(index::kIssuerSlot),
        year_spy(index::kYearSlot), cites_spy(index::kCitesSlot);
    if (request.facets) {
      enquire.add_matchspy(&type_spy);
      enquire.add_matchspy(&issuer_spy);
      enquire.add_matchspy(&year_spy);
      enquire.add_matchspy(&cites_spy);
      check_at_least = std::max(check_at_least, kFacetCheckAtLeast);
    }
    auto run = [&](const Xapian::Query& q) {
      enquire.set_query(filtered(q));
      return enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                              static_cast<Xapian::doccount>(request.limit), check_at_least);
    };
    Xapian::MSet mset;
    out.relaxed = false;
    if (browse) {
      enquire.set_sort_by_value_then_relevance(index::kDateSlot, true);
      mset = run(Xapian::Query::MatchAll);
    } else if (!parsed.empty() && parsed.required.size() >= ranking.any_word_from) {
      // Long queries are ranked over every document with any of the words;
      // "relaxed" still says whether any document has them all.
      Xapian::Enquire all_words(db);
      all_words.set_query(filtered(QueryBuilder::build(parsed, MatchMode::kAll, ranking)));
      out.relaxed = all_words.get_mset(0, 0, 1).get_matches_lower_bound() == 0;
      mset = run(QueryBuilder::build(parsed, MatchMode::kAny, ranking));
    } else if (!parsed.empty()) {
      mset = run(QueryBuilder::build(parsed, MatchMode::kAll, ranking));
      if (mset.empty() && mset.get_matches_estimated() == 0 && parsed.required.size() > 1) {
        // Nobody has every word: show what has some of them rather than
        // nothing, and say so.
        // The facet spies stay attached: the empty first run counted nothing.
        mset = run(QueryBuilder::build(parsed, MatchMode::kAny, ranking));
        out.relaxed = true;
      }
    }  // else: only punctuation or exclusions, nothing to look for
    out.total = mset.get_matches_estimated();
    out.suggestion = parsed.empty() ? std::string() : suggest(db, catalog, parsed);
    out.results.clear();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const doc::DocumentRecord r = index::decode_record(it.get_document().get_data());
      SearchHit hit;
      hit.id = r.id;
      hit.title = r.title;
      hit.date = r.date;
      hit.type = r.type;
      hit.symbol = r.symbol;
      hit.issuer = r.issuer;
      hit.score = it.get_weight();
      if (request.snippets) hit.snippet = make_snippet(r.text, highlighter, tt.snippet_tokenizer);
      out.results.push_back(std::move(hit));
    }
    if (request.facets) {
      Facets f;
      f.type = top(type_spy, kFacetValues);
      f.issuer = top(issuer_spy, kFacetValues);
      f.year = top(year_spy, kFacetValues);
      std::sort(f.year.begin(), f.year.end(),
                [](const FacetValue& a, const FacetValue& b) { return a.value > b.value; });
      f.directives = top_lines(cites_spy, kFacetValues);
      for (FacetValue& d : f.directives) {
        const auto entity =
            index::decode_directive(catalog.get_metadata(std::string(index::kDirectiveKey) + d.value));
        if (entity && !entity->symbol.empty()) {
          d.label = entity->type.empty() ? entity->symbol : entity->type + " " + entity->symbol;
        }
      }
      out.facets = std::move(f);
    }
    return 0;
  });
  out.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return out;
}

std::optional<doc::DocumentRecord> SearchService::document(std::string_view id) const {
  const std::string term = index::id_term(id);
  return reader_.with_database([&](Xapian::Database& db) -> std::optional<doc::DocumentRecord> {
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return std::nullopt;
    doc::DocumentRecord r = index::decode_record(db.get_document(*p).get_data());
    if (r.id != id) return std::nullopt;  // a hashed id term that collided
    return r;
  });
}

Xapian::doccount SearchService::document_count() const {
  return reader_.with_database([](Xapian::Database& db) { return db.get_doccount(); });
}

}  // namespace vanban::search
