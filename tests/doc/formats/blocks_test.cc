#include "doc/formats/blocks.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace vanban::doc {
namespace {

Block paragraph(std::string text) { return Block{std::move(text), nullptr}; }

Cell cell(std::vector<std::string> paragraphs) {
  Cell c;
  for (std::string& p : paragraphs) c.blocks.push_back(paragraph(std::move(p)));
  return c;
}

Block table(std::vector<Row> rows, bool borders) {
  auto t = std::make_shared<Table>();
  t->rows = std::move(rows);
  t->visible_borders = borders;
  return Block{"", t};
}

// Seed 001's header as a two-column layout table.
Block seed_header() {
  return table({Row{{cell({"ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"}),
                     cell({"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"})}},
                Row{{cell({"Số: /UBND-TH"}), cell({"Lai Châu, ngày tháng 5 năm 2023"})}}},
               false);
}

TEST(BlocksTest, HeaderTableIsLayout) {
  EXPECT_TRUE(is_layout_table(*seed_header().table));
  // Cues win over borders: a signature table drawn with borders.
  EXPECT_TRUE(is_layout_table(*table({Row{{cell({"Nơi nhận:"}), cell({"KT. CHỦ TỊCH"})}}}, true).table));
}

TEST(BlocksTest, DataTablesAreNotLayout) {
  // Four columns, or borders without a cue, or many borderless rows.
  EXPECT_FALSE(is_layout_table(
      *table({Row{{cell({"TT"}), cell({"Chỉ tiêu"}), cell({"Đơn vị"}), cell({"Kế hoạch"})}}}, false).table));
  EXPECT_FALSE(is_layout_table(*table({Row{{cell({"Chỉ tiêu"}), cell({"Kết quả"})}}}, true).table));
  std::vector<Row> rows(5, Row{{cell({"Sở Công Thương"}), cell({"100%"})}});
  EXPECT_FALSE(is_layout_table(*table(rows, false).table));
  EXPECT_FALSE(is_layout_table(Table{}));
}

TEST(BlocksTest, BorderlessSmallTableIsLayout) {
  EXPECT_TRUE(is_layout_table(*table({Row{{cell({"Sở Công Thương"}), cell({"100%"})}}}, false).table));
}

TEST(BlocksTest, LayoutTableIsRenderedCellByCell) {
  EXPECT_EQ(render_blocks({seed_header(), paragraph("Kính gửi:")}),
            "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: /UBND-TH\n\nLai Châu, ngày tháng 5 năm 2023\n\nKính gửi:");
}

TEST(BlocksTest, DataTableRowsAreOneLineEach) {
  const Block data = table({Row{{cell({"TT"}), cell({"Chỉ tiêu"}), cell({"Đơn vị"}), cell({"Kết quả"})}},
                            Row{{cell({"1"}), cell({"Tăng trưởng", "GRDP"}), cell({"%"}), cell({"7,5 "})}},
                            Row{{cell({""}), cell({" "}), cell({}), cell({""})}}},
                           true);
  EXPECT_EQ(render_blocks({paragraph("Kết quả năm 2023:"), data, paragraph("Trân trọng.")}),
            "Kết quả năm 2023:\n\nTT | Chỉ tiêu | Đơn vị | Kết quả\n1 | Tăng trưởng GRDP | % | 7,5\n\n"
            "Trân trọng.");
}

TEST(BlocksTest, EmptyParagraphsCollapseAndTrailingSpaceIsDropped) {
  EXPECT_EQ(render_blocks({paragraph(""), paragraph("Kính gửi:  "), paragraph(""), paragraph("  "),
                           paragraph(""), paragraph("- Các sở, ban, ngành, đoàn thể tỉnh;\t"),
                           paragraph("- UBND các huyện, thành phố;\nxuống dòng  "), paragraph("")}),
            "Kính gửi:\n\n- Các sở, ban, ngành, đoàn thể tỉnh;\n- UBND các huyện, thành phố;\nxuống dòng");
}

TEST(BlocksTest, NothingRendersEmpty) {
  EXPECT_EQ(render_blocks({}), "");
  EXPECT_EQ(render_blocks({paragraph(""), paragraph("")}), "");
}

}  // namespace
}  // namespace vanban::doc
