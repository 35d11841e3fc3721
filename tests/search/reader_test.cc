#include "vanban/search/reader.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "testing/scratch_dir.h"
#include "vanban/index/indexer.h"
#include "vanban/index/layout.h"
#include "vanban/index/writer.h"

namespace vanban::search {
namespace {

doc::DocumentRecord record(const std::string& id, const std::string& text) {
  doc::DocumentRecord r;
  r.id = id;
  r.text = text;
  return r;
}

class IndexReaderTest : public ::testing::Test {
 protected:
  IndexReaderTest() : dir_("index_reader") {
    index::IndexWriter writer(db(), {});
    writer.put(record("a", "Chỉ thị số 34-CT/TW của Bộ Chính trị"), "/root");
    writer.commit();
  }
  std::string db() const { return dir_.str("db"); }
  testing::ScratchDir dir_;
};

TEST_F(IndexReaderTest, GenerationChangesOnlyWhenTheIndexDoes) {
  const IndexReader reader(db());
  const auto first = reader.generation();
  EXPECT_EQ(reader.generation(), first);
  {
    index::IndexWriter writer(db(), {});
    writer.put(record("b", "Phong trào “Dân vận khéo”"), "/root");
    writer.commit();
  }
  const auto second = reader.generation();
  EXPECT_GT(second, first);
  EXPECT_EQ(reader.generation(), second);
  // What with_index reads after generation() is at least that new.
  EXPECT_EQ(reader.with_database([](Xapian::Database& d) { return d.get_doccount(); }), 2u);
}

TEST_F(IndexReaderTest, ACompactedCopySwappedInIsSeen) {
  const IndexReader reader(db());
  EXPECT_EQ(reader.with_database([](Xapian::Database& d) { return d.get_doccount(); }), 1u);
  const auto before = reader.generation();
  {
    index::IndexWriter writer(db(), {});
    writer.put(record("b", "Phong trào “Dân vận khéo”"), "/root");
  }
  index::compact_in_place(db());
  EXPECT_GT(reader.generation(), before);
  EXPECT_EQ(reader.with_database([](Xapian::Database& d) { return d.get_doccount(); }), 2u);
}

TEST_F(IndexReaderTest, AnUnshardedIndexIsItsOwnCatalog) {
  const IndexReader reader(db());
  EXPECT_EQ(reader.path(), db());
  EXPECT_EQ(reader.catalog_path(), db());
  const bool same = reader.with_index([](Xapian::Database& d, Xapian::Database& c) { return &d == &c; });
  EXPECT_TRUE(same);
}

TEST(IndexReaderOpenTest, AMissingIndexThrows) {
  EXPECT_THROW(IndexReader("/nonexistent/vanban-db"), Xapian::DatabaseOpeningError);
}

TEST(IndexReaderWaitTest, ServesAnIndexThatAppearsAfterItStarted) {
  testing::ScratchDir dir("index_reader_wait");
  const IndexReader reader(dir.str("db"), IndexReader::Open::kWhenThere);
  const auto missing = reader.status();
  ASSERT_FALSE(missing);
  EXPECT_TRUE(missing.status().is_unavailable());
  EXPECT_EQ(missing.status().reason(), "index unavailable");
  EXPECT_THROW(IndexReader(dir.str("db")), Xapian::DatabaseOpeningError);
  // Made later, sharded: its catalog is found then.
  index::IndexJob job;
  job.db_path = dir.str("db");
  job.paths = {testing::seeds_dir()};
  job.shards = 2;
  index::run_index(job);
  const auto status = reader.status();
  ASSERT_TRUE(status) << status.status().message();
  EXPECT_EQ(status->documents, 5u);
  EXPECT_GT(status->updated, 0);
  EXPECT_EQ(reader.catalog_path(), dir.str("db/catalog"));
}

}  // namespace
}  // namespace vanban::search
