#include "vanban/text/organization.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

TEST(OrganizationKeyTest, AbbreviationsAndLongFormsMeet) {
  EXPECT_EQ(organization_key("UBND các huyện, thành phố"), "uy ban nhan dan huyen thanh pho");
  EXPECT_EQ(organization_key("Ủy ban nhân dân các huyện, thành phố"), organization_key("UBND các huyện, thành phố"));
  EXPECT_EQ(organization_key("Sở GD&ĐT"), "so giao duc va dao tao");
  EXPECT_EQ(organization_key("Sở Giáo dục và Đào tạo"), "so giao duc va dao tao");
  EXPECT_EQ(organization_key("Ban TĐKT Trung ương"), "ban thi dua khen thuong trung uong");
  EXPECT_EQ(organization_key("toàn thể đảng viên"), "dang vien");
  EXPECT_EQ(organization_key(""), "");
}

TEST(OrganizationKeyTest, ABareSoIsTheHomeDepartment) {
  const std::string home = home_department("Sở Công Thương tỉnh Lai Châu");
  EXPECT_EQ(home, "Sở Công Thương");
  EXPECT_EQ(organization_key("Văn phòng Sở", home), "van phong so cong thuong");
  EXPECT_EQ(organization_key("Các phòng, đơn vị trực thuộc Sở", home), "phong don vi truc thuoc so cong thuong");
  // A named department stays itself; without a home "Sở" stays a word.
  EXPECT_EQ(organization_key("Sở Nội vụ", home), "so noi vu");
  EXPECT_EQ(organization_key("Văn phòng Sở"), "van phong so");
  EXPECT_EQ(home_department("Ủy ban nhân dân tỉnh Lai Châu"), "");
}

// The department's name runs to where the organisation's name ends, before
// its place, a verb or a lower-case word: sentences of baomoi_news and the
// issuers of the seeds' senders.
struct DepartmentCase {
  const char* name;
  const char* text;
  const char* department;  // home_department(text)
};

void PrintTo(const DepartmentCase& c, std::ostream* os) { *os << c.name; }

class HomeDepartmentTest : public ::testing::TestWithParam<DepartmentCase> {};

TEST_P(HomeDepartmentTest, TheNameEndsWhereTheOrganisationEnds) {
  EXPECT_EQ(home_department(GetParam().text), GetParam().department);
}

INSTANTIATE_TEST_SUITE_P(
    RealNames, HomeDepartmentTest,
    ::testing::Values(
        DepartmentCase{"before_its_province", "Sở Nội vụ tỉnh Lai Châu", "Sở Nội vụ"},
        DepartmentCase{"before_a_province_named", "Lãnh đạo Sở Nội vụ tỉnh Thừa Thiên-Huế cho hay",
                       "Sở Nội vụ"},
        DepartmentCase{"capitals", "SỞ CÔNG THƯƠNG TỈNH LAI CHÂU", "SỞ CÔNG THƯƠNG"},
        DepartmentCase{"before_a_city", "Sở Giáo dục và Đào tạo Hà Nội", "Sở Giáo dục và Đào tạo"},
        DepartmentCase{"commas_and_dashes", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu",
                       "Sở Văn hóa, Thể thao và Du lịch"},
        DepartmentCase{"dash", "UBND TP đã chỉ đạo Sở Lao động - Thương binh và Xã hội cùng Sở Giao thông vận tải",
                       "Sở Lao động - Thương binh và Xã hội"},
        DepartmentCase{"ampersand_for_va", "Phó giám đốc Sở Nông nghiệp & Phát triển nông thôn Bình Định",
                       "Sở Nông nghiệp & Phát triển nông thôn"},
        DepartmentCase{"abbreviation", "Sở GD&ĐT Hà Nội sẽ làm việc với cơ quan chức năng", "Sở GD&ĐT"},
        DepartmentCase{"before_a_verb", "Sở Y tế tỉnh Hòa Bình cho biết", "Sở Y tế"},
        DepartmentCase{"ministry", "Bộ Tài chính", "Bộ Tài chính"},
        DepartmentCase{"politburo", "Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị", "Bộ Chính trị"},
        DepartmentCase{"ban_dan_toc", "Ban Dân tộc tỉnh Lai Châu", "Ban Dân tộc"},
        // a name outside the list: its capitals, up to the place
        DepartmentCase{"by_capitals", "Sở Lao Động Thương Binh Xã Hội tỉnh Bắc Kạn",
                       "Sở Lao Động Thương Binh Xã Hội"},
        // a committee called "Ban" is no department; a lower-case "sở" none either
        DepartmentCase{"committee", "Ban Chỉ đạo phong trào thi đua", ""},
        DepartmentCase{"lower_case", "các sở, ban, ngành, đoàn thể tỉnh", ""},
        DepartmentCase{"province", "Ủy ban nhân dân tỉnh Lai Châu", ""}),
    [](const ::testing::TestParamInfo<DepartmentCase>& param) { return std::string(param.param.name); });

TEST(OrganizationKeyTest, ABareSoIsTheWholeHomeDepartment) {
  const std::string home = home_department("Sở Nội vụ tỉnh Lai Châu");
  EXPECT_EQ(organization_key("Văn phòng Sở", home), "van phong so noi vu");
  EXPECT_EQ(organization_key("Văn phòng Sở", home_department("Sở Văn hóa, Thể thao và Du lịch")),
            "van phong so van hoa the thao va du lich");
  EXPECT_EQ(organization_key("Sở GD&ĐT"), organization_key("Sở Giáo dục và Đào tạo"));
  EXPECT_EQ(organization_key("Sở TT&TT"), organization_key("Sở Thông tin và Truyền thông"));
}

TEST(DepartmentNameEndTest, CountsTheTokensOfTheName) {
  Tokenizer tok;
  const std::string text = "giao Sở Tài nguyên và Môi trường tỉnh Kon Tum chủ trì";
  const std::vector<Token> t = tok.tokenize(text);
  ASSERT_EQ(t[1].exact, "sở");
  EXPECT_EQ(department_name_end(text, t, 1), 7u);  // one past "Sở Tài nguyên và Môi trường"
  EXPECT_EQ(department_name_end(text, t, 0), 0u);  // "giao": no department word
  EXPECT_EQ(department_name_end(text, t, t.size() - 1), t.size() - 1);
}

}  // namespace
}  // namespace vanban::text
