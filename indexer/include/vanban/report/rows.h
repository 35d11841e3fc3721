// Reports of vanban's answers (report/table.h): a search's results, a
// directive's citing documents and its implementation list, with their
// titles and the lines that say what was asked, in Vietnamese. Fields the
// corpus does not know are empty cells. Pure functions of their input,
// thread-safe.
#ifndef VANBAN_REPORT_ROWS_H_
#define VANBAN_REPORT_ROWS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/report/table.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/search_service.h"

namespace vanban::report {

// Số, ký hiệu | Ngày | Cơ quan ban hành | Trích yếu | Đoạn trích: the
// columns of a search export and of a directive's citing documents.
std::vector<Column> document_columns();

// A hit as a row of document_columns(): symbol, date, issuer, title, and
// the snippet as plain text (search::snippet_text).
Row search_row(const search::SearchHit& hit);

// The report of a search, without rows (they come page by page, as
// search_row()): the title, the query and each filter set in `request`
// ("Từ khóa: ...", "Loại văn bản: ...", dates as dd/mm/yyyy, the status
// in words), and how many documents matched (`total`, "khoảng" beyond
// SearchService::kExactTotalUpTo, where it is an estimate; when more than
// kMaxExportRows, that only the first are exported). `exported_on` is ISO.
ReportTable search_report(const search::SearchRequest& request, std::size_t total,
                          std::string_view exported_on);

// Which list of a directive's page to export.
enum class DirectiveList {
  kCiting,          // the documents citing it, with their citing sentence
  kImplementation,  // its implementation tree, depth first
};

// "citing" and "implementation"; false for anything else.
bool parse_directive_list(std::string_view name, DirectiveList& list);

// The report of one of `detail`'s lists, at most kMaxExportRows rows: its
// title ("Chỉ thị 34-CT/TW: các văn bản trích dẫn"), its date, issuer,
// subject and status as lines. The citing documents have
// document_columns(), the sentence citing it as the excerpt; the
// implementation list has "Cấp" (1 for a document carrying the directive
// out directly, 2 for one carrying out that one, ...) before those and
// "Quan hệ" (thực hiện, tiếp tục thực hiện) before the excerpt.
ReportTable directive_report(const search::DirectiveDetail& detail, DirectiveList list,
                             std::string_view exported_on);

}  // namespace vanban::report

#endif  // VANBAN_REPORT_ROWS_H_
