#include "vanban/index/spelling.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>

#include "testing/scratch_dir.h"

namespace vanban::index {
namespace {

std::map<std::string, Xapian::termcount> dictionary(const Xapian::Database& db) {
  std::map<std::string, Xapian::termcount> out;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) out[*w] = w.get_termfreq();
  return out;
}

TEST(SpellingTermTest, PlainAndExactWordsOnly) {
  EXPECT_TRUE(is_spelling_term("dan"));
  EXPECT_TRUE(is_spelling_term("XEdân"));
  EXPECT_EQ(spelling_word("XEdân"), "dân");
  EXPECT_EQ(spelling_word("dan"), "dan");
  EXPECT_FALSE(is_spelling_term("a"));              // too short
  EXPECT_FALSE(is_spelling_term("2024"));           // a number
  EXPECT_FALSE(is_spelling_term("XSYM34-ct/tw"));   // another prefix
  EXPECT_FALSE(is_spelling_term("Qseeds/a.txt"));
  EXPECT_FALSE(is_spelling_term(std::string(41, 'x')));
}

TEST(ChangeSpellingTest, AddsAndRemoves) {
  const testing::ScratchDir dir("change_spelling");
  Xapian::WritableDatabase db(dir.str("db"), Xapian::DB_CREATE);
  EXPECT_TRUE(change_spelling(db, "thưởng", 3));
  EXPECT_TRUE(change_spelling(db, "thưởng", -1));
  EXPECT_FALSE(change_spelling(db, "khen", 0));
  EXPECT_EQ(dictionary(db), (std::map<std::string, Xapian::termcount>{{"thưởng", 2}}));
}

TEST(SyncSpellingTest, TheCatalogBecomesTheSumOfTheShards) {
  const testing::ScratchDir dir("sync_spelling");
  {
    Xapian::WritableDatabase a(dir.str("a"), Xapian::DB_CREATE);
    a.add_spelling("thi", 2);
    a.add_spelling("đua", 1);
    a.commit();
    Xapian::WritableDatabase b(dir.str("b"), Xapian::DB_CREATE);
    b.add_spelling("thi", 1);
    b.commit();
  }
  Xapian::WritableDatabase catalog(dir.str("catalog"), Xapian::DB_CREATE);
  catalog.add_spelling("cũ", 4);  // a word no shard has any more
  catalog.add_spelling("thi", 1);
  EXPECT_EQ(sync_spelling({dir.str("a"), dir.str("b")}, catalog), 3u);  // thi, đua, cũ
  EXPECT_EQ(dictionary(catalog), (std::map<std::string, Xapian::termcount>{{"thi", 3}, {"đua", 1}}));
  EXPECT_EQ(sync_spelling({dir.str("a"), dir.str("b")}, catalog), 0u);
}

}  // namespace
}  // namespace vanban::index
