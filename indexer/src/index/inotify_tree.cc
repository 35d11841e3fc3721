#include "index/inotify_tree.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace vanban::index {
namespace fs = std::filesystem;
namespace {

// What each directory's watch reports. IN_CLOSE_WRITE rather than
// IN_MODIFY: a file is taken when its writer closes it, not at each
// write. IN_EXCL_UNLINK: no events for files already unlinked but still
// open. IN_DONT_FOLLOW | IN_ONLYDIR: a link to a directory is not followed,
// as the indexer's walk does not follow it.
constexpr std::uint32_t kDirectoryEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB |
    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK;

// Bytes read from the inotify descriptor at once: a few hundred events of
// typical file names (an event is 16 bytes plus its name).
constexpr std::size_t kEventBufferBytes = 64 * 1024;

bool is_hidden(std::string_view name) { return !name.empty() && name.front() == '.'; }

bool is_under(std::string_view path, std::string_view dir) {
  return path == dir ||
         (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 && path[dir.size()] == '/');
}

std::string errno_text(int error) { return std::strerror(error); }

}  // namespace

InotifyTree::InotifyTree()
    : inotify_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)),
      wake_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      buffer_(kEventBufferBytes) {
  if (!inotify_.valid() || !wake_.valid()) {
    throw std::system_error(errno, std::generic_category(), "inotify");
  }
}

Status InotifyTree::watch_directory(const std::string& dir) {
  const int wd = ::inotify_add_watch(inotify_.get(), dir.c_str(), kDirectoryEvents);
  if (wd >= 0) {
    directories_[wd] = dir;
    return Status::ok();
  }
  const int error = errno;
  if (error == ENOSPC) {
    return Status::unavailable("inotify watch limit reached",
                               dir + " (raise the sysctl fs.inotify.max_user_watches)");
  }
  if (error == ENOENT || error == ENOTDIR) return Status::not_found("not a directory", dir);
  return Status::io_error("cannot watch", dir + ": " + errno_text(error));
}

void InotifyTree::watch_below(const std::string& dir, std::vector<TreeChange>* found,
                              TreeChange::Kind kind) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    const fs::path& p = it->path();
    if (is_hidden(p.filename().string())) {
      if (it->is_directory(fec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(fec) && !it->is_symlink(fec)) {
      if (Status s = watch_directory(p.string()); !s.is_ok()) {
        warnings_.push_back("cannot watch " + s.message());
        it.disable_recursion_pending();
      }
    } else if (found != nullptr) {
      found->push_back({kind, p.string()});
    }
  }
  if (ec) warnings_.push_back("cannot list " + dir + ": " + ec.message());
}

void InotifyTree::forget_below(const std::string& dir) {
  for (auto it = directories_.begin(); it != directories_.end();) {
    if (is_under(it->second, dir)) {
      // A directory moved away would go on reporting from where it went;
      // one deleted is unwatched already (EINVAL, ignored).
      ::inotify_rm_watch(inotify_.get(), it->first);
      it = directories_.erase(it);
    } else {
      ++it;
    }
  }
}

Status InotifyTree::add_tree(const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return Status::not_found("not a directory", root);
  if (Status s = watch_directory(root); !s.is_ok()) return s;
  roots_.insert(root);
  watch_below(root, nullptr, TreeChange::Kind::kChanged);
  return Status::ok();
}

std::vector<TreeChange> InotifyTree::wait(std::chrono::milliseconds timeout) {
  pollfd fds[] = {{inotify_.get(), POLLIN, 0}, {wake_.get(), POLLIN, 0}};
  if (::poll(fds, 2, static_cast<int>(timeout.count())) <= 0) return {};  // timeout, EINTR
  if (fds[1].revents & POLLIN) {
    std::uint64_t count = 0;
    [[maybe_unused]] const ssize_t n = ::read(wake_.get(), &count, sizeof count);
  }
  std::vector<TreeChange> out;
  if (fds[0].revents & POLLIN) read_events(out);
  return out;
}

void InotifyTree::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_.get(), &one, sizeof one);
}

std::vector<std::string> InotifyTree::take_warnings() { return std::exchange(warnings_, {}); }

void InotifyTree::read_events(std::vector<TreeChange>& out) {
  for (;;) {
    const ssize_t n = ::read(inotify_.get(), buffer_.data(), buffer_.size());
    if (n <= 0) return;  // EAGAIN: all read
    // The kernel writes whole, aligned events (std::vector's storage is
    // aligned for any scalar type).
    for (std::size_t at = 0; at < static_cast<std::size_t>(n);) {
      inotify_event event;
      std::memcpy(&event, buffer_.data() + at, sizeof event);
      const char* name = buffer_.data() + at + sizeof event;
      handle(event.mask, event.wd, event.len > 0 ? std::string_view(name) : std::string_view(),
             out);
      at += sizeof event + event.len;
    }
  }
}

void InotifyTree::handle(std::uint32_t mask, int wd, std::string_view name,
                         std::vector<TreeChange>& out) {
  using Kind = TreeChange::Kind;
  if (mask & IN_Q_OVERFLOW) return out.push_back({Kind::kOverflow, {}});
  const auto it = directories_.find(wd);
  if (it == directories_.end()) return;  // a watch already forgotten
  const std::string dir = it->second;
  if (mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) {
    // A subdirectory's parent reports it gone; only a root needs saying.
    if (mask & IN_IGNORED) directories_.erase(wd);
    if (roots_.count(dir) > 0) {
      forget_below(dir);
      roots_.erase(dir);
      out.push_back({Kind::kRootLost, dir});
    }
    return;
  }
  if (name.empty() || is_hidden(name)) return;
  const std::string path = dir + "/" + std::string(name);
  const bool directory = mask & IN_ISDIR;
  if (mask & (IN_DELETE | IN_MOVED_FROM)) {
    if (directory) forget_below(path);
    return out.push_back({Kind::kRemoved, path});
  }
  if (directory && (mask & (IN_CREATE | IN_MOVED_TO))) {
    if (Status s = watch_directory(path); !s.is_ok()) {
      warnings_.push_back("cannot watch " + s.message());
    }
    // Moved in: complete. Created: its files may still be being written.
    watch_below(path, &out, (mask & IN_MOVED_TO) ? Kind::kWritten : Kind::kChanged);
    return;
  }
  if (directory) return;
  if (mask & (IN_CLOSE_WRITE | IN_MOVED_TO)) return out.push_back({Kind::kWritten, path});
  if (mask & (IN_CREATE | IN_ATTRIB)) out.push_back({Kind::kChanged, path});
}

}  // namespace vanban::index
