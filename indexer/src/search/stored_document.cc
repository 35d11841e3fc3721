#include "vanban/search/stored_document.h"

#include <string>

#include "vanban/index/schema.h"

namespace vanban::search {

Result<index::StoredDocument> stored_document(const Xapian::Database& db, std::string_view id) {
  const Status unknown = Status::not_found("no document with this id", std::string(id));
  const std::string term = index::id_term(id);
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return unknown;
  Result<index::StoredDocument> s = index::decode_stored(db.get_document(*p).get_data());
  if (!s) return s.status();
  if (s->record.id != id) return unknown;  // a hashed id term that collided
  return s;
}

}  // namespace vanban::search
