// Quantified targets (contents_targets.cc): figures an aim sets, and
// counts a content item commits to build.
#include <gtest/gtest.h>

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "testing/doc_scan.h"
#include "text/contents_internal.h"

namespace vanban::text::contents_detail {
namespace {

using testing::ScannedText;

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// "indicator|value_text|value|unit|base_unit|scale|when|year|evidence".
std::vector<std::string> targets_of(const std::string& text) {
  const ScannedText s(text);
  std::vector<std::string> rows;
  for (const Target& t : find_targets(s.scan(), read_outline(s.scan()))) {
    rows.push_back(t.indicator + "|" + t.value_text + "|" + number(t.value) + "|" + t.unit + "|" +
                   t.base_unit + "|" + number(t.scale) + "|" + t.when + "|" + std::to_string(t.year) +
                   "|" + s.span(t.start, t.end));
  }
  return rows;
}

struct TargetCase {
  const char* name;
  const char* text;
  std::vector<std::string> targets;
};

void PrintTo(const TargetCase& c, std::ostream* os) { *os << c.name; }

class TargetTest : public ::testing::TestWithParam<TargetCase> {};

TEST_P(TargetTest, FindsTheTargets) { EXPECT_EQ(targets_of(GetParam().text), GetParam().targets); }

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, TargetTest,
    ::testing::Values(
        // Sentences of 2017 news articles (baomoi): an aim, a setter verb
        // ("đạt", "đạt khoảng", "là") before the figure.
        TargetCase{"PercentAfterDat",
                   "Chính phủ tập trung chỉ đạo các bộ ngành, địa phương thực hiện đồng bộ các giải "
                   "pháp thúc đẩy tăng trưởng, phấn đấu GDP cả năm đạt 6,7%.",
                   {"GDP cả năm|6,7|6.7|%|%|1||0|GDP cả năm đạt 6,7%"}},
        TargetCase{"ApproximateFigure",
                   "Chỉ đạo thực hiện quyết liệt các giải pháp thúc đẩy tăng trưởng từng ngành dịch "
                   "vụ, phấn đấu tăng trưởng khu vực này đạt khoảng 7,2%.",
                   {"tăng trưởng khu vực này|7,2|7.2|%|%|1||0|tăng trưởng khu vực này đạt khoảng "
                    "7,2%"}},
        // The year inside the indicator goes to `when`; the aim's own
        // clause gives it otherwise.
        TargetCase{"YearInTheIndicator",
                   "Chính phủ nhất quán chủ trương phấn đấu đạt mục tiêu tăng trưởng kinh tế năm "
                   "2017 là 6,7%.",
                   {"tăng trưởng kinh tế|6,7|6.7|%|%|1|năm 2017|2017|tăng trưởng kinh tế năm 2017 "
                    "là 6,7%"}},
        // Seed 004's list: ':' carries the aim and its year over the items.
        TargetCase{"AimOverAList",
                   "Các chỉ tiêu chủ yếu năm 2024: tổng kim ngạch xuất nhập khẩu hàng hóa đạt 40,6 "
                   "triệu USD; tỷ lệ số hộ được sử dụng điện lưới Quốc gia đạt 96,8%.",
                   {"tổng kim ngạch xuất nhập khẩu hàng hóa|40,6|40.6|triệu USD|USD|1e+06|năm "
                    "2024|2024|tổng kim ngạch xuất nhập khẩu hàng hóa đạt 40,6 triệu USD",
                    "tỷ lệ số hộ được sử dụng điện lưới Quốc gia|96,8|96.8|%|%|1|năm 2024|2024|tỷ lệ "
                    "số hộ được sử dụng điện lưới Quốc gia đạt 96,8%"}},
        TargetCase{"BillionsOfDollars", "Mục tiêu kim ngạch xuất khẩu đạt 1,5 tỷ USD đến năm 2025.",
                   {"kim ngạch xuất khẩu|1,5|1.5|tỷ USD|USD|1e+09|đến năm 2025|2025|kim ngạch "
                    "xuất khẩu đạt 1,5 tỷ USD"}},
        // baomoi: a scale word before a counted noun.
        TargetCase{"MillionsOfFirms",
                   "Tạo môi trường đầu tư, kinh doanh thuận lợi; phấn đấu đạt mức 1 triệu doanh "
                   "nghiệp vào năm 2020, trong đó tối thiểu 0,5% là doanh nghiệp khởi nghiệp sáng "
                   "tạo.",
                   {"doanh nghiệp vào năm 2020|1|1|triệu doanh nghiệp|doanh nghiệp|1e+06|năm "
                    "2020|2020|1 triệu doanh nghiệp vào năm 2020",
                    "doanh nghiệp khởi nghiệp sáng tạo|0,5|0.5|%|%|1|năm 2020|2020|0,5% là doanh "
                    "nghiệp khởi nghiệp sáng tạo"}},
        // A counted noun after the figure is what is counted.
        TargetCase{"CountedNoun", "Phấn đấu đến năm 2025 có 35 xã đạt chuẩn nông thôn mới.",
                   {"xã đạt chuẩn nông thôn mới|35|35|xã|xã|1|đến năm 2025|2025|35 xã đạt chuẩn "
                    "nông thôn mới"}},
        // A content item that commits to build a count of things.
        TargetCase{"DeliverableOfAContentItem",
                   "Các nội dung thi đua:\n1. Mỗi huyện xây dựng 02 mô hình dân vận khéo.\n",
                   {"mô hình dân vận khéo|02|2|mô hình|mô hình|1||0|02 mô hình dân vận khéo"}}),
    [](const auto& p) { return std::string(p.param.name); });

INSTANTIATE_TEST_SUITE_P(
    NoTarget, TargetTest,
    ::testing::Values(
        // baomoi: a result measured against an aim, not the aim.
        TargetCase{"ResultAgainstTheAim",
                   "Dù chưa hoàn thành kế hoạch 512 tỷ đồng tổng doanh thu năm 2016 nhưng HDC đã "
                   "hoàn thành chỉ tiêu 66,6 tỷ đồng lợi nhuận trước thuế đề ra.",
                   {}},
        TargetCase{"ComparedWithLastYear", "Phấn đấu kim ngạch xuất khẩu đạt 95% kế hoạch năm.", {}},
        // A figure needs a unit; a duration is not a target.
        TargetCase{"FigureWithoutUnit", "Phấn đấu xếp hạng chỉ số cải cách hành chính đạt 15.", {}},
        TargetCase{"Duration", "Mục tiêu sau 03 năm thực hiện, đạt chuẩn.", {}},
        TargetCase{"FigureOutsideAnAim", "Năm 2023 toàn tỉnh có 35 xã đạt chuẩn nông thôn mới.", {}},
        // A past result inside the aim's clause.
        TargetCase{"PastInTheClause", "Phấn đấu giữ vững kết quả đã đạt 96,8% hộ dùng điện.", {}},
        TargetCase{"Empty", "", {}}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::text::contents_detail
