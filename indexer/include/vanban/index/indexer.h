// One indexing run: list the inputs, load each document, write it, remove
// what disappeared, commit. vanban-index is a command-line wrapper around
// run_index(); tests call it directly.
#ifndef VANBAN_INDEX_INDEXER_H_
#define VANBAN_INDEX_INDEXER_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "vanban/doc/loader.h"
#include "vanban/index/writer.h"

namespace vanban::index {

struct IndexJob {
  std::string db_path;  // a directory (see layout.h)
  // Shards to write, each by its own thread: 0 keeps what the index has (1
  // for a new index). See layout.h.
  std::size_t shards = 0;
  // Compact each shard after a run that wrote at least a tenth of it (a
  // first build, a re-index), as xapian-compact would.
  bool compact = true;
  std::vector<std::string> paths;  // files, directories, .jsonl files
  // Set: a partial run over these paths only (files or directories under
  // `paths` that changed, existing or gone; see doc::list_changed), which
  // removes the documents of what is gone under them and nothing else.
  // Unset: a full run over everything under `paths`.
  std::optional<std::vector<std::string>> changed;
  WriterOptions writer;
  doc::LoadOptions load;
};

struct IndexStats {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
  std::vector<doc::Skip> skips;  // every input not indexed, with why
  bool missing_path = false;     // a PATH argument does not exist
  Xapian::doccount documents = 0;  // in the index after the run
  std::size_t shards = 1;
  std::size_t compacted = 0;  // shards compacted after the run
  std::vector<std::string> warnings;  // the run completed, but ...
  // IndexCallbacks::stop_requested ended the run early: what was read is
  // committed; removals and the knowledge-base refresh wait for the next.
  bool stopped = false;
  double seconds = 0;

  std::size_t indexed() const { return added + updated; }
  // "indexed 5 (5 new, 0 updated), unchanged 0, removed 0, skipped 1
  // (invalid UTF-8: 1) in 0.08 s, 62.8 docs/s; the index has 5 documents"
  std::string summary() const;
};

struct IndexCallbacks {
  std::function<void(const doc::Skip&)> on_skip;  // as each one happens
  // Bytes of input done, bytes in all, documents processed so far.
  std::function<void(std::uintmax_t, std::uintmax_t, std::size_t)> on_progress;
  // Asked before each input: true ends the run early (IndexStats::stopped).
  std::function<bool()> stop_requested;
};

// Runs `job`: one thread reads the inputs, one thread per shard writes;
// with one shard the reading thread also tokenizes and builds the
// documents, with several each shard's thread builds its own. A bad input
// is skipped and reported; the run goes on.
// Callbacks may run on any of these threads, one at a time.
// A run that changed the index (or made it) records when, for readers
// (kUpdatedKey in the catalog).
// Throws Xapian::Error if the index cannot be opened or written, and
// std::runtime_error if it exists with another number of shards.
IndexStats run_index(const IndexJob& job, const IndexCallbacks& callbacks = {});

}  // namespace vanban::index

#endif  // VANBAN_INDEX_INDEXER_H_
