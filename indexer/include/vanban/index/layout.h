// Where an index lives on disk, for one database or for shards.
//
//   one database   DIR is a Xapian glass database holding the documents,
//                  the knowledge base and the spelling dictionary.
//   N shards       DIR/XAPIANDB  a Xapian stub database listing the shards;
//                                Xapian::Database(DIR) opens them as one
//                  DIR/shard-K   the documents whose id hashes to K
//                                (shard_of), each with its own spelling
//                  DIR/catalog   no documents: the knowledge base (user
//                                metadata) and the spelling dictionary
//                                merged over all shards
//
// Searching needs the documents (the stub, or any stub naming the same
// shards, local or "remote HOST:PORT" served by xapian-tcpsrv) and the
// catalog, which is small and kept local: Xapian's remote backend serves
// neither spelling suggestions nor a merged view of user metadata.
#ifndef VANBAN_INDEX_LAYOUT_H_
#define VANBAN_INDEX_LAYOUT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::index {

inline constexpr std::string_view kStubFile = "XAPIANDB";
inline constexpr std::string_view kCatalogDir = "catalog";

struct IndexLayout {
  std::string root;                      // DIR
  std::vector<std::string> shard_paths;  // one entry (DIR itself) when unsharded
  std::string catalog_path;              // DIR itself when unsharded
  bool sharded() const { return shard_paths.size() > 1 || shard_paths.front() != root; }
};

// The shard of document `id` among `shards`: FNV-1a of the id, modulo.
// Stable across runs, machines and versions: changing it would move
// documents between shards.
std::size_t shard_of(std::string_view id, std::size_t shards);

// How many shards the index at `dir` has: 0 if there is no index there yet,
// 1 for a single database, N for a sharded one. Throws std::runtime_error
// if DIR/XAPIANDB exists but was not written by vanban-index.
std::size_t existing_shards(const std::string& dir);

// The layout for `dir` with `requested` shards (0: keep what exists, or 1
// for a new index), creating the directories and the stub. Throws
// std::runtime_error if the index already exists with another number of
// shards: documents are placed by shard_of(id, N), so changing N means
// indexing into a new directory.
IndexLayout prepare_layout(const std::string& dir, std::size_t requested);

// The layout of the index that exists at `dir`, creating nothing: an
// empty `shard_paths` when there is none. Throws std::runtime_error as
// existing_shards() does.
IndexLayout existing_layout(const std::string& dir);

// Writes a compacted copy of the database at `source` into `dest` (which
// must not exist), from one committed revision, document ids kept. A
// writer may go on committing meanwhile: when it overwrites the revision
// being copied (Xapian::DatabaseModifiedError) the copy starts again, up to
// kCopyAttempts times. Throws Xapian::Error.
inline constexpr int kCopyAttempts = 10;
void compact_copy(const std::string& source, const std::string& dest);

// Rewrites the database at `path` compacted, as xapian-compact does: full
// B-tree blocks instead of the half-full ones that batch after batch of
// commits leave. Writes <path>.compact, then swaps it in with two renames
// (<path> -> <path>.old, <path>.compact -> <path>) and removes the old
// copy. No writer may have the database open. Throws Xapian::Error or
// std::filesystem::filesystem_error; the database is then unchanged, or
// restored by recover_compaction().
void compact_in_place(const std::string& path);

// Completes or undoes a compact_in_place() that a crash interrupted;
// nothing to do otherwise. The indexer calls it before opening `path`.
void recover_compaction(const std::string& path);

// What a reader opens for the catalog of the index at `db_path` (a
// directory, or a stub file): "<dir>/catalog" if it exists, else
// `db_path` itself (a single database holds its own knowledge base).
std::string catalog_path(const std::string& db_path);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_LAYOUT_H_
