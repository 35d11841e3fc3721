#include "vanban/text/date.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::text {
namespace {

struct DateCase {
  const char* name;
  const char* text;
  const char* iso;
};

class ParseDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ParseDateTest, Iso) { EXPECT_EQ(parse_date(GetParam().text), GetParam().iso); }

INSTANTIATE_TEST_SUITE_P(
    Forms, ParseDateTest,
    ::testing::Values(DateCase{"Long", "ngày 29 tháng 02 năm 2024", "2024-02-29"},
                      DateCase{"LongCapital", "Ngày 07 tháng 4 năm 2014 của", "2014-04-07"},
                      DateCase{"MonthOnly", "ngày tháng 5 năm 2023", "2023-05"},
                      DateCase{"Slashes", "ngày 07/4/2014", "2014-04-07"},
                      DateCase{"Dashes", "07-4-2014", "2014-04-07"},
                      DateCase{"WebArticle", "03/01/2023 15:53", "2023-01-03"},
                      DateCase{"Unaccented", "ngay 30 thang 10 nam 2023", "2023-10-30"},
                      DateCase{"NotLeapYear", "ngày 29/02/2023", ""},
                      DateCase{"NoDay31InApril", "31/4/2014", ""},
                      DateCase{"MixedSeparators", "07/4-2014", ""},
                      DateCase{"NotADate", "năm 2023 là năm", ""}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(VietnameseDateTest, DayMonthYearAsDocumentsWriteThem) {
  EXPECT_EQ(vietnamese_date("2014-04-07"), "07/04/2014");
  EXPECT_EQ(vietnamese_date("2024-02-29"), "29/02/2024");
  EXPECT_EQ(vietnamese_date("2023-05"), "05/2023");
  EXPECT_EQ(vietnamese_date("2023"), "2023");
  EXPECT_EQ(vietnamese_date(""), "");
  EXPECT_EQ(vietnamese_date("ngày 07/4/2014"), "ngày 07/4/2014");
  EXPECT_EQ(vietnamese_date("2014-4-07"), "2014-4-07");
}

TEST(IsoDateTest, ChecksTheCalendar) {
  EXPECT_EQ(iso_date(2024, 2, 29), "2024-02-29");
  EXPECT_EQ(iso_date(2023, 2, 29), "");
  EXPECT_EQ(iso_date(2000, 2, 29), "2000-02-29");  // divisible by 400
  EXPECT_EQ(iso_date(1900, 2, 29), "");            // by 100 only
  EXPECT_EQ(iso_date(2023, 5, 0), "2023-05");      // a draft's blank day
  EXPECT_EQ(iso_date(2023, 13, 1), "");
  EXPECT_EQ(iso_date(1899, 1, 1), "");
  EXPECT_EQ(iso_date(2101, 1, 1), "");
  EXPECT_EQ(iso_date(2014, 4, 7), "2014-04-07");
}

}  // namespace
}  // namespace vanban::text
