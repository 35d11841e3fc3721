// The read side of typed relations between documents (text/relation.h):
// for a directive, what other documents state about it (incoming), what it
// states itself (outgoing), its status as of a date (index/status.h), and
// the tree of documents that carry it out down the chain (Bộ Chính trị →
// Tỉnh ủy → UBND tỉnh → Sở). Used by KnowledgeService; thread-compatible
// (the databases are the calling thread's).
#ifndef VANBAN_SEARCH_RELATIONS_H_
#define VANBAN_SEARCH_RELATIONS_H_

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/index/entity.h"
#include "vanban/index/record_codec.h"
#include "vanban/index/status.h"

namespace vanban::search {

// One typed relation, seen from a directive: its type and scope, the date
// it takes effect, the sentence that states it, and the document at the
// other end (the stating document for an incoming edge; the target, and
// its corpus document when there is one, for an outgoing edge).
struct RelationEdge {
  std::string type;        // "replaces", "implements", ... (text::to_string)
  std::string scope;       // "whole" | "part"
  std::string scope_text;  // "khoản 1 Điều 3" when part
  std::string date;        // ISO, "" when the text gives none
  std::string sentence;
  std::size_t start = 0;   // code points of `sentence` in the stating document's text
  std::size_t end = 0;
  std::string id;          // the corpus document at the other end, "" if none
  std::string title;
  std::string doc_date;
  std::string doc_type;
  std::string symbol;      // as printed: "60/2018/NĐ-CP"
  std::string key;         // directive key of the target, or the stating document's own
};

// A document of an implementation chain, or the directive at its root.
struct ImplementationNode {
  std::string key;     // directive key when the node is one ("34-ct/tw@2014-04-07"), ""
  std::string symbol;  // "34-CT/TW", "1954/UBND-TH", "" (a document without a number)
  std::string type;
  std::string issuer;
  std::string date;
  std::string id;      // its corpus document, "" when the corpus does not have it
  std::string title;
  // How it attaches to its parent: "implements", "continues"; "" at the root.
  std::string relation;
  std::string sentence;  // the sentence that says so
  std::vector<ImplementationNode> children;
};

// The stored documents of one answer, each decoded once: the parts of a
// directive's page (status, relations, implementation, citing sentences)
// read the same documents. Not thread-safe; lives as long as the answer.
class StoredDocs {
 public:
  explicit StoredDocs(const Xapian::Database& db) : db_(db) {}
  StoredDocs(const StoredDocs&) = delete;
  StoredDocs& operator=(const StoredDocs&) = delete;

  const Xapian::Database& db() const { return db_; }
  // Document `id`, or nullptr if it does not decode.
  const index::StoredDocument* get(Xapian::docid id);

 private:
  const Xapian::Database& db_;
  std::map<Xapian::docid, std::optional<index::StoredDocument>> decoded_;
};

// Documents whose text states a typed relation (not `cites`) to `d`.
std::vector<RelationEdge> incoming_relations(StoredDocs& docs, const index::DirectiveEntity& d);

// The typed relations that the corpus documents that are `d` state.
std::vector<RelationEdge> outgoing_relations(const Xapian::Database& db,
                                             const Xapian::Database& catalog,
                                             const index::DirectiveEntity& d);

// The evidence for `d`'s status (index::status_as_of): what changed its
// effect, its own effect clause (from its corpus documents), and the latest
// date a corpus document applied it by `as_of`.
index::StatusEvidence status_evidence(const Xapian::Database& db, const index::DirectiveEntity& d,
                                      std::string_view as_of);

// The documents that implement or continue `d`, and what implements those,
// as a tree rooted at `d` (at most kMaxImplementationDepth levels). A
// document appears once, under its most specific parent (a Sở letter that
// carries out both the Politburo's directive and the province's letter on
// it hangs under the letter); cycles are cut.
inline constexpr int kMaxImplementationDepth = 6;
ImplementationNode implementation_tree(StoredDocs& docs, const Xapian::Database& catalog,
                                       const index::DirectiveEntity& d);

// Today's date, ISO, in the server's local time: the default as_of.
std::string today_iso();

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_RELATIONS_H_
