#include "index/inotify_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "testing/scratch_dir.h"

namespace vanban::index {
namespace {

namespace fs = std::filesystem;
using Kind = TreeChange::Kind;
using namespace std::chrono_literals;

// The kernel queues events as the calls happen; a few rounds of wait()
// collect them. Waits until `want` is among the changes, or 5 s.
std::vector<TreeChange> changes_until(InotifyTree& tree, Kind kind, const std::string& path) {
  std::vector<TreeChange> all;
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (std::chrono::steady_clock::now() < deadline) {
    for (TreeChange& c : tree.wait(100ms)) all.push_back(std::move(c));
    const bool seen = std::any_of(all.begin(), all.end(),
                                  [&](const TreeChange& c) { return c.kind == kind && c.path == path; });
    if (seen) break;
  }
  return all;
}

// Every change that arrives within a short while.
std::vector<TreeChange> drain(InotifyTree& tree) {
  std::vector<TreeChange> all;
  for (std::vector<TreeChange> got; !(got = tree.wait(200ms)).empty();) {
    for (TreeChange& c : got) all.push_back(std::move(c));
  }
  return all;
}

bool has(const std::vector<TreeChange>& changes, Kind kind, const std::string& path) {
  return std::any_of(changes.begin(), changes.end(),
                     [&](const TreeChange& c) { return c.kind == kind && c.path == path; });
}

class InotifyTreeTest : public ::testing::Test {
 protected:
  InotifyTreeTest() : dir_("inotify_tree"), root_(dir_.str("corpus")) {
    fs::create_directories(root_ + "/seeds");
  }
  testing::ScratchDir dir_;
  std::string root_;
  InotifyTree tree_;
};

TEST_F(InotifyTreeTest, ARootThatIsNoDirectoryIsNotFound) {
  const Status missing = tree_.add_tree(dir_.str("missing"));
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.reason(), "not a directory");
  dir_.write("file.txt", "Kính gửi:");
  EXPECT_EQ(tree_.add_tree(dir_.str("file.txt")).code(), StatusCode::kNotFound);
  EXPECT_TRUE(tree_.roots().empty());
}

TEST_F(InotifyTreeTest, AFileWrittenInASubdirectoryIsCreatedThenWritten) {
  ASSERT_TRUE(tree_.add_tree(root_).is_ok());
  EXPECT_EQ(tree_.roots(), (std::set<std::string>{root_}));
  const std::string path = root_ + "/seeds/001.txt";
  std::ofstream(path) << "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n";
  const std::vector<TreeChange> got = changes_until(tree_, Kind::kWritten, path);
  EXPECT_TRUE(has(got, Kind::kChanged, path));
  EXPECT_TRUE(has(got, Kind::kWritten, path));
  EXPECT_TRUE(tree_.take_warnings().empty());
}

TEST_F(InotifyTreeTest, HiddenEntriesAreIgnored) {
  ASSERT_TRUE(tree_.add_tree(root_).is_ok());
  std::ofstream(root_ + "/.001.txt.swp") << "tạm";
  fs::create_directories(root_ + "/.git");
  std::ofstream(root_ + "/.git/HEAD") << "ref";
  const std::string visible = root_ + "/002.txt";
  std::ofstream(visible) << "Sở Công Thương";
  const std::vector<TreeChange> got = changes_until(tree_, Kind::kWritten, visible);
  for (const TreeChange& c : got) EXPECT_EQ(c.path, visible);
}

TEST_F(InotifyTreeTest, ADirectoryMovedInIsWatchedAndItsFilesReportedWritten) {
  ASSERT_TRUE(tree_.add_tree(root_).is_ok());
  const std::string outside = dir_.str("incoming");
  fs::create_directories(outside + "/2024");
  std::ofstream(outside + "/2024/004.txt") << "Lai Châu, ngày 29 tháng 02 năm 2024";
  fs::rename(outside, root_ + "/incoming");
  const std::string moved = root_ + "/incoming/2024/004.txt";
  EXPECT_TRUE(has(changes_until(tree_, Kind::kWritten, moved), Kind::kWritten, moved));
  // Its subdirectory is watched now.
  const std::string later = root_ + "/incoming/2024/005.txt";
  std::ofstream(later) << "Kính gửi:";
  EXPECT_TRUE(has(changes_until(tree_, Kind::kWritten, later), Kind::kWritten, later));
}

TEST_F(InotifyTreeTest, DeletedAndMovedAwayFilesAreRemoved) {
  const std::string a = dir_.write("corpus/seeds/001.txt", "a").string();
  const std::string b = dir_.write("corpus/seeds/002.txt", "b").string();
  ASSERT_TRUE(tree_.add_tree(root_).is_ok());
  fs::remove(a);
  fs::rename(b, dir_.str("002.txt"));
  const std::vector<TreeChange> got = changes_until(tree_, Kind::kRemoved, b);
  EXPECT_TRUE(has(got, Kind::kRemoved, a));
  EXPECT_TRUE(has(got, Kind::kRemoved, b));
}

TEST_F(InotifyTreeTest, ADeletedRootIsLost) {
  ASSERT_TRUE(tree_.add_tree(root_).is_ok());
  fs::remove_all(root_);
  const std::vector<TreeChange> got = changes_until(tree_, Kind::kRootLost, root_);
  EXPECT_TRUE(has(got, Kind::kRootLost, root_));
  EXPECT_TRUE(tree_.roots().empty());
}

TEST_F(InotifyTreeTest, LinksToDirectoriesAreNotFollowed) {
  const std::string elsewhere = dir_.str("elsewhere");
  fs::create_directories(elsewhere);
  fs::create_directory_symlink(elsewhere, root_ + "/link");
  ASSERT_TRUE(tree_.add_tree(root_).is_ok());
  std::ofstream(elsewhere + "/003.txt") << "không theo";
  const std::string marker = root_ + "/marker.txt";
  std::ofstream(marker) << "x";
  const std::vector<TreeChange> got = changes_until(tree_, Kind::kWritten, marker);
  for (const TreeChange& c : got) EXPECT_EQ(c.path.find("003.txt"), std::string::npos) << c.path;
}

TEST_F(InotifyTreeTest, WakeEndsAWaitAtOnce) {
  ASSERT_TRUE(tree_.add_tree(root_).is_ok());
  std::thread waker([this] {
    std::this_thread::sleep_for(50ms);
    tree_.wake();
  });
  const auto start = std::chrono::steady_clock::now();
  const std::vector<TreeChange> got = tree_.wait(10s);
  const auto took = std::chrono::steady_clock::now() - start;
  waker.join();
  EXPECT_TRUE(got.empty());
  EXPECT_LT(took, 5s);
  EXPECT_TRUE(drain(tree_).empty());  // nothing happened
}

}  // namespace
}  // namespace vanban::index
