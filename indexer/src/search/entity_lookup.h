// Finding the knowledge base's entities from the read side: a directive by
// key, alias or typed symbol; the directives a document is; the documents
// citing a directive. Private to the search module (knowledge_service.cc,
// implementation.cc). `catalog` holds the knowledge base (see
// index/layout.h); `db` the documents. Not thread-safe beyond what the
// databases are (use each thread's own handles).
#ifndef VANBAN_SEARCH_ENTITY_LOOKUP_H_
#define VANBAN_SEARCH_ENTITY_LOOKUP_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/index/entity.h"
#include "vanban/index/record_codec.h"

namespace vanban::search {

// The entity stored under `key`; std::nullopt if none (or corrupt).
std::optional<index::DirectiveEntity> load_directive(const Xapian::Database& catalog,
                                                     std::string_view key);

// The entity for a key ("34-ct/tw@2014-04-07"), an alias (undated) or a
// symbol as typed ("34-CT/TW") when only one directive has it.
std::optional<index::DirectiveEntity> resolve(const Xapian::Database& catalog, std::string_view raw);

// The stored document `id` of `db`, if it decodes.
std::optional<index::StoredDocument> stored(const Xapian::Database& db, Xapian::docid id);

// The documents citing directive `d` (its key or an alias).
std::vector<Xapian::docid> citing_docids(const Xapian::Database& db, const index::DirectiveEntity& d);

// Directive keys whose entity lists document `s` as being it.
std::vector<std::string> directives_of_document(const Xapian::Database& catalog,
                                                const index::StoredDocument& s);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_ENTITY_LOOKUP_H_
