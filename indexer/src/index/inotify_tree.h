// The inotify details of watch mode (vanban/index/watcher.h), in one
// place: one inotify instance watching whole directory trees, whose events
// come out as the paths that changed. Private to the core library.
//
// inotify watches single directories, so every directory of a tree gets a
// watch of its own, and a directory that appears (created or moved in) is
// watched and scanned at once: files created in it before its watch
// existed are reported by the scan. Hidden entries (".name") are ignored,
// as the indexer ignores them; symbolic links to directories are not
// followed.
#ifndef VANBAN_INDEX_INOTIFY_TREE_H_
#define VANBAN_INDEX_INOTIFY_TREE_H_

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "unique_fd.h"
#include "vanban/status.h"

namespace vanban::index {

struct TreeChange {
  enum class Kind {
    kWritten,   // a file closed after writing, or moved in: complete
    kChanged,   // a file created (perhaps still being written: no close
                // seen yet), or its attributes changed; also each file of a
                // directory that was created
    kRemoved,   // a file or directory deleted or moved away
    kOverflow,  // the kernel dropped events: anything may have changed
    kRootLost,  // a watched root was deleted, moved away or unmounted
  };
  Kind kind;
  std::string path;  // absolute; empty for kOverflow
};

// Not thread-safe, except wake(). Throws std::system_error if inotify
// cannot be set up (no kernel support, the per-user instance limit).
class InotifyTree {
 public:
  InotifyTree();

  // Watches the directory `root` (absolute) and every directory under it.
  // Errors: not_found if `root` is not a directory, io_error if it cannot
  // be read, unavailable when the kernel's limit of watches is reached
  // (fs.inotify.max_user_watches). A subdirectory that cannot be watched is
  // a warning (take_warnings()), not an error. Calling it again for a root
  // already watched adds what is missing (after an overflow).
  Status add_tree(const std::string& root);

  // Waits up to `timeout` for events and returns the changes they mean
  // (empty after a timeout or a wake()).
  std::vector<TreeChange> wait(std::chrono::milliseconds timeout);

  // Makes a wait() in progress, or the next one, return at once. Any thread.
  void wake();

  // Problems met since the last call ("cannot watch DIR: ...").
  std::vector<std::string> take_warnings();

  const std::set<std::string>& roots() const { return roots_; }

 private:
  Status watch_directory(const std::string& dir);
  // Watches the directories under `dir`; with `found`, reports its files
  // as `kind` (a directory that has just appeared).
  void watch_below(const std::string& dir, std::vector<TreeChange>* found,
                   TreeChange::Kind kind);
  void forget_below(const std::string& dir);
  void read_events(std::vector<TreeChange>& out);
  void handle(std::uint32_t mask, int wd, std::string_view name, std::vector<TreeChange>& out);

  UniqueFd inotify_;
  UniqueFd wake_;  // an eventfd
  std::unordered_map<int, std::string> directories_;  // by watch descriptor
  std::set<std::string> roots_;
  std::vector<std::string> warnings_;
  std::vector<char> buffer_;
};

}  // namespace vanban::index

#endif  // VANBAN_INDEX_INOTIFY_TREE_H_
