#include "vanban/text/organization.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace vanban::text
