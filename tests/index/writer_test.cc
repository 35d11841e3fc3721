#include "vanban/index/writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <set>

#include "testing/temp_index.h"
#include "vanban/index/schema.h"

namespace vanban::index {
namespace {

class IndexRunTest : public ::testing::Test {
 protected:
  IndexRunTest() : dir_("index_run") {
    std::filesystem::copy(testing::seeds_dir(), dir_.path() / "corpus",
                          std::filesystem::copy_options::recursive);
  }
  std::string db() const { return dir_.str("db"); }
  std::string corpus() const { return dir_.str("corpus"); }
  Xapian::doccount count() const { return Xapian::Database(db()).get_doccount(); }

  testing::ScratchDir dir_;
};

TEST_F(IndexRunTest, ReindexingTheSameCorpusChangesNothing) {
  const auto first = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(first.added, 5u);
  EXPECT_EQ(count(), 5u);
  const auto second = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.updated, 0u);
  EXPECT_EQ(second.unchanged, 5u);
  EXPECT_EQ(count(), 5u);
}

TEST_F(IndexRunTest, UpdatesChangedAndRemovesDeletedDocuments) {
  testing::index_paths(db(), {corpus()});
  dir_.write("corpus/000_ddb1ffae0c6ba085.txt", "Thi đua “Dân vận khéo” năm 2025");
  std::filesystem::remove(dir_.path() / "corpus/001_a09f608bfb9e07f5.txt");
  const auto run = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(run.updated, 1u);
  EXPECT_EQ(run.unchanged, 3u);
  EXPECT_EQ(run.removed, 1u);
  EXPECT_EQ(count(), 4u);
  const Xapian::Database database(db());
  EXPECT_EQ(database.get_termfreq(id_term("001_a09f608bfb9e07f5.txt")), 0u);
  EXPECT_EQ(database.get_termfreq(id_term("000_ddb1ffae0c6ba085.txt")), 1u);
}

TEST_F(IndexRunTest, InvalidUtf8FileIsReportedAndTheOthersIndexed) {
  dir_.write("corpus/broken.txt", "Chỉ thị \xC3\x28 34-CT/TW");
  const auto run = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(run.added, 5u);
  ASSERT_EQ(run.skips.size(), 1u);
  EXPECT_EQ(run.skips[0].reason, doc::SkipReason::kInvalidUtf8);
  EXPECT_NE(run.skips[0].where.find("broken.txt"), std::string::npos);
  EXPECT_EQ(count(), 5u);
  EXPECT_NE(run.summary().find("invalid UTF-8: 1"), std::string::npos) << run.summary();
}

TEST_F(IndexRunTest, FileThatTurnsBadKeepsItsIndexedVersion) {
  testing::index_paths(db(), {corpus()});
  dir_.write("corpus/000_ddb1ffae0c6ba085.txt", std::string("\0\x01\x02", 3));
  const auto run = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(run.removed, 0u);
  EXPECT_EQ(count(), 5u);
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

TEST(MakeDocumentTest, IndexesFoldedExactAndSymbolTerms) {
  doc::DocumentRecord r;
  r.id = "x";
  r.title = "Thi đua";
  r.text = "Thi đua “Dân vận khéo” theo Chỉ thị số 34- CT/TW của Tỉnh uỷ";
  r.date = "2024-02-29";
  text::Tokenizer tok;
  const Xapian::Document d = make_document(r, "/root", tok);
  std::set<std::string> terms;
  for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) terms.insert(*t);
  for (const char* expected : {"dan", "XEdân", "kheo", "XEkhéo", "XSYM34-ct/tw", "uy",
                               "XEủy", "Sthi", "Sdua", "Qx", "Y2024", "M202402",
                               "D20240229"}) {
    EXPECT_TRUE(terms.count(expected)) << expected;
  }
  // The symbol is one atom: its parts are not words.
  EXPECT_FALSE(terms.count("ct"));
  EXPECT_FALSE(terms.count("tw"));
  EXPECT_EQ(d.get_value(kDateSlot), "20240229");
}

TEST(RecordCodecTest, RoundTrips) {
  doc::DocumentRecord r;
  r.id = "seeds/a.txt";
  r.title = "Tiêu đề";
  r.text = "Nội dung <script>";
  r.metadata["place"] = "Lai Châu";
  const doc::DocumentRecord back = decode_record(encode_record(r));
  EXPECT_EQ(back.id, r.id);
  EXPECT_EQ(back.text, r.text);
  EXPECT_EQ(back.metadata, r.metadata);
  EXPECT_THROW(decode_record("{"), std::runtime_error);
}

TEST(IdTermTest, LongIdsStayUnderXapiansLimit) {
  const std::string long_id(600, 'x');
  const std::string term = id_term(long_id);
  EXPECT_LE(term.size(), kMaxTermBytes);
  EXPECT_NE(term, id_term(long_id + "y"));
  EXPECT_EQ(id_term("seeds/a.txt"), "Qseeds/a.txt");
}

}  // namespace
}  // namespace vanban::index
