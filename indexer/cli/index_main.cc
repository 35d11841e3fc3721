// vanban-index: builds or updates a vanban index from files, directories
// and JSONL collections; keeps it current with folders (--watch); backs it
// up (--backup).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>
#include <xapian.h>

#include "options.h"
#include "vanban/index/backup.h"
#include "vanban/index/indexer.h"
#include "vanban/index/watcher.h"
#include "vanban/program.h"

namespace {

using vanban::doc::Skip;

struct Options {
  std::string db;
  std::vector<std::string> paths;
  std::size_t documents_per_commit = 1000;
  std::size_t shards = 0;
  std::uintmax_t max_doc_bytes = std::uintmax_t{64} << 20;
  bool ocr = true;
  bool quiet = false;
  bool watch = false;
  std::size_t rescan_seconds = 0;
  std::string backup;
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

vanban::index::IndexJob make_job(const Options& opt) {
  vanban::index::IndexJob job;
  job.db_path = opt.db;
  job.paths = opt.paths;
  job.writer.documents_per_commit = opt.documents_per_commit;
  job.shards = opt.shards;
  job.load.max_document_bytes = opt.max_doc_bytes;
  job.load.extract.ocr = opt.ocr;
  return job;
}

void print_skip(const Skip& s) {
  std::cerr << "vanban-index: skipped " << s.where << ": " << s.status.message() << '\n';
}

void print_warnings(const vanban::index::IndexStats& stats) {
  for (const std::string& w : stats.warnings) std::cerr << "vanban-index: warning: " << w << '\n';
}

int run_once(const Options& opt) {
  Progress progress(!opt.quiet);
  vanban::index::IndexCallbacks callbacks;
  callbacks.on_skip = [&](const Skip& s) {
    progress.clear();
    print_skip(s);
  };
  callbacks.on_progress = [&](std::uintmax_t done, std::uintmax_t total, std::size_t docs) {
    progress.update(done, total, docs);
  };
  const vanban::index::IndexStats stats = vanban::index::run_index(make_job(opt), callbacks);
  progress.clear();
  print_warnings(stats);
  std::cout << stats.summary() << std::endl;
  // A PATH that does not exist means the run did not do what was asked.
  return stats.missing_path ? 1 : 0;
}

// Runs until SIGINT or SIGTERM; each run's summary goes to standard output
// (the journal under systemd), batches that changed nothing are not shown.
int run_watch(const Options& opt) {
  vanban::index::WatchOptions options;
  options.rescan = std::chrono::seconds(opt.rescan_seconds);
  vanban::index::WatchCallbacks callbacks;
  callbacks.index.on_skip = print_skip;
  callbacks.on_run = [](const vanban::index::IndexStats& stats, std::size_t changed) {
    print_warnings(stats);
    if (changed > 0 && stats.indexed() + stats.removed + stats.skips.size() == 0) return;
    std::cout << (changed > 0 ? std::to_string(changed) + " changed: " : "full run: ")
              << stats.summary() << std::endl;
  };
  callbacks.on_warning = [](const std::string& w) {
    std::cerr << "vanban-index: warning: " << w << std::endl;
  };
  vanban::index::Watcher watcher(make_job(opt), options, callbacks);
  const vanban::StopOnSignal stopper([&watcher] { watcher.stop(); });
  const vanban::Status status = watcher.run();
  if (!status.is_ok()) {
    std::cerr << "vanban-index: cannot watch: " << status.message() << '\n';
    return 1;
  }
  return 0;
}

int run_backup(const Options& opt) {
  const auto copy = vanban::index::backup_index(opt.db, opt.backup);
  if (!copy) {
    std::cerr << "vanban-index: backup: " << copy.status().message() << '\n';
    return 1;
  }
  std::printf("backed up %u documents (%zu databases, %.1f MB) to %s in %.2f s\n",
              copy->documents, copy->databases, static_cast<double>(copy->bytes) / 1e6,
              opt.backup.c_str(), copy->seconds);
  return 0;
}

int run(const Options& opt) {
  if (!opt.backup.empty()) return run_backup(opt);
  if (opt.paths.empty()) {
    std::cerr << "vanban-index: nothing to index: give PATHs, or corpus in the configuration\n";
    return 1;
  }
  return opt.watch ? run_watch(opt) : run_once(opt);
}

void add_options(CLI::App& app, Options& opt) {
  vanban::cli::add_common_options(app, "vanban-index");
  vanban::cli::add_config_option(app, "db", opt.db)->required();
  vanban::cli::add_config_option(app, "corpus", opt.paths);
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
  vanban::cli::add_config_option(app, "max_doc_bytes", opt.max_doc_bytes)->capture_default_str();
  vanban::cli::add_config_option(app, "ocr", opt.ocr);
  app.add_flag("-q,--quiet", opt.quiet, "no progress bar");
  app.add_flag("--watch", opt.watch,
               "index, then keep the index current with the folders given (inotify) until "
               "stopped (SIGTERM)");
  vanban::cli::add_config_option(app, "rescan_every", opt.rescan_seconds)->capture_default_str();
  app.add_option("--backup", opt.backup,
                 "copy the index (--db) to this new directory, consistently, while it is in "
                 "use; nothing is indexed");
}

}  // namespace

int main(int argc, char** argv) {
  return vanban::run_program("vanban-index", [&] {
    Options opt;
    CLI::App app{"vanban-index: index Vietnamese documents for vanban"};
    add_options(app, opt);
    CLI11_PARSE(app, argc, argv);
    return run(opt);
  });
}
