#include "vanban/index/writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <set>

#include "testing/scratch_dir.h"
#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"

namespace vanban::index {
namespace {

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
  const auto back = decode_record(encode_record(r));
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->id, r.id);
  EXPECT_EQ(back->text, r.text);
  EXPECT_EQ(back->metadata, r.metadata);
  EXPECT_TRUE(decode_record("{").status().is_corruption());
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
