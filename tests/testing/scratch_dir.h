// Test helpers: a scratch directory under testing::TempDir() that is
// removed before and after each use. ctest runs each test in its own
// process, possibly in parallel, so the directory name includes the pid.
#ifndef VANBAN_TESTS_TESTING_SCRATCH_DIR_H_
#define VANBAN_TESTS_TESTING_SCRATCH_DIR_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "vanban/index/indexer.h"

namespace vanban::testing {

class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(std::filesystem::path(::testing::TempDir()) /
              ("vanban_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& relative = "") const { return (path_ / relative).string(); }

  // Writes `bytes` to `relative` (creating directories) and returns its path.
  std::filesystem::path write(const std::string& relative, const std::string& bytes) const {
    const auto p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

 private:
  std::filesystem::path path_;
};

inline std::string seeds_dir() { return std::string(VANBAN_CORPUS_DIR) + "/seeds"; }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

#ifdef VANBAN_FORMATS_DIR
// A committed format-layer fixture (tests/data/formats/NAME), whole.
inline std::string formats_fixture(const std::string& name) {
  return read_file(std::filesystem::path(VANBAN_FORMATS_DIR) / name);
}
#endif

inline index::IndexStats index_paths(const std::string& db,
                                     const std::vector<std::string>& paths) {
  index::IndexJob job;
  job.db_path = db;
  job.paths = paths;
  return index::run_index(job);
}

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_SCRATCH_DIR_H_
