#include "doc/formats/doc.h"

#include <string>
#include <vector>

#include "doc/formats/blocks.h"
#include "doc/formats/docx.h"
#include "doc/formats/subprocess.h"

namespace vanban::doc {
namespace {

// antiword reads a 100-page letter in well under a second; a minute means
// it is stuck.
constexpr std::chrono::milliseconds kConverterTimeout{60'000};
// The stream holding a Word 97 document's text, as OLE stores names.
constexpr std::string_view kWordDocumentName("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);

// The converters, best first: antiword keeps paragraphs (one per line
// with -w 0) and reads UTF-8 out; catdoc is the fallback.
const std::vector<std::vector<std::string>>& converters() {
  static const std::vector<std::vector<std::string>> list = {
      {"antiword", "-m", "UTF-8.txt", "-w", "0"},
      {"catdoc", "-d", "utf-8", "-w"},
  };
  return list;
}

Status converter_failed(const ProgramOutput& run) {
  const std::string& why = run.err.empty() ? run.out.substr(0, 200) : run.err;
  if (why.find("ncrypt") != std::string::npos || why.find("assword") != std::string::npos) {
    return Status::not_supported("encrypted", "password-protected Word 97-2003 document");
  }
  return Status::corruption("broken DOC", "exit " + std::to_string(run.exit_code) + ": " + why);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "|cell one   |cell two   |" -> a row of two cells.
Row table_row(std::string_view line) {
  line = trim(line);
  line.remove_prefix(1);
  if (line.ends_with('|')) line.remove_suffix(1);
  Row row;
  std::size_t pos = 0;
  while (pos <= line.size()) {
    const std::size_t bar = std::min(line.find('|', pos), line.size());
    row.cells.push_back(Cell{{Block{std::string(trim(line.substr(pos, bar - pos))), nullptr}}});
    pos = bar + 1;
  }
  return row;
}

// A layout table's lines hold its cells side by side: one cell per column.
void to_columns(Table& table) {
  Row columns;
  for (const Row& row : table.rows) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (columns.cells.size() <= c) columns.cells.resize(c + 1);
      const std::string& line = row.cells[c].blocks.front().text;
      if (!line.empty()) columns.cells[c].blocks.push_back({line, nullptr});
    }
  }
  table.rows = {std::move(columns)};
}

// antiword draws a table as lines of "|cell|cell|", the lines of one cell
// side by side. Rebuilt as a Table of one row per line, the one layout
// rule of blocks.h decides: a layout table (a letter's header, its
// signature block) then comes out column by column.
std::string reflow_tables(std::string_view text) {
  std::vector<Block> blocks;
  bool in_table = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    const bool row = trim(line).starts_with('|');
    if (row && !in_table) blocks.push_back({{}, std::make_shared<Table>()});
    if (row) blocks.back().table->rows.push_back(table_row(line));
    if (!row) blocks.push_back({std::string(line), nullptr});
    in_table = row;
  }
  for (Block& b : blocks) {
    if (b.table && is_layout_table(*b.table)) to_columns(*b.table);
  }
  return render_blocks(blocks);
}

}  // namespace

bool is_word97(std::string_view bytes) {
  return is_ole_file(bytes) && bytes.find(kWordDocumentName) != std::string_view::npos;
}

Result<Extracted> extract_doc(std::string_view bytes, const ExtractOptions& options) {
  const TempFile file(bytes);
  for (std::vector<std::string> argv : converters()) {
    argv.push_back(file.path());
    Result<ProgramOutput> run = run_program(argv, options.max_text_bytes, kConverterTimeout);
    if (!run && run.status().is_not_found()) continue;  // try the next converter
    if (!run) return run.status();
    if (run->exit_code != 0) return converter_failed(*run);
    Extracted out;
    out.format = "doc";
    out.text = reflow_tables(run->out);
    return out;
  }
  return Status::not_supported("install antiword",
                               "Word 97-2003 files are read by antiword (Debian package antiword)");
}

}  // namespace vanban::doc
