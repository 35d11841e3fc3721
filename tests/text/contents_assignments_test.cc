// Who is to do what, and the reports a document requires
// (contents_assignments.cc).
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "testing/doc_scan.h"
#include "text/contents_internal.h"

namespace vanban::text::contents_detail {
namespace {

using testing::ScannedText;

constexpr const char* kHome = "Sở Công Thương";

std::vector<Assignment> assignments_in(const ScannedText& s) {
  return find_assignments(s.scan(), read_outline(s.scan()), kHome);
}

// "assignee|key|task|deadline|date|evidence".
std::vector<std::string> assignments_of(const std::string& text) {
  const ScannedText s(text);
  std::vector<std::string> rows;
  for (const Assignment& a : assignments_in(s)) {
    rows.push_back(a.assignee + "|" + a.assignee_key + "|" + a.task + "|" + a.deadline.text + "|" +
                   a.deadline.date + "|" + s.span(a.start, a.end));
  }
  return rows;
}

// "what|recipient|key|deadline|date|evidence".
std::vector<std::string> reports_of(const std::string& text) {
  const ScannedText s(text);
  std::vector<std::string> rows;
  for (const ReportDuty& r : find_reports(s.scan(), assignments_in(s), kHome)) {
    rows.push_back(r.what + "|" + r.recipient + "|" + r.recipient_key + "|" + r.deadline.text + "|" +
                   r.deadline.date + "|" + s.span(r.start, r.end));
  }
  return rows;
}

TEST(AssignmentTest, DelegationAtAClauseStart) {
  EXPECT_EQ(assignments_of("Đề nghị UBND các huyện, thành phố chỉ đạo các xã tổ chức thực hiện."),
            (std::vector<std::string>{
                "UBND các huyện, thành phố|uy ban nhan dan huyen thanh pho|chỉ đạo các xã tổ chức "
                "thực hiện|||UBND các huyện, thành phố chỉ đạo các xã tổ chức thực hiện"}));
  // The deadline is read from the task's sentence.
  EXPECT_EQ(assignments_of("Yêu cầu các đơn vị nghiêm túc thực hiện, báo cáo kết quả trước ngày "
                           "15/12/2023."),
            (std::vector<std::string>{
                "các đơn vị|don vi|nghiêm túc thực hiện, báo cáo kết quả trước ngày "
                "15/12/2023|trước ngày 15/12/2023|2023-12-15|các đơn vị nghiêm túc thực hiện, "
                "báo cáo kết quả trước ngày 15/12/2023"}));
}

TEST(AssignmentTest, ABareSoIsTheHomeDepartment) {
  EXPECT_EQ(assignments_of("Tổ chức thực hiện\nVăn phòng Sở tham mưu tổng kết phong trào."),
            (std::vector<std::string>{
                "Văn phòng Sở|van phong so cong thuong|tham mưu tổng kết phong trào|||Văn phòng "
                "Sở tham mưu tổng kết phong trào"}));
}

TEST(AssignmentTest, NoAssignment) {
  // Not at a clause's start; inside a quote; a task with no one named.
  EXPECT_EQ(assignments_of("Sở Nội vụ được giao chủ trì."), std::vector<std::string>{});
  EXPECT_EQ(assignments_of("phong trào “Giao Sở Nội vụ chủ trì”"), std::vector<std::string>{});
  EXPECT_EQ(assignments_of("Yêu cầu tăng cường công tác kiểm tra."), std::vector<std::string>{});
  EXPECT_EQ(assignments_of("Tổ chức thực hiện\nTăng cường công tác kiểm tra."),
            std::vector<std::string>{});
  EXPECT_EQ(assignments_of(""), std::vector<std::string>{});
}

TEST(ReportTest, RecipientAndDeadlineInEitherOrder) {
  EXPECT_EQ(reports_of("Các đơn vị gửi báo cáo về Văn phòng Sở trước ngày 20 hằng tháng."),
            (std::vector<std::string>{
                "|Văn phòng Sở|van phong so cong thuong|trước ngày 20 hằng tháng||báo cáo về Văn "
                "phòng Sở trước ngày 20 hằng tháng"}));
  EXPECT_EQ(reports_of("Yêu cầu các đơn vị nghiêm túc thực hiện, báo cáo kết quả trước ngày "
                       "15/12/2023."),
            (std::vector<std::string>{"kết quả|||trước ngày 15/12/2023|2023-12-15|báo cáo kết quả "
                                      "trước ngày 15/12/2023"}));
  EXPECT_EQ(reports_of("các huyện báo cáo tình hình thực hiện định kỳ hằng quý về UBND tỉnh."),
            (std::vector<std::string>{
                "tình hình thực hiện|UBND tỉnh|uy ban nhan dan tinh|định kỳ hằng quý||báo cáo tình "
                "hình thực hiện định kỳ hằng quý về UBND tỉnh"}));
}

TEST(ReportTest, AtASentenceStartOnlyWithARecipientOrAFullDate) {
  EXPECT_EQ(reports_of("Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2024."),
            (std::vector<std::string>{"kết quả|Sở Nội vụ|so noi vu|trước ngày 15/12/2024|2024-12-15|"
                                      "Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2024"}));
  // "Báo cáo ... hằng tháng" opening a sentence is the noun.
  EXPECT_EQ(reports_of("Báo cáo kết quả thực hiện hằng tháng cho thấy nhiều chuyển biến."),
            std::vector<std::string>{});
}

TEST(ReportTest, ReportsThatAreNoDuty) {
  EXPECT_EQ(reports_of("BÁO CÁO TÌNH HÌNH THỰC HIỆN trước ngày 15/12/2024"),
            std::vector<std::string>{});  // a form's title
  EXPECT_EQ(reports_of("Báo cáo: Sở Nội vụ trước ngày 15/12/2024"), std::vector<std::string>{});
  EXPECT_EQ(reports_of("Đại biểu trình bày báo cáo tham luận về Sở Nội vụ."), std::vector<std::string>{});
  // No recipient, no deadline, not an assigned task.
  EXPECT_EQ(reports_of("Các đơn vị chủ động báo cáo kết quả."), std::vector<std::string>{});
}

// An assigned task whose clause obliges a report needs no recipient.
TEST(ReportTest, AnObligedReportInsideAnAssignment) {
  EXPECT_EQ(reports_of("Tổ chức thực hiện\nVăn phòng Sở có trách nhiệm tổng hợp báo cáo kết quả "
                       "thi đua."),
            (std::vector<std::string>{"kết quả thi đua|||||báo cáo kết quả thi đua"}));
}

}  // namespace
}  // namespace vanban::text::contents_detail
