// The knowledge base's entities, as stored beside the documents (see
// knowledge.h): directives, which exist as soon as any document cites them,
// and campaigns, grouping local variants under one id.
#ifndef VANBAN_INDEX_ENTITY_H_
#define VANBAN_INDEX_ENTITY_H_

#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

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

// The stored form (JSON, see vanban/json.h) and back. Decoding fails with
// kCorruption on data that is not such an entity.
std::string encode(const DirectiveEntity& d);
std::string encode(const CampaignEntity& c);
Result<DirectiveEntity> decode_directive(std::string_view json);
Result<CampaignEntity> decode_campaign(std::string_view json);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_ENTITY_H_
