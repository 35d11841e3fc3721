// A report as a Word document (DOCX, Office Open XML, ECMA-376, elements
// in the schema's order as Word requires; read back by vanban's own DOCX
// reader in the tests, opened by LibreOffice Writer 7.4 by hand): the title, the query
// and filter lines, "Ngày xuất: dd/mm/yyyy", then the table with a header
// row repeated on every page and no row split across pages, on A4
// landscape pages. Dates are written "dd/mm/yyyy" (text::vietnamese_date);
// the core properties hold the title and the export day.
//
// The parts (word/document.xml, word/styles.xml, [Content_Types].xml, the
// relationships and docProps/core.xml) are built as XML trees (pugixml),
// so any text is escaped; characters XML 1.0 cannot hold (control
// characters other than tab and line breaks) are dropped, and a line break
// inside a cell becomes a line break in it. They are zipped in memory
// (libzip).
//
// Input is UTF-8. Thread-safe (no shared state). Throws std::runtime_error
// only if libzip fails (out of memory); no input makes it fail.
#ifndef VANBAN_REPORT_DOCX_H_
#define VANBAN_REPORT_DOCX_H_

#include <string>
#include <string_view>

#include "vanban/report/table.h"

namespace vanban::report {

// The MIME type of a DOCX file.
inline constexpr std::string_view kDocxContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The bytes of the .docx file.
std::string write_docx(const ReportTable& table);

}  // namespace vanban::report

#endif  // VANBAN_REPORT_DOCX_H_
