// From a DocumentRecord to the Xapian document the index holds: the terms
// and values of schema.h, and the stored data of record_codec.h. Both the
// writer and anything that must predict what the writer writes (digests,
// tests) use these functions.
#ifndef VANBAN_INDEX_DOCUMENT_BUILDER_H_
#define VANBAN_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "vanban/doc/record.h"
#include "vanban/index/knowledge.h"
#include "vanban/text/tokenize.h"

namespace vanban::index {

// The digest stored in kContentHashSlot: of a record's encode_record()
// data, the root it was found under and the schema version. Equal digests
// mean there is nothing to rewrite.
std::string content_digest(std::string_view record_data, std::string_view root_key);

// Builds the Xapian document for `record`, found under `root_key`, whose
// encode_record() is `record_data`: reads its citations and campaigns,
// indexes title and body, and stores it. `tokenizer` must scan symbols
// strictly (document text, not queries).
Xapian::Document build_document(const doc::DocumentRecord& record, std::string_view root_key,
                                std::string_view record_data, text::Tokenizer& tokenizer);

// The same, encoding the record itself.
Xapian::Document make_document(const doc::DocumentRecord& record, std::string_view root_key,
                               text::Tokenizer& tokenizer);

// What a document contributes to data derived from all documents: the
// words of the spelling dictionary, the knowledge-base keys it touches.
struct DocumentFootprint {
  std::vector<std::string> words;  // one entry per distinct term
  KnowledgeChanges knowledge;
};
DocumentFootprint footprint_of(const Xapian::Document& doc);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_DOCUMENT_BUILDER_H_
