#include "vanban/index/backup.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/index/writer.h"

namespace vanban::index {
namespace {

namespace fs = std::filesystem;

// The ids a search finds, in order, with their scores.
std::vector<std::string> answer(testing::OpenIndex& index, const std::string& query) {
  std::vector<std::string> out;
  const auto res = index.search.search({.query = query, .snippets = false});
  EXPECT_TRUE(res) << res.status().message();
  if (res) {
    for (const auto& hit : res->results) out.push_back(hit.id + " " + std::to_string(hit.score));
  }
  return out;
}

class BackupTest : public ::testing::TestWithParam<std::size_t> {
 protected:
  BackupTest() : dir_("backup") {}
  std::string db() const { return dir_.str("db"); }
  void index_seeds() {
    IndexJob job;
    job.db_path = db();
    job.paths = {testing::seeds_dir()};
    job.shards = GetParam();
    run_index(job);
  }
  testing::ScratchDir dir_;
};

TEST_P(BackupTest, TheCopyAnswersAsTheIndexDoes) {
  index_seeds();
  const auto copy = backup_index(db(), dir_.str("copy"));
  ASSERT_TRUE(copy) << copy.status().message();
  EXPECT_EQ(copy->documents, 5u);
  EXPECT_EQ(copy->databases, GetParam() == 1 ? 1u : GetParam() + 1);
  EXPECT_GT(copy->bytes, 0u);
  EXPECT_FALSE(fs::exists(dir_.str("copy.partial")));
  testing::OpenIndex original(db()), restored(dir_.str("copy"));
  for (const char* query : {"dan van kheo", "34-CT/TW", "khen thưởng"}) {
    EXPECT_EQ(answer(restored, query), answer(original, query)) << query;
  }
  EXPECT_EQ(restored.knowledge.campaigns().size(), original.knowledge.campaigns().size());
  // The copy is an index like any other: a run over the same folder finds
  // nothing to do.
  IndexJob job;
  job.db_path = dir_.str("copy");
  job.paths = {testing::seeds_dir()};
  const IndexStats rerun = run_index(job);
  EXPECT_EQ(rerun.unchanged, 5u);
  EXPECT_EQ(rerun.shards, GetParam());
}

TEST_P(BackupTest, RefusesADestinationThatHoldsSomething) {
  index_seeds();
  dir_.write("copy/ghi-chu.txt", "Không được ghi đè");
  const auto copy = backup_index(db(), dir_.str("copy"));
  ASSERT_FALSE(copy);
  EXPECT_TRUE(copy.status().is_invalid_argument());
  fs::create_directory(dir_.path() / "empty");
  EXPECT_TRUE(backup_index(db(), dir_.str("empty/")));
}

INSTANTIATE_TEST_SUITE_P(Shards, BackupTest, ::testing::Values(1, 2),
                         [](const auto& p) { return "Shards" + std::to_string(p.param); });

TEST(BackupIndexTest, NoIndexIsNotFound) {
  testing::ScratchDir dir("backup_none");
  const auto copy = backup_index(dir.str("db"), dir.str("copy"));
  ASSERT_FALSE(copy);
  EXPECT_TRUE(copy.status().is_not_found());
}

TEST(BackupIndexTest, CopiesWhileAWriterCommits) {
  testing::ScratchDir dir("backup_live");
  const std::string db = dir.str("db");
  std::atomic<bool> done = false;
  std::atomic<int> written = 0;
  {
    IndexWriter writer(db, {.documents_per_commit = 1});
    writer.commit();
  }
  std::thread writer_thread([&] {
    IndexWriter writer(db, {.documents_per_commit = 1});
    for (int i = 0; !done.load() && i < 2000; ++i) {
      doc::DocumentRecord r;
      r.id = "cv-" + std::to_string(i);
      r.text = "Công văn số " + std::to_string(i) + "/UBND-TH về phong trào “Dân vận khéo”";
      writer.put(r, "/van-ban");
      written.store(i + 1);
      // A commit every 20 ms: an indexer busier than watch mode ever is.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  while (written.load() < 5) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto copy = backup_index(db, dir.str("copy"));
  const int after = written.load();
  done.store(true);
  writer_thread.join();
  ASSERT_TRUE(copy) << copy.status().message();
  EXPECT_GE(copy->documents, 5u);
  EXPECT_LE(copy->documents, static_cast<Xapian::doccount>(after));
  EXPECT_EQ(Xapian::Database(dir.str("copy")).get_doccount(), copy->documents);
}

}  // namespace
}  // namespace vanban::index
