// What the index stores as a document's data: the record and what was read
// from its text (citations, campaigns), as JSON (see vanban/json.h), then
// a NUL byte and the text itself. The writer encodes it; every reader
// decodes it, without needing the writer.
#ifndef VANBAN_INDEX_RECORD_CODEC_H_
#define VANBAN_INDEX_RECORD_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include "vanban/doc/record.h"
#include "vanban/status.h"
#include "vanban/text/campaign.h"
#include "vanban/text/citation.h"
#include "vanban/text/contents.h"
#include "vanban/text/relation.h"

namespace vanban::index {

struct StoredDocument {
  doc::DocumentRecord record;
  std::vector<text::Citation> citations;
  std::vector<text::CampaignMention> campaigns;
  // What a campaign document asks (empty for other documents).
  text::CampaignContents contents;
  // The typed relations it states (cites for every other citation) and
  // the date it takes effect, from its own words.
  std::vector<text::Relation> relations;
  text::EffectiveFrom effective;
};

// The record alone (its fields as JSON, NUL, its text): what a document's
// content digest is made of.
std::string encode_record(const doc::DocumentRecord& record);
// The whole stored document: the record plus "citations", "campaigns",
// "contents", "relations" and "effective".
std::string encode_stored(const StoredDocument& stored);

// Inverse of encode_stored() (and of encode_record(), with no citations);
// data written before schema 12 (all JSON) decodes too. kCorruption if
// `data` is not a stored document.
Result<StoredDocument> decode_stored(std::string_view data);
Result<doc::DocumentRecord> decode_record(std::string_view data);

// The typed relations of a document (kCites left out) as JSON, for the
// kRelationsSlot value, and back ("" decodes to none).
std::string encode_relations(const std::vector<text::Relation>& relations);
Result<std::vector<text::Relation>> decode_relations(std::string_view data);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_RECORD_CODEC_H_
