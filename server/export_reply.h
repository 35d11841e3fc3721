// Exports as HTTP answers: `format=csv|docx` on /api/search and
// /api/directives/{key} (report/ writes the files). A file is an
// attachment named after what was asked (the Vietnamese name in filename*,
// file_reply.h); it is never cached. Errors before the first byte are
// JSON, as everywhere.
//
// A search export holds the first report::kMaxExportRows results, whatever
// `offset` and `limit` say, fetched SearchService::kMaxLimit at a time,
// each page a search that goes through Services::search_gate. CSV is
// streamed (chunked) as the pages come, so memory stays one page; a page
// refused for overload (or a search failing) after the first ends the
// stream early, which a client sees as a failed download. DOCX is built
// in memory and sent whole.
#ifndef VANBAN_SERVER_EXPORT_REPLY_H_
#define VANBAN_SERVER_EXPORT_REPLY_H_

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

#include "routes.h"
#include "vanban/report/rows.h"
#include "vanban/status.h"

namespace vanban::http {

enum class ExportFormat { kCsv, kDocx };

// The request's `format`: nullopt when it asks for JSON (no `format`, or
// "json"); kInvalidArgument for anything but json, csv and docx.
Result<std::optional<ExportFormat>> export_format(const httplib::Request& req);

// The request's `list` (a directive's export): "citing" by default,
// "implementation"; kInvalidArgument for anything else.
Result<report::DirectiveList> directive_list(const httplib::Request& req);

// A file name for `name` and `format`: "/\\:*?\"<>|" and control
// characters made '-', at most kMaxFileNameBytes before ".csv" / ".docx"
// (cut on a code point).
inline constexpr std::size_t kMaxFileNameBytes = 120;
std::string export_file_name(std::string_view name, ExportFormat format);

// Answers `request` (valid as search_request() made it) as a file.
void reply_search_export(const Services& s, const search::SearchRequest& request,
                         ExportFormat format, httplib::Response& res);

// Answers a list of a directive's page as a file.
void reply_directive_export(const search::DirectiveDetail& detail, report::DirectiveList list,
                            ExportFormat format, httplib::Response& res);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_EXPORT_REPLY_H_
