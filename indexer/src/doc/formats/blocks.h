// The reading-order model the document formats (DOCX, ODT, HTML) parse
// into, and the one place that turns it into text: paragraphs one per
// line, data tables as rows of " | "-separated cells, and layout tables
// (the borderless two-column tables of an official document's header and
// signature block) cell by cell, so that doc/metadata.h reads their fields
// as it reads a .txt letter. Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_BLOCKS_H_
#define VANBAN_DOC_FORMATS_BLOCKS_H_

#include <memory>
#include <string>
#include <vector>

namespace vanban::doc {

struct Table;

// A paragraph (its text, which may hold "\n" for line breaks; "" for an
// empty paragraph) or a table.
struct Block {
  std::string text;
  std::shared_ptr<Table> table;  // set for a table; `text` is then unused
};

struct Cell {
  std::vector<Block> blocks;
};

struct Row {
  std::vector<Cell> cells;
};

struct Table {
  std::vector<Row> rows;
  // Some border of the table or of one of its cells is drawn.
  bool visible_borders = false;
};

// True for a table that lays out text rather than holding data: at most
// three columns, and either a header or signature cue in its text ("Số:",
// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "Độc lập", "Nơi nhận", ", ngày", "TM.",
// "KT.") or no visible borders and few rows.
bool is_layout_table(const Table& table);

// The text of `blocks` (UTF-8, as the parsers produced it): one paragraph
// per line; a blank line around tables and between the cells of a layout
// table; runs of empty paragraphs collapsed to one blank line; no
// trailing white space on lines.
std::string render_blocks(const std::vector<Block>& blocks);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_BLOCKS_H_
