#include "vanban/text/number.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::text {
namespace {

struct NumberCase {
  const char* name;
  const char* printed;
  double value;
};

class ParseNumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(ParseNumberTest, ReadsTheVietnameseForm) {
  const auto v = parse_number(GetParam().printed);
  ASSERT_TRUE(v.has_value()) << GetParam().printed;
  EXPECT_DOUBLE_EQ(*v, GetParam().value);
}

// Seed 004's targets and the forms baomoi_news prints.
INSTANTIATE_TEST_SUITE_P(
    Vietnamese, ParseNumberTest,
    ::testing::Values(NumberCase{"ThousandsAndDecimals", "7.872,7", 7872.7},
                      NumberCase{"DecimalComma", "96,8", 96.8},
                      NumberCase{"TwoDecimals", "9,27", 9.27},
                      NumberCase{"ZeroDecimal", "9,0", 9.0},
                      NumberCase{"ThousandsDot", "1.234", 1234},
                      NumberCase{"MillionsDots", "27.673.000", 27673000},
                      NumberCase{"CommaIsAlwaysDecimal", "1,234", 1.234},
                      NumberCase{"CommaThousands", "1,234,567", 1234567},
                      NumberCase{"EnglishBoth", "1,234.5", 1234.5},
                      NumberCase{"DotBeforeOneDigit", "9.5", 9.5},
                      NumberCase{"LeadingZero", "01", 1},
                      NumberCase{"Integer", "100", 100},
                      NumberCase{"ThousandsThenDecimal", "9.163,4", 9163.4}),
    [](const auto& p) { return std::string(p.param.name); });

class RejectNumberTest : public ::testing::TestWithParam<const char*> {};

TEST_P(RejectNumberTest, IsNotANumber) { EXPECT_FALSE(parse_number(GetParam()).has_value()); }

INSTANTIATE_TEST_SUITE_P(Malformed, RejectNumberTest,
                         ::testing::Values("", "1.2.3", "1,,2", ".5", "5.", "12a", "1.23,4",
                                           "1,234.567,8", "-5", "1 234", "28/6/1909"));

TEST(ParseNumberTest, HugeDigitStringsDoNotThrow) {
  const auto big = parse_number(std::string(300, '9'));
  ASSERT_TRUE(big.has_value());
  EXPECT_GT(*big, 1e299);
  EXPECT_FALSE(parse_number(std::string(400, '9')).has_value());  // beyond a double
}

TEST(ScaleFactorTest, ScaleWordsMultiply) {
  EXPECT_DOUBLE_EQ(scale_factor("nghin"), 1e3);
  EXPECT_DOUBLE_EQ(scale_factor("ngan"), 1e3);
  EXPECT_DOUBLE_EQ(scale_factor("trieu"), 1e6);
  EXPECT_DOUBLE_EQ(scale_factor("ty"), 1e9);
  EXPECT_DOUBLE_EQ(scale_factor("ti"), 1e9);
  EXPECT_DOUBLE_EQ(scale_factor("dong"), 0);
  EXPECT_DOUBLE_EQ(scale_factor("nghin") * scale_factor("ty"), 1e12);
}

}  // namespace
}  // namespace vanban::text
