#include "doc/formats/blocks.h"

#include <algorithm>
#include <string_view>

#include "vanban/text/normalize.h"

namespace vanban::doc {
namespace {

// Official headers and signature blocks have two columns, sometimes three
// (a logo or a stamp column); data tables usually have more.
constexpr std::size_t kMaxLayoutColumns = 3;
// Data tables are drawn without borders too, but they have rows: a
// borderless table without a header or signature cue is layout only while
// it is this small (header and signature tables have 1-3 rows).
constexpr std::size_t kMaxBorderlessLayoutRows = 4;

// Folded words found in the header (Nghị định 30/2020/NĐ-CP, Phụ lục I) or
// the signature block of an official document.
constexpr std::string_view kLayoutCues[] = {
    "so:",        "cong hoa xa hoi chu nghia", "doc lap - tu do", "dang cong san viet nam",
    "noi nhan",   "kinh gui",                  "tm.",             "kt.",
    "tl.",        "tuq.",                      ", ngay"};

std::size_t column_count(const Table& table) {
  std::size_t columns = 0;
  for (const Row& row : table.rows) columns = std::max(columns, row.cells.size());
  return columns;
}

void collect_text(const std::vector<Block>& blocks, std::string& out) {
  for (const Block& b : blocks) {
    if (!b.table) {
      out += b.text;
      out += '\n';
      continue;
    }
    for (const Row& row : b.table->rows) {
      for (const Cell& cell : row.cells) collect_text(cell.blocks, out);
    }
  }
}

bool has_layout_cue(const Table& table) {
  std::string text;
  for (const Row& row : table.rows) {
    for (const Cell& cell : row.cells) collect_text(cell.blocks, text);
  }
  const std::string folded = text::fold(text);
  return std::any_of(std::begin(kLayoutCues), std::end(kLayoutCues), [&](std::string_view cue) {
    return folded.find(cue) != std::string::npos;
  });
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view trim(std::string_view s) {
  s = rtrim(s);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  return rtrim(s);
}

class Renderer {
 public:
  void blocks(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      if (b.table) {
        table(*b.table);
      } else {
        paragraph(b.text);
      }
    }
  }

  std::string finish() {
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  void paragraph(std::string_view text) {
    if (trim(text).empty()) return blank_line();
    std::size_t pos = 0;
    while (pos <= text.size()) {
      const std::size_t nl = std::min(text.find('\n', pos), text.size());
      out_ += rtrim(text.substr(pos, nl - pos));
      out_ += '\n';
      pos = nl + 1;
    }
  }

  // Ends the output with an empty line (nothing at the very start).
  void blank_line() {
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += '\n';
  }

  void table(const Table& table) {
    blank_line();
    if (is_layout_table(table)) {
      for (const Row& row : table.rows) {
        for (const Cell& cell : row.cells) {
          blocks(cell.blocks);
          blank_line();
        }
      }
    } else {
      for (const Row& row : table.rows) data_row(row);
    }
    blank_line();
  }

  // One line: the cells' text, each on one line, separated by " | ".
  void data_row(const Row& row) {
    std::string line;
    bool any = false;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      Renderer cell;
      cell.blocks(row.cells[i].blocks);
      std::string text = cell.finish();
      std::replace(text.begin(), text.end(), '\n', ' ');
      any |= !trim(text).empty();
      line += (i == 0 ? "" : " | ") + std::string(trim(text));
    }
    if (any) out_ += line + "\n";
  }

  std::string out_;
};

}  // namespace

bool is_layout_table(const Table& table) {
  if (table.rows.empty() || column_count(table) > kMaxLayoutColumns) return false;
  if (has_layout_cue(table)) return true;
  return !table.visible_borders && table.rows.size() <= kMaxBorderlessLayoutRows;
}

std::string render_blocks(const std::vector<Block>& blocks) {
  Renderer renderer;
  renderer.blocks(blocks);
  return renderer.finish();
}

}  // namespace vanban::doc
