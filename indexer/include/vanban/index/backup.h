// Backing up a live index (vanban-index --backup DIR): a copy taken while
// the index is searched and updated, made by Xapian's compaction, which
// reads one committed revision of each database, so each copy is
// consistent; it is also compact (full B-tree blocks). For a sharded index
// every shard, the catalog and the stub are copied: DIR is then an index
// of the same layout, ready to be searched or indexed into.
//
// Shards are copied one after another, so a backup taken during an
// indexing run may hold one shard a batch ahead of another; the next
// indexing run over the same folders brings any such copy up to date (it
// re-reads what differs and refreshes the pending knowledge base).
//
// Restoring is putting the copy in place of the index (README "Back up
// and restore").
#ifndef VANBAN_INDEX_BACKUP_H_
#define VANBAN_INDEX_BACKUP_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "vanban/status.h"

namespace vanban::index {

struct BackupStats {
  std::size_t databases = 0;       // shards and catalog copied
  Xapian::doccount documents = 0;  // in the copy
  std::uintmax_t bytes = 0;        // on disk, in the copy
  double seconds = 0;
};

// Copies the index at `db_path` to `dest`, which must not exist or be an
// empty directory. The copy is written beside it as "<dest>.partial" and
// renamed into place when complete, so `dest` is never half a backup.
// Errors: not_found if there is no index at `db_path`, invalid_argument
// if `dest` is not empty. Throws Xapian::Error and
// std::filesystem::filesystem_error for environment failures (a full disk).
Result<BackupStats> backup_index(const std::string& db_path, const std::string& dest);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_BACKUP_H_
