#include "doc/formats/doc.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

#include "testing/scratch_dir.h"

namespace vanban::doc {
namespace {

TEST(DocTest, HeaderTableComesOutColumnByColumn) {
  // Seed 001 saved by Word 97-2003: antiword draws its header table as
  // "|ỦY BAN NHÂN DÂN   |CỘNG HÒA XÃ HỘI ...|" lines.
  const Result<Extracted> got = extract_doc(testing::formats_fixture("001.doc"), {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, "doc");
  EXPECT_TRUE(got->text.starts_with(
      "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: /UBND-TH\nV/v phát động phong trào thi đua đặc\n"
      "biệt lập thành tích chào mừng kỷ niệm\ncác sự kiện lịch sử của tỉnh\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Lai Châu, ngày tháng 5 năm 2023\n\n"))
      << got->text.substr(0, 400);
  EXPECT_NE(got->text.find("Kính gửi:\n- Các sở, ban, ngành, đoàn thể tỉnh;\n"), std::string::npos);
  EXPECT_EQ(got->text.find('|'), std::string::npos);
}

TEST(DocTest, NotAWordFileIsBroken) {
  const Result<Extracted> got = extract_doc("Chỉ thị số 34-CT/TW ngày 07/4/2014", {});
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(got.status().reason(), "broken DOC");
  EXPECT_NE(got.status().detail().find("exit 1"), std::string::npos) << got.status().detail();
}

TEST(DocTest, TextBeyondTheLimitIsTooLarge) {
  ExtractOptions small;
  small.max_text_bytes = 1000;
  const Result<Extracted> got = extract_doc(testing::formats_fixture("001.doc"), small);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kTooLarge);
}

TEST(DocTest, WithoutAnyConverterSaysWhatToInstall) {
  const std::string saved = getenv("PATH") != nullptr ? getenv("PATH") : "";
  setenv("PATH", "/nonexistent", 1);
  const Result<Extracted> got = extract_doc(testing::formats_fixture("001.doc"), {});
  setenv("PATH", saved.c_str(), 1);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotSupported);
  EXPECT_EQ(got.status().reason(), "install antiword");
  EXPECT_NE(got.status().detail().find("antiword"), std::string::npos);
}

TEST(DocTest, Word97IsAnOleFileWithAWordDocumentStream) {
  EXPECT_TRUE(is_word97(testing::formats_fixture("001.doc")));
  EXPECT_FALSE(is_word97(testing::formats_fixture("001.docx")));          // a zip
  EXPECT_FALSE(is_word97(testing::formats_fixture("bad_encrypted.docx")));  // OLE, but an EncryptedPackage
  EXPECT_FALSE(is_word97(""));
}

}  // namespace
}  // namespace vanban::doc
