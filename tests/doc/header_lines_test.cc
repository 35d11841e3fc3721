#include "doc/header_lines.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "testing/scratch_dir.h"

namespace vanban::doc {
namespace {

TEST(HeaderLinesTest, CleanLineDropsMarkdownMarksAndCollapsesSpaces) {
  // Seed 001's signature block as the converter left it, and a PDF's
  // spaced-out issuer column.
  EXPECT_EQ(clean_line("**KT. CHỦ TỊCH**"), "KT. CHỦ TỊCH");
  EXPECT_EQ(clean_line("#### ***Nơi nhận:***"), "Nơi nhận:");
  EXPECT_EQ(clean_line("  BỘ KHOA   HỌC VÀ  CÔNG NGHỆ  "), "BỘ KHOA HỌC VÀ CÔNG NGHỆ");
  EXPECT_EQ(clean_line(""), "");
}

TEST(HeaderLinesTest, FoldHeadFoldsOnlyTheStartOfALongLine) {
  EXPECT_EQ(fold_head("Số: /UBND-TH"), "so: /ubnd-th");
  EXPECT_EQ(fold_head("Lai Châu, ngày 29 tháng 02 năm 2024"), "lai chau, ngay 29 thang 02 nam 2024");
  const std::string paragraph(400, 'A');
  EXPECT_EQ(fold_head(paragraph), std::string(120, 'a'));
}

// clean_fold_head() cleans only the head of a line, and gives what cleaning
// all of it would: on every line of the seeds, with the marks and spaces of
// a converted file around them, and on lines longer than the head.
TEST(HeaderLinesTest, CleanFoldHeadIsFoldHeadOfTheCleanLine) {
  std::vector<std::string> lines = {"#### ***XÁC THỰC VĂN BẢN HỢP NHẤT***", "",
                                    "  **Nơi   nhận:**  ", std::string(300, '*') + "Số: 12",
                                    "Đảng" + std::string(200, ' ') + "ủy"};
  for (const auto& entry : std::filesystem::directory_iterator(vanban::testing::seeds_dir())) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      lines.push_back(line);
      lines.push_back("**" + line + "  **");
      lines.push_back(line + " " + line + " " + line);
    }
  }
  for (const std::string& line : lines) EXPECT_EQ(clean_fold_head(line), fold_head(clean_line(line))) << line;
  EXPECT_EQ(clean_fold_head("#### ***XÁC THỰC VĂN BẢN HỢP NHẤT***"), "xac thuc van ban hop nhat");
}

TEST(HeaderLinesTest, MottoLinesOfStateAndParty) {
  EXPECT_TRUE(is_motto_line(fold_head("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
  EXPECT_TRUE(is_motto_line(fold_head("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
  EXPECT_TRUE(is_motto_line(fold_head("Độc lập - Tự do - Hạnh phúc")));
  EXPECT_TRUE(is_motto_line(fold_head("Độc lập – Tự do – Hạnh phúc")));
  EXPECT_TRUE(is_motto_line(fold_head("ĐẢNG CỘNG SẢN VIỆT NAM")));
  EXPECT_FALSE(is_motto_line(fold_head("ỦY BAN NHÂN DÂN")));
  EXPECT_FALSE(is_motto_line(fold_head("TỈNH LAI CHÂU")));
}

TEST(HeaderLinesTest, BeforeMottoKeepsTheIssuersColumn) {
  EXPECT_EQ(before_motto("BỘ CÔNG AN      CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "BỘ CÔNG AN");
  EXPECT_EQ(before_motto("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "ỦY BAN NHÂN DÂN");
  EXPECT_EQ(before_motto("VĂN PHÒNG QUỐC HỘI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "VĂN PHÒNG QUỐC HỘI");
  EXPECT_EQ(before_motto("  TỈNH LAI CHÂU  "), "TỈNH LAI CHÂU");
  EXPECT_EQ(before_motto("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "");
}

TEST(HeaderLinesTest, RuleLines) {
  EXPECT_TRUE(is_rule_line("__________"));
  EXPECT_TRUE(is_rule_line(" ----- "));
  EXPECT_TRUE(is_rule_line("*"));
  EXPECT_TRUE(is_rule_line("–––"));
  EXPECT_FALSE(is_rule_line(""));
  EXPECT_FALSE(is_rule_line("   "));
  EXPECT_FALSE(is_rule_line("- UBND các huyện, thành phố;"));
}

struct TypeHeadingCase {
  const char* line;
  std::optional<TypeHeading> want;
};

class TypeHeadingTest : public ::testing::TestWithParam<TypeHeadingCase> {};

TEST_P(TypeHeadingTest, ReadsTypeAndLawName) {
  const TypeHeadingCase& c = GetParam();
  const std::optional<TypeHeading> got = type_heading(c.line);
  ASSERT_EQ(got.has_value(), c.want.has_value()) << c.line;
  if (!got) return;
  EXPECT_EQ(got->type, c.want->type) << c.line;
  EXPECT_EQ(got->name, c.want->name) << c.line;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, TypeHeadingTest,
    ::testing::Values(TypeHeadingCase{"NGHỊ ĐỊNH", TypeHeading{"Nghị định", ""}},
                      TypeHeadingCase{"THÔNG TƯ LIÊN TỊCH", TypeHeading{"Thông tư liên tịch", ""}},
                      TypeHeadingCase{"QUYẾT ĐỊNH1", TypeHeading{"Quyết định", ""}},
                      TypeHeadingCase{"**KẾ HOẠCH**", TypeHeading{"Kế hoạch", ""}},
                      TypeHeadingCase{"LUẬT CÔNG ĐOÀN", TypeHeading{"Luật", "CÔNG ĐOÀN"}},
                      TypeHeadingCase{"BỘ LUẬT DÂN SỰ", TypeHeading{"Bộ luật", "DÂN SỰ"}},
                      TypeHeadingCase{"Quyết định", std::nullopt},
                      TypeHeadingCase{"ỦY BAN NHÂN DÂN", std::nullopt},
                      TypeHeadingCase{"", std::nullopt}));

TEST(HeaderLinesTest, NumberLineLabels) {
  EXPECT_TRUE(is_number_line(fold_head("Số: /UBND-TH")));
  EXPECT_TRUE(is_number_line(fold_head("Số 1954/UBND-TH")));
  EXPECT_TRUE(is_number_line(fold_head("Luật số: 41/2024/QH15")));
  EXPECT_TRUE(is_number_line(fold_head("Bộ luật số 91/2015/QH13")));
  EXPECT_FALSE(is_number_line(fold_head("V/v phát động phong trào thi đua")));
  EXPECT_FALSE(is_number_line(fold_head("Kính gửi: Các phòng, đơn vị trực thuộc Sở.")));
  // Folded, "Sở Công Thương" starts as "Số ..." does: the line's symbol
  // tells them apart (it has none).
  EXPECT_TRUE(is_number_line(fold_head("Sở Công Thương")));
  const NumberLine issuer = read_number_line("Sở Công Thương");
  EXPECT_EQ(issuer.symbol, "");
  EXPECT_EQ(issuer.unnumbered, "");
}

struct NumberLineCase {
  const char* line;
  const char* symbol;
  const char* unnumbered;
};

class ReadNumberLineTest : public ::testing::TestWithParam<NumberLineCase> {};

TEST_P(ReadNumberLineTest, SymbolOrBlankNumbersSuffix) {
  const NumberLineCase& c = GetParam();
  const NumberLine got = read_number_line(c.line);
  EXPECT_EQ(got.symbol, c.symbol) << c.line;
  EXPECT_EQ(got.unnumbered, c.unnumbered) << c.line;
}

INSTANTIATE_TEST_SUITE_P(
    Lines, ReadNumberLineTest,
    ::testing::Values(NumberLineCase{"Số: 1954/UBND-TH", "1954/UBND-TH", ""},
                      NumberLineCase{"Luật số: 41/2024/QH15", "41/2024/QH15", ""},
                      NumberLineCase{"Số: /UBND-TH", "", "/UBND-TH"},         // seed 001, a draft
                      NumberLineCase{"Số: /SCT-VP  ", "", "/SCT-VP"},         // seed 004
                      NumberLineCase{"Số: 125/VBHN-VPQH | Hà Nội, ngày 27 tháng 6 năm 2023",
                                     "125/VBHN-VPQH", ""},
                      NumberLineCase{"Số:", "", ""},
                      NumberLineCase{"Số: ngày tháng năm", "", ""}));

TEST(HeaderLinesTest, FootnoteMarksAfterWordsAreDroppedCodesKeepTheirs) {
  EXPECT_EQ(without_footnote_marks("Quy định về đăng ký thuế1"), "Quy định về đăng ký thuế");
  EXPECT_EQ(without_footnote_marks("Kiểm soát viên1 công ty"), "Kiểm soát viên công ty");
  EXPECT_EQ(without_footnote_marks("cúm H5N1, QH14 và PM2.5"), "cúm H5N1, QH14 và PM2.5");
  EXPECT_EQ(without_footnote_marks("diện tích 50 m2; 3 km2"), "diện tích 50 m2; 3 km2");
  EXPECT_EQ(without_footnote_marks("năm 2023"), "năm 2023");
  EXPECT_EQ(without_footnote_marks(""), "");
}

}  // namespace
}  // namespace vanban::doc
