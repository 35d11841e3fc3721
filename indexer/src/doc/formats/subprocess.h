// Running a helper program (antiword) on a file, bounded in output and
// time, without a shell. Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_SUBPROCESS_H_
#define VANBAN_DOC_FORMATS_SUBPROCESS_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "vanban/status.h"

namespace vanban::doc {

struct ProgramOutput {
  std::string out;  // standard output
  std::string err;  // the start of standard error
  int exit_code = 0;
};

// Runs argv[0] (looked up on PATH by posix_spawnp) with `argv`, standard
// input from /dev/null, and collects its output. The program is killed
// (SIGKILL) when its output passes `max_output` bytes (kTooLarge) or it
// runs past `timeout` (kDeadlineExceeded). kNotFound "program not found"
// when argv[0] cannot be run. Thread-safe; blocks the caller.
Result<ProgramOutput> run_program(const std::vector<std::string>& argv, std::size_t max_output,
                                  std::chrono::milliseconds timeout);

// A file in the temporary directory holding given bytes, removed by the
// destructor (for helpers that need a path).
class TempFile {
 public:
  // Throws std::runtime_error if the file cannot be created or written.
  explicit TempFile(std::string_view bytes);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_SUBPROCESS_H_
