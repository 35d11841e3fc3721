// The movement's period (contents_period.cc): the time phrase in the
// clause of a movement word.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "testing/doc_scan.h"
#include "text/contents_internal.h"

namespace vanban::text::contents_detail {
namespace {

using testing::ScannedText;

// "from|to|now|text|evidence" per period.
std::vector<std::string> periods_of(const std::string& text, const ContentsOptions& options = {}) {
  const ScannedText s(text);
  std::vector<std::string> rows;
  for (const Period& p : find_periods(s.scan(), options)) {
    rows.push_back(p.from + "|" + p.to + "|" + (p.from_document_date ? "now" : "") + "|" + p.text +
                   "|" + s.span(p.start, p.end));
  }
  return rows;
}

struct PeriodCase {
  const char* name;
  const char* text;
  std::vector<std::string> periods;
};

void PrintTo(const PeriodCase& c, std::ostream* os) { *os << c.name; }

class PeriodTest : public ::testing::TestWithParam<PeriodCase> {};

TEST_P(PeriodTest, FindsThePeriods) {
  EXPECT_EQ(periods_of(GetParam().text, {"2024-02-29", ""}), GetParam().periods);
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, PeriodTest,
    ::testing::Values(
        // Seed 001: the quoted name (its dates too) is skipped, the
        // comma does not end the clause; "từ nay" is the document date.
        PeriodCase{"FromNowPastAQuotedName",
                   "Phong trào thi đua đặc biệt “Thi đua đổi mới, sáng tạo, lập thành tích cao "
                   "nhất chào mừng kỷ niệm 115 năm thành lập tỉnh (28/6/1909-28/6/2024), 75 năm "
                   "thành lập Đảng bộ tỉnh (10/10/1949-10/10/2024)” được triển khai, thực hiện "
                   "từ nay đến ngày 30 tháng 10 năm 2023. Kết thúc phong trào thi đua, Hội đồng "
                   "Thi đua, khen thưởng tỉnh tiến hành tổng kết.",
                   {"2024-02-29|2023-10-30|now|từ nay đến ngày 30 tháng 10 năm 2023|từ nay đến "
                    "ngày 30 tháng 10 năm 2023"}},
        // Seed 004.
        PeriodCase{"YearAfterALongClause",
                   "Sở Công Thương phát động phong trào thi đua tới toàn thể cán bộ, công chức, "
                   "viên chức và người lao động nhằm phấn đấu hoàn thành xuất sắc nhiệm vụ phát "
                   "triển của Ngành trong năm 2024, góp phần thực hiện hoàn thành các chỉ tiêu.",
                   {"2024|2024||năm 2024|năm 2024"}},
        PeriodCase{"FromYearToYear", "Cuộc vận động được thực hiện từ năm 2021 đến năm 2025.",
                   {"2021|2025||từ năm 2021 đến năm 2025|từ năm 2021 đến năm 2025"}},
        PeriodCase{"StageFromTo",
                   "Đợt thi đua giai đoạn từ năm 2021 đến hết năm 2025 gồm hai giai đoạn.",
                   {"2021|2025||giai đoạn từ năm 2021 đến hết năm 2025|giai đoạn từ năm 2021 "
                    "đến hết năm 2025"}},
        PeriodCase{"StageWithADash",
                   "Kết quả phong trào thi đua yêu nước giai đoạn 2015 – 2020 của Sở Công Thương",
                   {"2015|2020||giai đoạn 2015 – 2020|giai đoạn 2015 – 2020"}},
        PeriodCase{"UntilADate", "Phong trào thi đua kéo dài đến ngày 31/12/2024.",
                   {"|2024-12-31||đến ngày 31/12/2024|đến ngày 31/12/2024"}},
        // A campaign's quoted name does not count against the reach.
        PeriodCase{"QuotedCampaignNameThenStage",
                   "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” giai đoạn "
                   "2021-2025",
                   {"2021|2025||giai đoạn 2021-2025|giai đoạn 2021-2025"}},
        // Folded matching: typed without accents, or a heading in capitals.
        PeriodCase{"Unaccented", "phat dong phong trao thi dua nam 2024",
                   {"2024|2024||nam 2024|nam 2024"}},
        PeriodCase{"HeadingInCapitals", "PHONG TRÀO THI ĐUA NĂM 2024",
                   {"2024|2024||NĂM 2024|NĂM 2024"}},
        // One (from, to) once: the first evidence.
        PeriodCase{"SamePeriodOnce",
                   "Phát động phong trào thi đua năm 2024. Phong trào thi đua năm 2024 gồm 5 nội "
                   "dung.",
                   {"2024|2024||năm 2024|năm 2024"}}),
    [](const auto& p) { return std::string(p.param.name); });

INSTANTIATE_TEST_SUITE_P(
    NoPeriod, PeriodTest,
    ::testing::Values(
        PeriodCase{"NoMovementWord", "Kế hoạch năm 2024 của Sở Công Thương.", {}},
        // A clause mark or a citation ends the search.
        PeriodCase{"AfterAClauseMark", "Phát động phong trào thi đua yêu nước; năm 2024 tổng kết.", {}},
        PeriodCase{"InsideACitation",
                   "Thực hiện phong trào theo Chỉ thị số 04/CT-UBND ngày 11/01/2021 của Chủ tịch "
                   "UBND tỉnh giai đoạn 2021 - 2025.",
                   {}},
        // The launch date, not a period; a month's year.
        PeriodCase{"DateOfLaunch", "Phát động phong trào thi đua ngày 29 tháng 02 năm 2024", {}},
        PeriodCase{"MonthOfAYear", "phong trào thi đua tháng năm 2024", {}},
        // "thi đua" alone is the field, not a movement.
        PeriodCase{"FieldIsNoMovement", "Công tác thi đua, khen thưởng năm 2024 đạt kết quả tốt.", {}},
        PeriodCase{"FromWithoutAnEnd", "Phong trào thi đua từ năm 2021 được nhân rộng", {}},
        PeriodCase{"Empty", "", {}}),
    [](const auto& p) { return std::string(p.param.name); });

// kPeriodReach (40) unquoted words after the movement word: a year farther
// away belongs to something else.
TEST(PeriodReachTest, AYearBeyondTheReachIsNotThePeriod) {
  std::string words;
  for (int k = 0; k < 12; ++k) words += "cán bộ công ";  // 36 syllables
  // "năm" is the 40th word after "Phong trào", then the 41st.
  EXPECT_EQ(periods_of("Phong trào thi đua " + words + "chức năm 2024"),
            (std::vector<std::string>{"2024|2024||năm 2024|năm 2024"}));
  EXPECT_EQ(periods_of("Phong trào thi đua " + words + "chức mới năm 2024"), std::vector<std::string>{});
}

TEST(PeriodOptionsTest, FromNowWithoutADocumentDate) {
  EXPECT_EQ(periods_of("Phong trào được thực hiện từ nay đến hết năm 2025."),
            (std::vector<std::string>{"|2025|now|từ nay đến hết năm 2025|từ nay đến hết năm 2025"}));
}

}  // namespace
}  // namespace vanban::text::contents_detail
