#include "vanban/index/backup.h"

#include <chrono>
#include <filesystem>

#include "vanban/index/layout.h"

namespace vanban::index {
namespace fs = std::filesystem;
namespace {

Status check_destination(const fs::path& dest) {
  std::error_code ec;
  if (!fs::exists(dest, ec)) return Status::ok();
  if (fs::is_directory(dest, ec) && fs::is_empty(dest, ec)) return Status::ok();
  return Status::invalid_argument("backup directory is not empty", dest.string());
}

std::uintmax_t bytes_under(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

// Each database of `layout` into the same place under `copy`.
std::size_t copy_databases(const IndexLayout& layout, const fs::path& copy) {
  if (!layout.sharded()) {
    compact_copy(layout.root, copy.string());
    return 1;
  }
  fs::create_directories(copy);
  const fs::path root(layout.root);
  for (const std::string& shard : layout.shard_paths) {
    compact_copy(shard, (copy / fs::path(shard).lexically_relative(root)).string());
  }
  compact_copy(layout.catalog_path, (copy / kCatalogDir).string());
  fs::copy_file(root / kStubFile, copy / kStubFile);
  return layout.shard_paths.size() + 1;
}

}  // namespace

Result<BackupStats> backup_index(const std::string& db_path, const std::string& dest) {
  const auto started = std::chrono::steady_clock::now();
  const IndexLayout layout = existing_layout(db_path);
  if (layout.shard_paths.empty()) return Status::not_found("no index", db_path);
  fs::path target = fs::path(dest).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();  // "DIR/"
  if (Status s = check_destination(target); !s.is_ok()) return s;
  const fs::path partial = target.string() + ".partial";
  fs::remove_all(partial);  // what an interrupted backup left
  BackupStats stats;
  stats.databases = copy_databases(layout, partial);
  fs::remove(target);  // an empty directory, if any
  fs::rename(partial, target);
  stats.documents = Xapian::Database(target.string()).get_doccount();
  stats.bytes = bytes_under(target);
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace vanban::index
