// A report's table as CSV that LibreOffice Calc and Excel open as they
// are: UTF-8 with a byte order mark (without it Excel reads the bytes as
// the system's code page and Vietnamese comes out garbled), comma
// separated, RFC 4180 quoting and CRLF row ends. Only the table is
// written (a header row, then the rows): the title and filter lines of a
// report would be rows a spreadsheet takes for data.
//
// Cells that a spreadsheet would run as a formula (starting with '=', '+',
// '-', '@', a tab or a CR: OWASP "CSV Injection") get a leading "'",
// which both programs show as text; date cells are never changed.
//
// Input is UTF-8. Pure functions, thread-safe. Pieces so that a server can
// stream a long table: csv_head() once, then csv_row() per row.
#ifndef VANBAN_REPORT_CSV_H_
#define VANBAN_REPORT_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "vanban/report/table.h"

namespace vanban::report {

// The UTF-8 byte order mark, which starts the file.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One field: guarded against formulas (kText), then quoted with '"'
// doubled when it holds '"', ',', CR or LF. No separator or row end.
std::string csv_field(std::string_view cell, CellKind kind);

// One row: the fields of `cells` (kinds from `columns`; a cell beyond the
// columns is text) joined by ',' and ended by CRLF.
std::string csv_row(const Row& cells, const std::vector<Column>& columns);

// The start of the file: the byte order mark and the header row.
std::string csv_head(const std::vector<Column>& columns);

// The whole table: csv_head() and a csv_row() per row.
std::string write_csv(const ReportTable& table);

}  // namespace vanban::report

#endif  // VANBAN_REPORT_CSV_H_
