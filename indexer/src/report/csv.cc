#include "vanban/report/csv.h"

namespace vanban::report {
namespace {

// The first characters that make a spreadsheet cell a formula (or, for tab
// and CR, let one follow): OWASP's list.
constexpr std::string_view kFormulaStarts = "=+-@\t\r";

bool needs_quotes(std::string_view field) {
  return field.find_first_of("\",\r\n") != std::string_view::npos;
}

}  // namespace

std::string csv_field(std::string_view cell, CellKind kind) {
  std::string field;
  if (kind == CellKind::kText && !cell.empty() &&
      kFormulaStarts.find(cell.front()) != std::string_view::npos) {
    field += '\'';
  }
  field += cell;
  if (!needs_quotes(field)) return field;
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string csv_row(const Row& cells, const std::vector<Column>& columns) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(cells[i], i < columns.size() ? columns[i].kind : CellKind::kText);
  }
  return out + "\r\n";
}

std::string csv_head(const std::vector<Column>& columns) {
  Row headers;
  for (const Column& c : columns) headers.push_back(c.header);
  return std::string(kUtf8Bom) + csv_row(headers, {});
}

std::string write_csv(const ReportTable& table) {
  std::string out = csv_head(table.columns);
  for (const Row& row : table.rows) out += csv_row(row, table.columns);
  return out;
}

}  // namespace vanban::report
