#include "doc/formats/subprocess.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "testing/scratch_dir.h"

namespace vanban::doc {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kPlenty = 1 << 20;

TEST(SubprocessTest, CollectsOutputErrorAndExitCode) {
  const Result<ProgramOutput> got =
      run_program({"sh", "-c", "printf 'Số: /UBND-TH\\n'; echo 'cảnh báo' >&2; exit 3"}, kPlenty, 10s);
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->out, "Số: /UBND-TH\n");
  EXPECT_EQ(got->err, "cảnh báo\n");
  EXPECT_EQ(got->exit_code, 3);
}

TEST(SubprocessTest, ArgumentsAreNotShellWords) {
  const Result<ProgramOutput> got = run_program({"printf", "%s|", "Lai Châu; rm -rf /", "$HOME"}, kPlenty, 10s);
  ASSERT_TRUE(got.is_ok());
  EXPECT_EQ(got->out, "Lai Châu; rm -rf /|$HOME|");
  EXPECT_EQ(got->exit_code, 0);
}

TEST(SubprocessTest, StandardInputIsEmpty) {
  const Result<ProgramOutput> got = run_program({"cat"}, kPlenty, 10s);
  ASSERT_TRUE(got.is_ok());
  EXPECT_EQ(got->out, "");
  EXPECT_EQ(got->exit_code, 0);
}

TEST(SubprocessTest, AMissingProgramIsNotFound) {
  const Result<ProgramOutput> got = run_program({"vanban-no-such-program", "x"}, kPlenty, 10s);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(got.status().reason(), "program not found");
  EXPECT_TRUE(got.status().detail().starts_with("vanban-no-such-program: ")) << got.status().detail();
}

TEST(SubprocessTest, OutputPastTheBoundIsTooLarge) {
  const Result<ProgramOutput> got = run_program({"yes", "thi đua"}, 100'000, 10s);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(got.status().detail(), "over 100000 bytes");
}

TEST(SubprocessTest, APastTheDeadlineIsKilled) {
  const auto start = std::chrono::steady_clock::now();
  const Result<ProgramOutput> got = run_program({"sleep", "30"}, kPlenty, 200ms);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kDeadlineExceeded);
  EXPECT_EQ(got.status().detail(), "after 200 ms");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

TEST(SubprocessTest, TempFileHoldsTheBytesAndGoesAway) {
  std::string path;
  {
    const TempFile file(std::string("Độc lập\0Tự do", 20));
    path = file.path();
    EXPECT_EQ(testing::read_file(path), std::string("Độc lập\0Tự do", 20));
    const Result<ProgramOutput> got = run_program({"wc", "-c", path}, kPlenty, 10s);
    ASSERT_TRUE(got.is_ok());
    EXPECT_TRUE(got->out.starts_with("20 ")) << got->out;
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  const TempFile empty("");
  EXPECT_EQ(std::filesystem::file_size(empty.path()), 0u);
}

}  // namespace
}  // namespace vanban::doc
