// report/csv.h: RFC 4180 CSV with a byte order mark, guarded against
// spreadsheet formulas, on the seeds' own Vietnamese text.
#include "vanban/report/csv.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/csv_reader.h"

namespace vanban::report {
namespace {

struct FieldCase {
  const char* name;
  const char* cell;
  CellKind kind;
  const char* expected;
};

class CsvFieldTest : public ::testing::TestWithParam<FieldCase> {};

TEST_P(CsvFieldTest, QuotesAndGuards) {
  EXPECT_EQ(csv_field(GetParam().cell, GetParam().kind), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, CsvFieldTest,
    ::testing::Values(
        FieldCase{"PlainVietnamese", "Ủy ban nhân dân tỉnh Lai Châu", CellKind::kText,
                  "Ủy ban nhân dân tỉnh Lai Châu"},
        FieldCase{"SymbolStartsWithADigit", "34-CT/TW", CellKind::kText, "34-CT/TW"},
        FieldCase{"UnnumberedSymbol", "/UBND-TH", CellKind::kText, "/UBND-TH"},
        FieldCase{"Comma", "Các sở, ban, ngành", CellKind::kText, "\"Các sở, ban, ngành\""},
        FieldCase{"StraightQuotesDoubled", "Phong trào thi đua \"Tây Ninh chung sức\"", CellKind::kText,
                  "\"Phong trào thi đua \"\"Tây Ninh chung sức\"\"\""},
        FieldCase{"CurlyQuotesAreLetters", "phong trào “Dân vận khéo”", CellKind::kText,
                  "phong trào “Dân vận khéo”"},
        FieldCase{"LineBreak", "Kính gửi:\n- Các sở", CellKind::kText, "\"Kính gửi:\n- Các sở\""},
        FieldCase{"CarriageReturn", "a\rb", CellKind::kText, "\"a\rb\""},
        FieldCase{"ListItemIsNotAFormula", "- Các sở, ban, ngành, đoàn thể tỉnh;", CellKind::kText,
                  "\"'- Các sở, ban, ngành, đoàn thể tỉnh;\""},
        FieldCase{"Equals", "=HYPERLINK(\"http://x\")", CellKind::kText,
                  "\"'=HYPERLINK(\"\"http://x\"\")\""},
        FieldCase{"Plus", "+84 213 3876 543", CellKind::kText, "'+84 213 3876 543"},
        FieldCase{"At", "@SUM(A1)", CellKind::kText, "'@SUM(A1)"},
        FieldCase{"Tab", "\t=1", CellKind::kText, "'\t=1"},
        FieldCase{"LeadingCarriageReturn", "\r=1", CellKind::kText, "\"'\r=1\""},
        FieldCase{"MinusInsideIsKept", "Covid-19", CellKind::kText, "Covid-19"},
        FieldCase{"IsoDate", "2014-04-07", CellKind::kDate, "2014-04-07"},
        FieldCase{"MonthOnlyDate", "2023-05", CellKind::kDate, "2023-05"},
        FieldCase{"DateIsNeverGuarded", "-2014", CellKind::kDate, "-2014"},
        FieldCase{"Empty", "", CellKind::kText, ""}),
    [](const auto& p) { return std::string(p.param.name); });

std::vector<Column> columns() {
  return {{"Số, ký hiệu", CellKind::kText, 1}, {"Ngày", CellKind::kDate, 1}, {"Trích yếu", CellKind::kText, 1}};
}

TEST(CsvTest, HeadIsTheByteOrderMarkAndTheHeaderRow) {
  EXPECT_EQ(csv_head(columns()), "\xEF\xBB\xBF\"Số, ký hiệu\",Ngày,Trích yếu\r\n");
}

TEST(CsvTest, RowsEndInCrlfAndDatesStayIso) {
  EXPECT_EQ(csv_row({"1954/UBND-TH", "2023-05-30", "V/v phát động phong trào thi đua"}, columns()),
            "1954/UBND-TH,2023-05-30,V/v phát động phong trào thi đua\r\n");
  EXPECT_EQ(csv_row({"", "", ""}, columns()), ",,\r\n");
}

TEST(CsvTest, ATableReadsBackCellForCell) {
  ReportTable table;
  table.title = "Kết quả tìm kiếm văn bản";
  table.columns = columns();
  table.rows = {
      {"34-CT/TW", "2014-04-07", "về việc tiếp tục đổi mới công tác Thi đua, Khen thưởng"},
      {"", "2024-02-29", "V/v phát động phong trào thi đua\nthực hiện thắng lợi nhiệm vụ chính\ntrị năm 2024"},
      {"/SCT-VP", "", "Phong trào thi đua \"Doanh nghiệp Tây Ninh hội nhập và phát triển\""},
      {"", "", "- Thi đua tăng cường công tác quản lý"},
  };
  const std::string csv = write_csv(table);
  ASSERT_EQ(csv.rfind(std::string(kUtf8Bom), 0), 0u);
  EXPECT_EQ(csv.find(std::string(kUtf8Bom), 1), std::string::npos) << "one BOM, at the start";
  const testing::CsvRecords records = testing::read_csv(csv.substr(kUtf8Bom.size()));
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"Số, ký hiệu", "Ngày", "Trích yếu"}));
  for (std::size_t i = 0; i + 1 < 4; ++i) EXPECT_EQ(records[i + 1], table.rows[i]) << i;
  EXPECT_EQ(records[4], (std::vector<std::string>{"", "", "'- Thi đua tăng cường công tác quản lý"}));
}

}  // namespace
}  // namespace vanban::report
