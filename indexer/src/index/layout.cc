#include "vanban/index/layout.h"

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <xapian.h>

#include "vanban/hash.h"
#include "vanban/index/schema.h"

namespace vanban::index {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kStubHeader = "# vanban shards: ";
constexpr std::string_view kShardPrefix = "shard-";

std::string shard_name(std::size_t k) { return std::string(kShardPrefix) + std::to_string(k); }

}  // namespace

std::size_t shard_of(std::string_view id, std::size_t shards) {
  if (shards <= 1) return 0;
  return static_cast<std::size_t>(vanban::fnv1a64(id) % shards);
}

std::size_t existing_shards(const std::string& dir) {
  const fs::path stub = fs::path(dir) / kStubFile;
  std::error_code ec;
  if (fs::exists(stub, ec)) {
    std::ifstream in(stub);
    std::string first;
    std::getline(in, first);
    if (first.compare(0, kStubHeader.size(), kStubHeader) != 0) {
      throw std::runtime_error(stub.string() + " was not written by vanban-index");
    }
    const std::size_t n = std::stoul(first.substr(kStubHeader.size()));
    if (n < 2) throw std::runtime_error(stub.string() + ": bad shard count");
    return n;
  }
  // A glass database has iamglass; anything else there is not ours to judge
  // here: Xapian reports it when opening.
  return fs::exists(fs::path(dir) / "iamglass", ec) ? 1 : 0;
}

namespace {

// The paths of an index of `n` shards at `dir` (none for n = 0).
IndexLayout layout_of(const std::string& dir, std::size_t n) {
  IndexLayout layout;
  layout.root = dir;
  layout.catalog_path = dir;
  if (n == 1) layout.shard_paths = {dir};
  if (n <= 1) return layout;
  for (std::size_t k = 0; k < n; ++k) {
    layout.shard_paths.push_back((fs::path(dir) / shard_name(k)).string());
  }
  layout.catalog_path = (fs::path(dir) / kCatalogDir).string();
  return layout;
}

}  // namespace

IndexLayout existing_layout(const std::string& dir) { return layout_of(dir, existing_shards(dir)); }

IndexLayout prepare_layout(const std::string& dir, std::size_t requested) {
  const std::size_t existing = existing_shards(dir);
  const std::size_t n = requested != 0 ? requested : (existing != 0 ? existing : 1);
  if (existing != 0 && existing != n) {
    throw std::runtime_error("the index at " + dir + " has " + std::to_string(existing) +
                             " shard(s), not " + std::to_string(n) +
                             ": index into a new directory to change the number of shards");
  }
  IndexLayout layout = layout_of(dir, n);
  if (n == 1) return layout;
  fs::create_directories(dir);
  if (existing == 0) {
    // Renamed into place, so a reader never sees half a stub. Until the
    // indexer first opens them for writing, the shards it names do not
    // exist yet, and opening the index fails with a clear Xapian error.
    const fs::path stub = fs::path(dir) / kStubFile;
    const fs::path tmp = fs::path(dir) / (std::string(kStubFile) + ".tmp");
    {
      std::ofstream out(tmp, std::ios::trunc);
      out << kStubHeader << n << '\n'
          << "# Xapian stub database: Xapian::Database(\"" << dir
          << "\") searches these shards as one.\n";
      for (std::size_t k = 0; k < n; ++k) out << "auto " << shard_name(k) << '\n';
      if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    fs::rename(tmp, stub);
  }
  return layout;
}

void compact_copy(const std::string& source, const std::string& dest) {
  for (int attempt = 1;; ++attempt) {
    try {
      Xapian::Database(source).compact(dest, Xapian::DBCOMPACT_NO_RENUMBER);
      return;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kCopyAttempts) throw;
      fs::remove_all(dest);  // half a copy
    }
  }
}

void compact_in_place(const std::string& path) {
  const fs::path db(path);
  const fs::path fresh = db.string() + ".compact";
  const fs::path old = db.string() + ".old";
  fs::remove_all(fresh);
  compact_copy(path, fresh.string());
  fs::rename(db, old);
  fs::rename(fresh, db);
  fs::remove_all(old);
}

void recover_compaction(const std::string& path) {
  const fs::path db(path);
  const fs::path fresh = db.string() + ".compact";
  const fs::path old = db.string() + ".old";
  std::error_code ec;
  if (!fs::exists(db, ec) && fs::exists(old, ec)) {
    // Killed between the two renames: the old copy is complete.
    fs::rename(old, db);
  }
  fs::remove_all(old, ec);    // the swap was done: the old copy is garbage
  fs::remove_all(fresh, ec);  // a compaction that did not finish
}

std::string catalog_path(const std::string& db_path) {
  std::error_code ec;
  const fs::path p(db_path);
  const fs::path dir = fs::is_directory(p, ec) ? p : p.parent_path();
  const fs::path catalog = dir / kCatalogDir;
  if (fs::exists(catalog / "iamglass", ec)) return catalog.string();
  return db_path;
}

}  // namespace vanban::index
