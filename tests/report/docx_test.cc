// report/docx.h: a report written as DOCX, then read back twice: by
// vanban's own DOCX reader (doc/extract.h), and by opening the zip and
// reading word/document.xml with pugixml, cell by cell.
#include "vanban/report/docx.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "doc/formats/zip_archive.h"
#include "testing/docx_reader.h"
#include "vanban/doc/extract.h"
#include "vanban/report/rows.h"

namespace vanban::report {
namespace {

// Text from the seeds (002: the Sở Công Thương report citing 34-CT/TW;
// 001: the province's letter; 004: the Sở's letter of 29/02/2024).
ReportTable seed_table() {
  ReportTable t;
  t.title = "Chỉ thị 34-CT/TW: các văn bản trích dẫn";
  t.lines = {"Ngày ban hành: 07/04/2014", "Cơ quan ban hành: Bộ Chính trị"};
  t.exported_on = "2026-11-29";
  t.columns = document_columns();
  t.rows = {
      {"", "2020", "Sở Công Thương",
       "Kết quả phong trào thi đua yêu nước giai đoạn 2015 – 2020 và phương hướng, nhiệm vụ giai "
       "đoạn 2020 – 2025 của Sở Công Thương",
       "Trong 5 năm giai đoạn 2015-2020, thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị "
       "về việc tiếp tục đổi mới công tác Thi đua, Khen thưởng"},
      {"1954/UBND-TH", "2023-05-30", "Ủy ban nhân dân tỉnh Lai Châu",
       "V/v phát động phong trào thi đua đặc\nbiệt lập thành tích chào mừng kỷ niệm",
       "<script>alert(1)</script> & “Dân vận khéo”"},
      {"/SCT-VP", "2024-02-29", "", "", "Kính gửi: Các phòng,\x0c đơn vị trực thuộc Sở."},
  };
  return t;
}

std::string part(const std::string& docx, const std::string& name) {
  Result<doc::ZipArchive> zip = doc::ZipArchive::open(docx);
  EXPECT_TRUE(zip.is_ok()) << zip.status().message();
  if (!zip) return {};
  Result<std::string> bytes = zip->read(name, 16 << 20);
  EXPECT_TRUE(bytes.is_ok()) << name << ": " << bytes.status().message();
  return bytes ? *bytes : std::string();
}

TEST(DocxTest, TheTableReadsBackCellForCell) {
  const std::string docx = write_docx(seed_table());
  const testing::DocxTable table = testing::read_docx_table(part(docx, "word/document.xml"));
  const std::vector<std::vector<std::string>> expected = {
      {"Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Đoạn trích"},
      seed_table().rows[0],
      {"1954/UBND-TH", "30/05/2023", "Ủy ban nhân dân tỉnh Lai Châu",
       "V/v phát động phong trào thi đua đặc\nbiệt lập thành tích chào mừng kỷ niệm",
       "<script>alert(1)</script> & “Dân vận khéo”"},
      {"/SCT-VP", "29/02/2024", "", "", "Kính gửi: Các phòng, đơn vị trực thuộc Sở."},
  };
  EXPECT_EQ(table.cells, expected);
  EXPECT_TRUE(table.header_repeats);
  EXPECT_EQ(table.paragraphs_before,
            (std::vector<std::string>{"Chỉ thị 34-CT/TW: các văn bản trích dẫn", "Ngày ban hành: 07/04/2014",
                                      "Cơ quan ban hành: Bộ Chính trị", "Ngày xuất: 29/11/2026"}));
}

TEST(DocxTest, VanbansOwnReaderReadsIt) {
  doc::ExtractOptions options;
  options.ocr = false;
  const Result<doc::Extracted> got = doc::extract(write_docx(seed_table()), "bao-cao.docx", options);
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, "docx");
  EXPECT_EQ(got->properties.at("title"), "Chỉ thị 34-CT/TW: các văn bản trích dẫn");
  // Paragraphs a line each, the table after a blank line, its rows a line
  // each with cells between " | " (empty ones too), a line break inside a
  // cell read as a space.
  EXPECT_EQ(got->text,
            "Chỉ thị 34-CT/TW: các văn bản trích dẫn\n"
            "Ngày ban hành: 07/04/2014\n"
            "Cơ quan ban hành: Bộ Chính trị\n"
            "Ngày xuất: 29/11/2026\n"
            "\n"
            "Số, ký hiệu | Ngày | Cơ quan ban hành | Trích yếu | Đoạn trích\n"
            " | 2020 | Sở Công Thương | Kết quả phong trào thi đua yêu nước giai đoạn 2015 – 2020 và "
            "phương hướng, nhiệm vụ giai đoạn 2020 – 2025 của Sở Công Thương | Trong 5 năm giai đoạn "
            "2015-2020, thực hiện Chỉ thị 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về việc tiếp tục "
            "đổi mới công tác Thi đua, Khen thưởng\n"
            "1954/UBND-TH | 30/05/2023 | Ủy ban nhân dân tỉnh Lai Châu | V/v phát động phong trào thi "
            "đua đặc biệt lập thành tích chào mừng kỷ niệm | <script>alert(1)</script> & “Dân vận "
            "khéo”\n"
            "/SCT-VP | 29/02/2024 |  |  | Kính gửi: Các phòng, đơn vị trực thuộc Sở.");
}

TEST(DocxTest, APackageWordOpens) {
  const std::string docx = write_docx(seed_table());
  Result<doc::ZipArchive> zip = doc::ZipArchive::open(docx);
  ASSERT_TRUE(zip.is_ok());
  EXPECT_EQ(zip->names(), (std::vector<std::string>{"[Content_Types].xml", "_rels/.rels",
                                                     "word/_rels/document.xml.rels", "word/document.xml",
                                                     "word/styles.xml", "docProps/core.xml"}));
  for (const std::string& name : zip->names()) {
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(part(docx, name).c_str())) << name;
  }
  pugi::xml_document types;
  types.load_string(part(docx, "[Content_Types].xml").c_str());
  EXPECT_TRUE(types.child("Types").find_child_by_attribute("Override", "PartName", "/word/document.xml"));
  pugi::xml_document document;
  document.load_string(part(docx, "word/document.xml").c_str());
  const pugi::xml_node size = document.select_node("/w:document/w:body/w:sectPr/w:pgSz").node();
  EXPECT_STREQ(size.attribute("w:orient").value(), "landscape");
  EXPECT_GT(size.attribute("w:w").as_int(), size.attribute("w:h").as_int());
  pugi::xml_document core;
  core.load_string(part(docx, "docProps/core.xml").c_str());
  EXPECT_STREQ(core.child("cp:coreProperties").child_value("dcterms:created"), "2026-11-29T00:00:00Z");
}

TEST(DocxTest, AnEmptyTableStillHasItsHeaderRow) {
  ReportTable t = seed_table();
  t.rows.clear();
  const testing::DocxTable table = testing::read_docx_table(part(write_docx(t), "word/document.xml"));
  ASSERT_EQ(table.cells.size(), 1u);
  EXPECT_EQ(table.cells[0][4], "Đoạn trích");
}

}  // namespace
}  // namespace vanban::report
