#include "vanban/text/utf8.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace vanban::text {
namespace {

struct Utf8Case {
  const char* name;
  std::string bytes;
  std::optional<std::size_t> first_bad;
};

class FindInvalidUtf8Test : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(FindInvalidUtf8Test, FindsTheFirstBadByte) {
  EXPECT_EQ(find_invalid_utf8(GetParam().bytes), GetParam().first_bad);
}

INSTANTIATE_TEST_SUITE_P(
    Sequences, FindInvalidUtf8Test,
    ::testing::Values(Utf8Case{"Vietnamese", "Cộng hòa xã hội chủ nghĩa Việt Nam", std::nullopt},
                      Utf8Case{"Empty", "", std::nullopt},
                      Utf8Case{"FourBytes", "\xF0\x9F\x98\x80", std::nullopt},
                      Utf8Case{"LoneContinuation", "ab\x80", 2},
                      Utf8Case{"Truncated", "Vi\xE1\xBB", 2},
                      Utf8Case{"Overlong", "\xC0\xAF", 0},
                      Utf8Case{"Surrogate", "x\xED\xA0\x80", 1},
                      Utf8Case{"AboveMax", "\xF4\x90\x80\x80", 0},
                      Utf8Case{"Latin1Byte", "Ch\xEA", 2},
                      // Runs of ASCII longer than the eight bytes read at once.
                      Utf8Case{"AfterLongAscii", "Chi thi so 34-CT/TW ngay 07/4/2014\x80", 34},
                      Utf8Case{"InsideAnAsciiChunk", "Ke hoach 12\xC3KH-UBND ngay 5/6", 11},
                      Utf8Case{"AccentsBetweenAsciiRuns",
                               "Quyet dinh so 12/QD-SCT: Điều 5 khoản 2 of the Decree 30/2020/NĐ-CP", std::nullopt}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(Utf8Test, ValidAndAscii) {
  EXPECT_TRUE(is_valid_utf8("Đảng"));
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_TRUE(is_ascii("34-CT/TW"));
  EXPECT_FALSE(is_ascii("Chỉ thị"));
}

}  // namespace
}  // namespace vanban::text
