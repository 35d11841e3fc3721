// The layout of a document as the relation extractor reads it
// (indexer/src/text/layout.h): list markers, heading lines, quoted
// stretches, the preamble, annexed templates and the sentences. The texts
// are lines of the seeds (corpus/seeds) and the standard frame of a
// decision (its "Căn cứ" lines, "QUYẾT ĐỊNH:", articles, annexed forms).
#include "text/layout.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace vanban::text {
namespace {

struct MarkerCase {
  const char* name;
  const char* line;
  int level;
  std::size_t length;  // bytes of the marker with the spaces before it
};

void PrintTo(const MarkerCase& c, std::ostream* os) { *os << c.name; }

class MarkerAtTest : public ::testing::TestWithParam<MarkerCase> {};

TEST_P(MarkerAtTest, ReadsTheLevelAndLengthOfTheMarker) {
  const auto [level, length] = marker_at(GetParam().line);
  EXPECT_EQ(level, GetParam().level);
  EXPECT_EQ(length, GetParam().length);
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, MarkerAtTest,
    ::testing::Values(
        // seed 000: a numbered clause indented by one space
        MarkerCase{"clause", " 1. Tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh", kClause, 3},
        MarkerCase{"point", "a) Các phòng, đơn vị trực thuộc Sở triển khai phong trào thi đua", kPoint, 2},
        MarkerCase{"point_dd", "đ) Văn phòng Sở chủ trì hướng dẫn, kiểm tra", kPoint, 3},
        // seed 001: the recipients
        MarkerCase{"dash", "- Các sở, ban, ngành, đoàn thể tỉnh;", kDash, 1},
        MarkerCase{"plus", "+ Các doanh nghiệp trên địa bàn tỉnh.", kDash, 1},
        // numbered sub-clauses of plans ("2.1. Nội dung thi đua")
        MarkerCase{"sub_clause", "2.1. Nội dung thi đua", kClause, 4},
        MarkerCase{"sub_sub_clause", "3.2.1. Đối với tập thể", kClause, 6},
        MarkerCase{"sub_clause_line_end", "2.1.", kClause, 4},
        MarkerCase{"thousands_are_no_marker", "1.000 người tham gia", kNoMarker, 0},
        MarkerCase{"decimal_is_no_marker", "2.5 tỷ đồng", kNoMarker, 0},
        MarkerCase{"roman", "II. NỘI DUNG PHONG TRÀO THI ĐUA", kRoman, 3},
        MarkerCase{"section_letter", "A. KẾT QUẢ PHONG TRÀO THI ĐUA", kSectionLetter, 2},
        // "Điều " is 8 bytes
        MarkerCase{"article", "Điều 1. Ban hành kèm theo Quyết định này Quy chế thi đua, khen thưởng", kArticle, 10},
        MarkerCase{"article_colon", "Điều 12: Hiệu lực thi hành", kArticle, 11},
        MarkerCase{"chapter_heads_its_line", "Chương II", kSectionLetter, 11},
        MarkerCase{"chapter_in_a_list_is_no_marker", "Chương II; Điều 52", kNoMarker, 0},
        MarkerCase{"symbol_line", "Số: /UBND-TH", kNoMarker, 0},
        MarkerCase{"subject_line", "V/v phát động phong trào thi đua đặc", kNoMarker, 0},
        MarkerCase{"date_range", "(12/12/1953 - 12/12/2023) và 20 năm chia tách", kNoMarker, 0},
        MarkerCase{"word_then_paren", "Sở) triển khai", kNoMarker, 0},
        MarkerCase{"dash_without_space", "-10/10/2024)", kNoMarker, 0},
        MarkerCase{"empty", "", kNoMarker, 0}),
    [](const ::testing::TestParamInfo<MarkerCase>& param) { return std::string(param.param.name); });

TEST(IsHeadingLineTest, CapitalLinesOfTheHeaderAreHeadings) {
  EXPECT_TRUE(is_heading_line("ỦY BAN NHÂN DÂN"));
  EXPECT_TRUE(is_heading_line("TỈNH LAI CHÂU"));
  EXPECT_TRUE(is_heading_line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  EXPECT_TRUE(is_heading_line("QUYẾT ĐỊNH:"));
  EXPECT_TRUE(is_heading_line("II. NỘI DUNG"));
}

TEST(IsHeadingLineTest, ALowerCaseLetterOrTooFewLettersIsNoHeading) {
  EXPECT_FALSE(is_heading_line("Độc lập - Tự do - Hạnh phúc"));
  EXPECT_FALSE(is_heading_line("Số: /UBND-TH"));
  EXPECT_FALSE(is_heading_line("V/v phát động phong trào thi đua đặc"));
  EXPECT_FALSE(is_heading_line("I."));
  EXPECT_FALSE(is_heading_line("28/6/1909 - 28/6/2024"));
  EXPECT_FALSE(is_heading_line(""));
  EXPECT_FALSE(is_heading_line("\xC3"));  // a cut UTF-8 sequence
}

// Each sentence as "level terminator|text from its body" (the body starts
// right after the marker, at its space): a failure shows which sentence
// moved. The terminator '\n' is shown as "NL", 0 as "END".
std::vector<std::string> sentences_of(std::string_view text, const Layout& layout) {
  std::vector<std::string> out;
  for (const Sentence& s : layout.sentences()) {
    if (!(s.start <= s.body && s.body <= s.end && s.end <= text.size())) {
      out.push_back("<bad offsets>");
      continue;
    }
    const std::string terminator = s.terminator == '\n' ? "NL"
                                   : s.terminator == 0  ? "END"
                                                        : std::string(1, s.terminator);
    out.push_back(std::to_string(s.level) + " " + terminator + "|" +
                  std::string(text.substr(s.body, s.end - s.body)));
  }
  return out;
}

// seed 001: the header, the recipients and the first words of the letter
constexpr std::string_view kLetter =
    "ỦY BAN NHÂN DÂN\n"
    "TỈNH LAI CHÂU\n"
    "\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Kính gửi:\n"
    "\n"
    "- Các sở, ban, ngành, đoàn thể tỉnh;\n"
    "- Các doanh nghiệp trên địa bàn tỉnh.\n"
    "- UBND các huyện, thành phố;\n"
    "\n"
    "Năm 2023 là năm rất quan trọng trong việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ "
    "XIV, kế hoạch phát triển kinh tế - xã hội 5 năm 2021 – 2025. Vì vậy, phải huy động sức mạnh "
    "của cả hệ thống chính trị trong toàn tỉnh\n";

TEST(LayoutTest, SplitsALetterIntoItsHeaderLinesRecipientsAndSentences) {
  const Layout layout(kLetter);
  EXPECT_EQ(sentences_of(kLetter, layout), (std::vector<std::string>{
      "0 NL|ỦY BAN NHÂN DÂN",
      "0 NL|TỈNH LAI CHÂU",
      "0 NL|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "0 NL|Độc lập - Tự do - Hạnh phúc",
      "0 :|Kính gửi",
      "6 NL| Các sở, ban, ngành, đoàn thể tỉnh;",
      "6 .| Các doanh nghiệp trên địa bàn tỉnh",
      "6 NL| UBND các huyện, thành phố;",
      "0 .|Năm 2023 là năm rất quan trọng trong việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần "
      "thứ XIV, kế hoạch phát triển kinh tế - xã hội 5 năm 2021 – 2025",
      "0 NL|Vì vậy, phải huy động sức mạnh của cả hệ thống chính trị trong toàn tỉnh",
  }));
  // A letter has no article: all of it is preamble, and it annexes no form.
  EXPECT_EQ(layout.preamble_end(), kLetter.size());
  EXPECT_FALSE(layout.in_template(kLetter.find("Năm 2023")));
}

TEST(LayoutTest, FindsTheSentenceAndTheLineOfAByte) {
  const Layout layout(kLetter);
  const std::size_t pos = kLetter.find("doanh nghiệp");
  const Sentence& s = layout.sentences()[layout.sentence_at(pos)];
  EXPECT_EQ(kLetter.substr(s.start, s.end - s.start), "- Các doanh nghiệp trên địa bàn tỉnh");
  EXPECT_EQ(layout.line_at(pos), "- Các doanh nghiệp trên địa bàn tỉnh.");
  EXPECT_EQ(layout.line_at(0), "ỦY BAN NHÂN DÂN");
  EXPECT_EQ(layout.sentence_at(0), 0u);
}

// seed 000: a quoted theme holds commas, a colon-free date range and its
// own closing words; the sentence runs over it to the colon after it.
constexpr std::string_view kTheme =
    "Giám đốc Sở Công Thương phát động phong trào thi đua đặc biệt với chủ đề “Thi đua đổi mới, "
    "sáng tạo, lập thành tích cao nhất chào mừng kỷ niệm 115 năm thành lập tỉnh (28/6/1909 - "
    "28/6/2024). Nội dung: thi đua” với những nội dung chủ yếu sau:\n"
    " 1. Tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về thi đua ái quốc.\n";

TEST(LayoutTest, AQuotedStretchIsOneStretchThatEndsNoSentence) {
  const Layout layout(kTheme);
  const std::size_t open = kTheme.find("“");
  const std::size_t close = kTheme.find("”");
  EXPECT_FALSE(layout.in_quote(open - 1));
  EXPECT_TRUE(layout.in_quote(open));
  EXPECT_TRUE(layout.in_quote(kTheme.find("Nội dung")));
  EXPECT_TRUE(layout.in_quote(close));
  EXPECT_FALSE(layout.in_quote(close + std::string_view("”").size()));
  EXPECT_EQ(sentences_of(kTheme, layout), (std::vector<std::string>{
      "0 :|" + std::string(kTheme.substr(0, kTheme.find(" sau:") + 4)),
      "4 .| Tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về thi đua ái quốc",
  }));
}

TEST(LayoutTest, AnUnclosedQuoteMasksNothing) {
  constexpr std::string_view kText = "chủ đề “Thi đua đổi mới. Sáng tạo:";
  const Layout layout(kText);
  EXPECT_FALSE(layout.in_quote(kText.find("Thi đua")));
  EXPECT_EQ(layout.sentences().size(), 2u);
}

// The frame of a decision: its own motto, the grounds, "QUYẾT ĐỊNH:", the
// articles, then an annexed form with a motto of its own, closed by the
// next annex.
constexpr std::string_view kDecision =
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ.\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế thi đua, khen thưởng.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
    "Mẫu số 01\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "BÁO CÁO THÀNH TÍCH\n"
    "PHỤ LỤC II\n"
    "Danh mục các danh hiệu thi đua.\n";

TEST(LayoutTest, ThePreambleEndsAtTheEnactingLineAndAFormIsATemplate) {
  const Layout layout(kDecision);
  EXPECT_EQ(layout.preamble_end(), kDecision.find("QUYẾT ĐỊNH:"));
  EXPECT_FALSE(layout.in_template(kDecision.find("Điều 2")));
  EXPECT_TRUE(layout.in_template(kDecision.find("Mẫu số 01")));
  EXPECT_TRUE(layout.in_template(kDecision.find("BÁO CÁO")));
  EXPECT_FALSE(layout.in_template(kDecision.find("PHỤ LỤC II")));
  EXPECT_FALSE(layout.in_template(kDecision.find("Danh mục")));
  // The document's own motto, first, opens no template.
  EXPECT_FALSE(layout.in_template(0));
}

TEST(LayoutTest, ProseThatNamesAFormOpensNoTemplate) {
  constexpr std::string_view kText =
      "QUYẾT ĐỊNH:\n"
      "Điều 1. Tờ khai theo\n"
      "Mẫu số 09 ban hành kèm theo Nghị định này;\n"
      "Điều 2. Hiệu lực thi hành.\n";
  const Layout layout(kText);
  EXPECT_EQ(layout.preamble_end(), 0u);
  EXPECT_FALSE(layout.in_template(kText.find("Mẫu số 09")));
  EXPECT_FALSE(layout.in_template(kText.find("Điều 2")));
}

TEST(LayoutTest, AnEmptyTextHasNoSentence) {
  const Layout layout("");
  EXPECT_TRUE(layout.sentences().empty());
  EXPECT_EQ(layout.preamble_end(), 0u);
  EXPECT_EQ(layout.line_at(0), "");
}

}  // namespace
}  // namespace vanban::text
