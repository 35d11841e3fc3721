// The fields that say which document a result row is, as staff cite it
// (type, symbol, issuer, date), copied from what the index stores (a
// doc::DocumentRecord, an index::DirectiveEntity) into the rows the
// services answer with (ComparedDocument, ImplementationNode, ...), in one
// place. Private to the search module. Thread-safe (a pure function).
#ifndef VANBAN_SEARCH_HEADER_FIELDS_H_
#define VANBAN_SEARCH_HEADER_FIELDS_H_

namespace vanban::search {

// Sets `to`'s type, symbol, issuer and date from `from`'s fields of those
// names.
template <typename From, typename To>
void copy_header_fields(const From& from, To& to) {
  to.type = from.type;
  to.symbol = from.symbol;
  to.issuer = from.issuer;
  to.date = from.date;
}

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_HEADER_FIELDS_H_
