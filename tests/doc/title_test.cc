#include "vanban/doc/title.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::doc {
namespace {

DocumentRecord record(std::string type, std::string symbol, std::string date, std::string subject) {
  DocumentRecord r;
  r.type = std::move(type);
  r.symbol = std::move(symbol);
  r.date = std::move(date);
  r.subject = std::move(subject);
  return r;
}

TEST(TitleCountsTest, CountsTitlesWithSpacesCollapsed) {
  TitleCounts counts;
  counts.add("Bảo hiểm xã hội");
  counts.add("Bảo hiểm  xã hội ");
  counts.add("Thuế TNCN");
  EXPECT_EQ(counts.count("Bảo hiểm xã hội"), 2u);
  EXPECT_EQ(counts.count(" Bảo  hiểm xã hội"), 2u);
  EXPECT_EQ(counts.count("Thuế TNCN"), 1u);
  EXPECT_EQ(counts.count("bảo hiểm xã hội"), 0u);  // case is kept
  EXPECT_EQ(counts.count("Công đoàn"), 0u);
}

struct GenericCase {
  const char* title;
  std::size_t shared;
  std::vector<std::string> labels;
  bool generic;
};

class GenericTitleTest : public ::testing::TestWithParam<GenericCase> {};

TEST_P(GenericTitleTest, TellsLabelsFromTitles) {
  const GenericCase& c = GetParam();
  EXPECT_EQ(is_generic_title(c.title, c.shared, c.labels), c.generic) << c.title;
}

INSTANTIATE_TEST_SUITE_P(
    Titles, GenericTitleTest,
    ::testing::Values(
        GenericCase{"", 0, {}, true}, GenericCase{"   ", 0, {}, true},
        // A gazette issue's contents name two documents.
        GenericCase{"Trong số Công báo này gồm: Thông tư số 65/2026/TT-BCA; Nghị định 30/2020/NĐ-CP",
                    1, {}, true},
        GenericCase{"bao hiem xa hoi", 1, {"Bảo hiểm xã hội"}, true},  // the record's own topic
        GenericCase{"Quyết định", 1, {}, true},
        GenericCase{"Bảo hiểm xã hội", 30, {}, true},   // a topic shared by 30 records
        GenericCase{"Bảo hiểm xã hội", 2, {}, false},   // two may share a title by chance
        GenericCase{"Luật Công đoàn 2012 (12/2012/QH13)", 40, {}, false},
        GenericCase{"Kế hoạch thi đua năm 2024", 5, {}, false},  // names a type
        GenericCase{"Phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự "
                    "kiện lịch sử của tỉnh",
                    5, {}, false}));  // seed 000's long headline

TEST(DisplayTitleTest, TypeSymbolAndSubject) {
  EXPECT_EQ(display_title(record("Nghị định", "30/2020/NĐ-CP", "2020-03-05", "Về công tác văn thư")),
            "Nghị định 30/2020/NĐ-CP về công tác văn thư");
}

TEST(DisplayTitleTest, ASymbolWithoutItsYearGetsTheDatesYear) {
  EXPECT_EQ(display_title(record("Quyết định", "892/QĐ-TTg", "2026-07-01", "Phê duyệt Đề án")),
            "Quyết định 892/QĐ-TTg năm 2026 phê duyệt Đề án");
  EXPECT_EQ(display_title(record("Chỉ thị", "34-CT/TW", "2014-04-07", "")),
            "Chỉ thị 34-CT/TW năm 2014");
}

TEST(DisplayTitleTest, AnOfficialLettersSubjectReadsAsAboutWhat) {
  // Seed 001: an unnumbered letter, "V/v ..." under its number line.
  EXPECT_EQ(display_title(record("Công văn", "", "2023-05-01",
                                 "V/v phát động phong trào thi đua đặc biệt lập thành tích")),
            "Công văn về việc phát động phong trào thi đua đặc biệt lập thành tích");
}

TEST(DisplayTitleTest, ALawIsCitedByItsName) {
  EXPECT_EQ(display_title(record("Luật", "41/2024/QH15", "2024-06-29", "Bảo hiểm xã hội")),
            "Luật Bảo hiểm xã hội 41/2024/QH15");
  EXPECT_EQ(display_title(record("Luật", "", "", "Sửa đổi, bổ sung một số điều của Luật Đất đai")),
            "Luật sửa đổi, bổ sung một số điều của Luật Đất đai");
}

TEST(DisplayTitleTest, ConsolidatedTextNamesWhatItConsolidates) {
  DocumentRecord r = record("Văn bản hợp nhất", "47/VBHN-VPQH", "2023-12-20", "Bảo hiểm y tế");
  r.metadata["consolidated_type"] = "Luật";
  EXPECT_EQ(display_title(r), "Văn bản hợp nhất 47/VBHN-VPQH năm 2023 hợp nhất Luật Bảo hiểm y tế");
}

TEST(DisplayTitleTest, AnAcronymKeepsItsCapitals) {
  EXPECT_EQ(display_title(record("Kế hoạch", "12/KH-UBND", "2024-01-05", "UBND tỉnh triển khai")),
            "Kế hoạch 12/KH-UBND năm 2024 UBND tỉnh triển khai");
}

TEST(DisplayTitleTest, NeitherSymbolNorSubjectIsEmpty) {
  EXPECT_EQ(display_title(record("Công văn", "", "2023-05-30", "")), "");
}

TEST(DecodeCharacterReferencesTest, NamedDecimalAndHex) {
  EXPECT_EQ(decode_character_references("Lu&#x1EAD;t C&#244;ng &#273;o&#xE0;n"), "Luật Công đoàn");
  EXPECT_EQ(decode_character_references("Thi &amp; đua &lt;2024&gt;"), "Thi & đua <2024>");
  EXPECT_EQ(decode_character_references("&quot;Dân vận khéo&quot;"), "\"Dân vận khéo\"");
}

TEST(DecodeCharacterReferencesTest, MalformedOrOutOfRangeIsKept) {
  EXPECT_EQ(decode_character_references("A & B"), "A & B");
  EXPECT_EQ(decode_character_references("&#xD800;"), "&#xD800;");
  EXPECT_EQ(decode_character_references("&#1114112;"), "&#1114112;");
  EXPECT_EQ(decode_character_references("&#12"), "&#12");
  EXPECT_EQ(decode_character_references("&#;&unknown;"), "&#;&unknown;");
  EXPECT_EQ(decode_character_references(""), "");
}

}  // namespace
}  // namespace vanban::doc
