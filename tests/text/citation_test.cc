#include "vanban/text/citation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/scratch_dir.h"
#include "vanban/doc/chrome.h"
#include "vanban/doc/metadata.h"

namespace vanban::text {
namespace {

// Every citation of a seed, in order: directive key, type, issuer. Read
// off the documents by hand.
struct ExpectedCitation {
  const char* key;
  const char* type;
  const char* issuer;
};

struct CitationSeedCase {
  const char* name;
  const char* file;
  std::vector<ExpectedCitation> citations;
};

std::vector<Citation> citations_of(const std::string& text) {
  Tokenizer tok;
  return find_citations(text, tok.tokenize(text));
}

class SeedCitationsTest : public ::testing::TestWithParam<CitationSeedCase> {};

TEST_P(SeedCitationsTest, FindsEveryCitationAndNothingElse) {
  const std::string text =
      doc::strip_boilerplate(testing::read_file(testing::seeds_dir() + "/" + GetParam().file));
  const auto found = citations_of(text);
  std::vector<std::string> got, want;
  for (const auto& c : found) got.push_back(c.key + " | " + c.type + " | " + c.issuer);
  for (const auto& e : GetParam().citations) {
    want.push_back(std::string(e.key) + " | " + e.type + " | " + e.issuer);
  }
  EXPECT_EQ(got, want);
  for (const auto& c : found) {
    // Offsets cover the citation, starting at its type word or symbol.
    const std::string surface = text.substr(c.start, c.end - c.start);
    EXPECT_NE(surface.find(c.symbol.substr(0, 2)), std::string::npos) << surface;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, SeedCitationsTest,
    ::testing::Values(
        CitationSeedCase{"WebArticleLaiChau",
                 "000_ddb1ffae0c6ba085.txt",
                 {{"1954/ubnd-th@2023-05-30", "Công văn", ""},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"32-ct/tu@2014-06-26", "Chỉ thị", "Tỉnh uỷ"}}},
        CitationSeedCase{"DraftLetterOfProvince",
                 "001_a09f608bfb9e07f5.txt",
                 {{"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"11-ct/tu@2022-06-15", "Chỉ thị", "Ban Thường vụ Tỉnh uỷ"},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"32-ct/tu@2014-06-26", "Chỉ thị", "Tỉnh uỷ"}}},
        // "Chỉ thị số 34- CT/TW" without a date is the dated one cited before.
        CitationSeedCase{"WebArticleBacKan",
                 "002_352bcdfb180350d4.txt",
                 {{"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", ""},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"}}},
        CitationSeedCase{"WebArticleTayNinh",
                 "003_bf467de301be45ad.txt",
                 {{"1/ct-ubnd@2023-01-03", "Chỉ thị", "Chủ tịch UBND tỉnh"},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"19/ct-ttg@2021-07-16", "Chỉ thị", "Thủ tướng Chính phủ"},
                  {"4/ct-ubnd@2021-01-11", "Chỉ thị", "Chủ tịch UBND tỉnh"},
                  {"123-kh/tu@2022-12-27", "Kế hoạch", "Ban Thường vụ Tỉnh ủy"},
                  {"1-kl/tw", "Kết luận", "Bộ Chính trị"},
                  {"4241/ubnd-nc@2022-12-09", "Công văn", "UBND tỉnh"},
                  {"6-nq/tu@2022-12-09", "Nghị quyết", "Ban Chấp hành Đảng bộ tỉnh"},
                  {"68/nq-hdnd@2022-12-09", "Nghị quyết", "HĐND tỉnh"},
                  {"24-nq/tw@2022-10-07", "Nghị quyết", "Bộ Chính trị"},
                  {"154/nq-cp@2022-11-23", "Nghị quyết", "Chính phủ"},
                  {"24-nq/tw@2022-10-07", "Nghị quyết", "Bộ Chính trị"},
                  {"21-kl/tw@2021-10-25", "Kết luận", "Ban Chấp hành Trung ương"},
                  {"37-qd/tw@2021-10-25", "Quy định", "Ban Chấp hành Trung ương"},
                  {"8-qdi/tw@2018-10-25", "Quy định", "Ban Chấp hành Trung ương"},
                  {"325-bc/tu@2022-11-09", "Báo cáo", "Tỉnh ủy"},
                  {"4134/kh-ubnd@2022-11-29", "Kế hoạch", ""},
                  {"310/kh-ubnd@2021-02-01", "Kế hoạch", "UBND tỉnh"}}},
        CitationSeedCase{"LetterOfDepartment",
                 "004_39b0106687e293f0.txt",
                 {{"477/ct-ubnd@2024-02-06", "Chỉ thị", "Chủ tịch UBND tỉnh"},
                  {"405/pdk-kktth@2024-02-26", "Phát động", "Khối tham mưu quản lý nhà nước"},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"7/ct-ttg@2014-03-19", "Chỉ thị", "Thủ tướng Chính phủ"},
                  {"19/ct-ttg@2021-07-16", "Chỉ thị", "Thủ tướng Chính phủ"},
                  {"9/ct-ubnd@2021-08-11", "Chỉ thị", "Chủ tịch UBND tỉnh"},
                  {"34-ct/tw@2014-04-07", "Chỉ thị", "Bộ Chính trị"},
                  {"5-ct/tw@2016-05-15", "Chỉ thị", "Bộ Chính trị"}}}),
    [](const auto& p) { return std::string(p.param.name); });

struct GrammarCase {
  const char* name;
  const char* text;
  const char* key;
  const char* date;
  const char* issuer;
  const char* subject;
};

class CitationGrammarTest : public ::testing::TestWithParam<GrammarCase> {};

TEST_P(CitationGrammarTest, ReadsEveryPart) {
  const auto found = citations_of(GetParam().text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, GetParam().key);
  EXPECT_EQ(found[0].date, GetParam().date);
  EXPECT_EQ(found[0].issuer, GetParam().issuer);
  EXPECT_EQ(found[0].subject, GetParam().subject);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, CitationGrammarTest,
    ::testing::Values(
        GrammarCase{"LongDate", "theo Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị.",
                    "34-ct/tw@2014-04-07", "2014-04-07", "Bộ Chính trị", ""},
        GrammarCase{"DashedDate", "Chỉ thị 34-CT/TW ngày 07-4-2014 của Bộ Chính trị",
                    "34-ct/tw@2014-04-07", "2014-04-07", "Bộ Chính trị", ""},
        GrammarCase{"CommaBeforeDateAndQuotedSubject",
                    "Chỉ thị 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị “Về việc tiếp tục đổi mới”.",
                    "34-ct/tw@2014-04-07", "2014-04-07", "Bộ Chính trị", "Về việc tiếp tục đổi mới"},
        GrammarCase{"IssuerThenIssueDate", "Chỉ thị 01/CT-UBND của Chủ tịch UBND tỉnh ban hành ngày 03/01/2023",
                    "1/ct-ubnd@2023-01-03", "2023-01-03", "Chủ tịch UBND tỉnh", ""},
        GrammarCase{"PartyTermInBrackets",
                    "Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị (khoá XI) và các văn bản",
                    "34-ct/tw@2014-04-07", "2014-04-07", "Bộ Chính trị", ""},
        GrammarCase{"AboutClause",
                    "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư; ",
                    "30/2020/nd-cp@2020-03-05", "2020-03-05", "Chính phủ", "về công tác văn thư"},
        GrammarCase{"NoDate", "Kết luận số 01-KL/TW của Bộ Chính trị,", "1-kl/tw", "", "Bộ Chính trị", ""}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(CitationTest, LawOfTheNationalAssembly) {
  const auto found = citations_of("Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019;");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, "45/2019/qh14@2019-11-20");
  EXPECT_EQ(found[0].type, "Bộ luật");
  EXPECT_EQ(found[0].symbol, "45/2019/QH14");
}

TEST(CitationTest, OwnNumberInTheHeaderIsNotACitation) {
  const auto found = citations_of("UBND TỈNH LAI CHÂU\nSố: 1954/UBND-TH\nV/v phát động\n\ntheo Công văn số 12/UBND-TH");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, "12/ubnd-th");
}

TEST(CitationTest, SameSymbolWithTwoDatesIsTwoDirectives) {
  const auto found = citations_of(
      "Chỉ thị số 01/CT-UBND ngày 03/01/2023 của Chủ tịch UBND tỉnh và Chỉ thị số 01/CT-UBND "
      "ngày 05/01/2024 của Chủ tịch UBND tỉnh");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[0].key, found[1].key);
  EXPECT_EQ(found[0].symbol_key, found[1].symbol_key);
}


}  // namespace
}  // namespace vanban::text

namespace vanban::text {
namespace {

// Found by fuzz/fuzz_symbols_citations: a lone 0xA0 byte ends "à" and is
// not a non-breaking space; odd digits in a date are not numbers.
TEST(CitationRegressionTest, SubjectEndingWithAGraveKeepsIt) {
  const auto found = citations_of("Chỉ thị số 34-CT/TW của Bộ Chính trị về việc thi đua là\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].subject, "về việc thi đua là");
}

TEST(CitationRegressionTest, OddNumbersInADateDoNotThrow) {
  EXPECT_NO_THROW(citations_of("Chỉ thị số 34-CT/TW ngày ９ tháng 4 năm 2014"));
  EXPECT_NO_THROW(citations_of("Chỉ thị số 34-CT/TW ngày 99999999999 tháng 4 năm 2014"));
  const auto found = citations_of("Chỉ thị số 34-CT/TW ngày 99999999999 tháng 4 năm 2014");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].date, "");
}

}  // namespace
}  // namespace vanban::text

namespace vanban::text {
namespace {

// Issue 17: the whole issuer and the whole subject clause, across the line
// breaks PDF extraction leaves (phapluat8 sentences).
struct EntityCase {
  const char* name;
  const char* text;
  const char* key;
  const char* type;
  const char* issuer;
  const char* subject;
};

class CitationEntityTest : public ::testing::TestWithParam<EntityCase> {};

TEST_P(CitationEntityTest, ReadsWholeIssuerAndSubject) {
  const auto found = citations_of(GetParam().text);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].key, GetParam().key);
  EXPECT_EQ(found[0].type, GetParam().type);
  EXPECT_EQ(found[0].issuer, GetParam().issuer);
  EXPECT_EQ(found[0].subject, GetParam().subject);
}

INSTANTIATE_TEST_SUITE_P(
    Legal, CitationEntityTest,
    ::testing::Values(
        EntityCase{"GovernmentAndWrappedSubject",
                   "Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ \nquy "
                   "định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Lao động - \nThương "
                   "binh và Xã hội;",
                   "62/2022/nd-cp@2022-09-12", "Nghị định", "Chính phủ",
                   "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Lao động - "
                   "Thương binh và Xã hội"},
        EntityCase{"MinisterOfALongMinistry",
                   "Thông tư số 17/2022/TT-BLĐTBXH ngày 06 tháng 9 năm 2022 của Bộ trưởng Bộ Lao động "
                   "- Thương binh và Xã hội hướng dẫn thực hiện một số nội dung về giáo dục nghề "
                   "nghiệp (sau đây gọi là Thông tư số 17/2022/TT-BLĐTBXH)",
                   "17/2022/tt-bldtbxh@2022-09-06", "Thông tư",
                   "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
                   "hướng dẫn thực hiện một số nội dung về giáo dục nghề nghiệp"},
        EntityCase{"PrimeMinisterWrapped",
                   "Thực hiện Quyết định số 1719/QĐ-TTg ngày 14 tháng 10 năm 2021 của Thủ \ntướng "
                   "Chính phủ về phê duyệt Chương trình mục tiêu quốc gia giai đoạn 2021 - 2030;",
                   "1719/qd-ttg@2021-10-14", "Quyết định", "Thủ tướng Chính phủ",
                   "về phê duyệt Chương trình mục tiêu quốc gia giai đoạn 2021 - 2030"},
        EntityCase{"TwoMinistersOfAJointCircular",
                   "Bãi bỏ toàn bộ Thông tư liên tịch số 72/2011/TTLT-BTC-BGTVT ngày 27 tháng 5 năm "
                   "2011 của Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Giao thông vận tải hướng dẫn cơ "
                   "chế quản lý tài chính đào tạo lái xe cơ giới đường bộ.",
                   "72/2011/ttlt-btc-bgtvt@2011-05-27", "Thông tư liên tịch",
                   "Bộ trưởng Bộ Tài chính và Bộ trưởng Bộ Giao thông vận tải",
                   "hướng dẫn cơ chế quản lý tài chính đào tạo lái xe cơ giới đường bộ"},
        EntityCase{"PartySecretariat",
                   "Căn cứ Chỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư về \nthực hiện "
                   "bảo hiểm y tế toàn dân trong giai đoạn mới;",
                   "52-ct/tw@2025-10-03", "Chỉ thị", "Ban Bí thư",
                   "về thực hiện bảo hiểm y tế toàn dân trong giai đoạn mới"},
        EntityCase{"SubjectRunsToTheNextListItem",
                   "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ \nquy định "
                   "chi tiết một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm \npháp "
                   "luật năm 2015 và Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ",
                   "34/2016/nd-cp@2016-05-14", "Nghị định", "Chính phủ",
                   "quy định chi tiết một số điều và biện pháp thi hành Luật Ban hành văn bản quy phạm "
                   "pháp luật năm 2015"},
        EntityCase{"SubjectKeepsANestedCitation",
                   "Thông tư số 20/2020/TT-BTC ngày 01 tháng 4 năm 2020 của Bộ trưởng Bộ Tài chính sửa "
                   "đổi, bổ sung một số điều của Thông tư số 312/2016/TT-BTC ngày 24 tháng 11 năm "
                   "2016;",
                   "20/2020/tt-btc@2020-04-01", "Thông tư", "Bộ trưởng Bộ Tài chính",
                   "sửa đổi, bổ sung một số điều của Thông tư số 312/2016/TT-BTC ngày 24 tháng 11 năm "
                   "2016"},
        EntityCase{"SubjectEndsBeforeThePredicate",
                   "2. Nghị định số 117/2017/NĐ-CP ngày 19 tháng 10 năm 2017 của Chính phủ quy định về "
                   "quản lý, sử dụng ngân sách nhà nước hết hiệu lực kể từ ngày Nghị định này có hiệu "
                   "lực thi hành.",
                   "117/2017/nd-cp@2017-10-19", "Nghị định", "Chính phủ",
                   "quy định về quản lý, sử dụng ngân sách nhà nước"},
        EntityCase{"SubjectSkipsPageFurniture",
                   "Căn cứ Nghị định số 29/2025/NĐ-CP ngày 24 tháng 02 năm 2025 của Chính \nphủ quy "
                   "định chức năng, nhiệm vụ, quyền hạn \nCÔNG BÁO/Số 151/Ngày 17-03-2026 \n107\n và "
                   "cơ cấu tổ chức của Bộ Tài chính;",
                   "29/2025/nd-cp@2025-02-24", "Nghị định", "Chính phủ",
                   "quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Tài chính"},
        EntityCase{"OldInterMinistryCircular",
                   "2. Thông tư liên bộ số 24/TT-LB ngày 19/9/1994 của liên Bộ Lao động",
                   "24/tt-lb@1994-09-19", "Thông tư liên bộ", "liên Bộ Lao động", ""},
        EntityCase{"LawNameWrappedNumber",
                   "Căn cứ Luật Đầu tư công số 58/2024/QH15 được sửa đổi, bổ sung bởi Luật \nsố "
                   "90/2025/QH15;",
                   "58/2024/qh15", "Luật", "", ""}),
    [](const auto& p) { return std::string(p.param.name); });

// Symbols broken by the PDF extraction are one citation each, and prose
// with numbers is none.
struct BrokenSymbolCase {
  const char* name;
  const char* text;
  std::vector<std::string> symbols;  // display forms, in order
};

class BrokenSymbolCitationTest : public ::testing::TestWithParam<BrokenSymbolCase> {};

TEST_P(BrokenSymbolCitationTest, ReadsTheWholeSymbol) {
  std::vector<std::string> got;
  for (const Citation& c : citations_of(GetParam().text)) got.push_back(c.symbol);
  EXPECT_EQ(got, GetParam().symbols);
}

INSTANTIATE_TEST_SUITE_P(
    Pdf, BrokenSymbolCitationTest,
    ::testing::Values(
        BrokenSymbolCase{"SpaceAfterDash", "Nghị định số 60/2021/NĐ- CP ngày 21 tháng 6 năm 2021",
                         {"60/2021/NĐ-CP"}},
        BrokenSymbolCase{"LineBreakAfterDash", "Thông tư số 57/2021/TT-\nBTC ngày 12 tháng 7 năm 2021",
                         {"57/2021/TT-BTC"}},
        BrokenSymbolCase{"SpaceAfterYear", "của Thông tư số 59/2015/ TT-BLĐTBXH ngày 29 tháng 12",
                         {"59/2015/TT-BLĐTBXH"}},
        BrokenSymbolCase{"LineBreakBeforeTerm", "Bộ luật Lao động số 45/2019/\nQH14 ngày 20/11/2019",
                         {"45/2019/QH14"}},
        BrokenSymbolCase{"DottedNumber", "Mục I.B, mục 2 Phụ lục I.2 Nghị quyết 66.16/2026/NQ-CP.",
                         {"66.16/2026/NQ-CP"}},
        BrokenSymbolCase{"MultiOffice", "Thông tư liên tịch số 35/2015/TTLT-BLĐTBXH-BNV ngày 16",
                         {"35/2015/TTLT-BLĐTBXH-BNV"}},
        BrokenSymbolCase{"FormNumbersAreNoDocuments",
                         "16. Thay thế các Mẫu số 01-ĐĐN/SHTT/2020, Mẫu số 02-ĐTD/SHTT ban hành kèm "
                         "theo Thông tư số 263/2016/TT-BTC",
                         {"263/2016/TT-BTC"}},
        BrokenSymbolCase{"NumberedItemsAreProse",
                         "10.9. Đề xuất phương án kỹ thuật thay thế; giai đoạn 2021 -\n2025; ngày "
                         "29.06.2023 09:17:15; Mục I.B, mục 2 Phụ lục I.2",
                         {}}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::text
