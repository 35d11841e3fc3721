#include "vanban/index/layout.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/search/search_service.h"

namespace vanban::index {
namespace {

namespace fs = std::filesystem;

TEST(ShardOf, IsStableAcrossRunsAndVersions) {
  // Changing these would move documents between the shards of existing
  // indexes: FNV-1a 64 of the id, modulo the number of shards.
  EXPECT_EQ(shard_of("seeds/000_ddb1ffae0c6ba085.txt", 2), 1u);
  EXPECT_EQ(shard_of("seeds/001_a09f608bfb9e07f5.txt", 2), 0u);
  EXPECT_EQ(shard_of("seeds/001_a09f608bfb9e07f5.txt", 7), 5u);
  EXPECT_EQ(shard_of("", 7), 14695981039346656037ULL % 7);
  EXPECT_EQ(shard_of("anything", 1), 0u);
}

TEST(ShardOf, SpreadsIdsEvenly) {
  std::vector<int> count(4);
  for (int i = 0; i < 4000; ++i) ++count[shard_of("baomoi/" + std::to_string(i), 4)];
  for (int c : count) {
    EXPECT_GT(c, 850);
    EXPECT_LT(c, 1150);
  }
}

TEST(Layout, ANewShardedIndexGetsAStubListingItsShards) {
  testing::ScratchDir dir("layout_new");
  const IndexLayout l = prepare_layout(dir.str("db"), 3);
  ASSERT_EQ(l.shard_paths.size(), 3u);
  EXPECT_TRUE(l.sharded());
  EXPECT_EQ(l.catalog_path, dir.str("db/catalog"));
  const std::string stub = testing::read_file(dir.path() / "db" / "XAPIANDB");
  EXPECT_NE(stub.find("auto shard-0\nauto shard-1\nauto shard-2\n"), std::string::npos) << stub;
  EXPECT_EQ(existing_shards(dir.str("db")), 3u);
  // Asking again keeps it; asking for another count is refused.
  EXPECT_EQ(prepare_layout(dir.str("db"), 0).shard_paths.size(), 3u);
  EXPECT_THROW(prepare_layout(dir.str("db"), 2), std::runtime_error);
}

TEST(Layout, OneDatabaseIsItsOwnCatalog) {
  testing::ScratchDir dir("layout_single");
  const IndexLayout l = prepare_layout(dir.str("db"), 0);
  ASSERT_EQ(l.shard_paths, std::vector<std::string>{dir.str("db")});
  EXPECT_FALSE(l.sharded());
  EXPECT_EQ(l.catalog_path, dir.str("db"));
  EXPECT_EQ(catalog_path(dir.str("db")), dir.str("db"));
}

TEST(Layout, AStubWeDidNotWriteIsNotTakenForShards) {
  testing::ScratchDir dir("layout_foreign");
  dir.write("db/XAPIANDB", "auto /somewhere/else\n");
  EXPECT_THROW(existing_shards(dir.str("db")), std::runtime_error);
}

class CompactionTest : public ::testing::Test {
 protected:
  CompactionTest() : dir_("compaction") {
    IndexJob job;
    job.db_path = dir_.str("db");
    job.paths = {testing::seeds_dir()};
    job.compact = false;
    stats_ = run_index(job);
  }
  std::uintmax_t size_of(const std::string& relative) const {
    std::uintmax_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir_.path() / relative)) {
      if (e.is_regular_file()) n += e.file_size();
    }
    return n;
  }
  testing::ScratchDir dir_;
  IndexStats stats_;
};

TEST_F(CompactionTest, CompactingInPlaceKeepsEveryDocumentAndShrinksTheIndex) {
  ASSERT_EQ(stats_.compacted, 0u);
  const std::uintmax_t before = size_of("db");
  compact_in_place(dir_.str("db"));
  EXPECT_LT(size_of("db"), before);
  EXPECT_FALSE(fs::exists(dir_.str("db.old")));
  EXPECT_FALSE(fs::exists(dir_.str("db.compact")));
  const testing::OpenIndex index(dir_.str("db"));
  EXPECT_EQ(index.search.document_count(), 5u);
  EXPECT_EQ(index.search.search({.query = "34-CT/TW"})->total, 5u);
}

TEST_F(CompactionTest, AReaderOpenDuringTheSwapGoesOnWithTheNewCopy) {
  const testing::OpenIndex index(dir_.str("db"));
  const search::SearchService& s = index.search;
  const search::SearchResponse before = *s.search({.query = "dân vận khéo"});
  ASSERT_EQ(before.total, 2u);
  compact_in_place(dir_.str("db"));
  const auto found = s.search({.query = "dân vận khéo"});
  ASSERT_TRUE(found.is_ok());
  const search::SearchResponse& after = *found;
  EXPECT_EQ(after.total, 2u);
  ASSERT_EQ(after.results.size(), before.results.size());
  for (std::size_t i = 0; i < after.results.size(); ++i) {
    EXPECT_EQ(after.results[i].id, before.results[i].id);
  }
}

TEST_F(CompactionTest, AKillBetweenTheRenamesIsUndoneByTheNextRun) {
  // What a kill -9 after "db -> db.old" leaves: no db, the old copy, and a
  // half-written compacted one.
  fs::rename(dir_.str("db"), dir_.str("db.old"));
  dir_.write("db.compact/postlist.glass", "half written");
  recover_compaction(dir_.str("db"));
  EXPECT_FALSE(fs::exists(dir_.str("db.old")));
  EXPECT_FALSE(fs::exists(dir_.str("db.compact")));
  IndexJob job;
  job.db_path = dir_.str("db");
  job.paths = {testing::seeds_dir()};
  const IndexStats again = run_index(job);
  EXPECT_EQ(again.unchanged, 5u);
  EXPECT_EQ(again.documents, 5u);
}

TEST_F(CompactionTest, AFirstBuildIsCompactedAnUpdateOfAFewDocumentsIsNot) {
  testing::ScratchDir dir("compaction_runs");
  fs::copy(testing::seeds_dir(), dir.path() / "seeds");
  IndexJob job;
  job.db_path = dir.str("db");
  job.paths = {dir.str("seeds")};
  EXPECT_EQ(run_index(job).compacted, 1u);
  EXPECT_EQ(run_index(job).compacted, 0u);  // nothing changed
  // One of five documents changed is a fifth of the index: compacted.
  const fs::path changed_file = dir.path() / "seeds" / "000_ddb1ffae0c6ba085.txt";
  std::string text = testing::read_file(changed_file);
  const auto at = text.find("thi đua");
  ASSERT_NE(at, std::string::npos);
  text.insert(at, "phong trào ");
  std::ofstream(changed_file, std::ios::trunc) << text;
  const IndexStats changed = run_index(job);
  EXPECT_EQ(changed.updated, 1u);
  EXPECT_EQ(changed.compacted, 1u);
}

}  // namespace
}  // namespace vanban::index
