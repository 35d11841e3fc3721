#include "vanban/index/watcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "testing/open_index.h"
#include "testing/sanitizers.h"
#include "testing/scratch_dir.h"

namespace vanban::index {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

// How long a change may take to be searchable (the brief of watch mode).
// The product's promise (searchable within 5 s) holds for the release
// build; the sanitizer build (-O0 test code, ASan) checks memory safety,
// not speed, and runs beside the fuzzers: it gets ten times as long.
constexpr auto kBudget = std::chrono::seconds(testing::kAddressSanitizer ? 50 : 5);

// An official letter in the form of the seeds, with its own number.
std::string letter(const std::string& number) {
  return "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: " + number +
         "\nV/v hưởng ứng phong trào thi đua “Dân vận khéo” năm 2025\n\n"
         "Kính gửi: Các sở, ban, ngành tỉnh.\n\nThực hiện Chỉ thị số 34-CT/TW ngày "
         "07/4/2014 của Bộ Chính trị, Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị "
         "tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”.\n";
}

// A Watcher on its own thread over a copy of the seeds, and what its runs
// reported.
class WatchTest : public ::testing::Test {
 protected:
  WatchTest() : dir_("watch") {
    fs::copy(testing::seeds_dir(), dir_.path() / "corpus", fs::copy_options::recursive);
  }
  ~WatchTest() override { stop(); }

  std::string db() const { return dir_.str("db"); }
  std::string corpus() const { return dir_.str("corpus"); }

  // Starts watching and waits for the first (full) run.
  void start() {
    IndexJob job;
    job.db_path = db();
    job.paths = {corpus()};
    WatchCallbacks callbacks;
    callbacks.on_run = [this](const IndexStats& stats, std::size_t changed) {
      std::lock_guard lock(mutex_);
      runs_.push_back({stats.indexed(), stats.removed, changed});
      ran_.notify_all();
    };
    watcher_ = std::make_unique<Watcher>(job, WatchOptions{}, callbacks);
    std::unique_lock lock(mutex_);
    const std::size_t before = runs_.size();
    thread_ = std::thread([this] { status_ = watcher_->run(); });
    ASSERT_TRUE(ran_.wait_for(lock, kBudget * 4, [&] { return runs_.size() > before; }));
  }

  void stop() {
    if (!watcher_) return;
    watcher_->stop();
    thread_.join();
    EXPECT_TRUE(status_.is_ok()) << status_.message();
    watcher_.reset();
  }

  // How long until `done` holds on the index as the server reads it, or
  // a failure after twice the budget.
  Clock::duration time_until(const std::function<bool(testing::OpenIndex&)>& done) {
    const auto started = Clock::now();
    while (Clock::now() - started < 2 * kBudget) {
      try {
        testing::OpenIndex index(db());
        if (done(index)) return Clock::now() - started;
      } catch (const Xapian::Error&) {
        // Opened between the two renames of a compaction swap, or read
        // while the watcher's commits outran the retries (the server
        // answers 503 then): look again.
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "not reflected in the index after " << 2 * kBudget.count() << " s";
    return Clock::now() - started;
  }

  // The ids of the documents a search for `query` finds.
  static std::vector<std::string> found(testing::OpenIndex& index, const std::string& query) {
    std::vector<std::string> ids;
    const auto res = index.search.search({.query = query, .snippets = false});
    if (res) {
      for (const auto& hit : res->results) ids.push_back(hit.id);
    }
    return ids;
  }

  struct Run {
    std::size_t indexed, removed, changed;
  };
  std::vector<Run> runs() {
    std::lock_guard lock(mutex_);
    return runs_;
  }

  testing::ScratchDir dir_;
  std::unique_ptr<Watcher> watcher_;
  std::thread thread_;
  Status status_;
  std::mutex mutex_;
  std::condition_variable ran_;
  std::vector<Run> runs_;
};

using Ids = std::vector<std::string>;

TEST_F(WatchTest, AddedChangedRenamedAndDeletedFilesAreSearchableWithinFiveSeconds) {
  start();
  dir_.write("corpus/moi/cong-van.txt", letter("2468/UBND-VX"));
  EXPECT_LT(time_until([](auto& i) { return found(i, "2468/UBND-VX") == Ids{"moi/cong-van.txt"}; }),
            kBudget);

  dir_.write("corpus/moi/cong-van.txt", letter("1357/UBND-VX"));
  EXPECT_LT(time_until([](auto& i) {
              return found(i, "1357/UBND-VX") == Ids{"moi/cong-van.txt"} &&
                     found(i, "2468/UBND-VX").empty();
            }),
            kBudget);

  fs::rename(dir_.path() / "corpus/moi/cong-van.txt", dir_.path() / "corpus/moi/cong-van-2025.txt");
  EXPECT_LT(time_until([](auto& i) {
              return found(i, "1357/UBND-VX") == Ids{"moi/cong-van-2025.txt"};
            }),
            kBudget);

  fs::rename(dir_.path() / "corpus/moi", dir_.path() / "corpus/luu-tru");
  EXPECT_LT(time_until([](auto& i) {
              return found(i, "1357/UBND-VX") == Ids{"luu-tru/cong-van-2025.txt"};
            }),
            kBudget);

  fs::remove_all(dir_.path() / "corpus/luu-tru");
  fs::remove(dir_.path() / "corpus/000_ddb1ffae0c6ba085.txt");
  EXPECT_LT(time_until([](auto& i) {
              return found(i, "1357/UBND-VX").empty() && i.search.document_count() == 4;
            }),
            kBudget);
  const std::vector<Run> all = runs();
  for (std::size_t k = 1; k < all.size(); ++k) {
    EXPECT_LE(all[k].indexed + all[k].removed, 2u) << "a batch indexed everything again";
  }
}

TEST_F(WatchTest, ABurstOfFiveHundredFilesIsIndexedInFewBatches) {
  start();
  const auto started = Clock::now();
  for (int i = 0; i < 500; ++i) {
    dir_.write("corpus/dot/" + std::to_string(i) + ".txt",
               letter(std::to_string(1000 + i) + "/UBND-VX"));
  }
  const auto written = Clock::now() - started;
  const auto took = time_until([](auto& i) { return i.search.document_count() == 505; });
  // The run that committed them reports once it has finished.
  auto batches_indexed = [this] {
    std::size_t indexed = 0;
    for (std::size_t k = 1; k < runs_.size(); ++k) indexed += runs_[k].indexed;
    return indexed;
  };
  std::unique_lock lock(mutex_);
  EXPECT_TRUE(ran_.wait_for(lock, kBudget, [&] { return batches_indexed() == 500; }));
  const std::vector<Run> all = runs_;
  lock.unlock();
  EXPECT_LE(all.size() - 1, 3u) << "batches after the first run";
  std::cout << "500 files written in "
            << std::chrono::duration<double>(written).count() << " s, all searchable "
            << std::chrono::duration<double>(took).count() << " s later, in "
            << all.size() - 1 << " batch(es)\n";
}

TEST_F(WatchTest, ARestartCatchesUpOnWhatChangedMeanwhile) {
  start();
  stop();
  dir_.write("corpus/moi.txt", letter("2468/UBND-VX"));
  dir_.write("corpus/001_a09f608bfb9e07f5.txt", letter("1357/UBND-VX"));
  fs::remove(dir_.path() / "corpus/002_352bcdfb180350d4.txt");
  start();
  ASSERT_EQ(runs().size(), 2u);
  EXPECT_EQ(runs()[1].changed, 0u);  // a full run
  testing::OpenIndex index(db());
  EXPECT_EQ(found(index, "2468/UBND-VX"), Ids{"moi.txt"});
  EXPECT_EQ(found(index, "1357/UBND-VX"), Ids{"001_a09f608bfb9e07f5.txt"});
  EXPECT_FALSE(index.search.document("002_352bcdfb180350d4.txt"));
  EXPECT_EQ(index.search.document_count(), 5u);
}

TEST_F(WatchTest, AFileIsIndexedWhenItsWriterIsDone) {
  start();
  const std::string full = letter("2468/UBND-VX");
  {
    // Written in pieces, more slowly than a batch waits for quiet.
    std::ofstream out(dir_.path() / "corpus/dang-viet.txt", std::ios::binary);
    for (std::size_t at = 0; at < full.size(); at += full.size() / 8 + 1) {
      out << full.substr(at, full.size() / 8 + 1) << std::flush;
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      EXPECT_FALSE(testing::OpenIndex(db()).search.document("dang-viet.txt"))
          << "indexed while being written";
    }
  }
  EXPECT_LT(time_until([](auto& i) { return found(i, "2468/UBND-VX") == Ids{"dang-viet.txt"}; }),
            kBudget);
}

TEST(WatcherTest, RefusesAPathThatIsNotAFolder) {
  testing::ScratchDir dir("watch_file");
  const auto file = dir.write("mot.txt", "Công văn");
  IndexJob job;
  job.db_path = dir.str("db");
  job.paths = {file.string()};
  Watcher watcher(job, {}, {});
  const Status status = watcher.run();
  EXPECT_TRUE(status.is_not_found());
  EXPECT_EQ(status.reason(), "not a directory");
}

}  // namespace
}  // namespace vanban::index
