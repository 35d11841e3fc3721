#include "vanban/search/reader.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "testing/scratch_dir.h"
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

}  // namespace
}  // namespace vanban::search
