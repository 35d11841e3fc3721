// Watch mode (vanban-index --watch): keeps an index current with folders
// that people keep changing, such as the shared folder an office drops its
// documents in.
//
// A Watcher first runs a full incremental run (run_index), which catches
// up on whatever changed while nothing was watching, then waits for
// changes (inotify, Linux) and indexes them in batches: only the paths that
// changed are read, and documents whose file was deleted or moved away are
// removed. A batch starts once no change has arrived for
// WatchOptions::quiet, or once its oldest change has waited
// WatchOptions::max_wait, so copying a thousand files in is one batch and a
// steady trickle is still indexed within seconds. A file is indexed when
// its writer closes it, or when it was moved in; a file that appeared
// without a close (a link, a file in a new directory) waits until it has
// not changed for WatchOptions::settle.
//
// If the kernel drops events (its queue overflowed) the next batch is a
// full run. A watched folder that disappears (deleted, unmounted) keeps
// its documents: it is watched again, with a full run, when it is back.
// inotify does not see changes made on another machine to a network mount
// (NFS, CIFS): set WatchOptions::rescan for those.
#ifndef VANBAN_INDEX_WATCHER_H_
#define VANBAN_INDEX_WATCHER_H_

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "vanban/index/indexer.h"
#include "vanban/status.h"

namespace vanban::index {

struct WatchOptions {
  // A batch starts when no change has arrived for this long. Default
  // 300 ms: `cp` of a thousand small files has gaps of well under 10 ms.
  std::chrono::milliseconds quiet{300};
  // ... or when its oldest change has waited this long, whatever still
  // arrives. Default 2 s, so that a change is searchable within 5 s while
  // a batch of a few hundred documents takes a second or two.
  std::chrono::milliseconds max_wait{2000};
  // A file seen without a close waits until its modification time is this
  // old. Default 1 s.
  std::chrono::milliseconds settle{1000};
  // A full run this often as well; 0 (the default) for none.
  std::chrono::seconds rescan{0};
};

struct WatchCallbacks {
  IndexCallbacks index;  // passed to every run
  // After each run: its statistics and the number of changed paths it
  // took (0 for a full run).
  std::function<void(const IndexStats&, std::size_t changed)> on_run;
  // Something the watcher could not do but went on without.
  std::function<void(const std::string&)> on_warning;
};

class Watcher {
 public:
  // `job.paths` are the directories to watch (each must be one);
  // `job.changed` is set by the watcher for its batches.
  Watcher(IndexJob job, WatchOptions options, WatchCallbacks callbacks);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Watches, runs and indexes until stop(). Returns OK after stop(), or
  // why watching could not start (a path that is not a directory, the
  // inotify watch limit). Throws what run_index throws: Xapian::Error when
  // the index cannot be opened or written. Callbacks run on this thread,
  // except on_warning, which also runs on the thread reading events (one
  // call at a time).
  Status run();

  // Makes run() return after the run in progress, which itself stops
  // after the input it is reading (its removals are then left to the next
  // run). Thread-safe; not async-signal-safe (call it from a thread that
  // waits for signals).
  void stop();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vanban::index

#endif  // VANBAN_INDEX_WATCHER_H_
