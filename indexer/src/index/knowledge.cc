#include "vanban/index/knowledge.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "vanban/index/schema.h"
#include "vanban/index/writer.h"
#include "vanban/text/normalize.h"

namespace vanban::index {
namespace {

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

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

void refresh_symbol(const Xapian::Database& db, Xapian::WritableDatabase& catalog,
                    const std::string& symbol_key) {
  // All directive keys of this symbol: "34-ct/tw" and "34-ct/tw@2014-04-07".
  std::vector<std::string> keys;
  const std::string prefix = std::string(kCitesPrefix) + symbol_key;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string key = (*t).substr(kCitesPrefix.size());
    if (key == symbol_key || key.compare(0, symbol_key.size() + 1, symbol_key + "@") == 0) {
      keys.push_back(key);
    }
  }
  std::vector<std::string> dated;
  for (const auto& k : keys) {
    if (k != symbol_key) dated.push_back(k);
  }
  // An undated mention is the dated directive when there is only one.
  const bool alias_undated = dated.size() == 1 && keys.size() == 2;

  // Drop entries of this symbol that no longer exist.
  const std::string meta_prefix = std::string(kDirectiveKey) + symbol_key;
  std::vector<std::string> stale;
  for (auto m = catalog.metadata_keys_begin(meta_prefix);
       m != catalog.metadata_keys_end(meta_prefix); ++m) {
    const std::string key = (*m).substr(kDirectiveKey.size());
    if (key != symbol_key && key.compare(0, symbol_key.size() + 1, symbol_key + "@") != 0) continue;
    stale.push_back(*m);
  }
  for (const auto& m : stale) catalog.set_metadata(m, "");

  for (const std::string& key : keys) {
    if (alias_undated && key == symbol_key) continue;
    DirectiveEntity d;
    d.key = key;
    d.symbol_key = symbol_key;
    const auto at = key.find('@');
    if (at != std::string::npos) d.date = key.substr(at + 1);
    std::vector<std::string> cite_keys = {key};
    if (alias_undated) {
      d.aliases.push_back(symbol_key);
      cite_keys.push_back(symbol_key);
    }
    std::map<std::string, int> types, issuers, subjects, symbols;
    std::vector<std::string> contexts;  // citing sentences, for draft matching
    for (const auto& ck : cite_keys) {
      for (const Xapian::docid id : postings(db, std::string(kCitesPrefix) + ck)) {
        const StoredDocument s = decode_stored(db.get_document(id).get_data());
        for (const auto& c : s.citations) {
          if (c.key != ck) continue;
          ++types[c.type];
          ++issuers[c.issuer];
          ++subjects[c.subject];
          ++symbols[c.symbol];
          if (contexts.size() < 20) {
            contexts.push_back(sentence_around(s.record.text, c.start, c.end));
          }
        }
      }
    }
    d.type = best(types);
    d.issuer = best(issuers);
    d.subject = best(subjects);
    d.symbol = best(symbols);

    // Corpus documents that are this directive: by their own symbol ...
    for (const Xapian::docid id : postings(db, std::string(kOwnSymbolPrefix) + symbol_key)) {
      const doc::DocumentRecord r = decode_record(db.get_document(id).get_data());
      if (!d.date.empty() && !r.date.empty() && !dates_compatible(d.date, r.date)) continue;
      const bool both_dated = !r.date.empty() && !d.date.empty();
      d.documents.push_back({r.id, r.title, r.date, both_dated ? 1.0 : 0.9,
                             both_dated ? "symbol_and_date" : "symbol"});
    }
    // ... or, for a draft whose number was left blank, by symbol suffix,
    // date, type and subject.
    const auto cut = symbol_key.find_first_of("/-");
    if (cut != std::string::npos && cut > 0) {
      const std::string suffix = symbol_key.substr(cut);
      for (const Xapian::docid id : postings(db, std::string(kUnnumberedPrefix) + suffix)) {
        const doc::DocumentRecord r = decode_record(db.get_document(id).get_data());
        if (d.date.empty() || r.date.empty() || !dates_compatible(d.date, r.date)) continue;
        double subject_match = 0;
        const std::string own = r.subject.empty() ? r.title : r.subject;
        for (const auto& ctx : contexts) subject_match = std::max(subject_match, overlap(own, ctx));
        if (!d.subject.empty()) subject_match = std::max(subject_match, overlap(own, d.subject));
        const double confidence =
            0.4 + (d.type.empty() || d.type == r.type ? 0.2 : 0.0) + 0.4 * subject_match;
        if (confidence < 0.6) continue;
        d.documents.push_back({r.id, r.title, r.date, std::min(confidence, 0.95), "draft"});
      }
    }
    std::sort(d.documents.begin(), d.documents.end(),
              [](const LinkedDocument& a, const LinkedDocument& b) {
                return a.confidence > b.confidence || (a.confidence == b.confidence && a.id < b.id);
              });
    catalog.set_metadata(std::string(kDirectiveKey) + key, encode(d));
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
    const StoredDocument s = decode_stored(db.get_document(doc_id).get_data());
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

std::string encode(const DirectiveEntity& d) {
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& l : d.documents) {
    docs.push_back({{"id", l.id},
                    {"title", l.title},
                    {"date", l.date},
                    {"confidence", l.confidence},
                    {"how", l.how}});
  }
  return dump({{"key", d.key},         {"symbol", d.symbol},   {"symbol_key", d.symbol_key},
               {"type", d.type},       {"date", d.date},       {"issuer", d.issuer},
               {"subject", d.subject}, {"aliases", d.aliases}, {"documents", docs}});
}

std::string encode(const CampaignEntity& c) {
  nlohmann::json variants = nlohmann::json::array();
  for (const auto& v : c.variants) {
    variants.push_back({{"name", v.name}, {"documents", v.documents}, {"local", v.local}});
  }
  return dump({{"id", c.id}, {"name", c.name}, {"variants", variants}, {"launchers", c.launchers}});
}

std::optional<DirectiveEntity> decode_directive(std::string_view json) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  DirectiveEntity d;
  d.key = j.value("key", "");
  d.symbol = j.value("symbol", "");
  d.symbol_key = j.value("symbol_key", "");
  d.type = j.value("type", "");
  d.date = j.value("date", "");
  d.issuer = j.value("issuer", "");
  d.subject = j.value("subject", "");
  d.aliases = j.value("aliases", std::vector<std::string>{});
  if (const auto ds = j.find("documents"); ds != j.end() && ds->is_array()) {
    for (const auto& x : *ds) {
      d.documents.push_back({x.value("id", ""), x.value("title", ""), x.value("date", ""),
                             x.value("confidence", 0.0), x.value("how", "")});
    }
  }
  return d;
}

std::optional<CampaignEntity> decode_campaign(std::string_view json) {
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  CampaignEntity c;
  c.id = j.value("id", "");
  c.name = j.value("name", "");
  c.launchers = j.value("launchers", std::vector<std::string>{});
  if (const auto vs = j.find("variants"); vs != j.end() && vs->is_array()) {
    for (const auto& v : *vs) {
      c.variants.push_back({v.value("name", ""), v.value("documents", 0), v.value("local", false)});
    }
  }
  return c;
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

bool change_spelling(Xapian::WritableDatabase& db, const std::string& word, long long delta) {
  if (delta > 0) {
    db.add_spelling(word, static_cast<Xapian::termcount>(delta));
  } else if (delta < 0) {
    db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
  }
  return delta != 0;
}

std::size_t sync_spelling(const std::vector<std::string>& shard_paths,
                          Xapian::WritableDatabase& catalog) {
  // word -> frequency wanted minus frequency held.
  std::unordered_map<std::string, long long> delta;
  for (const std::string& path : shard_paths) {
    const Xapian::Database shard(path);
    for (auto w = shard.spellings_begin(); w != shard.spellings_end(); ++w) {
      delta[*w] += w.get_termfreq();
    }
  }
  for (auto w = catalog.spellings_begin(); w != catalog.spellings_end(); ++w) {
    delta[*w] -= w.get_termfreq();
  }
  std::size_t changed = 0;
  for (const auto& [word, d] : delta) changed += change_spelling(catalog, word, d);
  return changed;
}

std::string sentence_around(std::string_view text, std::size_t start, std::size_t end) {
  start = std::min(start, text.size());
  end = std::min(std::max(end, start), text.size());
  auto is_break = [&](std::size_t i) {
    const char c = text[i];
    if (c == '\n' || c == ';') return true;
    // ". " ends a sentence; "07.4" or "Th3." inside a line do not matter much.
    return c == '.' && i + 1 < text.size() && text[i + 1] == ' ';
  };
  std::size_t b = start;
  while (b > 0 && !is_break(b - 1)) --b;
  std::size_t e = end;
  while (e < text.size() && !is_break(e)) ++e;
  if (e < text.size() && text[e] == '.') ++e;
  std::string_view s = text.substr(b, e - b);
  auto space_at_front = [&] {
    return !s.empty() && (s.front() == ' ' || s.front() == '-' || s.front() == '*' ||
                          s.substr(0, 2) == "\xC2\xA0");  // NBSP
  };
  while (space_at_front()) s.remove_prefix(s.substr(0, 2) == "\xC2\xA0" ? 2 : 1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace vanban::index
