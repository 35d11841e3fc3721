#include "vanban/index/indexer.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <set>

namespace vanban::index {

std::string IndexStats::summary() const {
  std::map<std::string_view, std::size_t> by_reason;
  for (const doc::Skip& s : skips) ++by_reason[doc::to_string(s.reason)];
  std::string reasons;
  for (const auto& [reason, n] : by_reason) {
    reasons += reasons.empty() ? " (" : ", ";
    reasons += std::string(reason) + ": " + std::to_string(n);
  }
  if (!reasons.empty()) reasons += ")";
  const std::size_t processed = indexed() + unchanged;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "indexed %zu (%zu new, %zu updated), unchanged %zu, removed %zu, "
                "skipped %zu%s in %.2f s, %.1f docs/s; the index has %u documents",
                indexed(), added, updated, unchanged, removed, skips.size(),
                reasons.c_str(), seconds,
                seconds > 0 ? static_cast<double>(processed) / seconds : 0.0, documents);
  return buf;
}

IndexStats run_index(const IndexJob& job, const IndexCallbacks& callbacks) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  auto skip = [&](doc::Skip&& s) {
    if (callbacks.on_skip) callbacks.on_skip(s);
    stats.skips.push_back(std::move(s));
  };

  std::vector<doc::Skip> listing_problems;
  const std::vector<doc::InputFile> inputs = doc::list_inputs(job.paths, listing_problems);
  for (doc::Skip& s : listing_problems) {
    stats.missing_path |= s.reason == doc::SkipReason::kNotFound;
    skip(std::move(s));
  }

  IndexWriter writer(job.db_path, job.writer);
  auto put = [&](const doc::DocumentRecord& r, const std::string& root) {
    switch (writer.put(r, root)) {
      case IndexWriter::Outcome::kAdded: ++stats.added; break;
      case IndexWriter::Outcome::kUpdated: ++stats.updated; break;
      case IndexWriter::Outcome::kUnchanged: ++stats.unchanged; break;
    }
  };

  std::uintmax_t total_bytes = 0, done_bytes = 0;
  for (const auto& f : inputs) total_bytes += f.size;
  std::set<std::string> roots;
  for (const auto& file : inputs) {
    roots.insert(file.root_key);
    try {
      doc::Skip why;
      if (file.jsonl) {
        if (!doc::load_jsonl(
                file, job.load, [&](doc::DocumentRecord&& r) { put(r, file.root_key); },
                skip, &why)) {
          skip(std::move(why));
        }
      } else if (auto record = doc::load_text_file(file, job.load, &why)) {
        put(*record, file.root_key);
      } else {
        // Keep what an earlier run indexed: the file is still there.
        writer.keep(file.id);
        skip(std::move(why));
      }
    } catch (const Xapian::Error&) {
      throw;  // the index itself is in trouble: stop the run
    } catch (const std::exception& e) {
      // One bad document must not stop the run.
      writer.keep(file.id);
      skip({doc::SkipReason::kUnreadable, file.path.string(), e.what()});
    }
    done_bytes += file.size;
    if (callbacks.on_progress) {
      callbacks.on_progress(done_bytes, total_bytes,
                            stats.indexed() + stats.unchanged);
    }
  }
  for (const auto& root : roots) stats.removed += writer.remove_missing(root);
  writer.commit();
  writer.refresh_knowledge();
  stats.documents = writer.document_count();
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace vanban::index
