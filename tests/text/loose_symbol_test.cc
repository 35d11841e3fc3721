#include "vanban/text/loose_symbol.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

struct LooseCase {
  const char* typed;
  SymbolPattern expected;
};

class LooseSymbolParseTest : public ::testing::TestWithParam<LooseCase> {};

TEST_P(LooseSymbolParseTest, ReadsThePartsTyped) {
  const auto found = parse_loose_symbol(GetParam().typed);
  ASSERT_TRUE(found.has_value()) << GetParam().typed;
  EXPECT_EQ(found->number, GetParam().expected.number);
  EXPECT_EQ(found->year, GetParam().expected.year);
  EXPECT_EQ(found->first_codes, GetParam().expected.first_codes);
  EXPECT_EQ(found->more_codes, GetParam().expected.more_codes);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, LooseSymbolParseTest,
    ::testing::Values(
        // Separators as spaces.
        LooseCase{"111 2022 nd cp", {"111", "2022", {"nd"}, {"cp"}}},
        LooseCase{"111 2022 NĐ CP", {"111", "2022", {"nd"}, {"cp"}}},
        LooseCase{"34 ct tw", {"34", "", {"ct"}, {"tw"}}},
        // Type word and number/year; abbreviation, number and year.
        LooseCase{"nghi dinh 111/2022", {"111", "2022", {"nd"}, {}}},
        LooseCase{"Nghị định số 111/2022", {"111", "2022", {"nd"}, {}}},
        LooseCase{"nd 111 2022", {"111", "2022", {"nd"}, {}}},
        LooseCase{"Luật 45/2019", {"45", "2019", {"qh"}, {}}},
        LooseCase{"Quy định 08", {"8", "", {"qdi", "qd"}, {}}},
        // No separators.
        LooseCase{"34ct/tw", {"34", "", {"ct"}, {"tw"}}},
        LooseCase{"CT34", {"34", "", {"ct"}, {}}},
        LooseCase{"chi thi 34", {"34", "", {"ct"}, {}}},
        // The type's code typed again after the number; a term number.
        LooseCase{"chỉ thị 34 CT TW", {"34", "", {"ct"}, {"tw"}}},
        LooseCase{"45 2019 qh14", {"45", "2019", {"qh14"}, {}}},
        // An office code joined by a dash need not be in the table.
        LooseCase{"1954 ubnd-th", {"1954", "", {"ubnd"}, {"th"}}},
        // A printed symbol, alone or after its type.
        LooseCase{"34-CT/TW", {"34", "", {"ct"}, {"tw"}}},
        LooseCase{"Chỉ thị 34-CT/TW", {"34", "", {"ct"}, {"tw"}}},
        LooseCase{"30/2020/NĐ-CP", {"30", "2020", {"nd"}, {"cp"}}}));

TEST(LooseSymbolTest, OrdinaryNumbersAreNoSymbol) {
  for (const char* text : {"Điều 5", "năm 2020", "khoản 2 điều 3", "5.000.000 đồng", "2024",
                           "34 tỉnh ủy", "5 cp", "sau 5 đã", "chỉ thị", "ct tw"}) {
    EXPECT_FALSE(parse_loose_symbol(text).has_value()) << text;
  }
}

TEST(LooseSymbolTest, MatchesKeysInEitherStyle) {
  const SymbolPattern ct34 = *parse_loose_symbol("34 ct tw");
  EXPECT_TRUE(ct34.matches("34-ct/tw"));
  EXPECT_TRUE(ct34.matches("34/ct-tw"));
  EXPECT_FALSE(ct34.matches("34-ct/tu"));
  EXPECT_FALSE(ct34.matches("134-ct/tw"));
  const SymbolPattern decree = *parse_loose_symbol("nghi dinh 111/2022");
  EXPECT_TRUE(decree.matches("111/2022/nd-cp"));
  EXPECT_FALSE(decree.matches("111/2021/nd-cp"));
  EXPECT_FALSE(decree.matches("111/2022/tt-btc"));
  const SymbolPattern law = *parse_loose_symbol("luật 45/2019");
  EXPECT_TRUE(law.matches("45/2019/qh14"));
  EXPECT_FALSE(law.matches("45/2019/qhx-cp"));
  EXPECT_EQ(ct34.key_prefixes(), (std::vector<std::string>{"34-", "34/"}));
}

TEST(LooseSymbolTest, FindsTheTokensOfEachSymbolInAQuery) {
  Tokenizer tokenizer({.accept_lower_case = true});
  const std::string query = "thực hiện chỉ thị 34 ct tw và nd 111 2022 năm 2024";
  const std::vector<Token> tokens = tokenizer.tokenize(query);
  const std::vector<LooseSymbol> found = find_loose_symbols(query, tokens);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].first, 2u);  // chỉ thị 34 ct tw
  EXPECT_EQ(found[0].end, 7u);
  EXPECT_EQ(found[0].pattern, (SymbolPattern{"34", "", {"ct"}, {"tw"}}));
  EXPECT_EQ(found[1].first, 8u);  // nd 111 2022
  EXPECT_EQ(found[1].end, 11u);
  // A printed symbol is a symbol token already, not a loose one.
  for (const std::string printed : {"34-CT/TW", "Chỉ thị 34-CT/TW"}) {
    EXPECT_TRUE(find_loose_symbols(printed, tokenizer.tokenize(printed)).empty()) << printed;
  }
}

}  // namespace
}  // namespace vanban::text
