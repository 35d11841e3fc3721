#include "doc/formats/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "unique_fd.h"

extern char** environ;

namespace vanban::doc {
namespace {

// Enough of standard error to say why a helper failed.
constexpr std::size_t kMaxErrorBytes = 4096;
constexpr std::size_t kReadBytes = 64 << 10;

using Fd = UniqueFd;

struct Pipe {
  Fd read, write;
};

Pipe make_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  return {Fd(fds[0]), Fd(fds[1])};
}

struct Actions {
  posix_spawn_file_actions_t actions;
  Actions() { posix_spawn_file_actions_init(&actions); }
  ~Actions() { posix_spawn_file_actions_destroy(&actions); }
};

pid_t spawn(const std::vector<std::string>& argv, int out_fd, int err_fd, int* error) {
  Actions a;
  posix_spawn_file_actions_addopen(&a.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&a.actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&a.actions, err_fd, 2);
  std::vector<char*> args;
  for (const std::string& s : argv) args.push_back(const_cast<char*>(s.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  *error = posix_spawnp(&pid, args[0], &a.actions, nullptr, args.data(), environ);
  return pid;
}

// Reads what is ready on `fd` into `into`; false at end of file.
bool drain(int fd, std::string& into, std::size_t keep) {
  char buf[kReadBytes];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  if (n <= 0) return n < 0 && errno == EINTR;
  const std::size_t room = keep > into.size() ? keep - into.size() : 0;
  into.append(buf, std::min(room + 1, static_cast<std::size_t>(n)));
  return true;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Collects both streams until the child closes them, past a bound or a
// deadline; the child is killed in the last two cases.
Status collect(pid_t pid, Fd& out_fd, Fd& err_fd, ProgramOutput& result, std::size_t max_output,
               std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool out_open = true, err_open = true;
  while (out_open || err_open) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd fds[2] = {{out_open ? out_fd.get() : -1, POLLIN, 0}, {err_open ? err_fd.get() : -1, POLLIN, 0}};
    if (left.count() <= 0 || ::poll(fds, 2, static_cast<int>(left.count())) == 0) {
      ::kill(pid, SIGKILL);
      return Status::deadline_exceeded("helper timed out", "after " + std::to_string(timeout.count()) + " ms");
    }
    if (out_open && fds[0].revents != 0) out_open = drain(out_fd.get(), result.out, max_output);
    if (err_open && fds[1].revents != 0) err_open = drain(err_fd.get(), result.err, kMaxErrorBytes);
    if (result.out.size() > max_output) {
      ::kill(pid, SIGKILL);
      return Status::too_large("text too large", "over " + std::to_string(max_output) + " bytes");
    }
  }
  return Status::ok();
}

}  // namespace

Result<ProgramOutput> run_program(const std::vector<std::string>& argv, std::size_t max_output,
                                  std::chrono::milliseconds timeout) {
  Pipe out = make_pipe();
  Pipe err = make_pipe();
  int error = 0;
  const pid_t pid = spawn(argv, out.write.get(), err.write.get(), &error);
  out.write.reset();
  err.write.reset();
  if (error != 0) return Status::not_found("program not found", argv[0] + ": " + std::strerror(error));
  ProgramOutput result;
  const Status status = collect(pid, out.read, err.read, result, max_output, timeout);
  out.read.reset();
  err.read.reset();
  result.exit_code = wait_for(pid);
  if (!status.is_ok()) return status;
  return result;
}

TempFile::TempFile(std::string_view bytes) {
  std::string pattern = (std::filesystem::temp_directory_path() / "vanban-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error(std::string("mkstemp: ") + std::strerror(errno));
  const Fd owned(fd);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = std::strerror(errno);
      ::unlink(pattern.c_str());
      throw std::runtime_error("write " + pattern + ": " + reason);
    }
    done += static_cast<std::size_t>(n);
  }
  path_ = pattern;
}

TempFile::~TempFile() {
  if (!path_.empty()) ::unlink(path_.c_str());
}

}  // namespace vanban::doc
