#include "vanban/doc/gazette.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::doc {
namespace {

// A page of `lines` lines of running text (a header is looked for in a
// page's first 26 lines that are not blank: a page of text has more).
std::string running_text(int lines, const std::string& line) {
  std::string out;
  for (int i = 0; i < lines; ++i) out += line + "\n";
  return out;
}

// The first page of nghi-dinh-so-158-2025-nd-cp and of
// thong-tu-so-10-2023-tt-bkhdt as one gazette issue prints them, after
// the issue's cover and contents.
const std::string kCover =
    "CÔNG BÁO\nSố 851 + 852\nNgày 01 tháng 7 năm 2025\nMỤC LỤC\n" +
    running_text(30, "Nghị định số 158/2025/NĐ-CP ngày 25 tháng 6 năm 2025 của Chính phủ ... 3");
const std::string kDecree =
    "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \n3 \n\nCHÍNH PHỦ \n\nSố: 158/2025/NĐ-CP \n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n\n"
    "Hà Nội, ngày 25 tháng 6 năm 2025 \n\n NGHỊ ĐỊNH \n"
    "Quy định chi tiết và hướng dẫn thi hành một số điều  \n"
    "của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc \n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n";
const std::string kDecreePage2 =
    "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \n4 \n\n"
    "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết khoản 3 Điều 2.\n";
const std::string kCircular =
    "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \n61 \n\n"
    "BỘ KẾ HOẠCH VÀ ĐẦU TƯ \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc \n"
    "Số: 10/2023/TT-BKHĐT \nHà Nội, ngày 01 tháng 11 năm 2023 \n\nTHÔNG TƯ \n"
    "Quy định Bộ chỉ tiêu thống kê tăng trưởng xanh \n\n"
    "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015; \n";
// A form in an annex: a header with a blank number and date.
const std::string kAnnexForm =
    "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \n70 \n\nTÊN CƠ QUAN \n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc \nSố: ......\n"
    "......., ngày ... tháng ... năm ...\n\nQUYẾT ĐỊNH \nVề việc ...\n" +
    running_text(30, "Điều ... . Cơ quan, đơn vị ... chịu trách nhiệm thi hành Quyết định này./.");

TEST(GazetteTest, EachDocumentStartsAtItsFirstPageAndRunsToTheNext) {
  const std::string issue = kCover + kDecree + kDecreePage2 + kCircular;
  const std::vector<GazettePart> parts = split_gazette(issue);
  ASSERT_EQ(parts.size(), 2u);
  // The cover and contents belong to neither.
  EXPECT_EQ(parts[0].begin, kCover.size());
  EXPECT_EQ(parts[0].end, kCover.size() + kDecree.size() + kDecreePage2.size());
  EXPECT_EQ(parts[1].begin, parts[0].end);
  EXPECT_EQ(parts[1].end, issue.size());
}

TEST(GazetteTest, AFormInAnAnnexStartsNoDocument) {
  const std::string issue = kDecree + kAnnexForm + kCircular;
  const std::vector<GazettePart> parts = split_gazette(issue);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].begin, 0u);
  EXPECT_EQ(parts[0].end, kDecree.size() + kAnnexForm.size());
  EXPECT_EQ(parts[1].begin, parts[0].end);
}

TEST(GazetteTest, OneDocumentIsTheWholeText) {
  const std::string one = kDecree + kDecreePage2;
  const std::vector<GazettePart> parts = split_gazette(one);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].begin, 0u);
  EXPECT_EQ(parts[0].end, one.size());
}

TEST(GazetteTest, TextWithoutGazetteIsOnePart) {
  // Seed 004's header: a letter, no running heads.
  const std::string letter =
      "Số: /SCT-VP  \nV/v phát động phong trào thi đua  \n\nLai Châu, ngày 29 tháng 02 năm 2024\n\n"
      "Kính gửi: Các phòng, đơn vị trực thuộc Sở.\n";
  const std::vector<GazettePart> parts = split_gazette(letter);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].begin, 0u);
  EXPECT_EQ(parts[0].end, letter.size());
  const std::vector<GazettePart> empty = split_gazette("");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].end, 0u);
}

TEST(GazetteTest, IssueIsTheFirstRunningHeadSpacesCollapsed) {
  EXPECT_EQ(gazette_issue(kCover + kDecree + kCircular), "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025");
  EXPECT_EQ(gazette_issue("Điều 1.\nCÔNG BÁO/Số  302/Ngày 02-06-2026\n"),
            "CÔNG BÁO/Số 302/Ngày 02-06-2026");
}

TEST(GazetteTest, NoRunningHeadNoIssue) {
  EXPECT_EQ(gazette_issue("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n"), "");
  EXPECT_EQ(gazette_issue(""), "");
  EXPECT_EQ(gazette_issue(kCover), "");  // the cover's title alone names no issue
}

}  // namespace
}  // namespace vanban::doc
