#include "doc/legal_header.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace vanban::doc {
namespace {

TEST(LegalHeaderTest, DecreeSubjectWrapsUnderTheHeadingUpToThePreamble) {
  const std::vector<std::string> lines = {
      "CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
      "Số: 30/2020/NĐ-CP", "Hà Nội, ngày 05 tháng 3 năm 2020", "", "NGHỊ ĐỊNH",
      "Về công tác", "văn thư", "", "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;"};
  const std::optional<LegalHeading> got = read_legal_heading(lines);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->line, 7u);
  EXPECT_EQ(got->type, "Nghị định");
  EXPECT_EQ(got->subject, "Về công tác văn thư");
  EXPECT_EQ(got->consolidates, "");
}

TEST(LegalHeaderTest, ALawsNameInCapitalsIsPutInRunningText) {
  const std::vector<std::string> lines = {"QUỐC HỘI", "Luật số: 41/2024/QH15", "", "LUẬT",
                                          "BẢO HIỂM XÃ HỘI", "",
                                          "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"};
  const std::optional<LegalHeading> got = read_legal_heading(lines);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->line, 3u);
  EXPECT_EQ(got->type, "Luật");
  EXPECT_EQ(got->subject, "Bảo hiểm xã hội");
}

TEST(LegalHeaderTest, NameOnTheHeadingsOwnLine) {
  const std::optional<LegalHeading> got =
      read_legal_heading({"LUẬT CÔNG ĐOÀN", "", "Căn cứ Hiến pháp;"});
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->type, "Luật");
  EXPECT_EQ(got->subject, "Công đoàn");
}

TEST(LegalHeaderTest, SubjectStopsWhereCapitalsChangeToRunningText) {
  const std::optional<LegalHeading> got = read_legal_heading(
      {"KẾ HOẠCH", "Phát động phong trào thi đua đặc biệt",
       "lập thành tích chào mừng kỷ niệm các sự kiện lịch sử của tỉnh", "THỰC HIỆN NĂM 2023"});
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->subject,
            "Phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự kiện "
            "lịch sử của tỉnh");
}

TEST(LegalHeaderTest, ConsolidatedTextNamesWhatItConsolidates) {
  const std::optional<LegalHeading> got = read_legal_heading(
      {"VĂN BẢN HỢP NHẤT", "", "LUẬT", "BẢO HIỂM Y TẾ", "",
       "Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 của Quốc hội, có hiệu lực",
       "Căn cứ Hiến pháp;"});
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->type, "Văn bản hợp nhất");
  EXPECT_EQ(got->line, 0u);
  EXPECT_EQ(got->subject, "");  // the next heading is the consolidated law's
  EXPECT_EQ(got->consolidates, "25/2008/QH12");  // within the four lines after it
}

TEST(LegalHeaderTest, NoTypeHeadingIsNullopt) {
  // Seed 001's header: an official letter prints "V/v", not a heading.
  EXPECT_FALSE(read_legal_heading({"ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: /UBND-TH",
                                   "V/v phát động phong trào thi đua đặc"})
                   .has_value());
  EXPECT_FALSE(read_legal_heading({}).has_value());
}

TEST(LegalHeaderTest, PassingDateFromTheClosingSentenceEvenWrapped) {
  EXPECT_EQ(passing_date({"Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV,",
                          "kỳ họp thứ 7 thông qua ngày 29 tháng 6 năm 2024."}),
            "2024-06-29");
  EXPECT_EQ(passing_date({"Luật này đã được Quốc hội khóa XV thông qua ngày",
                          "29 tháng 6 năm 2024."}),
            "2024-06-29");
  EXPECT_EQ(passing_date({"Nơi nhận:", "- Như trên;", "- Lưu: VT."}), "");
  EXPECT_EQ(passing_date({}), "");
}

TEST(LegalHeaderTest, CanonicalIssuerSpellsAsTheTableAndOnce) {
  EXPECT_EQ(canonical_issuer("Bộ Tài Chính"), "Bộ Tài chính");
  EXPECT_EQ(canonical_issuer("Chính phủ Chính phủ"), "Chính phủ");
  EXPECT_EQ(canonical_issuer("  Chính Phủ "), "Chính phủ");
  EXPECT_EQ(canonical_issuer("Sở Công Thương tỉnh Lai Châu"), "Sở Công Thương tỉnh Lai Châu");
  EXPECT_EQ(canonical_issuer(""), "");
}

}  // namespace
}  // namespace vanban::doc
