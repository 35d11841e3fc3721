#include "vanban/index/document_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>

#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"

namespace vanban::index {
namespace {

doc::DocumentRecord letter() {
  doc::DocumentRecord r;
  r.id = "x";
  r.title = "Thi đua";
  r.text = "Thi đua “Dân vận khéo” theo Chỉ thị số 34- CT/TW ngày 07/4/2014 của Tỉnh uỷ";
  r.date = "2024-02-29";
  r.type = "Công văn";
  r.issuer = "Sở Công Thương";
  r.symbol = "477/SCT-VP";
  return r;
}

std::set<std::string> terms_of(const Xapian::Document& d) {
  return {d.termlist_begin(), d.termlist_end()};
}

TEST(MakeDocumentTest, IndexesFoldedExactAndSymbolTerms) {
  text::Tokenizer tok;
  const std::set<std::string> terms = terms_of(make_document(letter(), "/root", tok));
  for (const char* expected : {"dan", "XEdân", "kheo", "XEkhéo", "XSYM34-ct/tw", "uy", "XEủy",
                               "XPdan van", "Sthi", "Sdua", "Qx", "Y2024", "M202402", "D20240229",
                               "XTcong van", "XIso cong thuong", "XOWN477/sct-vp",
                               "XCITE34-ct/tw@2014-04-07", "XCS34-ct/tw", "XCAMPdan-van-kheo"}) {
    EXPECT_TRUE(terms.count(expected)) << expected;
  }
  // The symbol is one atom: its parts are not words.
  EXPECT_FALSE(terms.count("ct"));
  EXPECT_FALSE(terms.count("tw"));
}

TEST(MakeDocumentTest, ValuesAndStoredData) {
  text::Tokenizer tok;
  const Xapian::Document d = make_document(letter(), "/root", tok);
  EXPECT_EQ(d.get_value(kDateSlot), "20240229");
  EXPECT_EQ(d.get_value(kYearSlot), "2024");
  EXPECT_EQ(d.get_value(kTypeSlot), "Công văn");
  EXPECT_EQ(d.get_value(kIssuerSlot), "Sở Công Thương");
  EXPECT_EQ(d.get_value(kCitesSlot), "34-ct/tw@2014-04-07\n");
  EXPECT_EQ(d.get_value(kContentHashSlot), content_digest(encode_record(letter()), "/root"));
  const auto stored = decode_stored(d.get_data());
  ASSERT_TRUE(stored.is_ok());
  ASSERT_EQ(stored->citations.size(), 1u);
  EXPECT_EQ(stored->citations[0].symbol, "34-CT/TW");
}

TEST(MakeDocumentTest, MonthOnlyDatesHaveNoDayTerm) {
  doc::DocumentRecord r = letter();
  r.date = "2023-05";
  text::Tokenizer tok;
  const Xapian::Document d = make_document(r, "/root", tok);
  const std::set<std::string> terms = terms_of(d);
  EXPECT_TRUE(terms.count("M202305"));
  EXPECT_EQ(d.get_value(kDateSlot), "20230500");
  for (const auto& t : terms) EXPECT_NE(t.substr(0, 1), "D") << t;
}

TEST(ContentDigestTest, DependsOnDataAndRoot) {
  EXPECT_EQ(content_digest("{}", "/a"), content_digest("{}", "/a"));
  EXPECT_NE(content_digest("{}", "/a"), content_digest("{}", "/b"));
  EXPECT_NE(content_digest("{}", "/a"), content_digest("{ }", "/a"));
}

TEST(FootprintTest, NamesTheWordsAndKnowledgeKeysOfADocument) {
  text::Tokenizer tok;
  const DocumentFootprint f = footprint_of(make_document(letter(), "/root", tok));
  EXPECT_EQ(f.knowledge.symbols, (std::set<std::string>{"34-ct/tw", "477/sct-vp"}));
  EXPECT_EQ(f.knowledge.campaigns, (std::set<std::string>{"dan-van-kheo"}));
  const std::set<std::string> words(f.words.begin(), f.words.end());
  EXPECT_TRUE(words.count("dân"));
  EXPECT_TRUE(words.count("dan"));
  EXPECT_FALSE(words.count("2014"));
}

}  // namespace
}  // namespace vanban::index
