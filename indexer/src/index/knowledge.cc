#include "vanban/index/knowledge.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "vanban/index/schema.h"
#include "vanban/index/record_codec.h"
#include "vanban/json.h"
#include "vanban/text/normalize.h"
#include "vanban/text/sentence.h"

namespace vanban::index {
namespace {

// The most frequent non-empty value; ties go to the longer one (more
// informative), then to the smaller string, so the result is stable.
std::string best(const std::map<std::string, int>& counts) {
  std::string out;
  int n = 0;
  for (const auto& [v, c] : counts) {
    if (v.empty()) continue;
    if (c > n || (c == n && v.size() > out.size())) {
      out = v;
      n = c;
    }
  }
  return out;
}

std::set<std::string> words_of(std::string_view s) {
  std::set<std::string> out;
  const std::string f = text::fold(s);
  std::size_t pos = 0;
  while (pos < f.size()) {
    std::size_t e = pos;
    while (e < f.size() && f[e] != ' ' && f[e] != ',' && f[e] != '.' && f[e] != ';') ++e;
    if (e > pos) out.insert(f.substr(pos, e - pos));
    pos = e + 1;
  }
  return out;
}

// Share of a's words found in b.
double overlap(std::string_view a, std::string_view b) {
  const auto wa = words_of(a);
  if (wa.empty()) return 0;
  const auto wb = words_of(b);
  std::size_t hit = 0;
  for (const auto& w : wa) hit += wb.count(w);
  return static_cast<double>(hit) / static_cast<double>(wa.size());
}

// Dates agree to the precision both have: "2023-05" matches "2023-05-30".
bool dates_compatible(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  return n > 0 && a.substr(0, n) == b.substr(0, n);
}

std::vector<Xapian::docid> postings(const Xapian::Database& db, const std::string& term) {
  std::vector<Xapian::docid> out;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) out.push_back(*p);
  return out;
}

// How sure a link between a directive and a corpus document is. Set by
// hand on the seeds, where the draft 001 ("Số: /UBND-TH", May 2023) must
// link to Công văn 1954/UBND-TH (30/5/2023) and nothing else may link.
constexpr double kSymbolAndDateConfidence = 1.0;
constexpr double kSymbolOnlyConfidence = 0.9;  // one side has no date
// A draft: a base for the compatible date and symbol suffix, plus the
// type's agreement and the share of its subject's words that the citing
// sentences use.
constexpr double kDraftBase = 0.4;
constexpr double kDraftSameType = 0.2;
constexpr double kDraftSubjectWeight = 0.4;
constexpr double kDraftMinConfidence = 0.6;
constexpr double kDraftMaxConfidence = 0.95;  // never as sure as a number
// Citing sentences kept to compare with drafts' subjects.
constexpr std::size_t kMaxContexts = 20;

// All directive keys of a symbol in the corpus: "34-ct/tw" (undated
// mentions) and "34-ct/tw@2014-04-07".
std::vector<std::string> directive_keys(const Xapian::Database& db, const std::string& symbol_key) {
  std::vector<std::string> keys;
  const std::string prefix = std::string(kCitesPrefix) + symbol_key;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string key = (*t).substr(kCitesPrefix.size());
    if (key == symbol_key || key.compare(0, symbol_key.size() + 1, symbol_key + "@") == 0) {
      keys.push_back(key);
    }
  }
  return keys;
}

// Drops the stored entries of this symbol (they are rebuilt from scratch).
void drop_entries(Xapian::WritableDatabase& catalog, const std::string& symbol_key) {
  const std::string meta_prefix = std::string(kDirectiveKey) + symbol_key;
  std::vector<std::string> stale;
  for (auto m = catalog.metadata_keys_begin(meta_prefix);
       m != catalog.metadata_keys_end(meta_prefix); ++m) {
    const std::string key = (*m).substr(kDirectiveKey.size());
    if (key != symbol_key && key.compare(0, symbol_key.size() + 1, symbol_key + "@") != 0) continue;
    stale.push_back(*m);
  }
  for (const auto& m : stale) catalog.set_metadata(m, "");
}

// What the citations of one directive say about it.
struct CitationTally {
  std::map<std::string, int> types, issuers, subjects, symbols;
  std::vector<std::string> contexts;  // citing sentences, for draft matching
};

void tally_document(const StoredDocument& s, const std::string& cite_key, CitationTally& tally) {
  for (const auto& c : s.citations) {
    if (c.key != cite_key) continue;
    ++tally.types[c.type];
    ++tally.issuers[c.issuer];
    ++tally.subjects[c.subject];
    ++tally.symbols[c.symbol];
    if (tally.contexts.size() < kMaxContexts) {
      tally.contexts.push_back(text::sentence_around(s.record.text, c.start, c.end));
    }
  }
}

CitationTally tally_citations(const Xapian::Database& db, const std::vector<std::string>& cite_keys) {
  CitationTally tally;
  for (const auto& ck : cite_keys) {
    for (const Xapian::docid id : postings(db, std::string(kCitesPrefix) + ck)) {
      // A corrupt record cannot tell anything; the rest still can.
      if (const auto s = decode_stored(db.get_document(id).get_data())) tally_document(*s, ck, tally);
    }
  }
  return tally;
}

// Corpus documents that are directive `d`, by their own symbol.
void link_by_symbol(const Xapian::Database& db, DirectiveEntity& d) {
  for (const Xapian::docid id : postings(db, std::string(kOwnSymbolPrefix) + d.symbol_key)) {
    const auto r = decode_record(db.get_document(id).get_data());
    if (!r) continue;
    if (!d.date.empty() && !r->date.empty() && !dates_compatible(d.date, r->date)) continue;
    const bool both_dated = !r->date.empty() && !d.date.empty();
    d.documents.push_back({r->id, r->title, r->date,
                           both_dated ? kSymbolAndDateConfidence : kSymbolOnlyConfidence,
                           both_dated ? "symbol_and_date" : "symbol"});
  }
}

// How sure it is that draft `r` became directive `d`.
double draft_confidence(const doc::DocumentRecord& r, const DirectiveEntity& d,
                        const std::vector<std::string>& contexts) {
  double subject_match = 0;
  const std::string own = r.subject.empty() ? r.title : r.subject;
  for (const auto& ctx : contexts) subject_match = std::max(subject_match, overlap(own, ctx));
  if (!d.subject.empty()) subject_match = std::max(subject_match, overlap(own, d.subject));
  const bool same_type = d.type.empty() || d.type == r.type;
  return kDraftBase + (same_type ? kDraftSameType : 0.0) + kDraftSubjectWeight * subject_match;
}

// Drafts whose number was left blank ("Số: /UBND-TH") that are directive
// `d`: by symbol suffix, date, type and subject.
void link_drafts(const Xapian::Database& db, const std::vector<std::string>& contexts,
                 DirectiveEntity& d) {
  const auto cut = d.symbol_key.find_first_of("/-");
  if (cut == std::string::npos || cut == 0 || d.date.empty()) return;
  const std::string suffix = d.symbol_key.substr(cut);
  for (const Xapian::docid id : postings(db, std::string(kUnnumberedPrefix) + suffix)) {
    const auto r = decode_record(db.get_document(id).get_data());
    if (!r || r->date.empty() || !dates_compatible(d.date, r->date)) continue;
    const double confidence = draft_confidence(*r, d, contexts);
    if (confidence < kDraftMinConfidence) continue;
    d.documents.push_back(
        {r->id, r->title, r->date, std::min(confidence, kDraftMaxConfidence), "draft"});
  }
}

// The entity of directive `key`, from the citations of `cite_keys` (the key
// and its aliases) and the corpus documents that are it.
DirectiveEntity build_directive(const Xapian::Database& db, const std::string& symbol_key,
                                const std::string& key, const std::vector<std::string>& aliases) {
  DirectiveEntity d;
  d.key = key;
  d.symbol_key = symbol_key;
  if (const auto at = key.find('@'); at != std::string::npos) d.date = key.substr(at + 1);
  d.aliases = aliases;
  std::vector<std::string> cite_keys = aliases;
  cite_keys.insert(cite_keys.begin(), key);
  const CitationTally tally = tally_citations(db, cite_keys);
  d.type = best(tally.types);
  d.issuer = best(tally.issuers);
  d.subject = best(tally.subjects);
  d.symbol = best(tally.symbols);
  link_by_symbol(db, d);
  link_drafts(db, tally.contexts, d);
  std::sort(d.documents.begin(), d.documents.end(),
            [](const LinkedDocument& a, const LinkedDocument& b) {
              return a.confidence > b.confidence || (a.confidence == b.confidence && a.id < b.id);
            });
  return d;
}

void refresh_symbol(const Xapian::Database& db, Xapian::WritableDatabase& catalog,
                    const std::string& symbol_key) {
  const std::vector<std::string> keys = directive_keys(db, symbol_key);
  // An undated mention is the dated directive when there is only one.
  const bool alias_undated =
      keys.size() == 2 && std::count(keys.begin(), keys.end(), symbol_key) == 1;
  drop_entries(catalog, symbol_key);
  for (const std::string& key : keys) {
    if (alias_undated && key == symbol_key) continue;
    const std::vector<std::string> aliases =
        alias_undated ? std::vector<std::string>{symbol_key} : std::vector<std::string>{};
    catalog.set_metadata(std::string(kDirectiveKey) + key,
                         encode(build_directive(db, symbol_key, key, aliases)));
  }
}

void refresh_campaign(const Xapian::Database& db, Xapian::WritableDatabase& catalog,
                      const std::string& id) {
  const std::vector<Xapian::docid> docs = postings(db, std::string(kCampaignPrefix) + id);
  const std::string meta = std::string(kCampaignKey) + id;
  if (docs.empty()) {
    catalog.set_metadata(meta, "");
    return;
  }
  CampaignEntity c;
  c.id = id;
  std::map<std::string, CampaignVariant> variants;
  std::set<std::string> launchers;
  for (const Xapian::docid doc_id : docs) {
    const auto stored = decode_stored(db.get_document(doc_id).get_data());
    if (!stored) continue;
    const StoredDocument& s = *stored;
    std::unordered_set<std::string> names_in_doc;
    for (const auto& m : s.campaigns) {
      if (m.id != id) continue;
      if (names_in_doc.insert(m.name).second) {
        CampaignVariant& v = variants[m.name];
        v.name = m.name;
        v.local = m.local;
        ++v.documents;
      }
      if (!m.launcher.empty()) launchers.insert(m.launcher);
      if (m.launched && !s.record.issuer.empty()) launchers.insert(s.record.issuer);
    }
  }
  for (auto& [name, v] : variants) c.variants.push_back(v);
  std::sort(c.variants.begin(), c.variants.end(),
            [](const CampaignVariant& a, const CampaignVariant& b) {
              if (a.local != b.local) return !a.local;  // national first
              if (a.documents != b.documents) return a.documents > b.documents;
              return a.name < b.name;
            });
  c.name = c.variants.front().name;
  c.launchers.assign(launchers.begin(), launchers.end());
  catalog.set_metadata(meta, encode(c));
}

}  // namespace

std::string encode(const DirectiveEntity& d) { return dump_json(nlohmann::json(d)); }
std::string encode(const CampaignEntity& c) { return dump_json(nlohmann::json(c)); }

namespace {

template <typename Entity>
Result<Entity> decode_entity(std::string_view json, const char* what) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::corruption(std::string("corrupt ") + what + " in the knowledge base",
                              "not a JSON object");
  }
  try {
    return j.get<Entity>();
  } catch (const nlohmann::json::exception& e) {
    return Status::corruption(std::string("corrupt ") + what + " in the knowledge base", e.what());
  }
}

}  // namespace

Result<DirectiveEntity> decode_directive(std::string_view json) {
  return decode_entity<DirectiveEntity>(json, "directive");
}

Result<CampaignEntity> decode_campaign(std::string_view json) {
  return decode_entity<CampaignEntity>(json, "campaign");
}

void KnowledgeChanges::merge(KnowledgeChanges&& other) {
  symbols.merge(other.symbols);
  campaigns.merge(other.campaigns);
  unnumbered.merge(other.unnumbered);
}

void refresh_directives(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                        const std::set<std::string>& symbol_keys) {
  for (const auto& k : symbol_keys) refresh_symbol(corpus, catalog, k);
}

void refresh_campaigns(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                       const std::set<std::string>& ids) {
  for (const auto& id : ids) refresh_campaign(corpus, catalog, id);
}

void refresh_knowledge(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                       KnowledgeChanges changes) {
  // A draft's unnumbered suffix may now match a cited symbol: refresh the
  // symbols that end with it.
  const std::string prefix(kCitesSymbolPrefix);
  for (const std::string& suffix : changes.unnumbered) {
    for (auto t = corpus.allterms_begin(prefix); t != corpus.allterms_end(prefix); ++t) {
      const std::string key = (*t).substr(prefix.size());
      if (key.size() > suffix.size() &&
          key.compare(key.size() - suffix.size(), suffix.size(), suffix) == 0) {
        changes.symbols.insert(key);
      }
    }
  }
  refresh_directives(corpus, catalog, changes.symbols);
  refresh_campaigns(corpus, catalog, changes.campaigns);
}

}  // namespace vanban::index
