// "Có phải bạn muốn tìm": the query a user probably meant. Thread-safe as
// the databases are (use each thread's own handles and tokenizer).
#ifndef VANBAN_SEARCH_SUGGESTION_H_
#define VANBAN_SEARCH_SUGGESTION_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "vanban/search/query_builder.h"
#include "vanban/text/tokenize.h"

namespace vanban::search {

// Edit distance of `a` and `b` (bytes) where swapping two adjacent bytes
// counts as one edit ("khoe" -> "kheo": 1), as typists swap letters.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The query `parsed` rewritten, or "" when nothing needs correcting:
//   - in an unaccented query, a word never seen after the word before it
//     (known elsewhere or not) becomes the nearest word that does follow
//     it there (pair terms of `db`; one edit, a letter changed or two
//     swapped, for words up to 5 bytes, two edits above):
//     "dan van khoe" -> "dan van kheo";
//   - a word the index does not know becomes the spelling dictionary's
//     nearest word in `catalog` (edit distance up to 2; the exact spelling
//     for accented queries: "thưởnh" -> "thưởng");
//   - an unaccented suggestion is then written with the accents of a
//     document that has it as a phrase ("dân vận khéo"); words no document
//     has together stay unaccented.
// `tokenizer` must be a document-text tokenizer (it reads that document).
std::string suggest(const Xapian::Database& db, const Xapian::Database& catalog,
                    const ParsedQuery& parsed, text::Tokenizer& tokenizer);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_SUGGESTION_H_
