#include "vanban/text/chars.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

TEST(CharsTest, Spaces) {
  EXPECT_TRUE(is_ascii_space('\v'));
  EXPECT_FALSE(is_ascii_space('\xA0'));  // the tail of "à", never a space alone
  EXPECT_TRUE(is_inline_space('\t'));
  EXPECT_FALSE(is_inline_space('\n'));
  EXPECT_TRUE(is_blank(" \n\t\r"));
  EXPECT_TRUE(is_blank(""));
  EXPECT_FALSE(is_blank(" à "));
}

TEST(CharsTest, Trim) {
  EXPECT_EQ(trim("  Lai Châu\r\n"), "Lai Châu");
  EXPECT_EQ(trim(" \t "), "");
  EXPECT_EQ(trim("Đà"), "Đà");
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

}  // namespace
}  // namespace vanban::text
