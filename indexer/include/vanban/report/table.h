// A report: what an export holds, whatever its file format (report/csv.h,
// report/docx.h). A title, the lines that say what was asked (query and
// filters), the day it was exported, and a table of text cells. Built from
// domain values by report/rows.h. Plain values: copyable,
// thread-compatible.
#ifndef VANBAN_REPORT_TABLE_H_
#define VANBAN_REPORT_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

namespace vanban::report {

// The most rows an export holds: a search's first 2,000 results, a
// directive's first 2,000 citing or implementing documents. A DOCX is built
// in memory: 2,000 search results (32-word snippets) made 1.6 MB of XML;
// a CSV is streamed.
inline constexpr std::size_t kMaxExportRows = 2000;

// How a column's cells are written.
enum class CellKind {
  kText,  // as it is (CSV: guarded against formulas)
  kDate,  // ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY": CSV keeps ISO (which
          // LibreOffice Calc and Excel read as a date); DOCX writes
          // "dd/mm/yyyy" (text::vietnamese_date)
};

struct Column {
  std::string header;  // "Số, ký hiệu"
  CellKind kind = CellKind::kText;
  // Its share of the page width in a DOCX table, relative to the other
  // columns' weights.
  unsigned weight = 1;
};

// One row: a cell per column, UTF-8 (NFC as the index stores it); "" for
// an unknown field. A cell may hold line breaks.
using Row = std::vector<std::string>;

struct ReportTable {
  std::string title;               // "Kết quả tìm kiếm văn bản"
  // What to call its file, without an extension; may hold any character
  // ("Chỉ thị 34-CT/TW - văn bản trích dẫn").
  std::string name;
  std::vector<std::string> lines;  // "Từ khóa: Chỉ thị 34-CT/TW", "Loại văn bản: Công văn"
  std::string exported_on;         // ISO "YYYY-MM-DD"
  std::vector<Column> columns;
  std::vector<Row> rows;           // each with columns.size() cells
};

}  // namespace vanban::report

#endif  // VANBAN_REPORT_TABLE_H_
