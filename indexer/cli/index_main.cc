// vanban-index: builds or updates a vanban index from files, directories
// and JSONL collections.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>
#include <xapian.h>

#include "vanban/program.h"
#include "vanban/index/indexer.h"

namespace {

using vanban::doc::Skip;

struct Options {
  std::string db;
  std::vector<std::string> paths;
  std::size_t documents_per_commit = 1000;
  std::size_t shards = 0;
  std::uintmax_t max_doc_bytes = std::uintmax_t{64} << 20;
  bool quiet = false;
};

// A one-line progress bar on stderr, only when it is a terminal.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void update(std::uintmax_t done, std::uintmax_t total, std::size_t docs) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr int kWidth = 30;
    const double frac = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    const int filled = static_cast<int>(frac * kWidth);
    std::fprintf(stderr, "\r[%.*s%*s] %3d%%  %zu documents", filled,
                 "##############################", kWidth - filled, "",
                 static_cast<int>(frac * 100), docs);
    std::fflush(stderr);
    drawn_ = true;
  }
  // Erases the bar so that a message or the summary starts on a clean line.
  void clear() {
    if (!drawn_) return;
    std::fputs("\r\x1b[K", stderr);
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

int run(const Options& opt) {
  vanban::index::IndexJob job;
  job.db_path = opt.db;
  job.paths = opt.paths;
  job.writer.documents_per_commit = opt.documents_per_commit;
  job.shards = opt.shards;
  job.load.max_document_bytes = opt.max_doc_bytes;

  Progress progress(!opt.quiet);
  vanban::index::IndexCallbacks callbacks;
  callbacks.on_skip = [&](const Skip& s) {
    progress.clear();
    std::cerr << "vanban-index: skipped " << s.where << ": " << s.status.message() << '\n';
  };
  callbacks.on_progress = [&](std::uintmax_t done, std::uintmax_t total, std::size_t docs) {
    progress.update(done, total, docs);
  };
  const vanban::index::IndexStats stats = vanban::index::run_index(job, callbacks);
  progress.clear();
  for (const std::string& w : stats.warnings) std::cerr << "vanban-index: warning: " << w << '\n';
  std::cout << stats.summary() << std::endl;
  // A PATH that does not exist means the run did not do what was asked.
  return stats.missing_path ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  return vanban::run_program("vanban-index", [&] {
    Options opt;
    CLI::App app{"vanban-index: index Vietnamese documents for vanban"};
    app.add_option("--db", opt.db, "index directory (created if missing)")->required();
    app.add_option("paths", opt.paths,
                   "files, directories (walked recursively) or .jsonl collections")
        ->required();
    app.add_option("--commit-every", opt.documents_per_commit,
                   "documents per commit (a crash loses at most one such batch, which the "
                   "next run redoes)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_option("--shards", opt.shards,
                   "write N shard databases, one writer thread each, and a Xapian stub "
                   "DB/XAPIANDB listing them (default: as the index already is; 1 for a "
                   "new one)")
        ->check(CLI::Range(1, 256));
    app.add_option("--max-doc-bytes", opt.max_doc_bytes,
                   "skip documents larger than this many bytes")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app.add_flag("-q,--quiet", opt.quiet, "no progress bar");
    CLI11_PARSE(app, argc, argv);
    return run(opt);
  });
}
