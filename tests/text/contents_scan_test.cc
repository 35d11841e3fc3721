// The token view the contents rules share (DocScan) and the phrases they
// read with it: dates, deadlines, organisations, first clauses.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/doc_scan.h"
#include "text/contents_internal.h"

namespace vanban::text::contents_detail {
namespace {

using testing::ScannedText;

TEST(PhraseListTest, PhrasesAreSpelledAsDocumentTokens) {
  // Folded, with i/y as one letter: "định kỳ" is "dinh ki" in documents.
  const PhraseList folded = phrases({"dinh ky", "chu tri", "chu tri phoi hop"});
  ASSERT_EQ(folded.size(), 3u);
  EXPECT_EQ(folded[0], (Phrase{"dinh", "ki"}));
  EXPECT_EQ(folded.starting_with("chu").size(), 2u);
  EXPECT_EQ(folded.starting_with("dinh").size(), 1u);
  EXPECT_TRUE(folded.starting_with("tri").empty());
  // Exact: lower-cased, tone on the canonical vowel ("Hoà" -> "hòa").
  const PhraseList exact = exact_phrases({"Tặng", "văn hoá"});
  EXPECT_EQ(exact[0], (Phrase{"tặng"}));
  EXPECT_EQ(exact[1], (Phrase{"văn", "hóa"}));
}

TEST(DocScanTest, BreaksBetweenTokens) {
  const ScannedText s(
      "Lai Châu, ngày 29 tháng 02 năm 2024; KT. CHỦ TỊCH\nGiám đốc: Sở Nội vụ. Hết!");
  const DocScan& scan = s.scan();
  EXPECT_EQ(scan.break_after(s.at("châu")), Break::kComma);
  EXPECT_EQ(scan.break_after(s.at("lai")), Break::kNone);
  EXPECT_EQ(scan.break_after(s.at("2024")), Break::kClause);
  EXPECT_EQ(scan.break_after(s.at("kt")), Break::kNone);  // "KT." abbreviates
  EXPECT_EQ(scan.break_after(s.at("tịch")), Break::kParagraph);
  EXPECT_EQ(scan.break_after(s.at("đốc")), Break::kColon);
  EXPECT_EQ(scan.break_after(s.at("vụ")), Break::kSentence);
  EXPECT_EQ(scan.break_after(scan.size() - 1), Break::kParagraph);  // after the last token
}

TEST(DocScanTest, AWrappedLineIsNoBreak) {
  // PDF text of seed 001: a sentence wrapped before a lower-case word.
  const ScannedText wrapped("tham gia các phong trào thi đua trở\n\nthành hoạt động thường xuyên");
  EXPECT_EQ(wrapped.scan().break_after(wrapped.at("trở")), Break::kNone);
  // Before a capital, a bullet, or after a colon the line break is a
  // paragraph.
  const ScannedText capital("thi đua trở\nThành hoạt động");
  EXPECT_EQ(capital.scan().break_after(capital.at("trở")), Break::kParagraph);
  const ScannedText bullet("các nội dung\n- thi đua");
  EXPECT_EQ(bullet.scan().break_after(bullet.at("dung")), Break::kParagraph);
  const ScannedText colon("các nội dung sau:\nthi đua");
  EXPECT_EQ(colon.scan().break_after(colon.at("sau")), Break::kParagraph);
}

TEST(DocScanTest, QuotesAreOneUnitAndCitationsAreMarked) {
  const ScannedText s(
      "Với tinh thần “Đẩy mạnh đổi mới, sáng tạo; khơi dậy ý chí”, thực hiện Chỉ thị số "
      "34-CT/TW ngày 07/4/2014 của Bộ Chính trị.");
  const DocScan& scan = s.scan();
  EXPECT_TRUE(scan.in_quote(s.at("đẩy")));
  EXPECT_TRUE(scan.in_quote(s.at("chí")));
  EXPECT_FALSE(scan.in_quote(s.at("tinh")));
  // No break inside a quote; after it, the gap's own mark.
  EXPECT_EQ(scan.break_after(s.at("mới")), Break::kNone);
  EXPECT_EQ(scan.break_after(s.at("tạo")), Break::kNone);
  EXPECT_EQ(scan.break_after(s.at("chí")), Break::kComma);
  EXPECT_TRUE(scan.in_citation(s.at("34-CT/TW")));
  EXPECT_FALSE(scan.in_citation(s.at("hiện")));
  EXPECT_TRUE(scan.foreign(s.at("đẩy")));
  EXPECT_TRUE(scan.foreign(s.at("34-CT/TW")));
  EXPECT_FALSE(scan.foreign(s.at("tinh")));
  EXPECT_TRUE(scan.upper(s.at("với")));
  EXPECT_FALSE(scan.upper(s.at("tinh")));
}

TEST(DocScanTest, MatchTakesTheLongestPhraseWithoutABreak) {
  const PhraseList list = phrases({"phong trao", "phong trao thi dua"});
  const ScannedText s("Phát động phong trào thi đua; phong trào, thi đua");
  EXPECT_EQ(s.scan().match(s.at("phong"), list), 4u);
  EXPECT_EQ(s.scan().match(s.at("phong", 1), list), 2u);  // "trào, thi": a break
  EXPECT_EQ(s.scan().match(s.at("động"), list), 0u);
  EXPECT_EQ(s.scan().match(s.scan().size(), list), 0u);
  // Exact spelling: "tăng" (increase) is not "tặng" (give).
  const PhraseList give = exact_phrases({"tặng"});
  const ScannedText t("tăng trưởng, được tặng");
  EXPECT_EQ(t.scan().match_exact(t.at("tăng"), give), 0u);
  EXPECT_EQ(t.scan().match_exact(t.at("tặng"), give), 1u);
  EXPECT_EQ(t.scan().match(t.at("tăng"), phrases({"tang"})), 1u);  // folded they are one
}

TEST(DocScanTest, PhraseBeforeEndsRightBeforeTheToken) {
  const PhraseList list = phrases({"de nghi", "xem xet"});
  const ScannedText s("đề nghị cấp trên khen thưởng; xem xét, khen thưởng");
  EXPECT_TRUE(phrase_before(s.scan(), s.at("cấp"), list));
  EXPECT_FALSE(phrase_before(s.scan(), s.at("khen"), list));
  EXPECT_FALSE(phrase_before(s.scan(), s.at("khen", 1), list));  // a comma between
  EXPECT_FALSE(phrase_before(s.scan(), 0, list));
}

TEST(DocScanTest, TokenAtAndRuns) {
  const ScannedText s("Sở Nội vụ chủ trì, phối hợp; báo cáo kết quả. Văn phòng Sở");
  const DocScan& scan = s.scan();
  EXPECT_EQ(scan.token_at(0), 0u);
  EXPECT_EQ(scan.token_at(s.text().find("Nội") + 1), s.at("nội"));  // inside the token
  EXPECT_EQ(scan.token_at(s.text().find(", phối")), s.at("phối"));   // in a gap: the next
  EXPECT_EQ(scan.token_at(s.text().size()), scan.size());
  // run_end: one past the token before the first break >= stop.
  EXPECT_EQ(scan.run_end(0, Break::kClause, 40), s.at("hợp") + 1);
  EXPECT_EQ(scan.run_end(0, Break::kComma, 40), s.at("trì") + 1);
  EXPECT_EQ(scan.run_end(0, Break::kClause, 2), 2u);  // at most max tokens
  EXPECT_EQ(scan.run_start(s.at("quả"), Break::kClause, 40), s.at("báo"));
  EXPECT_EQ(scan.run_start(s.at("quả"), Break::kClause, 1), s.at("kết"));
  EXPECT_EQ(scan.run_start(s.at("vụ"), Break::kClause, 40), 0u);
}

TEST(DocScanTest, PrintedTakesTheMarksItOpens) {
  // Seed 004: Markdown emphasis goes, the bracket it opens closes.
  const ScannedText s(
      "Giá trị sản xuất công nghiệp (*theo giá so sánh*) đạt 7.872,7 tỷ đồng; Thi đua “Dân vận "
      "khéo”.");
  const DocScan& scan = s.scan();
  EXPECT_EQ(scan.printed(s.at("giá"), s.at("sánh") + 1),
            "Giá trị sản xuất công nghiệp (theo giá so sánh)");
  EXPECT_EQ(scan.printed(s.at("thi"), s.at("khéo") + 1), "Thi đua “Dân vận khéo”");
  EXPECT_EQ(scan.printed(s.at("dân"), s.at("khéo") + 1), "Dân vận khéo");  // opens no quote
  EXPECT_EQ(s.span(scan.start_of(s.at("thi")), scan.span_end(s.at("thi"), s.at("khéo") + 1)),
            "Thi đua “Dân vận khéo”");
  EXPECT_EQ(scan.printed(3, 3), "");
  EXPECT_EQ(scan.printed(0, scan.size() + 1), "");
}

TEST(AsPrintedTest, FoldsLinesAndTrimsMarks) {
  EXPECT_EQ(as_printed("**2.** Thi đua\n  đẩy mạnh  "), "2. Thi đua đẩy mạnh");
  EXPECT_EQ(as_printed(" Văn phòng Sở: ", " :,"), "Văn phòng Sở");
  EXPECT_EQ(as_printed("kết quả thực hiện;\n", " ,;:."), "kết quả thực hiện");
  EXPECT_EQ(as_printed("\t\r\n", " "), "");
  EXPECT_EQ(as_printed(" ;.", " ;."), "");
  EXPECT_EQ(as_printed(""), "");
}

// "phát triển kinh tế xã hội" repeated to `syllables` tokens, with a
// comma after token `comma` - 1 when it is not 0, then `tail`.
std::string clause_of(std::size_t syllables, std::size_t comma = 0, const std::string& tail = ".") {
  static const char* kWords[] = {"phát", "triển", "kinh", "tế", "xã", "hội"};
  std::string out;
  for (std::size_t k = 0; k < syllables; ++k) {
    if (k > 0) out += (comma != 0 && k == comma) ? ", " : " ";
    out += kWords[k % 6];
  }
  return out + tail;
}

TEST(FirstClauseTest, EndsAtTheFirstClauseMark) {
  const ScannedText s("Chủ trì hướng dẫn, kiểm tra; tổng hợp báo cáo. Văn phòng Sở");
  EXPECT_EQ(first_clause_end(s.scan(), 0), s.at("tra") + 1);
  EXPECT_EQ(first_clause_end(s.scan(), s.at("tổng")), s.at("cáo") + 1);
}

TEST(FirstClauseTest, LongClausesAreCutNearTheLimit) {
  const ScannedText exact(clause_of(kMaxClauseTokens));
  EXPECT_EQ(first_clause_end(exact.scan(), 0), kMaxClauseTokens);
  const ScannedText longer(clause_of(kMaxClauseTokens + 5));
  EXPECT_EQ(first_clause_end(longer.scan(), 0), kMaxClauseTokens);  // no comma: at a word
  // A comma in the second half is the cut; one in the first half is not.
  const ScannedText late(clause_of(kMaxClauseTokens + 5, 25));
  EXPECT_EQ(first_clause_end(late.scan(), 0), 25u);
  const ScannedText early(clause_of(kMaxClauseTokens + 5, 10));
  EXPECT_EQ(first_clause_end(early.scan(), 0), kMaxClauseTokens);
}

TEST(FirstClauseTest, ACutNeverSplitsAProperName) {
  // The limit falls between "Chí" and "Minh": the cut moves past the name.
  const ScannedText s(clause_of(35, 0, " theo tư tưởng Hồ Chí Minh về thi đua ái quốc."));
  ASSERT_EQ(s.at("chí"), kMaxClauseTokens - 1);
  EXPECT_EQ(first_clause_end(s.scan(), 0), s.at("minh") + 1);
}

TEST(IsYearTest, FourDigitYearsPrintedAlone) {
  const ScannedText s(
      "năm 2024, ngày 30/10/2023, giai đoạn 2021-2025, năm 1899, năm 2101, 20245 hộ, ngày 29 "
      "tháng 02 năm 2024");
  const DocScan& scan = s.scan();
  EXPECT_TRUE(is_year(scan, s.at("2024")));
  EXPECT_FALSE(is_year(scan, s.at("2023")));  // a date's year
  EXPECT_TRUE(is_year(scan, s.at("2021")));
  EXPECT_TRUE(is_year(scan, s.at("2025")));   // a range of years
  EXPECT_FALSE(is_year(scan, s.at("1899")));
  EXPECT_FALSE(is_year(scan, s.at("2101")));
  EXPECT_FALSE(is_year(scan, s.at("20245")));
  EXPECT_FALSE(is_year(scan, s.at("30")));
  EXPECT_TRUE(is_year(scan, s.at("2024", 1)));  // after "năm": printed alone
}

// "iso end-token" of the date at token i, or "-".
std::string date_text(const ScannedText& s, std::size_t i) {
  const auto d = date_at(s.scan(), i);
  return d ? d->iso + " " + std::to_string(d->end) : "-";
}

TEST(DateAtTest, DatesInWordsAndDigits) {
  const ScannedText s(
      "từ nay đến ngày 30 tháng 10 năm 2023; trước ngày 15/12/2023; Điều 5; ngày 07-4-2014");
  EXPECT_EQ(date_text(s, s.at("ngày")), "2023-10-30 " + std::to_string(s.at("2023") + 1));
  EXPECT_EQ(date_text(s, s.at("15")), "2023-12-15 " + std::to_string(s.at("2023", 1) + 1));
  EXPECT_EQ(date_text(s, s.at("ngày", 1)), "2023-12-15 " + std::to_string(s.at("2023", 1) + 1));
  EXPECT_EQ(date_text(s, s.at("5")), "-");
  EXPECT_EQ(date_text(s, s.at("đến")), "-");  // neither a number nor "ngày"
  EXPECT_EQ(date_text(s, s.at("ngày", 2)), "2014-04-07 " + std::to_string(s.scan().size()));
  EXPECT_EQ(date_text(s, s.scan().size()), "-");
}

// "text|date" of the deadline at the first token spelled `word`, or "-".
std::string deadline_text(const std::string& text, const std::string& word) {
  const ScannedText s(text);
  const auto d = deadline_at(s.scan(), s.at(word));
  return d ? d->deadline.text + "|" + d->deadline.date : "-";
}

TEST(DeadlineAtTest, DatesAndRecurrences) {
  EXPECT_EQ(deadline_text("báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2023.", "trước"),
            "trước ngày 15/12/2023|2023-12-15");
  EXPECT_EQ(deadline_text("chậm nhất là ngày 30 tháng 11 năm 2024 gửi về", "chậm"),
            "chậm nhất là ngày 30 tháng 11 năm 2024|2024-11-30");
  EXPECT_EQ(deadline_text("gửi trước ngày 15 hằng tháng", "trước"), "trước ngày 15 hằng tháng|");
  EXPECT_EQ(deadline_text("gửi trước ngày 15/12 để tổng hợp", "trước"), "trước ngày 15/12|");
  EXPECT_EQ(deadline_text("báo cáo định kỳ hằng quý về UBND tỉnh", "định"), "định kỳ hằng quý|");
  EXPECT_EQ(deadline_text("báo cáo về Sở Nội vụ định kỳ 6 tháng.", "định"), "định kỳ 6 tháng|");
  EXPECT_EQ(deadline_text("báo cáo hàng tháng", "hàng"), "hàng tháng|");
}

TEST(DeadlineAtTest, NoDeadline) {
  // "6 tháng" alone names a semiannual report.
  EXPECT_EQ(deadline_text("báo cáo 6 tháng đầu năm", "6"), "-");
  EXPECT_EQ(deadline_text("trước khi triển khai", "trước"), "-");
  EXPECT_EQ(deadline_text("trước ngày khai mạc", "trước"), "-");
  // Another document's words.
  EXPECT_EQ(deadline_text("phong trào “Hoàn thành trước ngày 30/4/2024”", "trước"), "-");
}

TEST(DeadlineAtTest, FindDeadlineTakesTheFirstInTheRange) {
  const ScannedText s("Tổng hợp, báo cáo hằng quý và trước ngày 30/11/2024 báo cáo năm.");
  EXPECT_EQ(find_deadline(s.scan(), 0, s.scan().size()).text, "hằng quý");
  const Deadline later = find_deadline(s.scan(), s.at("và"), s.scan().size());
  EXPECT_EQ(later.text + "|" + later.date, "trước ngày 30/11/2024|2024-11-30");
  EXPECT_EQ(find_deadline(s.scan(), 0, s.at("hằng")).text, "");
}

TEST(PredicateTest, TaskVerbsAndOpeners) {
  const ScannedText s("Văn phòng Sở chủ trì, phối hợp; không để; vẫn tổ chức");
  const DocScan& scan = s.scan();
  EXPECT_EQ(predicate_at(scan, s.at("chủ")), 2u);
  EXPECT_EQ(predicate_at(scan, s.at("phối")), 2u);
  EXPECT_EQ(predicate_at(scan, s.at("không")), 1u);
  EXPECT_EQ(predicate_at(scan, s.at("vẫn")), 1u);
  // Exact: folded, "vẫn" would be the "Văn" of "Văn phòng".
  EXPECT_EQ(predicate_at(scan, s.at("văn")), 0u);
  EXPECT_TRUE(organization_noun_at(scan, s.at("văn")));
  EXPECT_TRUE(organization_noun_at(scan, s.at("sở")));
  EXPECT_FALSE(organization_noun_at(scan, s.at("chủ")));
}

// The organisation's name at the first token spelled `word`, or "-".
std::string organization_text(const std::string& text, const std::string& word = "") {
  const ScannedText s(text);
  const std::size_t i = word.empty() ? 0 : s.at(word);
  const std::size_t e = organization_end(s.scan(), i, s.scan().size());
  return e == i ? "-" : s.scan().printed(i, e);
}

TEST(OrganizationEndTest, NamesUpToTheirTask) {
  // Seeds 000 and 004.
  EXPECT_EQ(organization_text("Văn phòng Sở chủ trì hướng dẫn, kiểm tra"), "Văn phòng Sở");
  EXPECT_EQ(organization_text("Các tổ chức đoàn thể phối hợp với lãnh đạo cơ quan"),
            "Các tổ chức đoàn thể");  // "tổ chức" after "các" is a noun
  EXPECT_EQ(organization_text("Giao các phòng, đơn vị cụ thể hoá tổ chức thực hiện", "các"),
            "các phòng, đơn vị");
  // A capitalized verb after a capital names a department.
  EXPECT_EQ(organization_text("Sở Xây dựng chủ trì thẩm định"), "Sở Xây dựng");
  // "Sở Nội vụ:" names whoever the lines below are about.
  EXPECT_EQ(organization_text("Sở Nội vụ:\n- Chủ trì"), "Sở Nội vụ");
}

TEST(OrganizationEndTest, NoOrganisation) {
  EXPECT_EQ(organization_text("Tăng cường công tác kiểm tra"), "-");  // a task, no one named
  EXPECT_EQ(organization_text("phòng chức năng chủ trì"), "-");     // lower case, no quantifier
  EXPECT_EQ(organization_text("Thi đua lập thành tích: năm 2024"), "-");  // no organisation noun
  EXPECT_EQ(organization_text("“Dân vận khéo” phối hợp", "dân"), "-");  // a quote
  EXPECT_EQ(organization_text("2024 Sở Nội vụ chủ trì"), "-");  // not a word
  const ScannedText s("Văn phòng Sở chủ trì");
  EXPECT_EQ(organization_end(s.scan(), 0, 0), 0u);  // nothing before the limit
}

TEST(HomeForTest, TheIssuersDepartmentElseTheOneNamedMost) {
  const ScannedText s(
      "Sở Công Thương phát động phong trào. Sở Công Thương chủ trì; Sở Tư Pháp phối hợp; Văn "
      "phòng Sở tổng hợp.");
  EXPECT_EQ(home_for(s.scan(), {"", "Sở Công Thương tỉnh Lai Châu"}), "Sở Công Thương");
  EXPECT_EQ(home_for(s.scan(), {"", ""}), "Sở Công Thương");
  EXPECT_EQ(home_for(s.scan(), {"", "Ủy ban nhân dân tỉnh Lai Châu"}), "Sở Công Thương");
  const ScannedText none("Ủy ban nhân dân tỉnh chỉ đạo; Văn phòng Sở tổng hợp.");
  EXPECT_EQ(home_for(none.scan(), {}), "");
}

}  // namespace
}  // namespace vanban::text::contents_detail
