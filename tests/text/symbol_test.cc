#include "vanban/text/symbol.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

struct SymbolCase {
  const char* name;
  const char* text;
  std::vector<std::string> keys;  // every symbol found, in order
};

class FindSymbolsTest : public ::testing::TestWithParam<SymbolCase> {};

TEST_P(FindSymbolsTest, FindsExactlyTheseKeys) {
  std::vector<std::string> keys;
  for (const Symbol& s : find_symbols(GetParam().text)) keys.push_back(s.key);
  EXPECT_EQ(keys, GetParam().keys);
}

// Phrases from the seed documents, plus variants users and typists produce.
INSTANTIATE_TEST_SUITE_P(
    Seeds, FindSymbolsTest,
    ::testing::Values(
        SymbolCase{"PartyDirective",
                   "trọng tâm là Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị",
                   {"34-ct/tw"}},
        SymbolCase{"SpaceAfterDash", "quán triệt Chỉ thị số 34- CT/TW và các văn bản",
                   {"34-ct/tw"}},
        SymbolCase{"EnDashWithSpaces", "Chỉ thị 34 – CT/TW", {"34-ct/tw"}},
        SymbolCase{"StateOfficialLetter",
                   "tại Công văn số 1954/UBND-TH ngày 30/5/2023, Giám đốc",
                   {"1954/ubnd-th"}},
        SymbolCase{"PrimeMinister", "Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng",
                   {"19/ct-ttg"}},
        SymbolCase{"PartyRegulationLowerI",
                   "Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương",
                   {"8-qdi/tw"}},
        SymbolCase{"LegalDocumentWithYear", "theo Nghị định 30/2020/NĐ-CP về công tác văn thư",
                   {"30/2020/nd-cp"}},
        SymbolCase{"SeveralInOneSentence",
                   "Kế hoạch số 123-KH/TU ngày 27/12/2022 ... Kết luận số 01-KL/TW, "
                   "Công văn số 4241/UBND-NC ngày 09/12/2022",
                   {"123-kh/tu", "1-kl/tw", "4241/ubnd-nc"}},
        SymbolCase{"ResolutionOfCouncil", "Nghị quyết số 68/NQ-HĐND ngày 09/12/2022",
                   {"68/nq-hdnd"}},
        SymbolCase{"LongIssuer", "Phát động số 405/PĐK-KKTTH ngày 26/02/2024", {"405/pdk-kktth"}},
        SymbolCase{"DateRangesAreNotSymbols",
                   "kỷ niệm 115 năm thành lập tỉnh (28/6/1909 - 28/6/2024), giai đoạn 2021-2025",
                   {}},
        SymbolCase{"StandardsAreNotSymbols", "ISO 9001-2008 và Covid-19", {}},
        SymbolCase{"AbbreviationsAreNotSymbols", "V/v phát động; Ban TĐKT Trung ương (B/c)", {}},
        SymbolCase{"LowerCaseProseIsNotASymbol", "từ 2-3 lần/tuần", {}},
        // Công báo PDF text (phapluat8).
        SymbolCase{"DottedNumber", "Phụ lục I.2 Nghị quyết 66.16/2026/NQ-CP.", {"66.16/2026/nq-cp"}},
        SymbolCase{"MultiOffice", "Thông tư liên tịch số 72/2011/TTLT-BTC-BGTVT ngày 27",
                   {"72/2011/ttlt-btc-bgtvt"}},
        SymbolCase{"OldInterMinistry", "Thông tư liên bộ số 24/TT-LB ngày 19/9/1994", {"24/tt-lb"}},
        SymbolCase{"SpaceAfterDashInState", "Nghị định số 60/2018/NĐ- CP ngày", {"60/2018/nd-cp"}},
        SymbolCase{"LineBreakAfterYear", "Bộ luật Lao động số 45/2019/\nQH14 ngày", {"45/2019/qh14"}},
        SymbolCase{"SpaceAfterYear", "Thông tư số 59/2015/ TT-BLĐTBXH ngày", {"59/2015/tt-bldtbxh"}},
        SymbolCase{"NumberedHeadingsAndTimesAreNotSymbols",
                   "10.9. Đề xuất; 29.06.2023 09:17:15; 2021 -\n2025; Mục I.B", {}},
        SymbolCase{"TwoLineBreaksAreNotOneSymbol", "số 45/2019/\n\nQH14", {}}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(FindSymbolsTest, KeepsDisplayFormAndOffsets) {
  const std::string text = "theo Chỉ thị số 34- CT/TW ngày";
  const auto found = find_symbols(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].display, "34-CT/TW");
  EXPECT_EQ(text.substr(found[0].start, found[0].end - found[0].start), "34- CT/TW");
  EXPECT_EQ(found[0].style, SymbolStyle::kParty);
}

TEST(FindSymbolsTest, StateStyleKeepsMixedCase) {
  const auto found = find_symbols("Chỉ thị 19/CT-TTg");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].display, "19/CT-TTg");
  EXPECT_EQ(found[0].style, SymbolStyle::kState);
}

TEST(FindSymbolsTest, DocumentTextNeedsCapitalsButQueriesDoNot) {
  EXPECT_TRUE(find_symbols("34-ct/tw").empty());
  const auto found = find_symbols("34-ct/tw", {.accept_lower_case = true});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].display, "34-CT/TW");
}

struct ParseCase {
  const char* name;
  const char* typed;
  const char* key;  // "" if not a symbol
};

class ParseSymbolTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseSymbolTest, CanonicalKey) {
  const auto sym = parse_symbol(GetParam().typed);
  if (std::string(GetParam().key).empty()) {
    EXPECT_FALSE(sym.has_value());
  } else {
    ASSERT_TRUE(sym.has_value());
    EXPECT_EQ(sym->key, GetParam().key);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Variants, ParseSymbolTest,
    ::testing::Values(ParseCase{"Canonical", "34-CT/TW", "34-ct/tw"},
                      ParseCase{"SpaceAfterDash", "34- CT/TW", "34-ct/tw"},
                      ParseCase{"EnDash", "34 – CT/TW", "34-ct/tw"},
                      ParseCase{"LowerCase", "34-ct/tw", "34-ct/tw"},
                      ParseCase{"LeadingZero", "034-CT/TW", "34-ct/tw"},
                      ParseCase{"UnaccentedDecree", "30/2020/ND-CP", "30/2020/nd-cp"},
                      ParseCase{"AccentedDecree", "30/2020/NĐ-CP", "30/2020/nd-cp"},
                      ParseCase{"LowerDecree", "30/2020/nđ-cp", "30/2020/nd-cp"},
                      ParseCase{"DecomposedD", "1954/UBND-TH", "1954/ubnd-th"},
                      ParseCase{"SurroundingSpaces", "  19/CT-TTg ", "19/ct-ttg"},
                      ParseCase{"Law", "45/2019/QH14", "45/2019/qh14"},
                      ParseCase{"LawLowerCase", "45/2019/qh14", "45/2019/qh14"},
                      ParseCase{"NotASymbol", "Chỉ thị", ""},
                      ParseCase{"DateIsNotASymbol", "07/4/2014", ""},
                      ParseCase{"TwoSymbols", "34-CT/TW 19/CT-TTg", ""},
                      ParseCase{"Empty", "", ""}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::text
