#include "doc/formats/page_layout.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace vanban::doc {
namespace {

// A source line of words 12 units high at `top`, starting at `left`, each
// word 8 units per character wide and 4 apart; "|" in `text` puts a gap of
// `gutter` units there.
std::vector<WordBox> line_at(double left, double top, const std::string& text, double gutter = 60) {
  std::vector<WordBox> out;
  std::istringstream in(text);
  double x = left;
  for (std::string word; in >> word;) {
    if (word == "|") {
      x += gutter;
      continue;
    }
    const double width = 8.0 * static_cast<double>(word.size());
    out.push_back({word, {x, top, x + width, top + 12}, true});
    x += width + 4;
  }
  return out;
}

std::vector<std::string> texts_of(const std::vector<LayoutBlock>& blocks) {
  std::vector<std::string> out;
  for (const LayoutBlock& b : blocks) {
    std::string joined;
    for (const LayoutLine& l : b.lines) joined += (joined.empty() ? "" : " / ") + l.text;
    out.push_back(joined);
  }
  return out;
}

TEST(PageLayoutTest, ReadsTwoHeaderColumnsOneAfterTheOtherThenTheBody) {
  // Rows as poppler gives them: both columns of the header in one row.
  PageWords page;
  page.lines = {line_at(60, 10, "UY BAN NHAN DAN | CONG HOA XA HOI"),
                line_at(68, 24, "TINH LAI CHAU | Doc lap - Tu do"),
                line_at(76, 38, "So: 12/UBND-TH"),
                line_at(290, 44, "Lai Chau, ngay 30"),
                line_at(60, 52, "V/v phat dong"),
                line_at(40, 90, "Trong khong khi phan khoi cua quan va dan ca nuoc huong toi"),
                line_at(20, 104, "Ngay sinh Chu tich Ho Chi Minh va 75 nam ngay Bac Ho ra loi")};
  EXPECT_EQ(texts_of(lay_out_page(page)),
            (std::vector<std::string>{
                "UY BAN NHAN DAN / TINH LAI CHAU / So: 12/UBND-TH / V/v phat dong",
                "CONG HOA XA HOI / Doc lap - Tu do / Lai Chau, ngay 30",
                "Trong khong khi phan khoi cua quan va dan ca nuoc huong toi / Ngay sinh Chu tich "
                "Ho Chi Minh va 75 nam ngay Bac Ho ra loi"}));
}

TEST(PageLayoutTest, SplitsAPageNumberFromTheRunningHeaderBesideIt) {
  PageWords page;
  page.lines = {line_at(20, 5, "CONG BAO/So 987 + 988/Ngay 25-8-2024 | 13", 200),
                line_at(20, 40, "Dieu 5. Hieu luc thi hanh")};
  EXPECT_EQ(texts_of(lay_out_page(page)),
            (std::vector<std::string>{"CONG BAO/So 987 + 988/Ngay 25-8-2024", "13",
                                      "Dieu 5. Hieu luc thi hanh"}));
}

TEST(PageLayoutTest, KeepsJustifiedSpacesInsideALine) {
  PageWords page;
  page.lines = {line_at(20, 5, "Chi thi | so 34-CT/TW", 10)};  // a stretched space
  EXPECT_EQ(texts_of(lay_out_page(page)), std::vector<std::string>{"Chi thi so 34-CT/TW"});
}

TEST(PageLayoutTest, ReadsColumnsOfAPageLeftThenRight) {
  PageWords page;
  for (int i = 0; i < 4; ++i) {
    page.lines.push_back(
        line_at(20, 10 + 14 * i,
                "cot trai dong " + std::to_string(i) + " | cot phai dong " + std::to_string(i)));
  }
  EXPECT_EQ(texts_of(lay_out_page(page)),
            (std::vector<std::string>{
                "cot trai dong 0 / cot trai dong 1 / cot trai dong 2 / cot trai dong 3",
                "cot phai dong 0 / cot phai dong 1 / cot phai dong 2 / cot phai dong 3"}));
}

TEST(PageLayoutTest, PastTheWordLimitKeepsTheSourceLinesInOrder) {
  PageWords page;
  page.lines.push_back(line_at(20, 500, "cuoi trang"));
  std::vector<WordBox> many;
  for (std::size_t i = 0; i < kMaxLayoutWords; ++i) many.push_back({"x", {0, 10, 8, 22}, true});
  page.lines.push_back(many);
  const std::vector<std::string> texts = texts_of(lay_out_page(page));
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0], "cuoi trang");
  EXPECT_EQ(texts[1].size(), 2 * kMaxLayoutWords - 1);
}

struct CleanCase {
  const char* name;
  const char* input;
  const char* expected;
};

class CleanLineTextTest : public ::testing::TestWithParam<CleanCase> {};

TEST_P(CleanLineTextTest, GivesWhatDownstreamExpects) {
  EXPECT_EQ(clean_line_text(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Lines, CleanLineTextTest,
    ::testing::Values(
        CleanCase{"Decomposed", "Vie\xCC\xA3\xCC\x82t Nam", "Việt Nam"},
        CleanCase{"NoBreakSpaces", "Chỉ\xC2\xA0thị  số\t34-CT/TW ", "Chỉ thị số 34-CT/TW"},
        CleanCase{"UnicodeHyphens",
                  "30/2020/NĐ\xE2\x80\x90"
                  "CP",
                  "30/2020/NĐ-CP"},
        CleanCase{"SoftHyphen",
                  "phát tri\xC2\xAD"
                  "ển",
                  "phát triển"},
        CleanCase{"Bullet", "\xE2\x80\xA2 Các sở, ban, ngành;", "- Các sở, ban, ngành;"},
        CleanCase{"SymbolFontBullet",
                  "\xEF\x82\xB7"
                  "Các sở",
                  "- Các sở"},
        CleanCase{"ControlCharacters", "Kính\x01 gửi\x7F:", "Kính gửi:"},
        CleanCase{"LineBreaks", "Kết quả phong trào\r\nthi đua", "Kết quả phong trào thi đua"},
        CleanCase{"IllFormed", "Lai \xC3 Châu", "Lai \xEF\xBF\xBD Châu"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::doc
