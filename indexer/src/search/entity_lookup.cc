#include "search/entity_lookup.h"

#include <set>

#include "vanban/index/schema.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::search {

std::optional<index::DirectiveEntity> load_directive(const Xapian::Database& catalog,
                                              std::string_view key) {
  const std::string json = catalog.get_metadata(std::string(index::kDirectiveKey) + std::string(key));
  if (json.empty()) return std::nullopt;
  Result<index::DirectiveEntity> d = index::decode_directive(json);
  if (!d) return std::nullopt;  // a corrupt entry is as good as none
  return std::move(*d);
}

std::optional<index::StoredDocument> stored(const Xapian::Database& db, Xapian::docid id) {
  Result<index::StoredDocument> s = index::decode_stored(db.get_document(id).get_data());
  if (!s) return std::nullopt;
  return std::move(*s);
}

std::optional<index::DirectiveEntity> resolve(const Xapian::Database& catalog, std::string_view raw) {
  std::string key = text::fold(raw);
  if (auto d = load_directive(catalog, key)) return d;
  std::string symbol_key = key.substr(0, key.find('@'));
  if (const auto sym = text::parse_symbol(raw.substr(0, raw.find('@')))) symbol_key = sym->key;
  if (key.find('@') != std::string::npos) {
    key = symbol_key + key.substr(key.find('@'));
    return load_directive(catalog, key);
  }
  if (auto d = load_directive(catalog, symbol_key)) return d;
  // A symbol that only dated directives have: the one, if unique.
  std::vector<std::string> dated;
  const std::string prefix = std::string(index::kDirectiveKey) + symbol_key + "@";
  for (auto m = catalog.metadata_keys_begin(prefix); m != catalog.metadata_keys_end(prefix); ++m) {
    dated.push_back((*m).substr(index::kDirectiveKey.size()));
  }
  if (dated.size() == 1) return load_directive(catalog, dated[0]);
  return std::nullopt;
}

std::vector<Xapian::docid> citing_docids(const Xapian::Database& db, const index::DirectiveEntity& d) {
  std::set<Xapian::docid> ids;
  std::vector<std::string> keys = d.aliases;
  keys.push_back(d.key);
  for (const auto& k : keys) {
    const std::string term = std::string(index::kCitesPrefix) + k;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) ids.insert(*p);
  }
  return {ids.begin(), ids.end()};
}

std::vector<std::string> directives_of_document(const Xapian::Database& catalog,
                                                const index::StoredDocument& s) {
  std::vector<std::string> candidates;
  std::vector<std::string> prefixes;
  if (const auto sym = text::parse_symbol(s.record.symbol)) {
    prefixes.push_back(std::string(index::kDirectiveKey) + sym->key);
  }
  std::string suffix;
  if (const auto u = s.record.metadata.find("unnumbered_symbol"); u != s.record.metadata.end()) {
    suffix = text::fold(u->second);
    prefixes.push_back(std::string(index::kDirectiveKey));
  }
  std::set<std::string> out;
  for (const auto& prefix : prefixes) {
    for (auto m = catalog.metadata_keys_begin(prefix); m != catalog.metadata_keys_end(prefix); ++m) {
      const std::string key = (*m).substr(index::kDirectiveKey.size());
      if (prefix.size() == index::kDirectiveKey.size()) {
        // Drafts: only symbols ending with the draft's suffix.
        const std::string sym = key.substr(0, key.find('@'));
        if (sym.size() <= suffix.size() ||
            sym.compare(sym.size() - suffix.size(), suffix.size(), suffix) != 0) {
          continue;
        }
      }
      const auto d = load_directive(catalog, key);
      if (!d) continue;
      for (const auto& l : d->documents) {
        if (l.id == s.record.id) out.insert(key);
      }
    }
  }
  return {out.begin(), out.end()};
}

}  // namespace vanban::search
