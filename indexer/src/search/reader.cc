#include "vanban/search/reader.h"

#include <atomic>
#include <memory>
#include <unordered_map>

namespace vanban::search {
namespace {
std::atomic<std::uint64_t> next_serial{1};
}  // namespace

IndexReader::IndexReader(std::string db_path) : path_(std::move(db_path)), serial_(next_serial++) {
  Xapian::Database check(path_);  // throws if it is not an index
  (void)check;
}

Xapian::Database& IndexReader::thread_database() const {
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<Xapian::Database>> handles;
  auto& slot = handles[serial_];
  if (!slot) slot = std::make_unique<Xapian::Database>(path_);
  return *slot;
}

}  // namespace vanban::search
