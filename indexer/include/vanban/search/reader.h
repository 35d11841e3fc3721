// Read access to one index from many threads: every calling thread gets
// its own Xapian::Database (Xapian objects are not thread-safe), opened on
// first use and reopen()ed before each request so readers see what the
// indexer commits without a restart.
//
// The index is a database directory, or a stub (a directory with XAPIANDB,
// or a stub file) naming local shards and remote ones served by
// xapian-tcpsrv; its catalog (knowledge base, spelling) is opened beside it
// (see index/layout.h).
#ifndef VANBAN_SEARCH_READER_H_
#define VANBAN_SEARCH_READER_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "vanban/status.h"

namespace vanban::search {

// What a reader can tell about its index as a whole.
struct IndexStatus {
  Xapian::doccount documents = 0;
  // When an indexing run last changed it (index::kUpdatedKey): seconds
  // since the epoch, 0 if it does not say.
  std::int64_t updated = 0;
};

class IndexReader {
 public:
  static constexpr int kMaxAttempts = 20;

  // What the constructor does about an index that cannot be opened.
  enum class Open {
    kNow,       // throw: a program that has nothing to do without it
    kWhenThere, // nothing: every use tries again, so a server can start
                // before its index exists and serve it once it does
  };

  // With Open::kNow, opens `db_path` once to check it and throws
  // Xapian::DatabaseOpeningError (or another Xapian::Error) if it is not
  // a usable index.
  explicit IndexReader(std::string db_path, Open open = Open::kNow);

  const std::string& path() const { return path_; }
  // "<dir>/catalog" if there is one now, else path() (see index/layout.h).
  std::string catalog_path() const;

  // The index's size and age, or unavailable("index unavailable", why)
  // while it cannot be opened (missing, half-written, a remote shard
  // down). Thread-safe, like with_index().
  Result<IndexStatus> status() const;

  // A number that goes up whenever the index has changed since the last
  // call (checked on a handle of its own: reopen(), and the UUIDs for a
  // compacted copy swapped in). Call it before with_index(): what that
  // then reads is at least as new, so an answer computed there may be
  // cached under this generation. For a local glass database whose
  // version files (iamglass, which every commit replaces) stat() as they
  // did at the last call, nothing is reopened: a stat() per file and a
  // short lock, so that cached answers cost no database I/O. Otherwise
  // serialized by a mutex; a few tens of microseconds for a local index,
  // a round trip per remote shard.
  std::uint64_t generation() const;

  // Runs `fn(db, catalog)` with this thread's handles on the documents and
  // on the catalog (the same object for an unsharded index), reopened
  // first. Retries as with_database() does.
  template <class Fn>
  auto with_index(Fn&& fn) const
      -> decltype(fn(std::declval<Xapian::Database&>(), std::declval<Xapian::Database&>())) {
    bool reopened_fresh = false;
    int swaps_seen = 0;
    // A database replaced under its handle (a compacted copy swapped in)
    // or a broken connection to a remote shard (xapian-tcpsrv restarted, a
    // timeout): open the handles afresh, once.
    auto reconnect_once = [&] {
      if (reopened_fresh) return false;
      reopened_fresh = true;
      drop_thread_handles();
      return true;
    };
    for (int attempt = 1;; ++attempt) {
      Handles& h = thread_handles();
      try {
        if (reopen(h) == Reopened::kReplaced && swaps_seen++ < kMaxAttempts) {
          drop_thread_handles();
          continue;
        }
        return fn(*h.documents, *h.catalog);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxAttempts) throw;
        // Let the writer finish its burst of commits.
        std::this_thread::sleep_for(std::chrono::milliseconds(attempt));
      } catch (const Xapian::DatabaseError&) {
        if (!reconnect_once()) throw;
      } catch (const Xapian::NetworkError&) {
        if (!reconnect_once()) throw;
      }
    }
  }

  // Runs `fn(db)` with this thread's database, reopened first. When a
  // writer's commits invalidate the snapshot mid-read
  // (Xapian::DatabaseModifiedError), reopens and runs `fn` again, up to
  // kMaxAttempts times; a writer would have to commit faster than a read
  // completes, twenty times in a row, for the error to reach the caller.
  template <class Fn>
  auto with_database(Fn&& fn) const -> decltype(fn(std::declval<Xapian::Database&>())) {
    return with_index([&](Xapian::Database& db, Xapian::Database&) { return fn(db); });
  }

 private:
  struct Handles {
    std::unique_ptr<Xapian::Database> documents;
    std::unique_ptr<Xapian::Database> own_catalog;  // when not the documents
    Xapian::Database* catalog = nullptr;
    std::string identity;  // the UUIDs of what the handles have open
  };
  static std::string identity(const Handles& h);
  enum class Reopened {
    kSame,
    kNewer,     // a commit since: Xapian reopened the handles
    kReplaced,  // another database at the path (a compacted copy swapped in
                // starts again at revision 1, so reopen() may miss it and mix
                // old tables with the new version file: its new UUID tells);
                // the handles must be opened afresh
  };
  static Reopened reopen(Handles& h);
  Handles open_handles() const;  // throws Xapian::Error
  Handles& thread_handles() const;
  // What stat() says of the version files of the documents and the
  // catalog; "" when either is not a local glass database (a stub, shards).
  std::string version_stamp() const;
  void drop_thread_handles() const;

  std::string path_;
  std::uint64_t serial_;  // tells this reader's per-thread handles apart
  // For generation().
  mutable std::mutex watch_mutex_;
  mutable Handles watch_;
  mutable std::uint64_t generation_ = 1;
  mutable std::string watch_stamp_;  // version_stamp() when watch_ was last reopened
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_READER_H_
