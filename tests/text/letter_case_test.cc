#include "text/letter_case.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::text {
namespace {

// "Ở" and "ở" decomposed (NFD): the base letter, then the horn and the
// hook above as combining marks.
constexpr const char* kNfdUpperO = "O\u031B\u0309";
constexpr const char* kNfdLowerO = "o\u031B\u0309";

TEST(LetterCaseTest, StartsUpperReadsTheFirstLetter) {
  EXPECT_TRUE(starts_upper("Sở"));
  EXPECT_TRUE(starts_upper("Đảng"));  // Đ (U+0110) is a letter of its own
  EXPECT_TRUE(starts_upper("UBND"));
  EXPECT_TRUE(starts_upper(std::string(kNfdUpperO) + " đâu"));
  EXPECT_FALSE(starts_upper("sở"));
  EXPECT_FALSE(starts_upper("đảng"));
  EXPECT_FALSE(starts_upper(kNfdLowerO));
  EXPECT_FALSE(starts_upper("2024"));
  EXPECT_FALSE(starts_upper("“Dân vận khéo”"));  // a quote mark first
  EXPECT_FALSE(starts_upper(""));
  EXPECT_FALSE(starts_upper("\xC3"));      // a truncated sequence
  EXPECT_FALSE(starts_upper("\xFFSở"));    // an ill-formed byte first
}

TEST(LetterCaseTest, StartsLowerReadsTheFirstLetter) {
  EXPECT_TRUE(starts_lower("của Luật này"));
  EXPECT_TRUE(starts_lower("đảng"));
  EXPECT_TRUE(starts_lower(kNfdLowerO));
  EXPECT_FALSE(starts_lower("Chương II"));
  EXPECT_FALSE(starts_lower(kNfdUpperO));
  EXPECT_FALSE(starts_lower("2. Các"));
  EXPECT_FALSE(starts_lower(""));
  EXPECT_FALSE(starts_lower("\xC3"));
}

TEST(LetterCaseTest, AllUpperNeedsALetterAndNoLowerCase) {
  EXPECT_TRUE(all_upper("UBND"));
  EXPECT_TRUE(all_upper("CHỦ"));
  EXPECT_TRUE(all_upper("BỘ TÀI CHÍNH"));  // a whole heading line
  EXPECT_TRUE(all_upper("KT. CHỦ TỊCH"));
  EXPECT_TRUE(all_upper("COVID-19"));
  EXPECT_TRUE(all_upper("CH\u1EE6"));              // "CHỦ" precomposed
  EXPECT_TRUE(all_upper("CHU\u031B\u0309"));       // "CHỬ" decomposed: marks are not lower case
  EXPECT_FALSE(all_upper("Sở Công Thương"));
  EXPECT_FALSE(all_upper("TP. Hồ Chí Minh"));
  EXPECT_FALSE(all_upper("ĐẢNg"));
  EXPECT_FALSE(all_upper("2024"));   // no letter
  EXPECT_FALSE(all_upper("./."));
  EXPECT_FALSE(all_upper(""));
  EXPECT_FALSE(all_upper("UBND\xFF"));  // ill-formed
}

TEST(LetterCaseTest, ToLowerTurnsAHeadingIntoRunningText) {
  EXPECT_EQ(to_lower("BẢO HIỂM XÃ HỘI"), "bảo hiểm xã hội");
  EXPECT_EQ(to_lower("TỔ CHỨC THỰC HIỆN"), "tổ chức thực hiện");
  EXPECT_EQ(to_lower("ĐẢNG BỘ TỈNH LAI CHÂU"), "đảng bộ tỉnh lai châu");
  EXPECT_EQ(to_lower("Chỉ thị số 34-CT/TW"), "chỉ thị số 34-ct/tw");
  EXPECT_EQ(to_lower(std::string("CHU\u031B\u0309")), "chu\u031B\u0309");  // marks kept, not composed
  EXPECT_EQ(to_lower("đã thấp"), "đã thấp");
  EXPECT_EQ(to_lower(""), "");
}

TEST(LetterCaseTest, WithFirstUpperChangesOnlyTheFirstCodePoint) {
  EXPECT_EQ(with_first_upper("bảo hiểm xã hội"), "Bảo hiểm xã hội");
  EXPECT_EQ(with_first_upper("đẩy mạnh phong trào"), "Đẩy mạnh phong trào");
  EXPECT_EQ(with_first_upper("ủy ban nhân dân"), "Ủy ban nhân dân");
  EXPECT_EQ(with_first_upper(kNfdLowerO), kNfdUpperO);
  EXPECT_EQ(with_first_upper("Sở Nội vụ"), "Sở Nội vụ");
  EXPECT_EQ(with_first_upper("2024 là năm"), "2024 là năm");
  EXPECT_EQ(with_first_upper(""), "");
  EXPECT_EQ(with_first_upper("\xFF" "abc"), "\xFF" "abc");  // ill-formed: left as it is
}

TEST(LetterCaseTest, WithFirstLowerChangesOnlyTheFirstCodePoint) {
  EXPECT_EQ(with_first_lower("Quy định chi tiết"), "quy định chi tiết");
  EXPECT_EQ(with_first_lower("Đề nghị Sở Nội vụ"), "đề nghị Sở Nội vụ");
  EXPECT_EQ(with_first_lower("ỦY BAN"), "ủY BAN");
  EXPECT_EQ(with_first_lower("“Dân vận khéo”"), "“Dân vận khéo”");
  EXPECT_EQ(with_first_lower(""), "");
}

}  // namespace
}  // namespace vanban::text
