// The spelling dictionary behind "did you mean" suggestions: Xapian's own
// spelling table, counting for each word (folded and exact forms) how many
// documents have it. A single database keeps its own; a sharded index sums
// the shards' into its catalog (layout.h).
#ifndef VANBAN_INDEX_SPELLING_H_
#define VANBAN_INDEX_SPELLING_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::index {

// True for the terms whose words feed the dictionary: plain (folded) word
// terms and the word of exact ("XE...") terms, of 2 to 40 bytes, not
// starting with a digit. `term` is a term of a document.
bool is_spelling_term(std::string_view term);
// The dictionary word of such a term ("XEdân" -> "dân", "dan" -> "dan").
std::string_view spelling_word(std::string_view term);

// Adds `delta` to the frequency of `word` (removes for a negative one).
// Returns whether anything changed. Does not commit.
bool change_spelling(Xapian::WritableDatabase& db, const std::string& word, long long delta);

// Makes `catalog`'s dictionary the sum of the shards' (each shard keeps its
// own in step with its documents, commit by commit, so the sum is always
// right to rebuild from). Returns how many words changed. Does not commit.
std::size_t sync_spelling(const std::vector<std::string>& shard_paths,
                          Xapian::WritableDatabase& catalog);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_SPELLING_H_
