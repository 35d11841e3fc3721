// A document as the index stores it, looked up by its id: what the read
// services that work on whole documents (comparison, obligations) start
// from.
#ifndef VANBAN_SEARCH_STORED_DOCUMENT_H_
#define VANBAN_SEARCH_STORED_DOCUMENT_H_

#include <xapian.h>

#include <string_view>

#include "vanban/index/record_codec.h"
#include "vanban/status.h"

namespace vanban::search {

// The stored document `id` of `db`: kNotFound ("no document with this id",
// detail the id) when there is none, kCorruption when its data does not
// decode. Throws what Xapian throws (see IndexReader::with_database).
Result<index::StoredDocument> stored_document(const Xapian::Database& db, std::string_view id);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_STORED_DOCUMENT_H_
