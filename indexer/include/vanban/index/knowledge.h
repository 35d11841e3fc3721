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

// Rebuilds the directive entries of these symbol keys from the documents
// citing them (and the corpus documents that are them). Does not commit.
void refresh_directives(Xapian::WritableDatabase& db, const std::set<std::string>& symbol_keys);

// Rebuilds the entries of these campaign ids. Does not commit.
void refresh_campaigns(Xapian::WritableDatabase& db, const std::set<std::string>& ids);

// The sentence of `text` around bytes [start, end): from the previous
// sentence end ('.', ';' or a line break) to the next one.
std::string sentence_around(std::string_view text, std::size_t start, std::size_t end);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_KNOWLEDGE_H_
