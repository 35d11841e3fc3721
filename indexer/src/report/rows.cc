#include "vanban/report/rows.h"

#include <algorithm>

#include "vanban/search/snippet.h"
#include "vanban/text/date.h"

namespace vanban::report {
namespace {

// The statuses as the page names them (server/web/js/relations.js).
std::string status_label(std::string_view status) {
  static constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
      {"in_force", "Còn hiệu lực"},
      {"not_yet_in_force", "Chưa có hiệu lực"},
      {"expired", "Hết hiệu lực"},
      {"partly_expired", "Hết hiệu lực một phần"},
      {"unknown", "Chưa rõ hiệu lực"},
  };
  for (const auto& [name, label] : kLabels) {
    if (name == status) return std::string(label);
  }
  return std::string(status);
}

std::string relation_label(std::string_view relation) {
  if (relation == "implements") return "Thực hiện";
  if (relation == "continues") return "Tiếp tục thực hiện";
  return std::string(relation);
}

// "label: value", when there is a value.
void add_line(std::vector<std::string>& lines, std::string_view label, std::string_view value) {
  if (!value.empty()) lines.push_back(std::string(label) + ": " + std::string(value));
}

// "Số kết quả: 2500 (xuất 2000 văn bản đầu tiên)": `total` documents
// ("khoảng 2500" when it is an `estimate`), `exported` of them in the
// report.
std::string count_line(std::string_view what, std::size_t total, std::size_t exported,
                       bool estimate = false) {
  std::string line = std::string(what) + ": " + (estimate ? "khoảng " : "") + std::to_string(total);
  if (exported < total) line += " (xuất " + std::to_string(exported) + " văn bản đầu tiên)";
  return line;
}

// "Chỉ thị 34-CT/TW", or the key when neither is known.
std::string directive_label(const index::DirectiveEntity& d) {
  std::string label = d.type;
  if (!d.symbol.empty()) label += (label.empty() ? "" : " ") + d.symbol;
  return label.empty() ? d.key : label;
}

std::vector<std::string> directive_lines(const search::DirectiveDetail& detail) {
  const index::DirectiveEntity& d = detail.directive.entity;
  std::vector<std::string> lines;
  add_line(lines, "Ngày ban hành", text::vietnamese_date(d.date));
  add_line(lines, "Cơ quan ban hành", d.issuer);
  add_line(lines, "Trích yếu", d.subject);
  add_line(lines, "Hiệu lực tại ngày " + text::vietnamese_date(detail.as_of),
           status_label(index::to_string(detail.directive.status.value)));
  return lines;
}

Row citing_row(const search::CitingDocument& c) {
  return {c.symbol, c.date, c.issuer, c.title, c.sentence};
}

std::size_t count_nodes(const search::ImplementationNode& node) {
  std::size_t n = node.children.size();
  for (const auto& child : node.children) n += count_nodes(child);
  return n;
}

// The nodes below `node`, depth first, each after its parent.
void add_implementation_rows(const search::ImplementationNode& node, int depth, std::vector<Row>& rows) {
  for (const search::ImplementationNode& child : node.children) {
    if (rows.size() >= kMaxExportRows) return;
    rows.push_back({std::to_string(depth), child.symbol, child.date, child.issuer, child.title,
                    relation_label(child.relation), child.sentence});
    add_implementation_rows(child, depth + 1, rows);
  }
}

std::vector<Column> implementation_columns() {
  std::vector<Column> columns = document_columns();
  columns.insert(columns.begin(), {"Cấp", CellKind::kText, 1});
  columns.insert(columns.end() - 1, {"Quan hệ", CellKind::kText, 2});
  return columns;
}

}  // namespace

std::vector<Column> document_columns() {
  // Weights: a symbol ("1954/UBND-TH") and a date are short; the title and
  // a 32-word snippet take most of the width.
  return {{"Số, ký hiệu", CellKind::kText, 3},
          {"Ngày", CellKind::kDate, 2},
          {"Cơ quan ban hành", CellKind::kText, 3},
          {"Trích yếu", CellKind::kText, 5},
          {"Đoạn trích", CellKind::kText, 8}};
}

Row search_row(const search::SearchHit& hit) {
  return {hit.symbol, hit.date, hit.issuer, hit.title, search::snippet_text(hit.snippet)};
}

ReportTable search_report(const search::SearchRequest& request, std::size_t total,
                          std::string_view exported_on) {
  ReportTable out;
  out.title = "Kết quả tìm kiếm văn bản";
  out.name = "Tìm kiếm - " + (request.query.empty() ? std::string("tất cả văn bản") : request.query);
  out.exported_on = std::string(exported_on);
  add_line(out.lines, "Từ khóa", request.query.empty() ? "(tất cả văn bản)" : request.query);
  add_line(out.lines, "Loại văn bản", request.type);
  add_line(out.lines, "Cơ quan ban hành", request.issuer);
  add_line(out.lines, "Trích dẫn văn bản", request.cites);
  add_line(out.lines, "Từ ngày", text::vietnamese_date(request.from));
  add_line(out.lines, "Đến ngày", text::vietnamese_date(request.to));
  add_line(out.lines, "Hiệu lực", status_label(request.status));
  add_line(out.lines, "Hiệu lực tại ngày", text::vietnamese_date(request.as_of));
  add_line(out.lines, "Áp dụng tại", request.applies_to);
  // Beyond kExactTotalUpTo the total is Xapian's estimate, as the page says.
  out.lines.push_back(count_line("Số kết quả", total, std::min(total, kMaxExportRows),
                                 total > search::SearchService::kExactTotalUpTo));
  out.columns = document_columns();
  return out;
}

bool parse_directive_list(std::string_view name, DirectiveList& list) {
  if (name == "citing") list = DirectiveList::kCiting;
  else if (name == "implementation") list = DirectiveList::kImplementation;
  else return false;
  return true;
}

ReportTable directive_report(const search::DirectiveDetail& detail, DirectiveList list,
                             std::string_view exported_on) {
  ReportTable out;
  const std::string label = directive_label(detail.directive.entity);
  out.exported_on = std::string(exported_on);
  out.lines = directive_lines(detail);
  if (list == DirectiveList::kCiting) {
    out.title = label + ": các văn bản trích dẫn";
    out.name = label + " - văn bản trích dẫn";
    out.columns = document_columns();
    for (const search::CitingDocument& c : detail.citing) {
      if (out.rows.size() < kMaxExportRows) out.rows.push_back(citing_row(c));
    }
    const std::size_t total = std::max<std::size_t>(detail.directive.cited_by_count, detail.citing.size());
    out.lines.push_back(count_line("Số văn bản trích dẫn", total, out.rows.size()));
  } else {
    out.title = label + ": tổ chức thực hiện";
    out.name = label + " - tổ chức thực hiện";
    out.columns = implementation_columns();
    add_implementation_rows(detail.implementation, 1, out.rows);
    out.lines.push_back(count_line("Số văn bản thực hiện", count_nodes(detail.implementation),
                                   out.rows.size()));
  }
  return out;
}

}  // namespace vanban::report
