// Test helper: the first table of a DOCX's word/document.xml as text,
// read with pugixml apart from vanban's own reader: a cell's paragraphs
// joined by '\n', its w:t text as it is, w:br as '\n'.
#ifndef VANBAN_TESTS_TESTING_DOCX_READER_H_
#define VANBAN_TESTS_TESTING_DOCX_READER_H_

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <string>
#include <vector>

namespace vanban::testing {

struct DocxTable {
  std::vector<std::vector<std::string>> cells;  // rows of cells, the header row first
  bool header_repeats = false;                   // the first row is a w:tblHeader
  std::vector<std::string> paragraphs_before;    // the body's paragraphs before the table
};

inline std::string docx_paragraph_text(pugi::xml_node paragraph) {
  std::string out;
  for (pugi::xml_node run : paragraph.children("w:r")) {
    for (pugi::xml_node piece : run.children()) {
      if (std::string_view(piece.name()) == "w:t") out += piece.child_value();
      if (std::string_view(piece.name()) == "w:br") out += '\n';
    }
  }
  return out;
}

inline DocxTable read_docx_table(const std::string& document_xml) {
  DocxTable out;
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_string(document_xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
  EXPECT_TRUE(parsed) << parsed.description();
  const pugi::xml_node body = doc.child("w:document").child("w:body");
  pugi::xml_node table = body.child("w:tbl");
  EXPECT_TRUE(table) << "no table";
  for (pugi::xml_node p = body.first_child(); p && p != table; p = p.next_sibling()) {
    if (std::string_view(p.name()) == "w:p") out.paragraphs_before.push_back(docx_paragraph_text(p));
  }
  for (pugi::xml_node row : table.children("w:tr")) {
    if (out.cells.empty()) out.header_repeats = bool(row.child("w:trPr").child("w:tblHeader"));
    std::vector<std::string> cells;
    for (pugi::xml_node cell : row.children("w:tc")) {
      std::string text;
      for (pugi::xml_node p : cell.children("w:p")) {
        if (p != cell.child("w:p")) text += '\n';
        text += docx_paragraph_text(p);
      }
      cells.push_back(std::move(text));
    }
    out.cells.push_back(std::move(cells));
  }
  return out;
}

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_DOCX_READER_H_
