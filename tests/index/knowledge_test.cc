#include "vanban/index/knowledge.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "testing/scratch_dir.h"
#include "vanban/index/schema.h"
#include "vanban/index/writer.h"

namespace vanban::index {
namespace {

doc::DocumentRecord record(const std::string& id, const std::string& text,
                           const std::string& date = {}) {
  doc::DocumentRecord r;
  r.id = id;
  r.text = text;
  r.date = date;
  return r;
}

DirectiveEntity directive(const Xapian::Database& db, const std::string& key) {
  const auto d = decode_directive(db.get_metadata(std::string(kDirectiveKey) + key));
  EXPECT_TRUE(d.is_ok()) << key;
  return d ? *d : DirectiveEntity{};
}

class KnowledgeRefreshTest : public ::testing::Test {
 protected:
  KnowledgeRefreshTest() : dir_("knowledge_refresh") {}
  std::string db() const { return dir_.str("db"); }
  testing::ScratchDir dir_;
};

TEST_F(KnowledgeRefreshTest, DirectivesMergeTheirCitationsAndAliasUndatedMentions) {
  {
    IndexWriter w(db(), {});
    w.put(record("a", "Thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục "
                      "đổi mới công tác thi đua"), "/r");
    w.put(record("b", "Quán triệt Chỉ thị số 34-CT/TW của Bộ Chính trị."), "/r");
    w.refresh_knowledge();
  }
  const Xapian::Database d(db());
  const DirectiveEntity e = directive(d, "34-ct/tw@2014-04-07");
  EXPECT_EQ(e.symbol, "34-CT/TW");
  EXPECT_EQ(e.type, "Chỉ thị");
  EXPECT_EQ(e.issuer, "Bộ Chính trị");
  EXPECT_EQ(e.date, "2014-04-07");
  EXPECT_EQ(e.aliases, std::vector<std::string>{"34-ct/tw"});
  // The undated mention has no entry of its own.
  EXPECT_EQ(d.get_metadata(std::string(kDirectiveKey) + "34-ct/tw"), "");
}

TEST_F(KnowledgeRefreshTest, ACorpusDocumentIsLinkedToTheDirectiveItIs) {
  {
    IndexWriter w(db(), {});
    w.put(record("cites", "Theo Công văn số 1954/UBND-TH ngày 30/5/2023 của UBND tỉnh."), "/r");
    doc::DocumentRecord own = record("own", "Công văn phát động thi đua", "2023-05-30");
    own.symbol = "1954/UBND-TH";
    w.put(own, "/r");
    w.refresh_knowledge();
  }
  const DirectiveEntity e = directive(Xapian::Database(db()), "1954/ubnd-th@2023-05-30");
  ASSERT_EQ(e.documents.size(), 1u);
  EXPECT_EQ(e.documents[0].id, "own");
  EXPECT_EQ(e.documents[0].how, "symbol_and_date");
  EXPECT_DOUBLE_EQ(e.documents[0].confidence, 1.0);
}

TEST_F(KnowledgeRefreshTest, RemovingTheLastCitationRemovesTheEntity) {
  {
    IndexWriter w(db(), {});
    w.put(record("a", "Theo Chỉ thị số 19/CT-TTg ngày 16/7/2021"), "/r");
    w.refresh_knowledge();
  }
  {
    IndexWriter w(db(), {});
    EXPECT_EQ(w.remove_missing("/r"), 1u);
    w.refresh_knowledge();
  }
  EXPECT_EQ(Xapian::Database(db()).get_metadata(std::string(kDirectiveKey) + "19/ct-ttg@2021-07-16"), "");
}

TEST(KnowledgeChangesTest, MergeAndEmpty) {
  KnowledgeChanges a{.symbols = {"34-ct/tw"}, .campaigns = {}, .unnumbered = {}};
  KnowledgeChanges b{.symbols = {"19/ct-ttg"}, .campaigns = {"dan-van-kheo"}, .unnumbered = {"/ubnd-th"}};
  EXPECT_FALSE(a.empty());
  a.merge(std::move(b));
  EXPECT_EQ(a.symbols, (std::set<std::string>{"19/ct-ttg", "34-ct/tw"}));
  EXPECT_EQ(a.campaigns, (std::set<std::string>{"dan-van-kheo"}));
  EXPECT_TRUE(KnowledgeChanges{}.empty());
}

}  // namespace
}  // namespace vanban::index
