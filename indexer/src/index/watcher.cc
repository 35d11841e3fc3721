#include "vanban/index/watcher.h"

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "index/inotify_tree.h"

namespace vanban::index {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// How often the thread reading events wakes without any, to watch a lost
// folder again once it is back.
constexpr std::chrono::milliseconds kEventPoll{1000};

// How often a batch held up only by files still settling looks again.
constexpr std::chrono::milliseconds kSettlePoll{100};

// A path waiting for a batch.
struct Pending {
  bool settle = false;  // seen without a close: wait until it stops changing
};

// What the next run does: everything, or the paths that changed.
struct Batch {
  bool full = false;
  std::vector<std::string> paths;
};

// True when `path` is gone or has not been modified for `settle`.
bool settled(const std::string& path, std::chrono::milliseconds settle) {
  std::error_code ec;
  const fs::file_time_type modified = fs::last_write_time(path, ec);
  if (ec) return true;  // gone (a removal) or unreadable (reported by the run)
  return fs::file_time_type::clock::now() - modified >= settle;
}

}  // namespace

struct Watcher::State {
  State(IndexJob j, WatchOptions o, WatchCallbacks c)
      : job(std::move(j)), options(o), callbacks(std::move(c)) {}

  void warn(const std::string& text) {
    std::lock_guard lock(warn_mutex);
    if (callbacks.on_warning) callbacks.on_warning(text);
  }

  // The thread reading events: until stop, turns them into pending paths.
  void read_events() {
    while (!stop_flag.load()) {
      const std::vector<TreeChange> changes = tree.wait(kEventPoll);
      record(changes);
      watch_lost_roots();
      for (const std::string& w : tree.take_warnings()) warn(w);
    }
  }

  void record(const std::vector<TreeChange>& changes) {
    if (changes.empty()) return;
    bool overflow = false;
    {
      std::lock_guard lock(mutex);
      const auto now = Clock::now();
      if (pending.empty() && !full) first = now;
      last = now;
      for (const TreeChange& c : changes) {
        if (c.kind == TreeChange::Kind::kOverflow) {
          overflow = full = true;
        } else if (c.kind == TreeChange::Kind::kRootLost) {
          lost.insert(c.path);
        } else {
          merge(c);
        }
      }
    }
    changed.notify_all();
    for (const TreeChange& c : changes) {
      if (c.kind == TreeChange::Kind::kRootLost) {
        warn(c.path + " is gone; its documents are kept until it is back");
      }
    }
    // Directories created while events were lost are not watched yet.
    if (overflow) rewatch_roots();
  }

  // A file closed after writing needs no settling, whatever came before.
  void merge(const TreeChange& c) {
    const bool unclosed = c.kind == TreeChange::Kind::kChanged;
    const auto [it, added] = pending.try_emplace(c.path, Pending{unclosed});
    if (!added) it->second.settle = it->second.settle && unclosed;
  }

  void rewatch_roots() {
    const std::set<std::string> roots = tree.roots();
    for (const std::string& root : roots) {
      if (Status s = tree.add_tree(root); !s.is_ok()) warn("cannot watch " + s.message());
    }
  }

  // Only the event thread touches `lost` after run() started it.
  void watch_lost_roots() {
    for (auto it = lost.begin(); it != lost.end();) {
      if (!tree.add_tree(*it).is_ok()) {
        ++it;
        continue;
      }
      warn(*it + " is back; catching up");
      it = lost.erase(it);
      {
        std::lock_guard lock(mutex);
        full = true;
        first = last = Clock::now();
      }
      changed.notify_all();
    }
  }

  // Waits for the next batch; nullopt once stopping.
  std::optional<Batch> next_batch() {
    std::unique_lock lock(mutex);
    for (;;) {
      if (stopping) return std::nullopt;
      const auto now = Clock::now();
      if (next_rescan && now >= *next_rescan) return Batch{true, {}};
      if (pending.empty() && !full) {
        if (next_rescan) {
          changed.wait_until(lock, *next_rescan);
        } else {
          changed.wait(lock);
        }
        continue;
      }
      const auto due = std::min(last + options.quiet, first + options.max_wait);
      if (now < due) {
        changed.wait_until(lock, due);
        continue;
      }
      Batch batch = take_ready(now);
      if (batch.full || !batch.paths.empty()) return batch;
      changed.wait_for(lock, kSettlePoll);
    }
  }

  // Called with the mutex held.
  Batch take_ready(Clock::time_point now) {
    if (full) {
      full = false;
      pending.clear();
      return Batch{true, {}};
    }
    Batch batch;
    for (auto it = pending.begin(); it != pending.end();) {
      if (it->second.settle && !settled(it->first, options.settle)) {
        ++it;
        continue;
      }
      batch.paths.push_back(it->first);
      it = pending.erase(it);
    }
    if (!pending.empty()) first = now;  // what is still settling waits afresh
    return batch;
  }

  void run_batch(const Batch& batch) {
    IndexJob run_job = job;
    if (!batch.full) run_job.changed = batch.paths;
    IndexCallbacks index_callbacks = callbacks.index;
    index_callbacks.stop_requested = [this] { return stop_flag.load(); };
    const IndexStats stats = run_index(run_job, index_callbacks);
    if (callbacks.on_run) callbacks.on_run(stats, batch.full ? 0 : batch.paths.size());
    if (batch.full && options.rescan.count() > 0) {
      std::lock_guard lock(mutex);
      next_rescan = Clock::now() + options.rescan;
    }
  }

  void stop() {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    stop_flag.store(true);
    changed.notify_all();
    tree.wake();
  }

  const IndexJob job;
  const WatchOptions options;
  const WatchCallbacks callbacks;
  InotifyTree tree;
  std::atomic<bool> stop_flag{false};  // read by runs in progress
  std::set<std::string> lost;          // roots to watch again (event thread)
  std::mutex warn_mutex;

  std::mutex mutex;  // guards what follows
  std::condition_variable changed;
  bool stopping = false;
  bool full = false;  // the next batch is a full run
  std::map<std::string, Pending> pending;
  Clock::time_point first, last;  // the oldest and newest pending change
  std::optional<Clock::time_point> next_rescan;
};

Watcher::Watcher(IndexJob job, WatchOptions options, WatchCallbacks callbacks)
    : state_(std::make_unique<State>(std::move(job), options, std::move(callbacks))) {}

Watcher::~Watcher() = default;

void Watcher::stop() { state_->stop(); }

Status Watcher::run() {
  State& s = *state_;
  for (const std::string& path : s.job.paths) {
    std::error_code ec;
    const std::string root = fs::weakly_canonical(fs::absolute(path), ec).string();
    if (Status st = s.tree.add_tree(ec ? path : root); !st.is_ok()) return st;
  }
  for (const std::string& w : s.tree.take_warnings()) s.warn(w);
  // Joined however run() ends, an exception from a run included.
  struct EventThread {
    State& s;
    std::thread thread{[this] { s.read_events(); }};
    ~EventThread() {
      s.stop();
      thread.join();
    }
  } events{s};
  // Catch up on what changed while nothing watched; changes from now on
  // are already recorded for the first batch.
  s.run_batch(Batch{true, {}});
  while (const std::optional<Batch> batch = s.next_batch()) s.run_batch(*batch);
  return Status::ok();
}

}  // namespace vanban::index
