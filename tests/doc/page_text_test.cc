#include "doc/formats/page_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::doc {
namespace {

// Lines of 12-unit rows, 14 apart, in a column from x=20 to x=500; each
// line is given by its text, its left and right edge.
struct Row {
  std::string text;
  double left = 20;
  double right = 500;
};

LayoutBlock block_at(double top, const std::vector<Row>& rows) {
  LayoutBlock b;
  for (const Row& r : rows) {
    LayoutLine line;
    line.text = r.text;
    line.box = {r.left, top, r.right, top + 12};
    const std::size_t space = r.text.find(' ');
    line.first_word_width =
        8.0 * static_cast<double>(space == std::string::npos ? r.text.size() : space);
    b.box = b.lines.empty() ? line.box
                            : Box{std::min(b.box.left, r.left), b.box.top,
                                  std::max(b.box.right, r.right), top + 12};
    b.lines.push_back(line);
    top += 14;
  }
  return b;
}

std::string text_of(std::vector<PageBlocks> pages) { return assemble_pages(std::move(pages)).text; }

TEST(PageTextTest, JoinsTheLinesOfAParagraph) {
  EXPECT_EQ(text_of({{block_at(100, {{"Trong không khí phấn khởi của quân và dân cả nước", 48},
                                     {"hướng tới Kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí"},
                                     {"Minh.", 20, 60}})}}),
            "Trong không khí phấn khởi của quân và dân cả nước hướng tới Kỷ niệm 133 năm Ngày sinh "
            "Chủ tịch Hồ Chí Minh.");
}

TEST(PageTextTest, StartsAParagraphAtAnIndentOrWhenTheNextWordWouldHaveFit) {
  EXPECT_EQ(text_of({{block_at(100, {{"Năm 2023 là năm rất quan trọng trong việc thực hiện", 48},
                                     {"Nghị quyết.", 20, 200},
                                     {"Vì vậy, phải huy động sức mạnh của cả hệ thống", 48},
                                     {"chính trị.", 20, 120}})}}),
            "Năm 2023 là năm rất quan trọng trong việc thực hiện Nghị quyết.\n"
            "Vì vậy, phải huy động sức mạnh của cả hệ thống chính trị.");
}

TEST(PageTextTest, KeepsListItemsAndHeadingsOnTheirOwnLines) {
  EXPECT_EQ(text_of({{block_at(100, {{"ỦY BAN NHÂN DÂN", 100, 420},
                                     {"TỈNH LAI CHÂU", 120, 400},
                                     {"Kính gửi:", 20, 100},
                                     {"- Các sở, ban, ngành, đoàn thể tỉnh;"},
                                     {"- UBND các huyện, thành phố;"},
                                     {"1. Tiếp tục quán triệt, tuyên truyền, phổ biến"},
                                     {"a) Căn cứ vào chức năng, nhiệm vụ được giao, các"},
                                     {"Điều 5. Hiệu lực thi hành"},
                                     {"Thứ hai, với tinh thần đẩy mạnh đổi mới, sáng tạo"}})}}),
            "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nKính gửi:\n- Các sở, ban, ngành, đoàn thể tỉnh;\n"
            "- UBND các huyện, thành phố;\n1. Tiếp tục quán triệt, tuyên truyền, phổ biến\n"
            "a) Căn cứ vào chức năng, nhiệm vụ được giao, các\nĐiều 5. Hiệu lực thi hành\n"
            "Thứ hai, với tinh thần đẩy mạnh đổi mới, sáng tạo");
}

TEST(PageTextTest, GluesSymbolsAndDatesBrokenAfterAHyphenOrSlash) {
  EXPECT_EQ(text_of({{block_at(100, {{"trọng tâm là Chỉ thị số 34-"},
                                     {"CT/TW ngày 07/4/2014 và Nghị định số 30/2020/"},
                                     {"NĐ-CP giai đoạn 2021-"},
                                     {"2025 của Chính phủ.", 20, 200}})}}),
            "trọng tâm là Chỉ thị số 34-CT/TW ngày 07/4/2014 và Nghị định số 30/2020/NĐ-CP giai "
            "đoạn 2021-2025 của Chính phủ.");
}

TEST(PageTextTest, JoinsADashThatStartsALineMidSentence) {
  EXPECT_EQ(text_of({{block_at(100, {{"tổ chức một số hoạt động văn hóa"},
                                     {"- thể thao toàn quốc và khu vực.", 20, 300}})}}),
            "tổ chức một số hoạt động văn hóa - thể thao toàn quốc và khu vực.");
}

TEST(PageTextTest, SeparatesBlocksWithABlankLine) {
  EXPECT_EQ(text_of({{block_at(10, {{"Số: /UBND-TH", 20, 200}}),
                      block_at(10, {{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 560}})}}),
            "Số: /UBND-TH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
}

TEST(PageTextTest, DropsRunningHeadersAndPageNumbersAndRecordsPageStarts) {
  const std::vector<std::string> bodies = {"Mở đầu.", "Nội dung.", "Kết luận."};
  std::vector<PageBlocks> pages;
  for (int p = 1; p <= 3; ++p) {
    PageBlocks page;
    // The Công báo's header carries the page number, and the date of the
    // issue it belongs to.
    page.push_back(
        block_at(5, {{"CÔNG BÁO/Số 987 + 988/Ngày 2" + std::to_string(p) + "-8-2024", 20, 300}}));
    page.push_back(block_at(5, {{std::to_string(10 + p), 480, 500}}));
    page.push_back(block_at(60, {{bodies[static_cast<std::size_t>(p - 1)], 20, 300}}));
    page.push_back(block_at(800, {{"- " + std::to_string(p) + " -", 240, 280}}));
    pages.push_back(page);
  }
  const PagedText out = assemble_pages(pages);
  EXPECT_EQ(out.text, "Mở đầu.\n\nNội dung.\n\nKết luận.");
  EXPECT_EQ(out.page_starts,
            (std::vector<std::size_t>{0, out.text.find("Nội dung"), out.text.find("Kết luận")}));
}

TEST(PageTextTest, KeepsANumberThatIsPartOfTheText) {
  // "2023" closes a paragraph at the foot of the page, a line below the text.
  const PagedText out = assemble_pages(
      {{block_at(700, {{"Kế hoạch thực hiện nhiệm vụ năm", 20, 500}, {"2023", 20, 52}})}});
  EXPECT_EQ(out.text, "Kế hoạch thực hiện nhiệm vụ năm 2023");
}

TEST(PageTextTest, GoesOnIntoTheNextPageMidSentence) {
  const PagedText out =
      assemble_pages({{block_at(700, {{"Đẩy mạnh thi đua thực hiện đồng bộ các giải", 48},
                                      {"pháp, nhằm nâng cao hiệu quả quản lý, điều"}})},
                      {block_at(60, {{"hành trên tất cả các lĩnh vực.", 20, 260}})}});
  EXPECT_EQ(
      out.text,
      "Đẩy mạnh thi đua thực hiện đồng bộ các giải pháp, nhằm nâng cao hiệu quả quản lý, điều "
      "hành trên tất cả các lĩnh vực.");
  EXPECT_EQ(out.page_starts, (std::vector<std::size_t>{0, out.text.find("hành trên")}));
}

TEST(PageTextTest, APageWithoutTextStartsWhereTheNextTextWould) {
  const PagedText out = assemble_pages(
      {{block_at(60, {{"Trang một.", 20, 100}})}, {}, {block_at(60, {{"Trang ba.", 20, 100}})}});
  EXPECT_EQ(out.text, "Trang một.\n\nTrang ba.");
  EXPECT_EQ(out.page_starts,
            (std::vector<std::size_t>{0, out.text.find("Trang ba"), out.text.find("Trang ba")}));
}

}  // namespace
}  // namespace vanban::doc
