#include "vanban/doc/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/temp_index.h"
#include "vanban/text/date.h"

namespace vanban::doc {
namespace {

DocumentRecord seed(const std::string& name) {
  DocumentRecord r;
  r.id = name;
  r.text = testing::read_file(testing::seeds_dir() + "/" + name);
  fill_metadata(r);
  return r;
}

TEST(FillMetadataTest, DraftLetterOfProvincialCommittee) {
  const DocumentRecord r = seed("001_a09f608bfb9e07f5.txt");
  EXPECT_EQ(r.title,
            "V/v phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm "
            "các sự kiện lịch sử của tỉnh");
  EXPECT_EQ(r.type, "Công văn");
  EXPECT_EQ(r.date, "2023-05");  // "ngày tháng 5 năm 2023": the day was left blank
  EXPECT_EQ(r.symbol, "");
  EXPECT_EQ(r.metadata.at("unnumbered_symbol"), "/UBND-TH");
  EXPECT_EQ(r.metadata.at("place"), "Lai Châu");
}

TEST(FillMetadataTest, LetterOfDepartmentWithMarkdownHeader) {
  const DocumentRecord r = seed("004_39b0106687e293f0.txt");
  EXPECT_EQ(r.title,
            "V/v phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2024");
  EXPECT_EQ(r.date, "2024-02-29");
  EXPECT_EQ(r.type, "Công văn");
  EXPECT_EQ(r.metadata.at("unnumbered_symbol"), "/SCT-VP");
}

TEST(FillMetadataTest, WebArticleHeadlineSkipsPageChrome) {
  const DocumentRecord r = seed("000_ddb1ffae0c6ba085.txt");
  EXPECT_EQ(r.title,
            "Phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự "
            "kiện lịch sử của tỉnh");
  EXPECT_EQ(r.type, "");
}

TEST(FillMetadataTest, WebArticleDateLine) {
  const DocumentRecord r = seed("003_bf467de301be45ad.txt");
  EXPECT_EQ(r.date, "2023-01-03");  // "Thứ ba - 03/01/2023 15:53"
  EXPECT_EQ(r.title.rfind("Phát động phong trào thi đua thực hiện thắng lợi", 0), 0u);
}

TEST(FillMetadataTest, KeepsFieldsAlreadySet) {
  DocumentRecord r;
  r.title = "Điều 5. Nguyên tắc";
  r.text = "Lai Châu, ngày 29 tháng 02 năm 2024\nNội dung";
  r.date = "2020";
  fill_metadata(r);
  EXPECT_EQ(r.title, "Điều 5. Nguyên tắc");
  EXPECT_EQ(r.date, "2020");
}

struct DateCase {
  const char* name;
  const char* text;
  const char* iso;
};

class ParseDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ParseDateTest, Iso) { EXPECT_EQ(text::parse_date(GetParam().text), GetParam().iso); }

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

struct LineCase {
  const char* name;
  const char* line;
  bool chrome;
};

class BoilerplateTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(BoilerplateTest, Classifies) {
  EXPECT_EQ(is_boilerplate_line(GetParam().line), GetParam().chrome);
}

// Lines of the three web articles in the seeds.
INSTANTIATE_TEST_SUITE_P(
    Seeds, BoilerplateTest,
    ::testing::Values(
        LineCase{"FontSizeAndContrast", "A- A A+ | Tăng tương phản Giảm tương phản", true},
        LineCase{"Rating", "Tổng số điểm của bài viết là: 0 trong 0 đánh giá", true},
        LineCase{"RatePrompt", "Click để đánh giá bài viết", true},
        LineCase{"Links", "Liên kết website", true},
        LineCase{"Counter", "Thống kê truy cập", true},
        LineCase{"Today", "Hôm nay : 383", true},
        LineCase{"ViewsToday", "Views Today : 82", true},
        LineCase{"Share", "Chia sẻ :", true},
        LineCase{"SkipLink", "Skip to content", true},
        LineCase{"Headline", "Phát động phong trào thi đua đặc biệt", false},
        LineCase{"BodyMentionsToday", "Hôm nay Sở Công Thương tổ chức hội nghị", false},
        LineCase{"Empty", "", false}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::doc
