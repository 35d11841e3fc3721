#include "doc/formats/zip_archive.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/scratch_dir.h"
#include "testing/zip_builder.h"

namespace vanban::doc {
namespace {

using testing::make_zip;

constexpr std::uint64_t kNoLimit = std::uint64_t{1} << 30;
const std::string kLetter = "Kính gửi: Các sở, ban, ngành, đoàn thể tỉnh;";

TEST(ZipArchiveTest, ReadsPartsByNameInArchiveOrder) {
  const std::string bytes = make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", true},
                                      {"content.xml", kLetter},
                                      {"Thư mục/tệp.txt", "Lai Châu"}});
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.is_ok()) << zip.status().message();
  EXPECT_EQ(zip->names(), (std::vector<std::string>{"mimetype", "content.xml", "Thư mục/tệp.txt"}));
  EXPECT_TRUE(zip->has("content.xml"));
  EXPECT_FALSE(zip->has("styles.xml"));
  EXPECT_EQ(*zip->read("content.xml", kNoLimit), kLetter);
  EXPECT_EQ(*zip->read("mimetype", kNoLimit), "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(*zip->read("Thư mục/tệp.txt", kNoLimit), "Lai Châu");
}

TEST(ZipArchiveTest, AMissingPartIsNotFound) {
  const std::string bytes = make_zip({{"content.xml", kLetter}});
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.is_ok());
  const Result<std::string> got = zip->read("word/document.xml", kNoLimit);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(got.status().reason(), "missing part");
  EXPECT_EQ(got.status().detail(), "word/document.xml");
}

TEST(ZipArchiveTest, NotAZipIsBroken) {
  for (const std::string& bytes : {std::string("Chỉ thị số 34-CT/TW"), std::string("PK\x03\x04 truncated", 14)}) {
    const Result<ZipArchive> zip = ZipArchive::open(bytes);
    ASSERT_FALSE(zip.is_ok()) << bytes;
    EXPECT_EQ(zip.status().code(), StatusCode::kCorruption);
    EXPECT_EQ(zip.status().reason(), "broken zip");
  }
}

TEST(ZipArchiveTest, NoBytesAreAnEmptyArchive) {
  // libzip reads zero bytes as an archive without parts; the formats then
  // say which part is missing.
  Result<ZipArchive> zip = ZipArchive::open("");
  ASSERT_TRUE(zip.is_ok());
  EXPECT_TRUE(zip->names().empty());
  EXPECT_EQ(zip->read("content.xml", kNoLimit).status().code(), StatusCode::kNotFound);
}

TEST(ZipArchiveTest, APartBeyondTheLimitIsTooLarge) {
  const std::string bytes = make_zip({{"content.xml", kLetter}});
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.is_ok());
  const Result<std::string> got = zip->read("content.xml", 10);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(got.status().reason(), "zip bomb");
  EXPECT_NE(got.status().detail().find("content.xml unpacks to more than 10 bytes"), std::string::npos)
      << got.status().detail();
  EXPECT_TRUE(zip->read("content.xml", kLetter.size()).is_ok());  // the limit itself fits
}

TEST(ZipArchiveTest, AnImplausibleCompressionRatioIsABomb) {
  // 8 MiB of one byte deflates about a thousand times: no real XML part does.
  const std::string bytes = make_zip({{"word/document.xml", std::string(8 << 20, 'a')}});
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.is_ok());
  const Result<std::string> got = zip->read("word/document.xml", kNoLimit);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kTooLarge);
  EXPECT_EQ(got.status().reason(), "zip bomb");
  EXPECT_NE(got.status().detail().find("claims 8388608 bytes"), std::string::npos) << got.status().detail();
}

TEST(ZipArchiveTest, AnEncryptedPartIsNotSupported) {
  const std::string bytes = make_zip({{"content.xml", kLetter, false, "mật khẩu"}});
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.is_ok());
  const Result<std::string> got = zip->read("content.xml", kNoLimit);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotSupported);
  EXPECT_EQ(got.status().reason(), "encrypted");
}

TEST(ZipArchiveTest, ACorruptedPartIsBroken) {
  // A byte of the part's deflated data flipped: it no longer inflates, or
  // its CRC no longer matches.
  std::string bytes = make_zip({{"content.xml", std::string(200, 'x') + kLetter + kLetter}});
  const std::size_t data = 30 + std::string("content.xml").size();  // after the local header
  bytes[data + 5] = static_cast<char>(bytes[data + 5] ^ 0x55);
  Result<ZipArchive> zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.is_ok());
  const Result<std::string> got = zip->read("content.xml", kNoLimit);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(got.status().reason(), "broken zip");
}

TEST(ZipArchiveTest, MovesKeepTheArchive) {
  const std::string fixture = testing::read_file(std::string(VANBAN_FORMATS_DIR) + "/001.docx");
  Result<ZipArchive> opened = ZipArchive::open(fixture);
  ASSERT_TRUE(opened.is_ok());
  ZipArchive zip = std::move(*opened);
  EXPECT_TRUE(zip.has("word/document.xml"));
  const Result<std::string> document = zip.read("word/document.xml", kNoLimit);
  ASSERT_TRUE(document.is_ok());
  EXPECT_NE(document->find("TỈNH LAI CHÂU"), std::string::npos);
}

}  // namespace
}  // namespace vanban::doc
