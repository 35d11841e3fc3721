#include "doc/formats/html.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "vanban/doc/extract.h"

namespace vanban::doc {
namespace {

// A page as saved from a portal: `body` inside <html><body>.
std::string page(const std::string& body) {
  return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Sở Công Thương tỉnh Lai Châu</title>"
         "</head><body>" + body + "</body></html>";
}

std::string repeated(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

struct PageCase {
  const char* name;
  std::string html;
  std::string text;  // extract_html's text, exactly
};

class HtmlTextTest : public ::testing::TestWithParam<PageCase> {};

TEST_P(HtmlTextTest, MainContentAsLines) {
  const Result<Extracted> got = extract_html(GetParam().html, {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, "html");
  EXPECT_EQ(got->text, GetParam().text);
}

// Real text from the seeds (corpus/seeds/001: the province's letter, 002:
// the department's report).
INSTANTIATE_TEST_SUITE_P(
    Pages, HtmlTextTest,
    ::testing::Values(
        PageCase{"BreaksAndEntities",
                 page("<p>K&iacute;nh g&#7917;i:<br>- C&aacute;c s&#7903;, ban, ng&agrave;nh, đo&agrave;n th&#x1EC3; "
                      "t&#7881;nh;<br/>- UBND c&aacute;c huy&#7879;n, th&agrave;nh ph&#7889;;</p>"
                      "<p>Lai&nbsp;Ch&acirc;u, ng&agrave;y 15 th&aacute;ng 5 n&#259;m 2023 &amp; &lt;k&egrave;m theo&gt;</p>"),
                 "Kính gửi:\n- Các sở, ban, ngành, đoàn thể tỉnh;\n- UBND các huyện, thành phố;\n"
                 "Lai\u00A0Châu, ngày 15 tháng 5 năm 2023 & <kèm theo>"},
        PageCase{"NestedTables",
                 page("<p>Kết quả chấm điểm thi đua năm 2023 của các phòng thuộc Sở:</p>"
                      "<table border=\"1\"><tr><th>TT</th><th>Đơn vị</th><th>Điểm</th></tr>"
                      "<tr><td>1</td><td>Văn phòng Sở</td><td><table><tr><td>98</td><td>Xuất sắc</td></tr></table></td></tr>"
                      "<tr><td>2</td><td>Thanh tra Sở</td><td>95</td></tr></table>"),
                 "Kết quả chấm điểm thi đua năm 2023 của các phòng thuộc Sở:\n\n"
                 "TT | Đơn vị | Điểm\n1 | Văn phòng Sở | 98  Xuất sắc\n2 | Thanh tra Sở | 95"},
        PageCase{"BrokenMarkup",
                 page("<div class=\"news-detail\"><p>Trong 5 năm giai đoạn 2015-2020, thực hiện <b>Chỉ thị 34-CT/TW"
                      "<p>Hàng năm, Sở Công Thương luôn hết sức quan tâm</i> đến công tác thi đua, khen thưởng"
                      "<ul><li>Phòng Quản lý thương mại<li>Phòng Quản lý công nghiệp</ul></span></div></div>"
                      "<p>Đảng ủy, lãnh đạo Sở Công Thương đã luôn bám sát nhiệm vụ chính trị được giao"),
                 "Trong 5 năm giai đoạn 2015-2020, thực hiện Chỉ thị 34-CT/TW\n"
                 "Hàng năm, Sở Công Thương luôn hết sức quan tâm đến công tác thi đua, khen thưởng\n"
                 "- Phòng Quản lý thương mại\n- Phòng Quản lý công nghiệp\n"
                 "Đảng ủy, lãnh đạo Sở Công Thương đã luôn bám sát nhiệm vụ chính trị được giao"},
        PageCase{"ScriptAndStyleDoNotLeak",
                 page("<script>var tieu_de = \"Chỉ thị 05-CT/TW\"; document.write('<p>Tin nổi bật</p>');</script>"
                      "<style>p { font-family: 'Times New Roman'; } .thongke::after { content: 'Hôm nay'; }</style>"
                      "<p>Năm 2023 là năm rất quan trọng trong việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV."
                      "<script type=\"text/javascript\">if (a < b && c > d) { alert(\"Đang truy cập\"); }</script></p>"
                      "<noscript>Trình duyệt không hỗ trợ JavaScript</noscript>"),
                 "Năm 2023 là năm rất quan trọng trong việc thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV."},
        PageCase{"HtmlFivePortal",
                 page("<header><h1>Cổng thông tin điện tử tỉnh</h1></header><nav><a href=\"/\">Trang chủ</a></nav>"
                      "<main><article><header><h1>Phát động phong trào thi đua đặc biệt</h1></header>"
                      "<p>Trong không khí phấn khởi của quân và dân cả nước hướng tới Kỷ niệm 133 năm Ngày sinh Chủ tịch "
                      "Hồ Chí Minh.</p></article></main>"
                      "<aside><p>Các tin khác: Hội nghị tổng kết công tác năm 2023 của Sở Công Thương</p></aside>"
                      "<footer>Bản quyền thuộc về Sở Công Thương tỉnh Lai Châu</footer>"),
                 "Phát động phong trào thi đua đặc biệt\n"
                 "Trong không khí phấn khởi của quân và dân cả nước hướng tới Kỷ niệm 133 năm Ngày sinh Chủ tịch "
                 "Hồ Chí Minh."},
        PageCase{"HugeAttribute",
                 page("<div class=\"" + repeated("noi-dung ", 200'000) + "\" data-x='" + std::string(1 << 20, 'x') +
                      "'><p>Các cấp các ngành, các cơ quan đơn vị địa phương trong toàn tỉnh đang ra sức thi đua.</p></div>"),
                 "Các cấp các ngành, các cơ quan đơn vị địa phương trong toàn tỉnh đang ra sức thi đua."},
        PageCase{"DeepNestingKeepsTheTextAround",
                 // 100,000 nested <div>: libxml2 builds and frees the tree
                 // without recursion; the walks stop at a bounded depth, so
                 // the innermost text is not read.
                 page("<p>Số: 1954/UBND-TH</p>" + repeated("<div>", 100'000) + "Nội dung quá sâu" +
                      repeated("</div>", 100'000) + "<p>Lai Châu, ngày 15 tháng 5 năm 2023</p>"),
                 "Số: 1954/UBND-TH\nLai Châu, ngày 15 tháng 5 năm 2023"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(HtmlTest, TitleFromTheHead) {
  const Result<Extracted> got =
      extract_html("<html><head><title>\n  K&#7871; ho&#7841;ch thi đua năm 2023 \n</title></head>"
                   "<body><p>Nội dung kế hoạch</p></body></html>", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->properties.at("title"), "Kế hoạch thi đua năm 2023");
}

TEST(HtmlTest, NfdPageComesOutNfc) {
  // "Chỉ thị số 34-CT/TW" with its tone marks as combining characters, as
  // some editors save it; extract() normalizes every format once.
  const Result<Extracted> got =
      extract(page("<p>Chi\xCC\x89 thi\xCC\xA3 so\xCC\x82\xCC\x81 34-CT/TW</p>"), "a.html", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "Chỉ thị số 34-CT/TW");
}

TEST(HtmlTest, Windows1258PageDeclaredInMeta) {
  // windows-1258 writes tones as combining marks: 0xD2 hook above, 0xF2
  // dot below, 0xEC acute; 0xF4 is ô. The page reaches libxml2 converted
  // to UTF-8 with its <meta> unchanged: read as windows-1258 a second
  // time, it would come out as mojibake.
  const std::string bytes =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"></head>"
      "<body><p>Chi\xD2 thi\xF2 s\xF4\xEC 34-CT/TW</p></body></html>";
  const Result<Extracted> got = extract(bytes, "a.html", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "Chỉ thị số 34-CT/TW");
}

struct EmptyCase {
  const char* name;
  std::string html;
};

class HtmlEmptyTest : public ::testing::TestWithParam<EmptyCase> {};

TEST_P(HtmlEmptyTest, IsReportedEmpty) {
  const Result<Extracted> got = extract(GetParam().html, "a.html", {});
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(got.status().reason(), "empty");
}

INSTANTIATE_TEST_SUITE_P(
    Pages, HtmlEmptyTest,
    ::testing::Values(EmptyCase{"WhiteSpace", " \n\t\n "}, EmptyCase{"BlankBody", page(" \n ")},
                      EmptyCase{"CommentOnly", "<!-- Trang chủ -->"},
                      EmptyCase{"OnlyChrome", page("<nav><a href=\"/\">Trang chủ</a></nav><footer>Bản quyền</footer>")}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(HtmlTest, ParserPrintsNothing) {
  // Broken markup makes libxml2's parser report errors; none may reach
  // the indexer's stderr (its journal).
  ::testing::internal::CaptureStderr();
  const Result<Extracted> got = extract_html("<html><body><p>Chỉ thị <b>34<i>-CT/TW</b></p></tr></table>&bogus; <", {});
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "Chỉ thị 34-CT/TW\n&bogus; <");
}

TEST(HtmlTest, ThreadsGetTheSameText) {
  const std::string html = page(repeated("<p>Các cấp các ngành đang ra sức thi đua, phấn đấu hoàn thành nhiệm vụ.</p>", 200));
  const std::string want = extract_html(html, {})->text;
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (std::string& text : got) {
    threads.emplace_back([&html, &text] {
      for (int i = 0; i < 20; ++i) text = extract_html(html, {})->text;
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& text : got) EXPECT_EQ(text, want);
  EXPECT_EQ(want.size(), 200 * std::string("Các cấp các ngành đang ra sức thi đua, phấn đấu hoàn thành nhiệm vụ.\n").size() - 1);
}

}  // namespace
}  // namespace vanban::doc
