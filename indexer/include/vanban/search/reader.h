// Read access to one index from many threads: every calling thread gets
// its own Xapian::Database (Xapian objects are not thread-safe), opened on
// first use and reopen()ed before each request so readers see what the
// indexer commits without a restart.
#ifndef VANBAN_SEARCH_READER_H_
#define VANBAN_SEARCH_READER_H_

#include <xapian.h>

#include <cstdint>
#include <string>

namespace vanban::search {

class IndexReader {
 public:
  // Opens `db_path` once to check it. Throws Xapian::DatabaseOpeningError
  // (or another Xapian::Error) if it is not a usable index.
  explicit IndexReader(std::string db_path);

  const std::string& path() const { return path_; }

  // Runs `fn(db)` with this thread's database, reopened first. When a
  // writer's commits invalidate the snapshot mid-read
  // (Xapian::DatabaseModifiedError), reopens and runs `fn` again, up to
  // three times.
  template <class Fn>
  auto with_database(Fn&& fn) const -> decltype(fn(std::declval<Xapian::Database&>())) {
    for (int attempt = 1;; ++attempt) {
      Xapian::Database& db = thread_database();
      try {
        db.reopen();
        return fn(db);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 3) throw;
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
