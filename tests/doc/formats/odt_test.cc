#include "doc/formats/odt.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "doc/formats/plain_text.h"
#include "testing/scratch_dir.h"
#include "testing/zip_builder.h"
#include "vanban/text/legacy_encoding.h"

namespace vanban::doc {
namespace {

using testing::make_zip;

constexpr const char* kNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

std::string content(const std::string& body, const std::string& declarations = "") {
  return std::string("<office:document-content ") + kNs + ">" + declarations + "<office:body><office:text>" +
         body + "</office:text></office:body></office:document-content>";
}

std::string odt(const std::string& content_xml, std::vector<testing::ZipPart> more = {}) {
  std::vector<testing::ZipPart> parts = {
      {"mimetype", "application/vnd.oasis.opendocument.text", true}, {"content.xml", content_xml}};
  for (testing::ZipPart& part : more) parts.push_back(std::move(part));
  return make_zip(parts);
}

TEST(OdtTest, WhiteSpaceCollapsesAsOdfSays) {
  const Result<Extracted> got = extract_odt(
      odt(content("<text:p>  Kính   gửi:\n  Các sở,<text:s text:c=\"3\"/>ban</text:p>"
                  "<text:h>PHÁT ĐỘNG<text:tab/>THI ĐUA<text:line-break/>năm 2023 </text:h>"
                  "<text:p><text:span>Chỉ thị</text:span> <text:span>34-CT/TW</text:span></text:p>")),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, "odt");
  EXPECT_EQ(got->text, "Kính gửi: Các sở,   ban\nPHÁT ĐỘNG\tTHI ĐUA\nnăm 2023\nChỉ thị 34-CT/TW");
}

TEST(OdtTest, LegacyFontFacesAndUppercaseStyles) {
  const std::string tcvn3 =
      *convert_charset(*text::encode_legacy("Độc lập - Tự do - Hạnh phúc", text::LegacyEncoding::kTcvn3),
                       "windows-1252");
  const std::string declarations =
      "<office:font-face-decls><style:font-face style:name=\"VnTime\" svg:font-family=\"'.VnTime'\"/>"
      "</office:font-face-decls><office:automatic-styles>"
      "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
      "style:font-name=\"VnTime\"/></style:style>"
      "<style:style style:name=\"P1\" style:family=\"paragraph\"><style:text-properties "
      "fo:text-transform=\"uppercase\"/></style:style></office:automatic-styles>";
  const Result<Extracted> got = extract_odt(
      odt(content("<text:p text:style-name=\"P1\">ủy ban nhân dân</text:p>"
                  "<text:p><text:span text:style-name=\"T1\">" + tcvn3 + "</text:span></text:p>",
                  declarations)),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "ỦY BAN NHÂN DÂN\nĐộc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(got->properties.at("encoding"), "tcvn3");
}

TEST(OdtTest, ListItemsGetTheirStylesLabels) {
  const std::string declarations =
      "<office:automatic-styles><text:list-style style:name=\"L1\">"
      "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\"/>"
      "<text:list-level-style-number text:level=\"2\" style:num-suffix=\")\" style:num-format=\"a\"/>"
      "</text:list-style></office:automatic-styles>";
  const Result<Extracted> got = extract_odt(
      odt(content("<text:list text:style-name=\"L1\"><text:list-item><text:p>Mục đích</text:p>"
                  "<text:list><text:list-item><text:p>Thi đua</text:p></text:list-item>"
                  "<text:list-item><text:p>Khen thưởng</text:p></text:list-item></text:list>"
                  "</text:list-item><text:list-item><text:p>Nội dung</text:p></text:list-item></text:list>"
                  "<text:list><text:list-item><text:p>Các sở, ban, ngành</text:p></text:list-item></text:list>",
                  declarations)),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "1. Mục đích\na) Thi đua\nb) Khen thưởng\n2. Nội dung\n- Các sở, ban, ngành");
}

TEST(OdtTest, NotesAfterTheBodyAnnotationsLeftOut) {
  const Result<Extracted> got = extract_odt(
      odt(content("<text:p>Thực hiện Chỉ thị 34-CT/TW<text:note><text:note-citation>1</text:note-citation>"
                  "<text:note-body><text:p>Ngày 07/4/2014 của Bộ Chính trị.</text:p></text:note-body>"
                  "</text:note>.<office:annotation><text:p>ghi chú riêng</text:p></office:annotation>"
                  "</text:p>")),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "Thực hiện Chỉ thị 34-CT/TW.\n\nNgày 07/4/2014 của Bộ Chính trị.");
}

TEST(OdtTest, TitleFromMetaXml) {
  const std::string meta = std::string("<office:document-meta ") + kNs +
                           "><office:meta><dc:title>Kế hoạch thi đua năm 2024</dc:title></office:meta>"
                           "</office:document-meta>";
  const Result<Extracted> got =
      extract_odt(odt(content("<text:p>Kính gửi:</text:p>"), {{"meta.xml", meta}}), {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->properties.at("title"), "Kế hoạch thi đua năm 2024");
  EXPECT_EQ(got->properties.count("encoding"), 0u);
}

TEST(OdtTest, SeedLetterFixtureStartsWithItsHeader) {
  const Result<Extracted> got = extract_odt(testing::formats_fixture("004.odt"), {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_NE(got->text.find("Số: /SCT-VP"), std::string::npos) << got->text.substr(0, 300);
  EXPECT_NE(got->text.find("Kính gửi: Các phòng, đơn vị trực thuộc Sở."), std::string::npos);
}

struct OdtBrokenCase {
  const char* name;
  std::string bytes;
  StatusCode code;
  const char* reason;
};

class OdtBrokenTest : public ::testing::TestWithParam<OdtBrokenCase> {};

TEST_P(OdtBrokenTest, IsAStatus) {
  const Result<Extracted> got = extract_odt(GetParam().bytes, {});
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), GetParam().code) << got.status().message();
  EXPECT_EQ(got.status().reason(), GetParam().reason) << got.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Files, OdtBrokenTest,
    ::testing::Values(
        OdtBrokenCase{"NoContentPart", make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", true}}),
                   StatusCode::kCorruption, "broken ODT"},
        OdtBrokenCase{"ContentDoesNotParse", make_zip({{"content.xml", "<office:document-content>"}}),
                   StatusCode::kCorruption, "broken ODT"},
        OdtBrokenCase{"NotAZip", "Chỉ thị số 34-CT/TW", StatusCode::kCorruption, "broken zip"},
        OdtBrokenCase{"Encrypted", testing::formats_fixture("bad_encrypted.odt"), StatusCode::kNotSupported, "encrypted"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::doc
