#include "vanban/index/indexer.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <variant>

#include "vanban/index/layout.h"
#include "vanban/index/schema.h"
#include "vanban/index/spelling.h"
#include "vanban/index/status.h"
#include "vanban/text/normalize.h"

namespace vanban::index {
namespace {

// A run that adds, changes or removes at least 1/kCompactFraction of the
// documents the index had compacts it afterwards.
constexpr Xapian::doccount kCompactFraction = 10;

// What the reading thread hands to a shard's writing thread: a document
// to write, or the id of an input that could not be read this time, whose
// indexed version must be kept.
struct KeepIndexed {
  std::string id;
};
using Event = std::variant<PreparedDocument, KeepIndexed>;

// A bounded queue: the reader blocks when a writer falls behind, so memory
// stays bounded by kQueueCapacity documents per shard whatever the corpus.
class EventQueue {
 public:
  static constexpr std::size_t kQueueCapacity = 64;

  void push(Event e) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return events_.size() < kQueueCapacity || cancelled_; });
    if (cancelled_) return;
    events_.push_back(std::move(e));
    not_empty_.notify_one();
  }
  // False when the producer is done (or the run failed) and nothing is left.
  bool pop(Event& e) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !events_.empty() || closed_ || cancelled_; });
    if (events_.empty() || cancelled_) return false;
    e = std::move(events_.front());
    events_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // The run failed: unblock both sides for good.
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Event> events_;
  bool closed_ = false;
  bool cancelled_ = false;
};

// State shared by the reader and the shard writers.
class IndexRun {
 public:
  IndexRun(std::size_t shards, const IndexCallbacks& callbacks, IndexStats& stats)
      : queues_(shards), callbacks_(callbacks), stats_(stats) {
    for (auto& q : queues_) q = std::make_unique<EventQueue>();
  }

  EventQueue& queue_for(std::string_view id) {
    return *queues_[shard_of(id, queues_.size())];
  }
  EventQueue& queue(std::size_t k) { return *queues_[k]; }

  void skip(doc::Skip&& s) {
    std::lock_guard lock(mutex_);
    stats_.missing_path |= s.status.is_not_found();
    if (callbacks_.on_skip) callbacks_.on_skip(s);
    stats_.skips.push_back(std::move(s));
  }
  // An input that could not be read keeps its indexed version: the
  // document with its id, or every part of it (the parts of a split
  // gazette issue are placed by their own ids, so every shard is told).
  void keep(const std::string& input_id) {
    for (auto& q : queues_) q->push(KeepIndexed{input_id});
  }
  // Indexed, but not whole: "FILE: OCR stopped after 50 pages (--ocr-max-pages)".
  void warn(std::string warning) {
    std::lock_guard lock(mutex_);
    stats_.warnings.push_back(std::move(warning));
  }
  // Something under `root_key` could not be read and its id is unknown:
  // no document of that root may be removed as missing in this run.
  void mark_incomplete(const std::string& root_key) {
    std::lock_guard lock(mutex_);
    incomplete_roots_.insert(root_key);
  }
  bool incomplete(const std::string& root_key) {
    std::lock_guard lock(mutex_);
    return incomplete_roots_.count(root_key) > 0;
  }
  void file_done(std::uintmax_t bytes) {
    std::lock_guard lock(mutex_);
    done_bytes_ += bytes;
    if (callbacks_.on_progress) callbacks_.on_progress(done_bytes_, total_bytes_, processed_);
  }
  void count(IndexWriter::Outcome o) {
    std::lock_guard lock(mutex_);
    ++processed_;
    switch (o) {
      case IndexWriter::Outcome::kAdded: ++stats_.added; break;
      case IndexWriter::Outcome::kUpdated: ++stats_.updated; break;
      case IndexWriter::Outcome::kUnchanged: ++stats_.unchanged; break;
    }
  }
  void set_total_bytes(std::uintmax_t b) { total_bytes_ = b; }

  // The first failure wins; every queue is cancelled so all threads stop.
  void fail(std::exception_ptr e) {
    {
      std::lock_guard lock(mutex_);
      if (!failure_) failure_ = e;
    }
    for (auto& q : queues_) q->cancel();
  }
  bool failed() {
    std::lock_guard lock(mutex_);
    return failure_ != nullptr;
  }
  // The caller asked the run to end early; asked between inputs.
  bool stop_requested() {
    if (!callbacks_.stop_requested || !callbacks_.stop_requested()) return false;
    stopped_ = true;
    return true;
  }
  bool stopped() const { return stopped_; }
  void close_all() {
    for (auto& q : queues_) q->close();
  }
  void rethrow() {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::vector<std::unique_ptr<EventQueue>> queues_;
  const IndexCallbacks& callbacks_;
  IndexStats& stats_;
  std::mutex mutex_;
  std::uintmax_t total_bytes_ = 0, done_bytes_ = 0;
  std::size_t processed_ = 0;
  std::set<std::string> incomplete_roots_;
  std::exception_ptr failure_;
  std::atomic<bool> stopped_ = false;
};

// Reads and prepares documents and hands them to the shard writers.
class InputReader {
 public:
  InputReader(const IndexJob& job, std::size_t shards, IndexRun& run)
      : job_(job), preparer_(job.db_path), build_here_(shards == 1), run_(run) {}

  // One bad input must not stop the run: it is reported, its indexed
  // version kept, and the rest goes on. Xapian errors (the index itself)
  // do stop it.
  void read(const doc::InputFile& file) {
    try {
      if (file.jsonl) {
        read_jsonl(file);
      } else {
        read_file(file);
      }
    } catch (const Xapian::Error&) {
      throw;
    } catch (const std::exception& e) {
      run_.keep(file.id);
      run_.skip({file.path.string(), Status::io_error("unreadable", e.what())});
    }
    run_.file_done(file.size);
  }

 private:
  // One shard: this thread tokenizes and builds while the writer writes.
  // Several: each shard's thread builds its own documents, so that the
  // preparing work is spread too; this thread only reads and routes.
  void send(doc::DocumentRecord&& r, const std::string& root_key) {
    PreparedDocument p = preparer_.prepare(std::move(r), root_key, build_here_);
    run_.queue_for(p.record.id).push(std::move(p));
  }

  // What the format layer left out of `file` (its parts all say the same).
  void warn_if_cut(const doc::InputFile& file, const doc::DocumentRecord& r) {
    if (const auto w = r.metadata.find(doc::kExtractWarnings); w != r.metadata.end()) {
      run_.warn(file.path.string() + ": " + w->second);
    }
  }

  void read_file(const doc::InputFile& file) {
    Result<std::vector<doc::DocumentRecord>> records = doc::load_file(file, job_.load);
    if (records) {
      if (!records->empty()) warn_if_cut(file, records->front());
      for (doc::DocumentRecord& r : *records) send(std::move(r), file.root_key);
      return;
    }
    // The file is still there: keep what an earlier run indexed.
    run_.keep(file.id);
    run_.skip({file.path.string(), records.status()});
  }

  void read_jsonl(const doc::InputFile& file) {
    doc::JsonlReader reader(file, job_.load);
    while (std::optional<doc::JsonlLine> line = reader.next()) {
      if (line->records) {
        send_line(std::move(*line), file.root_key);
        continue;
      }
      // A line that turned bad keeps its document, if its id is readable;
      // otherwise no document of this file may be taken for deleted.
      if (!line->id.empty()) {
        run_.keep(text::to_nfc(line->id));
      } else {
        run_.mark_incomplete(file.root_key);
      }
      run_.skip({line->where, line->records.status()});
    }
    if (!reader.status().is_ok()) {
      run_.mark_incomplete(file.root_key);
      run_.skip({file.path.string(), reader.status()});
    }
  }

  // A record that cannot be prepared (odd text deep in the pipeline) must
  // not cost the rest of the file.
  void send_line(doc::JsonlLine&& line, const std::string& root_key) {
    for (doc::DocumentRecord& r : *line.records) {
      const std::string id = r.id;
      try {
        send(std::move(r), root_key);
      } catch (const Xapian::Error&) {
        throw;
      } catch (const std::exception& e) {
        run_.keep(id);
        run_.skip({line.where, Status::io_error("unreadable", e.what())});
      }
    }
  }

  const IndexJob& job_;
  DocumentPreparer preparer_;
  const bool build_here_;
  IndexRun& run_;
};

void read_inputs(const std::vector<doc::InputFile>& inputs, const IndexJob& job,
                 std::size_t shards, IndexRun& run) {
  try {
    InputReader reader(job, shards, run);
    for (const auto& file : inputs) {
      if (run.failed() || run.stop_requested()) return;
      reader.read(file);
    }
  } catch (...) {
    run.fail(std::current_exception());
  }
}

// Writes what the reader sends to shard `k`.
void write_shard(IndexWriter& writer, EventQueue& queue, IndexRun& run) {
  try {
    Event event;
    while (queue.pop(event)) {
      if (auto* p = std::get_if<PreparedDocument>(&event)) {
        run.count(writer.put(std::move(*p)));
      } else if (auto* k = std::get_if<KeepIndexed>(&event)) {
        writer.keep(k->id);
      }
    }
  } catch (...) {
    run.fail(std::current_exception());
  }
}

// The shard writers of one run, with what the index held before it.
struct ShardWriters {
  std::vector<std::unique_ptr<IndexWriter>> writers;
  Xapian::doccount documents_before = 0;
};

ShardWriters open_writers(const IndexLayout& layout, const WriterOptions& options) {
  ShardWriters out;
  for (const std::string& path : layout.shard_paths) {
    recover_compaction(path);
    out.writers.push_back(std::make_unique<IndexWriter>(path, options));
    out.documents_before += out.writers.back()->document_count();
  }
  return out;
}

// Runs the reading thread and one writing thread per shard to the end.
void read_and_write(const std::vector<doc::InputFile>& inputs, const IndexJob& job,
                    ShardWriters& shards, IndexRun& run) {
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < shards.writers.size(); ++k) {
    threads.emplace_back([&, k] { write_shard(*shards.writers[k], run.queue(k), run); });
  }
  std::thread reader([&] {
    read_inputs(inputs, job, shards.writers.size(), run);
    run.close_all();
  });
  reader.join();
  for (auto& t : threads) t.join();
  run.rethrow();
}

// Removes the documents whose input is gone, scope by scope; a root where
// something could not be read keeps all its documents this time.
void remove_missing(const std::vector<doc::RemovalScope>& scopes, ShardWriters& shards,
                    IndexRun& run, IndexStats& stats) {
  std::set<std::pair<std::string, std::string>> done;
  std::set<std::string> warned;
  for (const doc::RemovalScope& scope : scopes) {
    if (!done.insert({scope.root_key, scope.id}).second) continue;
    if (run.incomplete(scope.root_key)) {
      if (warned.insert(scope.root_key).second) {
        stats.warnings.push_back("nothing removed from " + scope.root_key +
                                 ": some of its inputs could not be read");
      }
      continue;
    }
    for (auto& w : shards.writers) stats.removed += w->remove_missing(scope.root_key, scope.id);
  }
  for (auto& w : shards.writers) w->commit();
}

// Records when the index last changed (kUpdatedKey), for readers; an
// index that has no such record yet gets one either way.
void stamp_update(Xapian::WritableDatabase& catalog, const IndexStats& stats) {
  const std::string key(kUpdatedKey);
  if (stats.indexed() + stats.removed == 0 && !catalog.get_metadata(key).empty()) return;
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  catalog.set_metadata(key,
                       std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
}

// Every shard is committed: refresh the catalog from all of them, then
// clear the shards' pending marks (a crash in between leaves them set, and
// the next run refreshes again).
void refresh_catalog(const IndexLayout& layout, ShardWriters& shards, const IndexStats& stats) {
  KnowledgeChanges changes;
  for (auto& w : shards.writers) changes.merge(w->take_changes());
  Xapian::WritableDatabase catalog(layout.catalog_path, Xapian::DB_CREATE_OR_OPEN);
  stamp_update(catalog, stats);
  Xapian::Database corpus;
  for (const std::string& path : layout.shard_paths) corpus.add_database(Xapian::Database(path));
  // The dates documents lose effect, on the documents themselves (the
  // corpus reads what the shards committed; the values go to the shards).
  std::vector<Xapian::WritableDatabase*> writable;
  for (auto& w : shards.writers) writable.push_back(&w->database());
  update_effect_values(corpus, writable, changes.symbols);
  refresh_knowledge(corpus, catalog, std::move(changes));
  // Every run, changes or not: a run killed after its shards committed
  // left the catalog's dictionary behind, and only a comparison tells.
  sync_spelling(layout.shard_paths, catalog);
  catalog.commit();
  for (auto& w : shards.writers) w->commit();
}

// A run that wrote much of the index leaves its B-tree blocks half full
// (every commit splits them); compacting costs a few percent of the run and
// shrinks the index by a third or more. No writer may be open.
void compact_shards(const IndexLayout& layout, IndexStats& stats) {
  for (const std::string& path : layout.shard_paths) {
    try {
      compact_in_place(path);
      ++stats.compacted;
    } catch (const std::exception& e) {
      // The index is complete either way, only larger.
      stats.warnings.push_back(path + " not compacted: " + e.what());
    } catch (const Xapian::Error& e) {
      stats.warnings.push_back(path + " not compacted: " + e.get_description());
    }
  }
}

}  // namespace

std::string IndexStats::summary() const {
  std::map<std::string, std::size_t> by_reason;
  for (const doc::Skip& s : skips) ++by_reason[s.status.reason()];
  std::string reasons;
  for (const auto& [reason, n] : by_reason) {
    reasons += reasons.empty() ? " (" : ", ";
    reasons += reason + ": " + std::to_string(n);
  }
  if (!reasons.empty()) reasons += ")";
  const std::size_t processed = indexed() + unchanged;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "indexed %zu (%zu new, %zu updated), unchanged %zu, removed %zu, "
                "skipped %zu%s in %.2f s, %.1f docs/s; the index has %u documents%s",
                indexed(), added, updated, unchanged, removed, skips.size(),
                reasons.c_str(), seconds,
                seconds > 0 ? static_cast<double>(processed) / seconds : 0.0, documents,
                shards > 1 ? (" in " + std::to_string(shards) + " shards").c_str() : "");
  std::string out = buf;
  if (compacted > 0) out += " (compacted)";
  if (stopped) out += " (stopped early)";
  return out;
}

namespace {

// What a run reads: everything under the job's paths, or what changed.
doc::InputListing list_job(const IndexJob& job, IndexRun& run) {
  doc::InputListing listing =
      job.changed ? doc::list_changed(job.paths, *job.changed) : doc::list_inputs(job.paths);
  for (doc::Skip& s : listing.problems) run.skip(std::move(s));
  for (const std::string& root : listing.incomplete_roots) run.mark_incomplete(root);
  std::uintmax_t total_bytes = 0;
  for (const auto& f : listing.files) total_bytes += f.size;
  run.set_total_bytes(total_bytes);
  return listing;
}

// After the documents: removals, the knowledge base, the update time.
void finish_run(const IndexLayout& layout, const doc::InputListing& listing, ShardWriters& shards,
                IndexRun& run, IndexStats& stats) {
  remove_missing(listing.scopes, shards, run, stats);
  if (layout.sharded()) {
    refresh_catalog(layout, shards, stats);
  } else {
    stamp_update(shards.writers.front()->database(), stats);
    shards.writers.front()->refresh_knowledge();
  }
}

}  // namespace

IndexStats run_index(const IndexJob& job, const IndexCallbacks& callbacks) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  const IndexLayout layout = prepare_layout(job.db_path, job.shards);
  stats.shards = layout.shard_paths.size();
  IndexRun run(stats.shards, callbacks, stats);
  const doc::InputListing listing = list_job(job, run);

  ShardWriters shards = open_writers(layout, job.writer);
  for (const auto& [root, id] : listing.unreadable) {
    for (auto& w : shards.writers) w->keep(id);  // the file's parts may be on any shard
  }
  read_and_write(listing.files, job, shards, run);
  // Stopped early, the run has not seen every input: nothing may be taken
  // for deleted. The knowledge keys stay marked pending for the next run.
  stats.stopped = run.stopped();
  if (!stats.stopped) finish_run(layout, listing, shards, run, stats);
  for (auto& w : shards.writers) stats.documents += w->document_count();
  const std::size_t written = stats.indexed() + stats.removed;
  const bool bulk = written > 0 && written >= shards.documents_before / kCompactFraction;
  shards.writers.clear();  // closes them: compaction needs no writer
  if (bulk && job.compact && !stats.stopped) compact_shards(layout, stats);
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace vanban::index
