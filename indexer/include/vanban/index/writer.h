// Turning DocumentRecords into Xapian documents and keeping the index in
// step with the inputs: re-indexing is idempotent (one Xapian document per
// id, replaced through its "Q" term), unchanged documents are not
// rewritten, documents whose input is gone are removed, and the knowledge
// base (directives, campaigns) is refreshed for what changed.
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
#include "vanban/index/knowledge.h"
#include "vanban/text/campaign.h"
#include "vanban/text/citation.h"
#include "vanban/text/tokenize.h"

namespace vanban::index {

// What the index stores for a document: the record and what was read from
// its text.
struct StoredDocument {
  doc::DocumentRecord record;
  std::vector<text::Citation> citations;
  std::vector<text::CampaignMention> campaigns;
};

// The record as JSON, the document data stored in Xapian; encode_stored
// adds the citations and campaigns.
std::string encode_record(const doc::DocumentRecord& record);
std::string encode_stored(const StoredDocument& stored);
// Inverse of encode_stored() (and of encode_record(), with no citations).
// Throws std::runtime_error on corrupt data.
StoredDocument decode_stored(std::string_view data);
doc::DocumentRecord decode_record(std::string_view data);

// Builds the Xapian document for `record` (see schema.h for the terms).
// `tokenizer` must scan symbols strictly (document text, not queries).
Xapian::Document make_document(const doc::DocumentRecord& record,
                               std::string_view root_key,
                               text::Tokenizer& tokenizer);

// What a document contributes to data derived from all documents: the
// words of the spelling dictionary, the knowledge-base keys it touches.
struct DocumentFootprint {
  std::vector<std::string> words;  // one entry per distinct term
  KnowledgeChanges knowledge;
};
DocumentFootprint footprint_of(const Xapian::Document& doc);

// A record made ready for the writer away from it: its id term, stored
// data digest and, unless it is known to be unchanged, its Xapian
// document. Preparing is the costly part (tokenizing, citations), so it
// runs on another thread than writing.
struct PreparedDocument {
  doc::DocumentRecord record;
  std::string root_key;
  std::string data;    // encode_record(record)
  std::string digest;  // of data, root and schema version
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
  std::size_t batch_size = 1000;
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

  // Marks `id` as still present without touching it (e.g. its file is
  // temporarily unreadable), so remove_missing() keeps it.
  void keep(std::string_view id);

  // Deletes the documents found under `root_key` that were neither put nor
  // kept by this writer. Returns how many were deleted.
  std::size_t remove_missing(std::string_view root_key);

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
