#include "vanban/search/knowledge_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "search/entity_lookup.h"
#include "vanban/index/schema.h"
#include "vanban/text/date.h"
#include "vanban/text/document_type.h"
#include "vanban/text/normalize.h"
#include "vanban/text/place.h"
#include "vanban/text/campaign.h"
#include "vanban/text/sentence.h"
#include "vanban/text/loose_symbol.h"

namespace vanban::search {
namespace {

using index::DirectiveEntity;

constexpr std::size_t kMaxCiting = 500;
constexpr std::size_t kRelated = 15;
constexpr std::size_t kSimilar = 6;
constexpr Xapian::termcount kSimilarTerms = 25;  // words of a "more like this" query

Xapian::doccount cited_by_count(const Xapian::Database& db, const DirectiveEntity& d) {
  Xapian::doccount n = db.get_termfreq(std::string(index::kCitesPrefix) + d.key);
  for (const auto& a : d.aliases) n += db.get_termfreq(std::string(index::kCitesPrefix) + a);
  return n;
}

// Counts the directives cited by `docs`, except `skip` keys, most cited
// first.
std::vector<RelatedDirective> count_cited(StoredDocs& stored_docs,
                                          const std::vector<Xapian::docid>& docs,
                                          const std::set<std::string>& skip) {
  std::map<std::string, Xapian::doccount> counts;
  std::map<std::string, std::pair<std::string, std::string>> labels;  // symbol, type
  for (const Xapian::docid id : docs) {
    const index::StoredDocument* s = stored_docs.get(id);
    if (!s) continue;
    std::set<std::string> in_doc;
    for (const auto& c : s->citations) {
      if (skip.count(c.key) || !in_doc.insert(c.key).second) continue;
      ++counts[c.key];
      labels.emplace(c.key, std::make_pair(c.symbol, c.type));
    }
  }
  std::vector<RelatedDirective> out;
  for (const auto& [key, n] : counts) {
    out.push_back({key, labels[key].first, labels[key].second, n});
  }
  std::sort(out.begin(), out.end(), [](const RelatedDirective& a, const RelatedDirective& b) {
    return a.count > b.count || (a.count == b.count && a.key < b.key);
  });
  if (out.size() > kRelated) out.resize(kRelated);
  return out;
}

bool contains_folded(std::string_view haystack, const std::string& folded_needle) {
  return folded_needle.empty() || text::fold(haystack).find(folded_needle) != std::string::npos;
}

// Accepts the plain (unprefixed) words of a document for "more like this".
class PlainWords : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;  // prefixed
    if (term.size() < 2) return false;
    return !std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
};

// Whether directive `d` passes the list filter (type, issuer, year and q
// already folded). A q that is a symbol, printed or typed loosely ("Chỉ
// thị 34-CT/TW", "chi thi 34", "34ct/tw"), takes the directives with a
// symbol it may be; any other q is a folded substring of what is shown.
struct FoldedFilter {
  std::string type, issuer, year, q;
  std::optional<text::SymbolPattern> symbol;
  explicit FoldedFilter(const DirectiveFilter& f)
      : type(text::fold(f.type)), issuer(text::fold(f.issuer)), year(f.year), q(text::fold(f.q)),
        symbol(text::parse_loose_symbol(f.q)) {}
  bool accepts(const DirectiveEntity& d) const {
    if (!type.empty() && text::fold(d.type) != type) return false;
    if (!year.empty() && d.date.compare(0, year.size(), year) != 0) return false;
    if (!contains_folded(d.issuer, issuer)) return false;
    if (symbol) return symbol->matches(d.symbol_key);
    return q.empty() || contains_folded(d.symbol_key + " " + d.symbol + " " + d.subject + " " +
                                            d.issuer + " " + d.type,
                                        q);
  }
};

// "" (today) or an ISO date "YYYY-MM-DD".
Status validate_as_of(std::string_view as_of) {
  if (as_of.empty()) return Status::ok();
  if (!text::is_iso_day(as_of)) {
    return Status::invalid_argument("as_of must be a date YYYY-MM-DD", std::string(as_of));
  }
  return Status::ok();
}

Status validate(const DirectiveFilter& f) {
  if (f.limit == 0 || f.limit > KnowledgeService::kMaxLimit) {
    return Status::invalid_argument("limit must be between 1 and " +
                                    std::to_string(KnowledgeService::kMaxLimit));
  }
  if (f.offset > KnowledgeService::kMaxOffset) {
    return Status::invalid_argument("offset must be at most " +
                                    std::to_string(KnowledgeService::kMaxOffset));
  }
  if (!f.year.empty() && (f.year.size() != 4 || f.year.find_first_not_of("0123456789") != std::string::npos)) {
    return Status::invalid_argument("year must be four digits", f.year);
  }
  index::StatusValue value;
  if (!f.status.empty() && !index::parse_status(f.status, value)) {
    return Status::invalid_argument(
        "status must be in_force, not_yet_in_force, expired, partly_expired or unknown", f.status);
  }
  if (!f.applies_to.empty() && text::province_key(f.applies_to).empty()) {
    return Status::invalid_argument("applies_to must be a province or city", f.applies_to);
  }
  return validate_as_of(f.as_of);
}

// Whether directive `d` applies to province `key` ("" for any): a
// nationwide issuer, or one of the province's own.
// Whether directive `d` applies in province `key` ("" for any): a
// nationwide issuer's do everywhere; a provincial issuer's in its province,
// named in the issuer or, for "Ủy ban nhân dân tỉnh" as citations write it,
// the province of the corpus documents that are it or cite it (`local`:
// the documents applying there).
bool applies_to(const Xapian::Database& db, const DirectiveEntity& d, const std::string& key,
                const std::set<Xapian::docid>& local) {
  if (key.empty()) return true;
  const std::vector<std::string> provinces = text::provinces_in(d.issuer);
  if (!provinces.empty()) return std::find(provinces.begin(), provinces.end(), key) != provinces.end();
  if (text::is_nationwide_issuer(d.issuer)) return true;
  for (const Xapian::docid id : citing_docids(db, d)) {
    if (local.count(id)) return true;
  }
  return false;
}

// Most cited first, then newest.
void sort_by_citations(std::vector<DirectiveSummary>& all) {
  std::sort(all.begin(), all.end(), [](const DirectiveSummary& a, const DirectiveSummary& b) {
    if (a.cited_by_count != b.cited_by_count) return a.cited_by_count > b.cited_by_count;
    if (a.entity.date != b.entity.date) return a.entity.date > b.entity.date;
    return a.entity.key < b.entity.key;
  });
}

// The documents of `docs` that cite one of `keys`, each with its first
// citing sentence, newest first; at most kMaxCiting, and none of `skip`.
std::vector<CitingDocument> citing_sentences(StoredDocs& stored_docs,
                                             const std::vector<Xapian::docid>& docs,
                                             const std::set<std::string>& keys,
                                             std::set<std::string>* skip = nullptr) {
  std::vector<CitingDocument> out;
  for (const Xapian::docid id : docs) {
    if (out.size() >= kMaxCiting) break;
    const index::StoredDocument* s = stored_docs.get(id);
    if (!s || (skip && !skip->insert(s->record.id).second)) continue;
    for (const auto& c : s->citations) {
      if (!keys.count(c.key)) continue;
      out.push_back({s->record.id, s->record.title, s->record.date,
                     text::sentence_around(s->record.text, c.start, c.end), s->record.symbol,
                     s->record.issuer});
      break;  // the first citing sentence of each document
    }
  }
  std::sort(out.begin(), out.end(), [](const CitingDocument& a, const CitingDocument& b) {
    return a.date > b.date || (a.date == b.date && a.id < b.id);
  });
  return out;
}

std::set<std::string> own_keys(const DirectiveEntity& d) {
  std::set<std::string> keys(d.aliases.begin(), d.aliases.end());
  keys.insert(d.key);
  return keys;
}

// Each citation's entity key: an undated mention may belong to a dated
// directive.
std::vector<std::string> citation_keys(const Xapian::Database& catalog,
                                       const index::StoredDocument& s) {
  std::vector<std::string> keys;
  for (const auto& c : s.citations) {
    std::string key = c.key;
    if (c.date.empty()) {
      if (const auto d = resolve(catalog, c.key)) key = d->key;
    }
    keys.push_back(key);
  }
  return keys;
}

// Who cites the directives this document is.
std::vector<CitingDocument> cited_by(const Xapian::Database& db, const Xapian::Database& catalog,
                                     const std::vector<std::string>& is_directive) {
  std::vector<CitingDocument> out;
  std::set<std::string> seen;
  StoredDocs stored_docs(db);
  for (const auto& key : is_directive) {
    const auto d = load_directive(catalog, key);
    if (!d) continue;
    auto more = citing_sentences(stored_docs, citing_docids(db, *d), own_keys(*d), &seen);
    out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return out;
}

// The most distinctive words of document `docid`, as a query: Xapian's
// relevance feedback with exact term frequencies (a shard's own would rank
// terms differently than one database does). Terms of equal weight are
// taken in term order, so that the cut at kSimilarTerms does not depend on
// the order Xapian met them in (which shards change).
std::vector<Xapian::Query> distinctive_words(Xapian::Enquire& enquire, Xapian::docid docid) {
  Xapian::RSet rset;
  rset.add_document(docid);
  const PlainWords plain;
  const Xapian::ESet eset =
      enquire.get_eset(kSimilarTerms * 2, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &plain);
  std::vector<std::pair<double, std::string>> ranked;
  // Rounded so that the last bits of a floating-point sum cannot reorder
  // equal weights.
  constexpr double kWeightPrecision = 1e9;
  for (auto t = eset.begin(); t != eset.end(); ++t) {
    ranked.emplace_back(std::round(t.get_weight() * kWeightPrecision) / kWeightPrecision, *t);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  if (ranked.size() > kSimilarTerms) ranked.resize(kSimilarTerms);
  std::vector<Xapian::Query> words;
  for (const auto& [weight, word] : ranked) words.emplace_back(word);
  return words;
}

// More like this: the documents best matching `docid`'s distinctive words.
std::vector<SimilarDocument> similar_documents(Xapian::Database& db, Xapian::docid docid) {
  Xapian::Enquire enquire(db);
  const std::vector<Xapian::Query> words = distinctive_words(enquire, docid);
  std::vector<SimilarDocument> out;
  if (words.empty()) return out;
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
  const Xapian::MSet mset = enquire.get_mset(0, kSimilar + 1);
  for (auto it = mset.begin(); it != mset.end() && out.size() < kSimilar; ++it) {
    if (*it == docid) continue;
    const auto r = index::decode_record(it.get_document().get_data());
    if (r) out.push_back({r->id, r->title, r->date, it.get_weight()});
  }
  return out;
}

// The campaign entity for an id or a name as typed ("Dân vận khéo" ->
// "dan-van-kheo").
std::optional<index::CampaignEntity> find_campaign(const Xapian::Database& catalog,
                                                   std::string_view raw_id) {
  std::string json = catalog.get_metadata(std::string(index::kCampaignKey) + std::string(raw_id));
  if (json.empty()) {
    const std::string id = text::campaign_id(raw_id);
    if (!id.empty()) json = catalog.get_metadata(std::string(index::kCampaignKey) + id);
  }
  if (json.empty()) return std::nullopt;
  Result<index::CampaignEntity> c = index::decode_campaign(json);
  if (!c) return std::nullopt;
  return std::move(*c);
}

// How document `s` names campaign `id`.
CampaignDocument campaign_document(const index::StoredDocument& s, const std::string& id) {
  CampaignDocument cd{s.record.id, s.record.title, s.record.date, {}, false};
  for (const auto& m : s.campaigns) {
    if (m.id != id) continue;
    if (std::find(cd.names.begin(), cd.names.end(), m.name) == cd.names.end()) {
      cd.names.push_back(m.name);
    }
    cd.launches |= m.launched;
  }
  return cd;
}

std::vector<Xapian::docid> postings(const Xapian::Database& db, const std::string& term) {
  std::vector<Xapian::docid> out;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) out.push_back(*p);
  return out;
}

}  // namespace

KnowledgeService::KnowledgeService(const IndexReader& reader) : reader_(reader) {}

Result<DirectiveList> KnowledgeService::directives(const DirectiveFilter& f) const {
  if (Status s = validate(f); !s.is_ok()) return s;
  const std::string as_of = f.as_of.empty() ? today_iso() : f.as_of;
  const std::string province = f.applies_to.empty() ? "" : text::province_key(f.applies_to);
  return reader_.with_index([&](Xapian::Database& db, Xapian::Database& catalog) {
    const FoldedFilter filter(f);
    std::set<Xapian::docid> local;
    if (!province.empty()) {
      for (const Xapian::docid id : postings(db, std::string(index::kAppliesToPrefix) + province)) {
        local.insert(id);
      }
    }
    std::vector<DirectiveSummary> all;
    const std::string prefix(index::kDirectiveKey);
    for (auto m = catalog.metadata_keys_begin(prefix); m != catalog.metadata_keys_end(prefix);
         ++m) {
      auto d = index::decode_directive(catalog.get_metadata(*m));
      if (!d || !filter.accepts(*d) || !applies_to(db, *d, province, local)) continue;
      const Xapian::doccount cited = cited_by_count(db, *d);  // before *d moves
      DirectiveSummary summary{std::move(*d), cited, {}};
      // Computed for every entity only when filtering by it; else for the
      // page shown (below).
      if (!f.status.empty()) {
        summary.status = index::status_as_of(status_evidence(db, summary.entity, as_of), as_of);
        if (index::to_string(summary.status.value) != f.status) continue;
      }
      all.push_back(std::move(summary));
    }
    sort_by_citations(all);
    DirectiveList out;
    out.total = all.size();
    for (std::size_t i = f.offset; i < all.size() && out.items.size() < f.limit; ++i) {
      out.items.push_back(std::move(all[i]));
      DirectiveSummary& item = out.items.back();
      if (f.status.empty()) {
        item.status = index::status_as_of(status_evidence(db, item.entity, as_of), as_of);
      }
    }
    return out;
  });
}

Result<DirectiveDetail> KnowledgeService::directive(std::string_view key,
                                                   std::string_view as_of_param) const {
  if (Status s = validate_as_of(as_of_param); !s.is_ok()) return s;
  const std::string as_of = as_of_param.empty() ? today_iso() : std::string(as_of_param);
  return reader_.with_index([&](Xapian::Database& db,
                               Xapian::Database& catalog) -> Result<DirectiveDetail> {
    auto d = resolve(catalog, key);
    if (!d) return Status::not_found("no directive with this key", std::string(key));
    DirectiveDetail out;
    out.as_of = as_of;
    const index::StatusEvidence evidence = status_evidence(db, *d, as_of);
    out.effective_from = evidence.effective_from;
    out.directive.status = index::status_as_of(evidence, as_of);
    StoredDocs stored_docs(db);
    out.incoming = incoming_relations(stored_docs, *d);
    out.outgoing = outgoing_relations(db, catalog, *d);
    out.implementation = implementation_tree(stored_docs, catalog, *d);
    const std::vector<Xapian::docid> docs = citing_docids(db, *d);
    const std::set<std::string> keys = own_keys(*d);
    out.citing = citing_sentences(stored_docs, docs, keys);
    out.co_cited = count_cited(stored_docs, docs, keys);
    out.directive.entity = std::move(*d);
    out.directive.cited_by_count = static_cast<Xapian::doccount>(docs.size());
    return out;
  });
}

std::vector<CampaignSummary> KnowledgeService::campaigns() const {
  return reader_.with_index([&](Xapian::Database& db, Xapian::Database& catalog) {
    std::vector<CampaignSummary> out;
    const std::string prefix(index::kCampaignKey);
    for (auto m = catalog.metadata_keys_begin(prefix); m != catalog.metadata_keys_end(prefix);
         ++m) {
      auto c = index::decode_campaign(catalog.get_metadata(*m));
      if (!c) continue;
      const Xapian::doccount n = db.get_termfreq(std::string(index::kCampaignPrefix) + c->id);
      out.push_back({std::move(*c), n});
    }
    std::sort(out.begin(), out.end(), [](const CampaignSummary& a, const CampaignSummary& b) {
      return a.document_count > b.document_count ||
             (a.document_count == b.document_count && a.entity.id < b.entity.id);
    });
    return out;
  });
}

Result<CampaignDetail> KnowledgeService::campaign(std::string_view raw_id) const {
  return reader_.with_index([&](Xapian::Database& db,
                               Xapian::Database& catalog) -> Result<CampaignDetail> {
    auto c = find_campaign(catalog, raw_id);
    if (!c) return Status::not_found("no campaign with this id", std::string(raw_id));
    CampaignDetail out;
    const std::vector<Xapian::docid> docs =
        postings(db, std::string(index::kCampaignPrefix) + c->id);
    StoredDocs stored_docs(db);
    for (const Xapian::docid id : docs) {
      if (const auto* s = stored_docs.get(id)) out.documents.push_back(campaign_document(*s, c->id));
    }
    std::sort(out.documents.begin(), out.documents.end(),
              [](const CampaignDocument& a, const CampaignDocument& b) {
                return a.date > b.date || (a.date == b.date && a.id < b.id);
              });
    out.cited_directives = count_cited(stored_docs, docs, {});
    out.campaign = {std::move(*c), static_cast<Xapian::doccount>(docs.size())};
    return out;
  });
}

Result<DocumentDetail> KnowledgeService::document(std::string_view id,
                                                 std::string_view as_of_param) const {
  if (Status s = validate_as_of(as_of_param); !s.is_ok()) return s;
  const std::string as_of = as_of_param.empty() ? today_iso() : std::string(as_of_param);
  const std::string term = index::id_term(id);
  return reader_.with_index([&](Xapian::Database& db,
                               Xapian::Database& catalog) -> Result<DocumentDetail> {
    const Status unknown = Status::not_found("no document with this id", std::string(id));
    Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return unknown;
    const Xapian::docid docid = *p;
    Result<index::StoredDocument> s = index::decode_stored(db.get_document(docid).get_data());
    if (!s) return s.status();
    if (s->record.id != id) return unknown;  // a hashed id term that collided
    DocumentDetail out;
    out.stored = std::move(*s);
    out.citation_keys = citation_keys(catalog, out.stored);
    out.is_directive = directives_of_document(catalog, out.stored);
    out.as_of = as_of;
    if (!out.is_directive.empty()) {
      if (const auto d = load_directive(catalog, out.is_directive.front())) {
        out.status = index::status_as_of(status_evidence(db, *d, as_of), as_of);
      }
    }
    out.cited_by = cited_by(db, catalog, out.is_directive);
    out.similar = similar_documents(db, docid);
    out.outline = text::read_outline(out.stored.record.text);
    return out;
  });
}

}  // namespace vanban::search
