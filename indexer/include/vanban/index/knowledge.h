// The knowledge base kept beside the documents in the same Xapian database
// (as user metadata, so it is replicated, sharded and committed with them):
// directive entities, which exist as soon as any document cites them, and
// campaign entities grouping local variants under one id.
#ifndef VANBAN_INDEX_KNOWLEDGE_H_
#define VANBAN_INDEX_KNOWLEDGE_H_

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::index {

// A document of the corpus that is the cited directive itself.
struct LinkedDocument {
  std::string id;
  std::string title;
  std::string date;
  double confidence = 0;  // 1 = same symbol and date
  // How the link was made: "symbol_and_date"; "symbol" (a date is
  // missing); "draft" (a blank number "Số: /UBND-TH" with the same symbol
  // suffix, a compatible date and type, and a similar subject).
  std::string how;
};

struct DirectiveEntity {
  std::string key;         // "34-ct/tw@2014-04-07"
  std::string symbol;      // "34-CT/TW"
  std::string symbol_key;  // "34-ct/tw"
  std::string type;        // best known, merged over all citations
  std::string date;        // ISO, from the key
  std::string issuer;
  std::string subject;
  // Other keys whose citations are this directive (an undated mention when
  // only one dated directive has the symbol).
  std::vector<std::string> aliases;
  std::vector<LinkedDocument> documents;
};

struct CampaignVariant {
  std::string name;
  int documents = 0;
  bool local = false;
};

struct CampaignEntity {
  std::string id;
  std::string name;  // the national name if seen, else the most common
  std::vector<CampaignVariant> variants;
  std::vector<std::string> launchers;
};

std::string encode(const DirectiveEntity& d);
std::string encode(const CampaignEntity& c);
std::optional<DirectiveEntity> decode_directive(std::string_view json);
std::optional<CampaignEntity> decode_campaign(std::string_view json);

// What changed in the corpus since the knowledge base was last refreshed.
struct KnowledgeChanges {
  std::set<std::string> symbols;     // symbol keys cited by, or owned by, a changed document
  std::set<std::string> campaigns;   // campaign ids
  std::set<std::string> unnumbered;  // "/ubnd-th" of changed unnumbered drafts
  void merge(KnowledgeChanges&& other);
  bool empty() const { return symbols.empty() && campaigns.empty() && unnumbered.empty(); }
};

// Rebuilds the directive entries of these symbol keys from the documents
// of `corpus` citing them (and the corpus documents that are them), in
// `catalog`'s user metadata. Does not commit. `corpus` and `catalog` are
// the same database for an unsharded index; for a sharded one, `corpus`
// opens every shard and `catalog` is the catalog (see layout.h).
void refresh_directives(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                        const std::set<std::string>& symbol_keys);

// Rebuilds the entries of these campaign ids. Does not commit.
void refresh_campaigns(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                       const std::set<std::string>& ids);

// Both of the above for `changes`, after adding the cited symbols that end
// with a changed draft's unnumbered suffix. Does not commit.
void refresh_knowledge(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                       KnowledgeChanges changes);

// Adds `delta` to the spelling frequency of `word` (removes for a negative
// one). Returns whether anything changed. Does not commit.
bool change_spelling(Xapian::WritableDatabase& db, const std::string& word, long long delta);

// Makes `catalog`'s spelling dictionary the sum of the shards' (each shard
// keeps its own in step with its documents, commit by commit, so the sum
// is always right to rebuild from). Returns how many words changed. Does
// not commit.
std::size_t sync_spelling(const std::vector<std::string>& shard_paths,
                          Xapian::WritableDatabase& catalog);

// The sentence of `text` around bytes [start, end): from the previous
// sentence end ('.', ';' or a line break) to the next one.
std::string sentence_around(std::string_view text, std::size_t start, std::size_t end);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_KNOWLEDGE_H_
