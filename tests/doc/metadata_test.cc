#include "vanban/doc/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/scratch_dir.h"

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
  // The title staff cite it by: type, symbol (none: a draft) and subject.
  EXPECT_EQ(r.title,
            "Công văn về việc phát động phong trào thi đua đặc biệt lập thành tích chào mừng "
            "kỷ niệm các sự kiện lịch sử của tỉnh");
  EXPECT_EQ(r.type, "Công văn");
  EXPECT_EQ(r.date, "2023-05");  // "ngày tháng 5 năm 2023": the day was left blank
  EXPECT_EQ(r.symbol, "");
  EXPECT_EQ(r.metadata.at("unnumbered_symbol"), "/UBND-TH");
  EXPECT_EQ(r.metadata.at("place"), "Lai Châu");
}

TEST(FillMetadataTest, LetterOfDepartmentWithMarkdownHeader) {
  const DocumentRecord r = seed("004_39b0106687e293f0.txt");
  EXPECT_EQ(r.title,
            "Công văn về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ chính "
            "trị năm 2024");
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

}  // namespace
}  // namespace vanban::doc

namespace vanban::doc {
namespace {

TEST(HeaderFieldsTest, ProvincialLetter) {
  const DocumentRecord r = seed("001_a09f608bfb9e07f5.txt");
  EXPECT_EQ(r.issuer, "Ủy ban nhân dân tỉnh Lai Châu");
  EXPECT_EQ(r.subject,
            "V/v phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự "
            "kiện lịch sử của tỉnh");
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

}  // namespace
}  // namespace vanban::doc
