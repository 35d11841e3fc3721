// The content list and the implementation sections, read line by line
// (contents_outline.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/doc_scan.h"
#include "text/contents_internal.h"

namespace vanban::text::contents_detail {
namespace {

using testing::ScannedText;

// "depth|parent|number|text" per content item.
std::vector<std::string> items_of(const std::string& text) {
  const ScannedText s(text);
  std::vector<std::string> rows;
  for (const ContentItem& i : read_outline(s.scan()).contents) {
    rows.push_back(std::to_string(i.depth) + "|" + std::to_string(i.parent) + "|" + i.number + "|" +
                   i.text);
  }
  return rows;
}

// "line" or "line <- heading" per task line of the implementation sections.
std::vector<std::string> task_lines_of(const std::string& text) {
  const ScannedText s(text);
  std::vector<std::string> rows;
  for (const Outline::TaskLine& t : read_outline(s.scan()).task_lines) {
    std::string row = s.span(t.start, t.end);
    if (t.heading_end > t.heading_start) row += " <- " + s.span(t.heading_start, t.heading_end);
    rows.push_back(row);
  }
  return rows;
}

TEST(OutlineTest, OrdinalWordsAsMarkers) {
  // Seed 001 (abridged).
  EXPECT_EQ(items_of("Các cấp, các ngành tập trung vào những nội dung sau:\n"
                     "Thứ nhất, tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về "
                     "thi đua ái quốc.\n"
                     "Thứ hai, thi đua đẩy mạnh ứng dụng khoa học công nghệ.\n"
                     "Thứ ba: đổi mới công tác thi đua, khen thưởng.\n"),
            (std::vector<std::string>{
                "0|-1|Thứ nhất|tiếp tục quán triệt sâu sắc tư tưởng của Chủ tịch Hồ Chí Minh về "
                "thi đua ái quốc",
                "0|-1|Thứ hai|thi đua đẩy mạnh ứng dụng khoa học công nghệ",
                "0|-1|Thứ ba|đổi mới công tác thi đua, khen thưởng"}));
}

TEST(OutlineTest, BulletsNestUnderAnItemThatEndsInAColon) {
  EXPECT_EQ(items_of("Về nhiệm vụ và giải pháp:\n"
                     "- Thi đua đẩy mạnh chuyển đổi số:\n"
                     "+ Ứng dụng phần mềm quản lý văn bản;\n"
                     "+ Cung cấp dịch vụ công trực tuyến.\n"
                     "- Thi đua thực hành tiết kiệm, chống lãng phí.\n"),
            (std::vector<std::string>{"0|-1|-|Thi đua đẩy mạnh chuyển đổi số",
                                      "1|0|+|Ứng dụng phần mềm quản lý văn bản",
                                      "1|0|+|Cung cấp dịch vụ công trực tuyến",
                                      "0|-1|-|Thi đua thực hành tiết kiệm, chống lãng phí"}));
}

TEST(OutlineTest, DecimalNumbersAndMarkdown) {
  // Markdown headings and emphasis around markers, as web pages print them.
  EXPECT_EQ(items_of("Nội dung thi đua:\n"
                     "#### **1. Thi đua phát triển công nghiệp**\n"
                     "1.1. Phát triển công nghiệp chế biến.\n"
                     "1.2 Thu hút đầu tư vào cụm công nghiệp.\n"
                     "**2.** Thi đua phát triển thương mại.\n"),
            (std::vector<std::string>{"0|-1|1|Thi đua phát triển công nghiệp",
                                      "1|0|1.1|Phát triển công nghiệp chế biến",
                                      "1|0|1.2|Thu hút đầu tư vào cụm công nghiệp",
                                      "0|-1|2|Thi đua phát triển thương mại"}));
}

TEST(OutlineTest, TheListEndsWhereTheNumberingBreaks) {
  EXPECT_EQ(items_of("Các nhiệm vụ trọng tâm:\n1. Thi đua cải cách hành chính.\n"
                     "2. Thi đua xây dựng nông thôn mới.\n4. Thi đua bảo vệ môi trường.\n"),
            (std::vector<std::string>{"0|-1|1|Thi đua cải cách hành chính",
                                      "0|-1|2|Thi đua xây dựng nông thôn mới"}));
  // A list must start at its first number.
  EXPECT_EQ(items_of("Các nhiệm vụ trọng tâm:\n2. Thi đua cải cách hành chính.\n"),
            std::vector<std::string>{});
}

TEST(OutlineTest, StopLinesEndTheList) {
  const std::vector<std::string> one{"0|-1|1|Thi đua cải cách hành chính"};
  EXPECT_EQ(items_of("Nội dung:\n1. Thi đua cải cách hành chính.\nNơi nhận:\n2. Như trên;\n"), one);
  EXPECT_EQ(items_of("Nội dung:\n1. Thi đua cải cách hành chính.\nGIÁM ĐỐC\n2. Nguyễn Văn A.\n"), one);
  EXPECT_EQ(items_of("Nội dung:\n1. Thi đua cải cách hành chính./.\n2. Như trên.\n"),
            one);
}

TEST(OutlineTest, NumbersAreNotMarkers) {
  // "1.234 hộ" is a number; without an introduction a list is no content.
  EXPECT_EQ(items_of("Nội dung thi đua:\n1.234 hộ được hỗ trợ.\n"), std::vector<std::string>{});
  EXPECT_EQ(items_of("Kết quả như sau:\n1. Thi đua cải cách hành chính.\n"), std::vector<std::string>{});
  EXPECT_EQ(items_of(""), std::vector<std::string>{});
}

TEST(OutlineTest, ParagraphItemsWhenTheNumbersWereLost) {
  // Seed 003: a web page's list of paragraphs; a line in lower case
  // continues its paragraph, a short line ends the list.
  EXPECT_EQ(items_of("Nhiệm vụ trọng tâm:\n"
                     "Tiếp tục quán triệt, triển khai, tuyên truyền các chủ trương của Đảng.\n"
                     "Đẩy mạnh các phong trào thi đua thực hiện có hiệu quả công tác giải ngân\n"
                     "vốn đầu tư công.\n"
                     "Hết.\n"
                     "Tăng cường công tác kiểm tra, giám sát về thi đua, khen thưởng.\n"),
            (std::vector<std::string>{
                "0|-1||Tiếp tục quán triệt, triển khai, tuyên truyền các chủ trương của Đảng",
                "0|-1||Đẩy mạnh các phong trào thi đua thực hiện có hiệu quả công tác giải ngân "
                "vốn đầu tư công"}));
}

TEST(OutlineTest, ItemLinesHoldTheWrappedLines) {
  const std::string text =
      "Nội dung:\n1. Thi đua cải cách hành chính\nvà hiện đại hóa nền hành chính.\n2. Thi đua "
      "xây dựng nông thôn mới.\n";
  const ScannedText s(text);
  const Outline o = read_outline(s.scan());
  ASSERT_EQ(o.item_lines.size(), 2u);
  EXPECT_EQ(s.span(o.item_lines[0].first, o.item_lines[0].second),
            "1. Thi đua cải cách hành chính\nvà hiện đại hóa nền hành chính.");
  EXPECT_EQ(s.span(o.item_lines[1].first, o.item_lines[1].second), "2. Thi đua xây dựng nông thôn mới.");
  EXPECT_EQ(s.span(o.contents[0].start, o.contents[0].end),
            "1. Thi đua cải cách hành chính\nvà hiện đại hóa nền hành chính");
}

TEST(OutlineTest, ImplementationSectionIsReadForTasks) {
  const std::string text =
      "II. NỘI DUNG\nNhiệm vụ cụ thể:\n1. Thi đua cải cách hành chính.\n"
      "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ:\n- Chủ trì triển khai Kế hoạch này;\n"
      "- Tổng hợp kết quả.\n2. Văn phòng Sở theo dõi, đôn đốc.\nIV. KINH PHÍ\n- Từ ngân sách.\n";
  EXPECT_EQ(items_of(text), (std::vector<std::string>{"0|-1|1|Thi đua cải cách hành chính"}));
  EXPECT_EQ(task_lines_of(text),
            (std::vector<std::string>{"Chủ trì triển khai Kế hoạch này; <- Sở Nội vụ:",
                                      "Tổng hợp kết quả. <- Sở Nội vụ:",
                                      "Văn phòng Sở theo dõi, đôn đốc."}));
}

TEST(OutlineTest, SectionWithoutMarkersGivesItsParagraphs) {
  EXPECT_EQ(task_lines_of("Tổ chức thực hiện:\nCác phòng, đơn vị triển khai Kế hoạch.\n"
                          "Văn phòng Sở tổng hợp.\nGIÁM ĐỐC\n"),
            (std::vector<std::string>{"Các phòng, đơn vị triển khai Kế hoạch.", "Văn phòng Sở tổng hợp."}));
  EXPECT_EQ(task_lines_of("Tổ chức thực hiện các phong trào thi đua là trách nhiệm của mọi người."
                          "\nVăn phòng Sở tổng hợp.\n"),
            std::vector<std::string>{});  // longer than a heading: a sentence
}

}  // namespace
}  // namespace vanban::text::contents_detail
