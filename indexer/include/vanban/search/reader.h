// Read access to one index from many threads: every calling thread gets
// its own Xapian::Database (Xapian objects are not thread-safe), opened on
// first use and reopen()ed before each request so readers see what the
// indexer commits without a restart.
#ifndef VANBAN_SEARCH_READER_H_
#define VANBAN_SEARCH_READER_H_

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace vanban::search {

class IndexReader {
 public:
  static constexpr int kMaxAttempts = 20;

  // Opens `db_path` once to check it. Throws Xapian::DatabaseOpeningError
  // (or another Xapian::Error) if it is not a usable index.
  explicit IndexReader(std::string db_path);

  const std::string& path() const { return path_; }

  // Runs `fn(db)` with this thread's database, reopened first. When a
  // writer's commits invalidate the snapshot mid-read
  // (Xapian::DatabaseModifiedError), reopens and runs `fn` again, up to
  // kMaxAttempts times; a writer would have to commit faster than a read
  // completes, twenty times in a row, for the error to reach the caller.
  template <class Fn>
  auto with_database(Fn&& fn) const -> decltype(fn(std::declval<Xapian::Database&>())) {
    for (int attempt = 1;; ++attempt) {
      Xapian::Database& db = thread_database();
      try {
        db.reopen();
        return fn(db);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kMaxAttempts) throw;
        // Let the writer finish its burst of commits.
        std::this_thread::sleep_for(std::chrono::milliseconds(attempt));
      }
    }
  }

 private:
  Xapian::Database& thread_database() const;

  std::string path_;
  std::uint64_t serial_;  // tells this reader's per-thread handles apart
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_READER_H_
