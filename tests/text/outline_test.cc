// The outline reader (vanban/text/outline.h) on the headings of real
// laws: an excerpt of Luật Bảo hiểm xã hội 41/2024/QH15 (phapluat8, page
// furniture removed) and heading lines of other phapluat8 texts.
#include "vanban/text/outline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace vanban::text {
namespace {

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(VANBAN_TEST_DATA_DIR) + "/outline/" + name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct HeadingCase {
  const char* name;
  const char* line;
  bool heading;
  OutlineLevel level;
};

class HeadingAtTest : public ::testing::TestWithParam<HeadingCase> {};

TEST_P(HeadingAtTest, Recognizes) {
  const std::optional<Heading> h = heading_at(GetParam().line);
  ASSERT_EQ(h.has_value(), GetParam().heading);
  if (h) {
    EXPECT_EQ(h->level, GetParam().level);
  }
}

constexpr auto kArticle = OutlineLevel::kArticle;
constexpr auto kChapter = OutlineLevel::kChapter;
constexpr auto kSection = OutlineLevel::kSection;
constexpr auto kPart = OutlineLevel::kPart;

INSTANTIATE_TEST_SUITE_P(
    Phapluat8, HeadingAtTest,
    ::testing::Values(
        HeadingCase{"ArticleDot", "Điều 5. Nguyên tắc bảo hiểm xã hội", true, kArticle},
        HeadingCase{"ArticleColon", "Điều 5: Hiệu lực thi hành", true, kArticle},
        HeadingCase{"ArticleBare", "Điều 12.", true, kArticle},
        HeadingCase{"InsertedArticle", "Điều 30a. Ứng dụng công nghệ thông tin", true, kArticle},
        HeadingCase{"ChapterRoman", "Chương II", true, kChapter},
        HeadingCase{"ChapterUpper", "CHƯƠNG I", true, kChapter},
        HeadingCase{"ChapterArabic", "Chương 1", true, kChapter},
        HeadingCase{"ChapterWithTitle", "Chương I. NHỮNG QUY ĐỊNH CHUNG", true, kChapter},
        HeadingCase{"Section", "Mục 1", true, kSection},
        HeadingCase{"Subsection", "Tiểu mục 2", true, OutlineLevel::kSubsection},
        HeadingCase{"PartOrdinal", "Phần thứ nhất", true, kPart},
        HeadingCase{"PartUpperWithTitle", "PHẦN THỨ BA: CAM KẾT", true, kPart},
        // Citations at a line's start (a wrapped sentence), clauses, words.
        HeadingCase{"WrappedCitation", "Điều 2 của Luật này bao gồm:", false, kArticle},
        HeadingCase{"CitationAndDecree", "Điều 5 Nghị định số 83/2014/NĐ-CP", false, kArticle},
        HeadingCase{"CitationSentence", "Điều 109 của Luật này.", false, kArticle},
        HeadingCase{"ChapterCited", "Chương II của Luật này", false, kArticle},
        HeadingCase{"ChapterList", "Chương II; Điều 52", false, kArticle},
        // Nghị định 12/2022/NĐ-CP and Bộ luật Dân sự: "... quy định tại" /
        // "Chương V Nghị định này."
        HeadingCase{"WrappedChapterCitation", "Chương V Nghị định này.", false, kArticle},
        HeadingCase{"WrappedChapterCitationList", "Chương II Nghị định này;", false, kArticle},
        HeadingCase{"WrappedPartCitation", "Chương IX Phần này.", false, kArticle},
        HeadingCase{"SubItemNumber", "Mục 18.5 CDNT thì bảo đảm dự thầu", false, kArticle},
        HeadingCase{"Clause", "1. Mức hưởng bảo hiểm xã hội bắt buộc", false, kArticle},
        HeadingCase{"Software", "Phần mềm quản lý", false, kArticle},
        HeadingCase{"Aim", "Mục tiêu:", false, kArticle},
        HeadingCase{"Contents", "MỤC LỤC", false, kArticle},
        HeadingCase{"ArticlesWord", "ĐIỀU KHOẢN THI HÀNH", false, kArticle},
        HeadingCase{"Quoted", "“Điều 30a. Ứng dụng công nghệ thông tin", false, kArticle}),
    [](const ::testing::TestParamInfo<HeadingCase>& p) { return std::string(p.param.name); });

TEST(ReadOutlineTest, LawExcerpt) {
  const std::string text = read_fixture("luat-41-2024-qh15.txt");
  const std::vector<OutlineEntry> outline = read_outline(text);
  struct Expected {
    const char* level;
    const char* label;
    const char* title;
    const char* anchor;
  };
  const Expected expected[] = {
      {"chuong", "Chương I", "NHỮNG QUY ĐỊNH CHUNG", "chuong-i"},
      {"dieu", "Điều 1", "Phạm vi điều chỉnh", "dieu-1"},
      {"dieu", "Điều 2", "Đối tượng tham gia bảo hiểm xã hội bắt buộc và bảo hiểm xã hội tự nguyện",
       "dieu-2"},
      {"dieu", "Điều 5", "Nguyên tắc bảo hiểm xã hội", "dieu-5"},
      {"chuong", "Chương II",
       "QUYỀN, TRÁCH NHIỆM CỦA CƠ QUAN, TỔ CHỨC, CÁ NHÂN VỀ BẢO HIỂM XÃ HỘI VÀ TỔ CHỨC THỰC HIỆN "
       "BẢO HIỂM XÃ HỘI",
       "chuong-ii"},
      {"muc", "Mục 1", "QUYỀN VÀ TRÁCH NHIỆM CỦA CƠ QUAN, TỔ CHỨC, CÁ NHÂN VỀ BẢO HIỂM XÃ HỘI",
       "chuong-ii-muc-1"},
      {"dieu", "Điều 10", "Quyền của người tham gia và người thụ hưởng chế độ bảo hiểm xã hội",
       "dieu-10"},
      {"muc", "Mục 2", "TỔ CHỨC THỰC HIỆN BẢO HIỂM XÃ HỘI", "chuong-ii-muc-2"},
      {"dieu", "Điều 16", "Cơ quan bảo hiểm xã hội", "dieu-16"},
      {"chuong", "Chương III", "TRỢ CẤP HƯU TRÍ XÃ HỘI", "chuong-iii"},
      {"dieu", "Điều 21", "Đối tượng và điều kiện hưởng trợ cấp hưu trí xã hội", "dieu-21"},
      {"chuong", "Chương IV",
       "ĐĂNG KÝ THAM GIA VÀ QUẢN LÝ THU, ĐÓNG BẢO HIỂM XÃ HỘI BẮT BUỘC VÀ BẢO HIỂM XÃ HỘI TỰ NGUYỆN",
       "chuong-iv"},
      {"dieu", "Điều 27",
       "Hồ sơ đăng ký tham gia bảo hiểm xã hội bắt buộc và bảo hiểm xã hội tự nguyện", "dieu-27"},
  };
  ASSERT_EQ(outline.size(), std::size(expected));
  for (std::size_t i = 0; i < outline.size(); ++i) {
    SCOPED_TRACE(expected[i].label);
    EXPECT_EQ(to_string(outline[i].level), expected[i].level);
    EXPECT_EQ(outline[i].label, expected[i].label);
    EXPECT_EQ(outline[i].title, expected[i].title);
    EXPECT_EQ(outline[i].anchor, expected[i].anchor);
    EXPECT_TRUE(std::string_view(text).substr(outline[i].start).starts_with(outline[i].label));
  }
}

TEST(ReadOutlineTest, QuotedArticlesAreNotHeadings) {
  // Nghị định 155/2026/NĐ-CP amends a decree by quoting the new article.
  const std::string text =
      "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 82/2021/NĐ-CP\n"
      "13. Bổ sung Điều 30a vào sau Điều 30\n"
      "“Điều 30a. Ứng dụng công nghệ thông tin\n"
      "Việc giải quyết thủ tục được thực hiện trên môi trường điện tử.\n"
      "Điều 30b. Kết nối dữ liệu\n"
      "Cơ quan có thẩm quyền kết nối dữ liệu.”\n"
      "Điều 2. Hiệu lực thi hành\n";
  const std::vector<OutlineEntry> outline = read_outline(text);
  ASSERT_EQ(outline.size(), 2u);
  EXPECT_EQ(outline[0].anchor, "dieu-1");
  EXPECT_EQ(outline[1].anchor, "dieu-2");
  EXPECT_EQ(outline[1].title, "Hiệu lực thi hành");
}

TEST(ReadOutlineTest, PartsAndRepeatedAnchors) {
  const std::string text =
      "PHẦN THỨ NHẤT: THÔNG TIN CHUNG\n"
      "Mục 1\nPHẠM VI\n"
      "PHẦN THỨ HAI\nCAM KẾT\n"
      "Mục 1\nTRÁCH NHIỆM\n"
      "Điều 1. Hiệu lực\nĐiều 1. Hiệu lực\n";
  const std::vector<OutlineEntry> outline = read_outline(text);
  ASSERT_EQ(outline.size(), 6u);
  EXPECT_EQ(outline[0].anchor, "phan-thu-nhat");
  EXPECT_EQ(outline[0].title, "THÔNG TIN CHUNG");
  EXPECT_EQ(outline[1].anchor, "muc-1");
  EXPECT_EQ(outline[2].anchor, "phan-thu-hai");
  EXPECT_EQ(outline[2].title, "CAM KẾT");
  EXPECT_EQ(outline[3].anchor, "muc-1-2");
  EXPECT_EQ(outline[5].anchor, "dieu-1-2");
}

TEST(ReadOutlineTest, LetterHasNone) {
  EXPECT_TRUE(read_outline("Kính gửi: Các sở, ban, ngành\n1. Tiếp tục thúc đẩy phát triển\n").empty());
}

}  // namespace
}  // namespace vanban::text
