#include "vanban/doc/chrome.h"
#include "vanban/doc/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/scratch_dir.h"
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

namespace vanban::doc {
namespace {

TEST(HeaderFieldsTest, ProvincialLetter) {
  const DocumentRecord r = seed("001_a09f608bfb9e07f5.txt");
  EXPECT_EQ(r.issuer, "Ủy ban nhân dân tỉnh Lai Châu");
  EXPECT_EQ(r.subject, r.title);
  EXPECT_EQ(r.recipients, (std::vector<std::string>{"Các sở, ban, ngành, đoàn thể tỉnh",
                                                    "Các doanh nghiệp trên địa bàn tỉnh",
                                                    "UBND các huyện, thành phố"}));
  ASSERT_EQ(r.distribution.size(), 7u);
  EXPECT_EQ(r.distribution.front(), "Ban TĐKT Trung ương (B/c)");
  EXPECT_EQ(r.distribution.back(), "Lưu: VT, Th3");
  EXPECT_EQ(r.signer_authority, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
  EXPECT_EQ(r.signer_name, "Tổng Thanh Hải");
}

TEST(HeaderFieldsTest, DepartmentLetterWithoutIssuerLines) {
  const DocumentRecord r = seed("004_39b0106687e293f0.txt");
  // No issuer lines: the office comes from the symbol "/SCT-VP".
  EXPECT_EQ(r.issuer, "Sở Công Thương tỉnh Lai Châu");
  EXPECT_EQ(r.metadata.at("issuer_source"), "symbol");
  EXPECT_EQ(r.recipients, std::vector<std::string>{"Các phòng, đơn vị trực thuộc Sở"});
  ASSERT_EQ(r.distribution.size(), 8u);
  EXPECT_EQ(r.distribution[0], "Như trên");
  EXPECT_EQ(r.signer_authority, "GIÁM ĐỐC");
  EXPECT_EQ(r.signer_name, "Nguyễn Sỹ Chín");
}

TEST(HeaderFieldsTest, WebArticlesHaveNoLetterFields) {
  for (const char* f : {"000_ddb1ffae0c6ba085.txt", "002_352bcdfb180350d4.txt", "003_bf467de301be45ad.txt"}) {
    const DocumentRecord r = seed(f);
    EXPECT_EQ(r.issuer, "") << f;
    EXPECT_TRUE(r.recipients.empty()) << f;
    EXPECT_EQ(r.signer_name, "") << f;
  }
}

struct StripCase {
  const char* name;
  const char* file;
  std::vector<const char*> removed;  // chrome lines that must be gone
  const char* kept_last;             // the article's last real line
};

class StripBoilerplateTest : public ::testing::TestWithParam<StripCase> {};

TEST_P(StripBoilerplateTest, RemovesChromeKeepsTheArticle) {
  const std::string raw = testing::read_file(testing::seeds_dir() + "/" + GetParam().file);
  const std::string text = strip_boilerplate(raw);
  for (const char* line : GetParam().removed) {
    EXPECT_NE(raw.find(line), std::string::npos) << line;
    EXPECT_EQ(text.find(line), std::string::npos) << line;
  }
  EXPECT_NE(text.find(GetParam().kept_last), std::string::npos);
  EXPECT_GT(text.size(), raw.size() * 8 / 10);
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, StripBoilerplateTest,
    ::testing::Values(
        StripCase{"LaiChauPortal",
                  "000_ddb1ffae0c6ba085.txt",
                  {"A- A A+ | Tăng tương phản", "Tổng số điểm của bài viết", "Click để đánh giá",
                   "Liên kết website", "Thống kê truy cập", "Hôm nay : 383", "Hôm qua : 384"},
                  "thành lập tỉnh(01/01/2004- 01/01/2024)./."},
        StripCase{"BacKanPortal",
                  "002_352bcdfb180350d4.txt",
                  {"Chia sẻ :", "BÀI VIẾT CÙNG CHUYÊN MỤC", "View Counter", "Views Today : 82",
                   "Total views : 27673", "Skip to content"},
                  "Nông Thị Thảo (Sở Công Thương)"},
        StripCase{"TayNinhPortal",
                  "003_bf467de301be45ad.txt",
                  {"Tổng số điểm của bài viết", "Ý kiến bạn đọc", "Thống kê truy cập",
                   "Tổng lượt truy cập865,277", "DỰ THẢO VĂN BẢN", "Zalo",
                   "Bạn đã không sử dụng Site"},
                  "pháp luật về thi đua khen thưởng."}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(StripBoilerplateTest, OfficialLetterIsUnchanged) {
  const std::string raw = testing::read_file(testing::seeds_dir() + "/004_39b0106687e293f0.txt");
  EXPECT_EQ(strip_boilerplate(raw), raw);
}

}  // namespace
}  // namespace vanban::doc
