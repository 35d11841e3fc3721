// Header fields of Vietnamese administrative documents and web articles,
// read from the text itself (Nghị định 30/2020/NĐ-CP lays out the header of
// an official document: issuer, "Số:", "V/v", place and date).
#ifndef VANBAN_DOC_METADATA_H_
#define VANBAN_DOC_METADATA_H_

#include <string>
#include <string_view>

#include "vanban/doc/record.h"

namespace vanban::doc {

// Fills the empty fields of `record` (title, date, type, symbol, issuer,
// subject, recipients, distribution list, signer) from `record.text`;
// fields already set (e.g. from JSONL) are kept. Never throws on odd text:
// a field that cannot be read stays empty.
void fill_metadata(DocumentRecord& record);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_METADATA_H_
