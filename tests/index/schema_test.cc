#include "vanban/index/schema.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "testing/scratch_dir.h"
#include "vanban/text/utf8.h"

namespace vanban::index {
namespace {

TEST(IdTermTest, ShortIdsAreKeptAsTheyAre) {
  EXPECT_EQ(id_term("seeds/a.txt"), "Qseeds/a.txt");
  EXPECT_EQ(id_term("Điều 5"), "QĐiều 5");
}

TEST(IdTermTest, LongIdsStayUnderXapiansLimitAndApart) {
  const std::string long_id(600, 'x');
  const std::string term = id_term(long_id);
  EXPECT_EQ(term.size(), kMaxTermBytes);
  EXPECT_EQ(term.substr(0, 4), "Qxxx");
  EXPECT_EQ(term[kMaxTermBytes - 17], '#');
  EXPECT_NE(term, id_term(long_id + "y"));
}

TEST(IdTermTest, LongIdsAreCutOnACodePointBoundary) {
  std::string id;
  while (id.size() < 400) id += "Đảng";
  const std::string term = id_term(id);
  EXPECT_LE(term.size(), kMaxTermBytes);
  EXPECT_TRUE(text::is_valid_utf8(term.substr(0, term.find('#'))));
}

TEST(IdTermTest, TextCannotImpersonateAnotherDocumentsId) {
  const testing::ScratchDir dir("id_collision");
  dir.write("docs.jsonl",
            "{\"id\": \"bao-cao-quy\", \"text\": \"Báo cáo kết quả thi đua Q1 năm 2024.\"}\n"
            "{\"id\": \"1\", \"text\": \"Kế hoạch phát động phong trào thi đua năm 2024.\"}\n");
  const auto run = testing::index_paths(dir.str("db"), {dir.str("docs.jsonl")});
  EXPECT_EQ(run.added, 2u);
  EXPECT_EQ(Xapian::Database(dir.str("db")).get_doccount(), 2u);
}

TEST(SchemaTermsTest, PairAndSourceTerms) {
  EXPECT_EQ(pair_term("dan", "van"), "XPdan van");
  EXPECT_EQ(source_term("/srv/corpus"), "XSRC" + hex_digest("/srv/corpus"));
  EXPECT_EQ(hex_digest("").size(), 16u);
  // The digest is written into indexes: it must never change.
  EXPECT_EQ(hex_digest("seeds"), "10e319fcc8400f27");
}

}  // namespace
}  // namespace vanban::index
