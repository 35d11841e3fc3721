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
  // U+00A0 is a space; other letters whose UTF-8 starts with C2 ("«", "°")
  // and "à" (C3 A0) are not.
  EXPECT_EQ(collapse_spaces("\xC2\xA0«Dân vận khéo»\xC2\xA0\xC2\xA0ở 25°C là\xC2\xA0"),
            "«Dân vận khéo» ở 25°C là");
  EXPECT_EQ(collapse_spaces(" \n\t "), "");
  // Dropped bytes are left out before the spaces are collapsed.
  EXPECT_EQ(collapse_spaces("#### ***Nơi  nhận:*** _x_ * y", "*#_"), "Nơi nhận: x y");
  EXPECT_EQ(collapse_spaces("**Điều 1.**\n**  x", "*"), "Điều 1. x");
}

TEST(CharsTest, CountWordsAndNextLine) {
  EXPECT_EQ(count_words("  Ủy ban\tnhân  dân "), 4u);
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words(" \t "), 0u);
  const std::string_view text = "Điều 1.\nĐiều 2.\n\nHết";
  EXPECT_EQ(next_line(text, 0), 11u);  // "Điều 1.\n" is 11 bytes
  EXPECT_EQ(next_line(text, 5), 11u);  // from inside the line
  EXPECT_EQ(next_line(text, 11), 22u);
  EXPECT_EQ(next_line(text, 22), 23u);  // an empty line
  EXPECT_EQ(next_line(text, 23), text.size());
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

TEST(CharsTest, InlineSpaces) {
  EXPECT_TRUE(is_inline_space('\t'));
  EXPECT_FALSE(is_inline_space('\n'));
  EXPECT_FALSE(is_inline_space('\xA0'));  // the tail of "à", never a space alone
}

TEST(CharsTest, SplitLines) {
  EXPECT_EQ(split_lines("a\nb\n"), (std::vector<std::string_view>{"a", "b", ""}));
  EXPECT_EQ(split_lines("một"), (std::vector<std::string_view>{"một"}));
  EXPECT_EQ(split_lines(""), (std::vector<std::string_view>{""}));
}

TEST(CharsTest, CutsOnCodePointBoundaries) {
  EXPECT_EQ(utf8_prefix("Đảng", 3), "Đ");  // "ả" is 3 bytes: not cut inside
  EXPECT_EQ(utf8_prefix("Đảng", 5), "Đả");
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
  EXPECT_EQ(truncate_with_ellipsis("Thi đua yêu nước", 7), "Thi đu…");
  EXPECT_EQ(truncate_with_ellipsis("Thi đua", 20), "Thi đua");
}

TEST(CharsTest, CodePointOffsets) {
  const std::string text = "Chỉ thị 34-CT/TW";
  EXPECT_EQ(code_point_offset(text, text.find("34")), 8u);
  EXPECT_EQ(code_point_offset(text, 1000), 16u);
  EXPECT_EQ(code_point_offset(text, 0), 0u);
  EXPECT_EQ(code_point_offsets(text, {0, text.find("thị"), text.find("34"), 1000}),
            (std::vector<std::size_t>{0, 4, 8, 16}));
}

}  // namespace
}  // namespace vanban::text
