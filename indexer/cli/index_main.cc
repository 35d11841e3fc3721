// vanban-index: builds or updates a vanban index from files, directories
// and JSONL collections.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "vanban/doc/loader.h"
#include "vanban/index/writer.h"

namespace {

using vanban::doc::Skip;

struct Options {
  std::string db;
  std::vector<std::string> paths;
  std::size_t batch_size = 1000;
  std::uintmax_t max_doc_bytes = std::uintmax_t{64} << 20;
  bool quiet = false;
};

// A one-line progress bar on stderr, only when it is a terminal.
class Progress {
 public:
  Progress(std::uintmax_t total_bytes, bool enabled)
      : total_(total_bytes), enabled_(enabled && isatty(STDERR_FILENO)) {}
  void update(std::uintmax_t done_bytes, std::size_t docs) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    draw(done_bytes, docs);
  }
  void finish(std::size_t docs) {
    if (!enabled_) return;
    draw(total_, docs);
    std::fputc('\n', stderr);
  }

 private:
  void draw(std::uintmax_t done, std::size_t docs) {
    constexpr int kWidth = 30;
    const double frac = total_ ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    const int filled = static_cast<int>(frac * kWidth);
    std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %zu documents", filled,
                 "##############################", kWidth - filled, "",
                 static_cast<int>(frac * 100), docs);
    std::fflush(stderr);
  }
  std::uintmax_t total_;
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

void report(const Skip& s) {
  std::cerr << "vanban-index: skipped " << s.where << ": " << s.detail << '\n';
}

int run(const Options& opt) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<Skip> skips;
  const std::vector<vanban::doc::InputFile> inputs =
      vanban::doc::list_inputs(opt.paths, skips);
  bool missing_path = false;
  for (const Skip& s : skips) {
    report(s);
    missing_path |= s.reason == vanban::doc::SkipReason::kNotFound;
  }

  vanban::index::IndexWriter writer(opt.db, {.batch_size = opt.batch_size});
  const vanban::doc::LoadOptions load{.max_document_bytes = opt.max_doc_bytes};

  std::size_t added = 0, updated = 0, unchanged = 0;
  auto put = [&](const vanban::doc::DocumentRecord& r, const std::string& root) {
    switch (writer.put(r, root)) {
      case vanban::index::IndexWriter::Outcome::kAdded: ++added; break;
      case vanban::index::IndexWriter::Outcome::kUpdated: ++updated; break;
      case vanban::index::IndexWriter::Outcome::kUnchanged: ++unchanged; break;
    }
  };
  auto skip = [&](Skip&& s) {
    report(s);
    skips.push_back(std::move(s));
  };

  std::uintmax_t total_bytes = 0, done_bytes = 0;
  for (const auto& f : inputs) total_bytes += f.size;
  Progress progress(total_bytes, !opt.quiet);
  std::set<std::string> roots;

  for (const auto& file : inputs) {
    roots.insert(file.root_key);
    try {
      Skip why;
      if (file.jsonl) {
        if (!vanban::doc::load_jsonl(
                file, load, [&](vanban::doc::DocumentRecord&& r) { put(r, file.root_key); },
                skip, &why)) {
          skip(std::move(why));
        }
      } else if (auto record = vanban::doc::load_text_file(file, load, &why)) {
        put(*record, file.root_key);
      } else {
        // Keep what an earlier run indexed: the file is still there.
        writer.keep(file.id);
        skip(std::move(why));
      }
    } catch (const Xapian::Error&) {
      throw;  // the index itself is in trouble: stop the run
    } catch (const std::exception& e) {
      writer.keep(file.id);
      skip({vanban::doc::SkipReason::kUnreadable, file.path.string(), e.what()});
    }
    done_bytes += file.size;
    progress.update(done_bytes, added + updated + unchanged);
  }
  std::size_t removed = 0;
  for (const auto& root : roots) removed += writer.remove_missing(root);
  writer.commit();
  progress.finish(added + updated + unchanged);

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::map<std::string, std::size_t> by_reason;
  for (const Skip& s : skips) ++by_reason[std::string(vanban::doc::to_string(s.reason))];
  std::string reasons;
  for (const auto& [reason, n] : by_reason) {
    reasons += (reasons.empty() ? "" : ", ") + reason + ": " + std::to_string(n);
  }
  const std::size_t processed = added + updated + unchanged;
  std::printf(
      "indexed %zu (%zu new, %zu updated), unchanged %zu, removed %zu, skipped %zu%s "
      "in %.2f s, %.1f docs/s; the index has %u documents\n",
      added + updated, added, updated, unchanged, removed, skips.size(),
      reasons.empty() ? "" : (" (" + reasons + ")").c_str(), seconds,
      seconds > 0 ? static_cast<double>(processed) / seconds : 0.0,
      writer.document_count());
  return missing_path ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) try {
  Options opt;
  CLI::App app{"vanban-index: index Vietnamese documents for vanban"};
  app.add_option("--db", opt.db, "index directory (created if missing)")->required();
  app.add_option("paths", opt.paths,
                 "files, directories (walked recursively) or .jsonl collections")
      ->required();
  app.add_option("--batch", opt.batch_size, "documents per commit")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-doc-bytes", opt.max_doc_bytes,
                 "skip documents larger than this many bytes")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", opt.quiet, "no progress bar");
  CLI11_PARSE(app, argc, argv);
  return run(opt);
} catch (const Xapian::Error& e) {
  std::cerr << "vanban-index: " << e.get_description() << '\n';
  return 2;
} catch (const std::exception& e) {
  std::cerr << "vanban-index: " << e.what() << '\n';
  return 2;
}
