// Keeping the index in step with the inputs: re-indexing is idempotent (one
// Xapian document per id, replaced through its "Q" term), unchanged
// documents are not rewritten, documents whose input is gone are removed,
// batches are committed with what the knowledge base must refresh, and the
// spelling dictionary follows the documents. Documents themselves are
// built by document_builder.h.
#ifndef VANBAN_INDEX_WRITER_H_
#define VANBAN_INDEX_WRITER_H_

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vanban/doc/record.h"
#include "vanban/index/document_builder.h"
#include "vanban/index/knowledge.h"
#include "vanban/text/tokenize.h"

namespace vanban::index {

// A record made ready for the writer away from it: its id term, stored
// data digest and, unless it is known to be unchanged, its Xapian
// document. Preparing is the costly part (tokenizing, citations), so it
// runs on another thread than writing.
struct PreparedDocument {
  doc::DocumentRecord record;
  std::string root_key;
  std::string data;    // encode_record(record)
  std::string digest;  // content_digest(data, root_key)
  std::optional<Xapian::Document> document;  // empty: unchanged when prepared
  std::optional<DocumentFootprint> footprint;  // of `document`
};

// Prepares documents. Not thread-safe: one per thread. Reads the index at
// `db_path` (if it exists yet) to skip the work for documents already
// indexed unchanged in the last commit.
class DocumentPreparer {
 public:
  explicit DocumentPreparer(std::string db_path = {});
  // With `build` false, only the digest: the writer then builds the
  // document itself if it changed (how several shard writers share the
  // preparing work).
  PreparedDocument prepare(doc::DocumentRecord record, std::string root_key, bool build = true);

 private:
  bool unchanged_in_index(const std::string& id_term, const std::string& digest);

  std::string db_path_;
  std::optional<Xapian::Database> committed_;
  std::size_t since_reopen_ = 0;
  text::Tokenizer tokenizer_;
};

struct WriterOptions {
  // Documents per commit. A crash loses at most one batch, which the next
  // run re-indexes. Default is 1000.
  std::size_t documents_per_commit = 1000;
};

// Owns the writable database. Not thread-safe. Throws Xapian::Error if the
// database cannot be opened or created (e.g. locked by another writer).
class IndexWriter {
 public:
  enum class Outcome { kAdded, kUpdated, kUnchanged };

  IndexWriter(const std::string& db_path, const WriterOptions& options);
  ~IndexWriter();  // commits what is pending; errors there are swallowed
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds or replaces the document with `record.id`, found under `root_key`.
  Outcome put(const doc::DocumentRecord& record, std::string_view root_key);
  // The same for a document prepared on another thread.
  Outcome put(PreparedDocument prepared);

  // Marks the documents read from input `input_id` as still present
  // without touching them (e.g. its file is temporarily unreadable), so
  // remove_missing() keeps them: the document with that id, and the parts
  // of a gazette issue split from it (doc/loader.h records_of_input).
  void keep(std::string_view input_id);

  // Deletes the documents found under `root_key` that were neither put nor
  // kept by this writer: all of the root's, or with `id` only the document
  // of that id or the parts split from it (input_term) and those under it
  // as a directory ("a/b" and "a/b/..."; for ids longer than a term, as far
  // as id_term() keeps them). Returns how many were deleted.
  std::size_t remove_missing(std::string_view root_key, std::string_view id = {});

  // Rebuilds the directive and campaign entries whose documents changed
  // since the last call, then commits. For an unsharded index, where the
  // database is its own catalog.
  void refresh_knowledge();

  // What changed since the last call, including what earlier runs left
  // pending in the database; their pending marks are cleared at the next
  // commit. For a sharded index, whose catalog is refreshed from all
  // shards at once.
  KnowledgeChanges take_changes();

  // Commits the pending batch, with the knowledge-base keys it touched
  // marked pending in the database until a refresh takes them.
  void commit();
  Xapian::doccount document_count() const { return db_.get_doccount(); }
  Xapian::WritableDatabase& database() { return db_; }

 private:
  void mark_seen(Xapian::docid id);
  bool seen(Xapian::docid id) const { return id < seen_.size() && seen_[id]; }
  std::size_t remove_documents(const std::vector<Xapian::docid>& ids);
  void after_write();
  void account(DocumentFootprint&& footprint, bool added);
  void apply_spelling();

  WriterOptions options_;
  Xapian::WritableDatabase db_;
  text::Tokenizer tokenizer_;
  std::vector<bool> seen_;  // by Xapian docid: bounded, ~1 bit per document
  std::size_t pending_ = 0;
  KnowledgeChanges changes_;  // since the last take_changes()
  // Spelling frequency changes of the pending batch, applied at commit:
  // one Xapian call per word instead of one per word per document.
  std::unordered_map<std::string, int> spelling_delta_;
};

}  // namespace vanban::index

#endif  // VANBAN_INDEX_WRITER_H_
