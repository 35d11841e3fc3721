#include "vanban/text/tokenize.h"

#include "vanban/text/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

std::vector<std::string> folded(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.folded);
  return out;
}

TEST(TokenizerTest, SplitsSyllablesAndFolds) {
  Tokenizer tok;
  const auto tokens = tok.tokenize("Thi đua “Dân vận khéo”;");
  EXPECT_EQ(folded(tokens), (std::vector<std::string>{"thi", "dua", "dan", "van", "kheo"}));
  EXPECT_EQ(tokens[2].exact, "dân");
}

TEST(TokenizerTest, KeepsSymbolsWhole) {
  Tokenizer tok;
  const std::string text = "theo Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị";
  const auto tokens = tok.tokenize(text);
  EXPECT_EQ(folded(tokens),
            (std::vector<std::string>{"theo", "chi", "thi", "so", "34-ct/tw", "ngay", "7", "4",
                                      "2014", "cua", "bo", "chinh", "tri"}));
  const Token& sym = tokens[4];
  EXPECT_EQ(sym.kind, TokenKind::kSymbol);
  EXPECT_EQ(sym.exact, "34-CT/TW");
  EXPECT_EQ(text.substr(sym.start, sym.end - sym.start), "34-CT/TW");
}

TEST(TokenizerTest, NumbersLoseLeadingZerosWhenFolded) {
  Tokenizer tok;
  const auto tokens = tok.tokenize("ngày 07/4");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].exact, "07");
  EXPECT_EQ(tokens[1].folded, "7");
}

TEST(TokenizerTest, OffsetsPointIntoTheText) {
  Tokenizer tok;
  const std::string text = "Ủy ban nhân dân tỉnh Lai Châu";
  for (const Token& t : tok.tokenize(text)) {
    EXPECT_EQ(fold(text.substr(t.start, t.end - t.start)), t.folded);
  }
}

// Found by fuzz/fuzz_symbols_citations: ICU calls "Q1" a number; its term
// must be folded, or it reads as the id term of document "1".
TEST(TokenizerTest, AlphanumericNumbersAreFolded) {
  Tokenizer tok;
  const auto tokens = tok.tokenize("Báo cáo Q1 năm 2024");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(tokens[2].folded, "q1");
  EXPECT_EQ(tokens[2].exact, "Q1");
}

TEST(TokenizerTest, EmptyAndPunctuationOnly) {
  Tokenizer tok;
  EXPECT_TRUE(tok.tokenize("").empty());
  EXPECT_TRUE(tok.tokenize(" - ; “” ...").empty());
}

}  // namespace
}  // namespace vanban::text
