#include "doc/formats/docx.h"

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

constexpr const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string document(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW + "><w:body>" + body +
         "</w:body></w:document>";
}

std::string p(const std::string& runs, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}

std::string r(const std::string& text, const std::string& rpr = "") {
  return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

std::string docx(const std::string& body, std::vector<testing::ZipPart> more = {}) {
  std::vector<testing::ZipPart> parts = {{"word/document.xml", document(body)}};
  for (testing::ZipPart& part : more) parts.push_back(std::move(part));
  return make_zip(parts);
}

TEST(DocxTest, ParagraphsRunsTabsAndBreaks) {
  const Result<Extracted> got = extract_docx(
      docx(p(r("Kính gửi:")) + p(r("- Các sở, ban, ngành") + r(", đoàn thể tỉnh;")) +
           p("<w:r><w:t>Số:</w:t><w:tab/><w:t>1954/UBND-TH</w:t><w:br/><w:t>ngày 30/5/2023</w:t></w:r>")),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, "docx");
  EXPECT_EQ(got->text, "Kính gửi:\n- Các sở, ban, ngành, đoàn thể tỉnh;\nSố:\t1954/UBND-TH\nngày 30/5/2023");
  EXPECT_EQ(got->properties.count("title"), 0u);
  EXPECT_EQ(got->properties.count("encoding"), 0u);
}

TEST(DocxTest, CapsAndLegacyFontsFromRunsAndStyles) {
  const std::string tcvn3 =
      *convert_charset(*text::encode_legacy("Độc lập - Tự do - Hạnh phúc", text::LegacyEncoding::kTcvn3),
                       "windows-1252");
  const std::string styles =
      std::string("<w:styles ") + kW +
      "><w:style w:type=\"paragraph\" w:styleId=\"Motto\"><w:rPr><w:rFonts w:hAnsi=\".VnTime\"/></w:rPr>"
      "</w:style><w:style w:type=\"paragraph\" w:styleId=\"Heading\"><w:basedOn w:val=\"Motto\"/>"
      "<w:rPr><w:caps/></w:rPr></w:style></w:styles>";
  const Result<Extracted> got = extract_docx(
      docx(p(r("ủy ban nhân dân", "<w:caps/>")) + p(r("tỉnh Lai Châu", "<w:caps w:val=\"0\"/>")) +
               p(r(tcvn3), "<w:pStyle w:val=\"Motto\"/>") +
               p(r("kế hoạch", "<w:rFonts w:hAnsi=\"Times New Roman\"/>"), "<w:pStyle w:val=\"Heading\"/>"),
           {{"word/styles.xml", styles}}),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "ỦY BAN NHÂN DÂN\ntỉnh Lai Châu\nĐộc lập - Tự do - Hạnh phúc\nKẾ HOẠCH");
  EXPECT_EQ(got->properties.at("encoding"), "tcvn3");
}

TEST(DocxTest, NumberedParagraphsGetWordsLabels) {
  const std::string numbering =
      std::string("<w:numbering ") + kW +
      "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\">"
      "<w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
      "<w:lvlText w:val=\"\xEF\x82\xB7\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
  auto numbered = [](const std::string& text, int id, int level) {
    return p(r(text), "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
                          std::to_string(id) + "\"/></w:numPr>");
  };
  const Result<Extracted> got = extract_docx(
      docx(numbered("Mục đích", 1, 0) + numbered("Thi đua", 1, 1) + numbered("Khen thưởng", 1, 1) +
               numbered("Nội dung", 1, 0) + numbered("Các sở, ban, ngành", 2, 0) +
               numbered("Không có định nghĩa", 9, 0),
           {{"word/numbering.xml", numbering}}),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "1. Mục đích\na) Thi đua\nb) Khen thưởng\n2. Nội dung\n- Các sở, ban, ngành\n"
                       "Không có định nghĩa");
}

TEST(DocxTest, DeletedTextIsNotPartOfTheDocument) {
  const Result<Extracted> got = extract_docx(
      docx(p(r("Lai Châu, ngày ") + "<w:del><w:r><w:delText>28</w:delText></w:r></w:del>" +
             "<w:ins>" + r("29") + "</w:ins>" + r(" tháng 02 năm 2024"))),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "Lai Châu, ngày 29 tháng 02 năm 2024");
}

TEST(DocxTest, NotesThenHeadersAndFootersOnce) {
  const std::string footnotes =
      std::string("<w:footnotes ") + kW + "><w:footnote w:type=\"separator\" w:id=\"-1\">" +
      p(r("----")) + "</w:footnote><w:footnote w:id=\"1\">" +
      p(r("Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị.")) + "</w:footnote></w:footnotes>";
  const std::string header = std::string("<w:hdr ") + kW + ">" + p(r("SỞ CÔNG THƯƠNG")) + "</w:hdr>";
  const Result<Extracted> got = extract_docx(
      docx(p(r("Thực hiện Chỉ thị 34-CT/TW.")),
           {{"word/footnotes.xml", footnotes}, {"word/header1.xml", header}, {"word/header2.xml", header}}),
      {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, "Thực hiện Chỉ thị 34-CT/TW.\n\nChỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị.\n\n"
                       "SỞ CÔNG THƯƠNG");
}

TEST(DocxTest, TitleFromTheCoreProperties) {
  const std::string core =
      "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
      "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Kế hoạch thi đua năm "
      "2024</dc:title></cp:coreProperties>";
  const Result<Extracted> got = extract_docx(docx(p(r("Kính gửi:")), {{"docProps/core.xml", core}}), {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->properties.at("title"), "Kế hoạch thi đua năm 2024");
}

struct DocxBrokenCase {
  const char* name;
  std::string bytes;
  StatusCode code;
  const char* reason;
};

class DocxBrokenTest : public ::testing::TestWithParam<DocxBrokenCase> {};

TEST_P(DocxBrokenTest, IsAStatus) {
  const Result<Extracted> got = extract_docx(GetParam().bytes, {});
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), GetParam().code) << got.status().message();
  EXPECT_EQ(got.status().reason(), GetParam().reason) << got.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Files, DocxBrokenTest,
    ::testing::Values(
        DocxBrokenCase{"NoDocumentPart", make_zip({{"content.xml", "<office:document-content/>"}}),
                   StatusCode::kCorruption, "broken DOCX"},
        DocxBrokenCase{"DocumentDoesNotParse", make_zip({{"word/document.xml", "<w:document><w:body>"}}),
                   StatusCode::kCorruption, "broken DOCX"},
        DocxBrokenCase{"StylesDoNotParse",
                   make_zip({{"word/document.xml", document(p(r("a")))}, {"word/styles.xml", "<w:styles"}}),
                   StatusCode::kCorruption, "broken DOCX"},
        DocxBrokenCase{"NotAZip", "Chỉ thị số 34-CT/TW", StatusCode::kCorruption, "broken zip"},
        DocxBrokenCase{"Word97", testing::formats_fixture("001.doc"), StatusCode::kCorruption, "broken DOCX"},
        DocxBrokenCase{"Encrypted", testing::formats_fixture("bad_encrypted.docx"), StatusCode::kNotSupported, "encrypted"},
        DocxBrokenCase{"Bomb", testing::formats_fixture("bad_zipbomb.docx"), StatusCode::kTooLarge, "zip bomb"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(DocxTest, OleFilesAndEncryptedPackages) {
  EXPECT_TRUE(is_ole_file(testing::formats_fixture("001.doc")));
  EXPECT_TRUE(is_ole_file(testing::formats_fixture("bad_encrypted.docx")));
  EXPECT_FALSE(is_ole_file(testing::formats_fixture("001.docx")));
  EXPECT_FALSE(is_ole_file(""));
  EXPECT_TRUE(is_encrypted_ooxml(testing::formats_fixture("bad_encrypted.docx")));
  EXPECT_FALSE(is_encrypted_ooxml(testing::formats_fixture("001.doc")));
  EXPECT_FALSE(is_encrypted_ooxml(testing::formats_fixture("001.docx")));
}

}  // namespace
}  // namespace vanban::doc
