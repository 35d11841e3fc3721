#include "vanban/search/reader.h"

#include <sys/stat.h>

#include <atomic>
#include <charconv>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include "vanban/index/layout.h"
#include "vanban/index/schema.h"

namespace vanban::search {
namespace {
std::atomic<std::uint64_t> next_serial{1};
}  // namespace

IndexReader::IndexReader(std::string db_path, Open open)
    : path_(std::move(db_path)), serial_(next_serial++) {
  if (open == Open::kWhenThere) return;
  // Throws if either is not a database, or a remote shard cannot be reached.
  open_handles();
}

std::string IndexReader::catalog_path() const { return index::catalog_path(path_); }

Result<IndexStatus> IndexReader::status() const {
  try {
    return with_index([](Xapian::Database& db, Xapian::Database& catalog) {
      IndexStatus s;
      s.documents = db.get_doccount();
      const std::string updated = catalog.get_metadata(std::string(index::kUpdatedKey));
      std::from_chars(updated.data(), updated.data() + updated.size(), s.updated);
      return s;
    });
  } catch (const Xapian::Error& e) {
    return Status::unavailable("index unavailable", e.get_description());
  }
}

namespace {
template <class Handles>
std::unordered_map<std::uint64_t, Handles>& handles_of_this_thread() {
  thread_local std::unordered_map<std::uint64_t, Handles> handles;
  return handles;
}
}  // namespace

std::string IndexReader::identity(const Handles& h) {
  std::string id = h.documents->get_uuid();
  if (h.catalog != h.documents.get()) id += "+" + h.catalog->get_uuid();
  return id;
}

IndexReader::Reopened IndexReader::reopen(Handles& h) {
  bool newer = h.documents->reopen();
  if (h.catalog != h.documents.get()) newer |= h.catalog->reopen();
  if (identity(h) != h.identity) return Reopened::kReplaced;
  return newer ? Reopened::kNewer : Reopened::kSame;
}

IndexReader::Handles IndexReader::open_handles() const {
  Handles h;
  h.documents = std::make_unique<Xapian::Database>(path_);
  // Looked up at each opening: an index made after the reader may have one.
  if (const std::string catalog = catalog_path(); catalog != path_) {
    h.own_catalog = std::make_unique<Xapian::Database>(catalog);
    h.catalog = h.own_catalog.get();
  } else {
    h.catalog = h.documents.get();
  }
  h.identity = identity(h);
  return h;
}

std::string IndexReader::version_stamp() const {
  std::string stamp;
  const std::string catalog = catalog_path();  // an index made later may have one
  for (const std::string* dir : {&path_, &catalog}) {
    struct stat st {};
    if (::stat((*dir + "/iamglass").c_str(), &st) != 0) return {};
    // A commit renames a new version file into place (another inode, a
    // new ctime); a compacted copy swapped in is another directory.
    for (const auto n : {static_cast<std::int64_t>(st.st_dev), static_cast<std::int64_t>(st.st_ino),
                         static_cast<std::int64_t>(st.st_size), static_cast<std::int64_t>(st.st_ctim.tv_sec),
                         static_cast<std::int64_t>(st.st_ctim.tv_nsec),
                         static_cast<std::int64_t>(st.st_mtim.tv_nsec)}) {
      stamp += std::to_string(n) + ' ';
    }
    if (catalog == path_) break;
  }
  return stamp;
}

std::uint64_t IndexReader::generation() const {
  // Taken before the lock and the reopen: a commit after it changes the
  // files, so the next call looks again.
  const std::string stamp = version_stamp();
  std::lock_guard lock(watch_mutex_);
  if (!stamp.empty() && stamp == watch_stamp_ && watch_.documents) return generation_;
  watch_stamp_ = stamp;
  try {
    if (!watch_.documents) watch_ = open_handles();
    const Reopened r = reopen(watch_);
    if (r == Reopened::kReplaced) watch_ = Handles{};  // opened afresh next time
    if (r != Reopened::kSame) ++generation_;
  } catch (const Xapian::Error&) {
    // Cannot tell: assume a change, so nothing stale is served.
    watch_ = Handles{};
    ++generation_;
  }
  return generation_;
}

void IndexReader::drop_thread_handles() const {
  handles_of_this_thread<Handles>().erase(serial_);
}

IndexReader::Handles& IndexReader::thread_handles() const {
  Handles& h = handles_of_this_thread<Handles>()[serial_];
  if (!h.documents) h = open_handles();  // assigned only once both are open
  return h;
}

}  // namespace vanban::search
