#include "vanban/text/chars.h"

#include <gtest/gtest.h>

#include "vanban/text/date.h"

namespace vanban::text {
namespace {

TEST(CharsTest, SpaceAtKnowsNbspAndLineBreaks) {
  EXPECT_EQ(space_at("a b", 1), 1u);
  EXPECT_EQ(space_at("a\xC2\xA0" "b", 1), 2u);
  EXPECT_EQ(space_at("\xC3\xA0", 1), 0u);  // the tail of "à" is no space
  EXPECT_EQ(space_at("a\nb", 1), 0u);
  EXPECT_EQ(space_at("a\nb", 1, true), 1u);
  EXPECT_EQ(space_at("ab", 5), 0u);
}

TEST(CharsTest, TrimAndCollapse) {
  EXPECT_EQ(trim(" \n\xC2\xA0 về việc thi đua,* ", ",*"), "về việc thi đua");
  EXPECT_EQ(trim("là\xC2\xA0"), "là");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(collapse_spaces("  Bộ Lao động - \nThương binh\t và  Xã hội \n"),
            "Bộ Lao động - Thương binh và Xã hội");
}

TEST(CharsTest, PageFurniture) {
  EXPECT_TRUE(is_page_furniture("CÔNG BÁO/Số 781 + 782/Ngày 26-6-2023 "));
  EXPECT_TRUE(is_page_furniture("64 CÔNG BÁO/Số 781 + 782/Ngày 26-6-2023"));
  EXPECT_TRUE(is_page_furniture(" 65 "));
  EXPECT_TRUE(is_page_furniture("Thời gian ký: 29.06.2023 09:17:15 +07:00"));
  EXPECT_FALSE(is_page_furniture("2021 của Chính phủ"));
  EXPECT_FALSE(is_page_furniture(""));
  EXPECT_EQ(clean_span("của Chính \nphủ quy định\nCÔNG BÁO/Số 151/Ngày 17-03-2026 \n107\n về"),
            "của Chính phủ quy định về");
}

TEST(DateTest, AddDays) {
  EXPECT_EQ(add_days("2021-04-19", 45), "2021-06-03");
  EXPECT_EQ(add_days("2024-02-28", 1), "2024-02-29");
  EXPECT_EQ(add_days("2023-12-31", 1), "2024-01-01");
  EXPECT_EQ(add_days("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(add_days("2024-03", 1), "");
  EXPECT_EQ(add_days("", 1), "");
  EXPECT_EQ(add_days("2024-02-30", 1), "");
}

}  // namespace
}  // namespace vanban::text
