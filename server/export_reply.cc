#include "export_reply.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "file_reply.h"
#include "serving.h"
#include "vanban/report/csv.h"
#include "vanban/report/docx.h"
#include "vanban/search/relations.h"
#include "vanban/text/chars.h"

namespace vanban::http {
namespace {

constexpr const char* kCsvContentType = "text/csv; charset=utf-8";
// Results fetched per search while exporting: the most one search returns.
constexpr std::size_t kExportPage = search::SearchService::kMaxLimit;

// Headers of every export: an attachment that is never cached.
void set_file_headers(httplib::Response& res, const std::string& name, ExportFormat format) {
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_header("Content-Disposition", content_disposition(export_file_name(name, format), false));
}

// A search export's pages: the request for the results from `offset` on.
search::SearchRequest page_request(search::SearchRequest request, std::size_t offset) {
  request.offset = offset;
  request.limit = std::min(kExportPage, report::kMaxExportRows - offset);
  request.facets = false;
  request.snippets = true;
  return request;
}

// The rows of a search export as it goes: the first page, searched before
// answering (so that a bad request or a busy server is a JSON error), then
// one page per call of next().
class SearchExport {
 public:
  SearchExport(const Services& s, search::SearchRequest request, search::SearchResponse first)
      : services_(s), request_(std::move(request)), page_(std::move(first)) {
    asked_ = page_request(request_, 0).limit;
  }

  // The rows of the current page, and whether there may be more after it.
  std::vector<report::Row> rows() const {
    std::vector<report::Row> out;
    for (const search::SearchHit& hit : page_.results) out.push_back(report::search_row(hit));
    return out;
  }
  bool more() const {
    return page_.results.size() == asked_ && offset_ + asked_ < report::kMaxExportRows;
  }

  // Searches the next page; its error when that fails.
  Status next() {
    offset_ += asked_;
    const search::SearchRequest request = page_request(request_, offset_);
    asked_ = request.limit;
    Result<search::SearchResponse> page = gated_search(services_, request, SearchGate::Clock::now());
    if (!page) return page.status();
    page_ = std::move(page).value();
    return Status::ok();
  }

 private:
  const Services& services_;
  const search::SearchRequest request_;
  search::SearchResponse page_;
  std::size_t offset_ = 0;
  std::size_t asked_ = 0;
};

void stream_csv(std::shared_ptr<SearchExport> rows, std::vector<report::Column> columns,
                httplib::Response& res) {
  struct Stream {
    std::shared_ptr<SearchExport> rows;
    std::vector<report::Column> columns;
    bool started = false;
  };
  auto stream = std::make_shared<Stream>(Stream{std::move(rows), std::move(columns)});
  res.set_chunked_content_provider(kCsvContentType, [stream](std::size_t, httplib::DataSink& sink) {
    // The first call writes the head and the first page; each later one
    // searches the next page first. A failed search ends the answer
    // without its last chunk: a cut file, not one that looks complete.
    std::string chunk;
    if (!stream->started) {
      chunk = report::csv_head(stream->columns);
      stream->started = true;
    } else if (!stream->rows->next().is_ok()) {
      return false;
    }
    for (const report::Row& row : stream->rows->rows()) chunk += report::csv_row(row, stream->columns);
    if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
    if (!stream->rows->more()) sink.done();
    return true;
  });
}

// Every page, into `table`; the first failing search's error.
Status collect_rows(SearchExport& rows, report::ReportTable& table) {
  for (;;) {
    for (report::Row& row : rows.rows()) table.rows.push_back(std::move(row));
    if (!rows.more()) return Status::ok();
    if (Status s = rows.next(); !s.is_ok()) return s;
  }
}

void send_docx(const report::ReportTable& table, httplib::Response& res) {
  set_file_headers(res, table.name, ExportFormat::kDocx);
  res.set_content(report::write_docx(table), std::string(report::kDocxContentType));
}

}  // namespace

Result<std::optional<ExportFormat>> export_format(const httplib::Request& req) {
  const std::string format = req.get_param_value("format");
  if (format.empty() || format == "json") return std::optional<ExportFormat>();
  if (format == "csv") return std::optional<ExportFormat>(ExportFormat::kCsv);
  if (format == "docx") return std::optional<ExportFormat>(ExportFormat::kDocx);
  return Status::invalid_argument("format must be json, csv or docx", format);
}

Result<report::DirectiveList> directive_list(const httplib::Request& req) {
  const std::string name = req.has_param("list") ? req.get_param_value("list") : "citing";
  report::DirectiveList list;
  if (!report::parse_directive_list(name, list)) {
    return Status::invalid_argument("list must be citing or implementation", name);
  }
  return list;
}

std::string export_file_name(std::string_view name, ExportFormat format) {
  std::string safe;
  for (const char c : name) {
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    safe += control || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos ? '-' : c;
  }
  std::string out(text::trim(text::utf8_prefix(safe, kMaxFileNameBytes)));
  if (out.empty()) out = "vanban";
  return out + (format == ExportFormat::kCsv ? ".csv" : ".docx");
}

void reply_search_export(const Services& s, const search::SearchRequest& request,
                         ExportFormat format, httplib::Response& res) {
  Result<search::SearchResponse> first =
      gated_search(s, page_request(request, 0), request_received_at());
  if (!first) return reply_error(res, first.status());
  report::ReportTable table = report::search_report(request, first->total, search::today_iso());
  auto rows = std::make_shared<SearchExport>(s, request, std::move(first).value());
  if (format == ExportFormat::kCsv) {
    set_file_headers(res, table.name, format);
    return stream_csv(std::move(rows), table.columns, res);
  }
  if (Status st = collect_rows(*rows, table); !st.is_ok()) return reply_error(res, st);
  send_docx(table, res);
}

void reply_directive_export(const search::DirectiveDetail& detail, report::DirectiveList list,
                            ExportFormat format, httplib::Response& res) {
  const report::ReportTable table = report::directive_report(detail, list, search::today_iso());
  if (format == ExportFormat::kDocx) return send_docx(table, res);
  set_file_headers(res, table.name, format);
  res.set_content(report::write_csv(table), kCsvContentType);
}

}  // namespace vanban::http
