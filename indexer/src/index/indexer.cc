#include "vanban/index/indexer.h"

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <variant>

namespace vanban::index {
namespace {

// What the reading thread hands to the writing thread.
struct Keep {
  std::string id;  // a file that could not be read: keep its indexed version
};
struct FileDone {
  std::uintmax_t bytes;
};
using Event = std::variant<PreparedDocument, doc::Skip, Keep, FileDone, std::exception_ptr>;

// A bounded queue: the reader blocks when the writer falls behind, so
// memory stays bounded by kQueueCapacity documents whatever the corpus.
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
  // False when the producer is done and everything was taken.
  bool pop(Event& e) {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !events_.empty() || closed_; });
    if (events_.empty()) return false;
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
  // The writer failed: unblock the producer for good.
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    not_full_.notify_all();
  }
  bool cancelled() {
    std::lock_guard lock(mutex_);
    return cancelled_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Event> events_;
  bool closed_ = false;
  bool cancelled_ = false;
};

// Reads every input and prepares its documents (the CPU-heavy part), on
// its own thread while the writer writes.
void read_inputs(const std::vector<doc::InputFile>& inputs, const IndexJob& job,
                 EventQueue& queue) {
  try {
    DocumentPreparer preparer(job.db_path);
    for (const auto& file : inputs) {
      if (queue.cancelled()) return;
      try {
        doc::Skip why;
        if (file.jsonl) {
          if (!doc::load_jsonl(
                  file, job.load,
                  [&](doc::DocumentRecord&& r) {
                    // One bad line must not cost the rest of the file.
                    const std::string where = r.source;
                    try {
                      queue.push(preparer.prepare(std::move(r), file.root_key));
                    } catch (const Xapian::Error&) {
                      throw;
                    } catch (const std::exception& e) {
                      queue.push(doc::Skip{doc::SkipReason::kUnreadable, where, e.what()});
                    }
                  },
                  [&](doc::Skip&& s) { queue.push(std::move(s)); }, &why)) {
            queue.push(std::move(why));
          }
        } else if (auto record = doc::load_text_file(file, job.load, &why)) {
          queue.push(preparer.prepare(std::move(*record), file.root_key));
        } else {
          // Keep what an earlier run indexed: the file is still there.
          queue.push(Keep{file.id});
          queue.push(std::move(why));
        }
      } catch (const Xapian::Error&) {
        throw;
      } catch (const std::exception& e) {
        // One bad document must not stop the run.
        queue.push(Keep{file.id});
        queue.push(doc::Skip{doc::SkipReason::kUnreadable, file.path.string(), e.what()});
      }
      queue.push(FileDone{file.size});
    }
  } catch (...) {
    queue.push(std::current_exception());
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
  std::uintmax_t total_bytes = 0, done_bytes = 0;
  std::set<std::string> roots;
  for (const auto& f : inputs) {
    total_bytes += f.size;
    roots.insert(f.root_key);
  }

  EventQueue queue;
  std::thread reader([&] {
    read_inputs(inputs, job, queue);
    queue.close();
  });
  std::exception_ptr failure;
  try {
    Event event;
    while (queue.pop(event)) {
      if (auto* p = std::get_if<PreparedDocument>(&event)) {
        switch (writer.put(std::move(*p))) {
          case IndexWriter::Outcome::kAdded: ++stats.added; break;
          case IndexWriter::Outcome::kUpdated: ++stats.updated; break;
          case IndexWriter::Outcome::kUnchanged: ++stats.unchanged; break;
        }
      } else if (auto* s = std::get_if<doc::Skip>(&event)) {
        skip(std::move(*s));
      } else if (auto* k = std::get_if<Keep>(&event)) {
        writer.keep(k->id);
      } else if (auto* d = std::get_if<FileDone>(&event)) {
        done_bytes += d->bytes;
        if (callbacks.on_progress) {
          callbacks.on_progress(done_bytes, total_bytes, stats.indexed() + stats.unchanged);
        }
      } else if (auto* e = std::get_if<std::exception_ptr>(&event)) {
        failure = *e;
        break;
      }
    }
  } catch (...) {
    failure = std::current_exception();
  }
  queue.cancel();
  reader.join();
  if (failure) std::rethrow_exception(failure);

  for (const auto& root : roots) stats.removed += writer.remove_missing(root);
  writer.commit();
  writer.refresh_knowledge();
  stats.documents = writer.document_count();
  stats.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return stats;
}

}  // namespace vanban::index
