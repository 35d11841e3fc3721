#include "vanban/index/indexer.h"

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

namespace vanban::index {
namespace {

// A run that adds, changes or removes at least 1/kCompactFraction of the
// documents the index had compacts it afterwards.
constexpr Xapian::doccount kCompactFraction = 10;

// What the reading thread hands to a shard's writing thread.
struct Keep {
  std::string id;  // a file that could not be read: keep its indexed version
};
using Event = std::variant<PreparedDocument, Keep>;

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
class Run {
 public:
  Run(std::size_t shards, const IndexCallbacks& callbacks, IndexStats& stats)
      : queues_(shards), callbacks_(callbacks), stats_(stats) {
    for (auto& q : queues_) q = std::make_unique<EventQueue>();
  }

  EventQueue& queue_for(std::string_view id) {
    return *queues_[shard_of(id, queues_.size())];
  }
  EventQueue& queue(std::size_t k) { return *queues_[k]; }

  void skip(doc::Skip&& s) {
    std::lock_guard lock(mutex_);
    stats_.missing_path |= s.reason == doc::SkipReason::kNotFound;
    if (callbacks_.on_skip) callbacks_.on_skip(s);
    stats_.skips.push_back(std::move(s));
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
  std::exception_ptr failure_;
};

// Reads every input and prepares its documents (the CPU-heavy part), on
// its own thread while the writers write.
void read_inputs(const std::vector<doc::InputFile>& inputs, const IndexJob& job,
                 std::size_t shards, Run& run) {
  try {
    DocumentPreparer preparer(job.db_path);
    // One shard: this thread tokenizes and builds while the writer writes.
    // Several: each shard's thread builds its own documents, so that the
    // preparing work is spread too; this thread only reads and routes.
    const bool build_here = shards == 1;
    auto send = [&](PreparedDocument&& p) {
      EventQueue& q = run.queue_for(p.record.id);
      q.push(std::move(p));
    };
    for (const auto& file : inputs) {
      if (run.failed()) return;
      try {
        doc::Skip why;
        if (file.jsonl) {
          if (!doc::load_jsonl(
                  file, job.load,
                  [&](doc::DocumentRecord&& r) {
                    // One bad line must not cost the rest of the file.
                    const std::string where = r.source;
                    try {
                      send(preparer.prepare(std::move(r), file.root_key, build_here));
                    } catch (const Xapian::Error&) {
                      throw;
                    } catch (const std::exception& e) {
                      run.skip(doc::Skip{doc::SkipReason::kUnreadable, where, e.what()});
                    }
                  },
                  [&](doc::Skip&& s) { run.skip(std::move(s)); }, &why)) {
            run.skip(std::move(why));
          }
        } else if (auto record = doc::load_text_file(file, job.load, &why)) {
          send(preparer.prepare(std::move(*record), file.root_key, build_here));
        } else {
          // Keep what an earlier run indexed: the file is still there.
          run.queue_for(file.id).push(Keep{file.id});
          run.skip(std::move(why));
        }
      } catch (const Xapian::Error&) {
        throw;
      } catch (const std::exception& e) {
        // One bad document must not stop the run.
        run.queue_for(file.id).push(Keep{file.id});
        run.skip(doc::Skip{doc::SkipReason::kUnreadable, file.path.string(), e.what()});
      }
      run.file_done(file.size);
    }
  } catch (...) {
    run.fail(std::current_exception());
  }
}

// Writes what the reader sends to shard `k`.
void write_shard(IndexWriter& writer, EventQueue& queue, Run& run) {
  try {
    Event event;
    while (queue.pop(event)) {
      if (auto* p = std::get_if<PreparedDocument>(&event)) {
        run.count(writer.put(std::move(*p)));
      } else if (auto* k = std::get_if<Keep>(&event)) {
        writer.keep(k->id);
      }
    }
  } catch (...) {
    run.fail(std::current_exception());
  }
}

}  // namespace

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
                "skipped %zu%s in %.2f s, %.1f docs/s; the index has %u documents%s",
                indexed(), added, updated, unchanged, removed, skips.size(),
                reasons.c_str(), seconds,
                seconds > 0 ? static_cast<double>(processed) / seconds : 0.0, documents,
                shards > 1 ? (" in " + std::to_string(shards) + " shards").c_str() : "");
  std::string out = buf;
  if (compacted > 0) out += " (compacted)";
  return out;
}

IndexStats run_index(const IndexJob& job, const IndexCallbacks& callbacks) {
  const auto started = std::chrono::steady_clock::now();
  IndexStats stats;
  const IndexLayout layout = prepare_layout(job.db_path, job.shards);
  const std::size_t shards = layout.shard_paths.size();
  stats.shards = shards;
  Run run(shards, callbacks, stats);

  std::vector<doc::Skip> listing_problems;
  const std::vector<doc::InputFile> inputs = doc::list_inputs(job.paths, listing_problems);
  for (doc::Skip& s : listing_problems) run.skip(std::move(s));

  std::vector<std::unique_ptr<IndexWriter>> writers;
  Xapian::doccount documents_before = 0;
  for (const std::string& path : layout.shard_paths) {
    recover_compaction(path);
    writers.push_back(std::make_unique<IndexWriter>(path, job.writer));
    documents_before += writers.back()->document_count();
  }
  std::uintmax_t total_bytes = 0;
  std::set<std::string> roots;
  for (const auto& f : inputs) {
    total_bytes += f.size;
    roots.insert(f.root_key);
  }
  run.set_total_bytes(total_bytes);

  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < shards; ++k) {
    threads.emplace_back([&, k] { write_shard(*writers[k], run.queue(k), run); });
  }
  std::thread reader([&] {
    read_inputs(inputs, job, shards, run);
    run.close_all();
  });
  reader.join();
  for (auto& t : threads) t.join();
  run.rethrow();

  for (auto& w : writers) {
    for (const auto& root : roots) stats.removed += w->remove_missing(root);
    w->commit();
  }
  if (!layout.sharded()) {
    writers.front()->refresh_knowledge();
  } else {
    // Every shard is committed: refresh the catalog from all of them, then
    // clear the shards' pending marks (a crash in between leaves them set,
    // and the next run refreshes again).
    KnowledgeChanges changes;
    for (auto& w : writers) changes.merge(w->take_changes());
    Xapian::WritableDatabase catalog(layout.catalog_path, Xapian::DB_CREATE_OR_OPEN);
    Xapian::Database corpus;
    for (const std::string& path : layout.shard_paths) corpus.add_database(Xapian::Database(path));
    refresh_knowledge(corpus, catalog, std::move(changes));
    // Every run, changes or not: a run killed after its shards committed
    // left the catalog's dictionary behind, and only a comparison tells.
    sync_spelling(layout.shard_paths, catalog);
    catalog.commit();
    for (auto& w : writers) w->commit();
  }
  for (auto& w : writers) stats.documents += w->document_count();
  const bool bulk = stats.indexed() + stats.removed > 0 &&
                    stats.indexed() + stats.removed >= documents_before / kCompactFraction;
  writers.clear();  // closes them: compaction needs no writer
  if (bulk && job.compact) {
    // A run that wrote much of the index leaves its B-tree blocks half full
    // (every 1000-document commit splits them); compacting costs a few
    // percent of the run and shrinks the index by a third or more.
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
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace vanban::index
