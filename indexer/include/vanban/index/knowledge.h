// The knowledge base kept beside the documents in the same Xapian database
// (as user metadata, so it is replicated, sharded and committed with them):
// the entities of entity.h, rebuilt for what changed after each indexing
// run.
#ifndef VANBAN_INDEX_KNOWLEDGE_H_
#define VANBAN_INDEX_KNOWLEDGE_H_

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/index/entity.h"

namespace vanban::index {

// What changed in the corpus since the knowledge base was last refreshed.
struct KnowledgeChanges {
  std::set<std::string> symbols;     // symbol keys cited by, or owned by, a changed document
  std::set<std::string> campaigns;   // campaign ids
  std::set<std::string> unnumbered;  // "/ubnd-th" of changed unnumbered drafts
  void merge(KnowledgeChanges&& other);
  bool empty() const { return symbols.empty() && campaigns.empty() && unnumbered.empty(); }
};

// Rebuilds the directive entries of these symbol keys from the documents
// of `corpus` citing them (and the corpus documents that are them), in
// `catalog`'s user metadata. Does not commit. `corpus` and `catalog` are
// the same database for an unsharded index; for a sharded one, `corpus`
// opens every shard and `catalog` is the catalog (see layout.h).
void refresh_directives(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                        const std::set<std::string>& symbol_keys);

// Rebuilds the entries of these campaign ids. Does not commit.
void refresh_campaigns(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                       const std::set<std::string>& ids);

// Both of the above for `changes`, after adding the cited symbols that end
// with a changed draft's unnumbered suffix. Does not commit.
void refresh_knowledge(const Xapian::Database& corpus, Xapian::WritableDatabase& catalog,
                       KnowledgeChanges changes);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_KNOWLEDGE_H_
