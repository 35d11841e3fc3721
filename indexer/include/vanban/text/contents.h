// What an emulation campaign document asks, read from its own text: the
// movement's period, its numbered contents, quantified targets, who is
// assigned what (with deadlines), the rewards it promises (kept apart from
// awards a results article reports), and the reports it requires. Staff
// cross-reference plans by these fields ("which plans of 2024 set an
// export target", "what does Văn phòng Sở have to report, by when").
//
// Every item carries its evidence: byte offsets [start, end) into the text
// it was read from. Text fields are "as printed": the document's words with
// line breaks folded to spaces and Markdown emphasis ("**2.**", "(*theo giá
// so sánh*)") removed. Extraction is by general rules of Vietnamese
// administrative writing, deterministic, and never throws on odd text; work
// is linear in the text (windows around anchor words are bounded): about
// 25 ms for a 160,000-character law and 0.2 ms for a news article
// (bench/contents.sh), on top of tokenizing and finding citations.
#ifndef VANBAN_TEXT_CONTENTS_H_
#define VANBAN_TEXT_CONTENTS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/citation.h"
#include "vanban/text/tokenize.h"

namespace vanban::text {

// A period the movement runs for, from the phrase attached to a movement
// word ("phong trào", "đợt thi đua", "chủ đề thi đua", "cuộc vận động") in
// the same clause: "được triển khai, thực hiện từ nay đến ngày 30 tháng 10
// năm 2023", "năm 2024", "giai đoạn 2021-2025", "từ ngày ... đến ngày ...".
// Date ranges elsewhere (anniversaries "(28/6/1909 - 28/6/2024)", a cited
// directive's subject, quoted campaign names, "kế hoạch 5 năm 2021 - 2025")
// are not periods.
struct Period {
  // ISO 8601 as precise as printed: "2024" (a year), "2023-10-30"; for
  // "từ nay" the document date given in ContentsOptions ("2023-05"), or ""
  // when it is unknown. "" when the phrase states no start ("đến ngày ...").
  std::string from;
  std::string to;                   // "2023-10-30", "2025"
  bool from_document_date = false;  // `from` is "từ nay": the document date
  std::string text;                 // "từ nay đến ngày 30 tháng 10 năm 2023"
  std::size_t start = 0;            // of `text`
  std::size_t end = 0;
};

// One item of the content list: the numbered (or, in a list that lost its
// numbers, paragraph) items after an introduction that names contents,
// tasks or solutions and ends in ':' ("với những nội dung chủ yếu sau:",
// "Về nhiệm vụ và giải pháp:"). Markers: "1.", "1)", "1.1.", "I.", "a)",
// "Thứ nhất,", "Một là,", "-", "+". A marker of a new kind right under an
// item that ends in ':' (or is a short heading) nests under it. The list
// ends where the numbering breaks, at "Nơi nhận", a signature, or the
// document's end mark ("./."); an implementation section ("5. Tổ chức thực
// hiện") ends it too and is read for assignments, not contents.
struct ContentItem {
  // The marker as printed without its trailing punctuation: "1", "2.1",
  // "II", "a", "-", "+", "Thứ nhất", "Một là"; "" for a paragraph item.
  std::string number;
  // The item's first clause: up to the first ';', sentence '.' or
  // paragraph end outside quotes, cut at a comma (else a word, outside
  // citations) near kMaxClauseTokens syllables when longer.
  std::string text;
  int depth = 0;    // 0 for the list's top level
  int parent = -1;  // index in CampaignContents::contents, -1 at the top
  std::size_t start = 0;  // the marker through the end of `text`
  std::size_t end = 0;
};

// A quantified target: a figure in a clause that sets an aim ("phấn đấu",
// "chỉ tiêu", "mục tiêu", "phải đạt"; a ':' after the aim carries it over a
// list "A đạt X; B đạt Y"), or a count a content item commits to build or
// hold ("hoàn thiện 01 công trình"). A figure needs a unit: '%', a scale
// word or currency, or a counted noun ("hộ", "công trình", "doanh
// nghiệp"). Never a target: dates, years, document symbols, ordinals
// ("lần thứ XIV"), article numbers ("Điều 5"), durations and anniversaries
// ("115 năm thành lập tỉnh"), counters outside an aim.
//
// Units and scales: `value` is the number as printed (7872.7 for
// "7.872,7 tỷ đồng"); `unit` the words after it as printed ("tỷ đồng");
// `base_unit` the unit without its scale word ("đồng"), `scale` that
// word's factor (1e9), so value * scale is the amount in base units
// (7.8727e12 đồng). A percentage has unit and base_unit "%" and scale 1.
struct Target {
  std::string indicator;  // "tỷ lệ số hộ được sử dụng điện lưới Quốc gia"
  std::string value_text;  // "96,8"
  double value = 0;       // 96.8 (see number.h)
  std::string unit;       // "%", "tỷ đồng", "triệu USD", "hộ", "công trình"
  std::string base_unit;  // "%", "đồng", "USD", "hộ", "công trình"
  double scale = 1;       // 1e9 for "tỷ", 1e6 "triệu", 1e3 "nghìn"; else 1
  // The time the target is for, as printed: "năm 2024", "đến năm 2025",
  // "giai đoạn 2021-2025", "hằng năm"; "" when the text gives none.
  std::string when;
  int year = 0;  // the (last) year in `when`: 2024, 2025; 0 if none
  std::size_t start = 0;  // the indicator through the unit
  std::size_t end = 0;
};

// A deadline as printed: "trước ngày 15/12/2023", "chậm nhất ngày
// 30/11/2024", "định kỳ hằng quý", "hằng tháng", "trước ngày 15 hằng tháng".
struct Deadline {
  std::string text;  // "" when none is stated
  std::string date;  // ISO when a full date is stated ("2023-12-15"), else ""
};

// Who is to do what: an item or paragraph of an implementation section
// ("Tổ chức thực hiện", "Trách nhiệm thực hiện", "Phân công thực hiện"),
// or a sentence "Giao / Đề nghị / Yêu cầu <organisation> <task>".
struct Assignment {
  std::string assignee;      // as printed: "Văn phòng Sở", "UBND các huyện, thành phố"
  std::string assignee_key;  // organization_key(assignee, home department)
  std::string task;          // the task's first clause: "chủ trì hướng dẫn, kiểm tra, ..."
  Deadline deadline;         // from the task's sentence
  std::size_t start = 0;     // the assignee through the end of `task`
  std::size_t end = 0;
};

enum class RewardStatus {
  kPromised,  // the plan will consider or propose it ("xét khen thưởng",
              // "đề nghị cấp trên khen thưởng", "Kết thúc phong trào ...
              // biểu dương, tôn vinh", "sẽ được tặng Bằng khen")
  kAwarded,   // reported as given ("đã được tặng", "Hội nghị đã tặng giấy
              // khen", "Giám đốc Sở trao giấy khen cho ...")
  kSought,    // an aim to receive it ("phấn đấu ... được tặng Cờ thi đua")
};

// A reward named with a form (Bằng khen, Giấy khen, Cờ thi đua, Chiến sĩ
// thi đua, Huân chương, danh hiệu ...) after a giving or receiving verb, or
// a generic commendation ("khen thưởng", "biểu dương", "tôn vinh") in a
// promise frame or reported as done. "khen thưởng" as the name of the field
// ("công tác thi đua, khen thưởng", "Hội đồng Thi đua - Khen thưởng") and
// principles ("chú trọng khen thưởng người lao động") are not rewards.
struct Reward {
  RewardStatus status = RewardStatus::kPromised;
  // Canonical form: "Bằng khen", "Giấy khen", "Cờ thi đua", "Danh hiệu",
  // ...; "khen thưởng" for a generic commendation.
  std::string form;
  std::string form_text;  // as printed: "Cờ thi đua xuất sắc", "biểu dương, tôn vinh"
  // The awarding body as printed: "Ủy ban nhân dân tỉnh" ("... của X"),
  // "cấp trên" ("đề nghị X khen thưởng"), the emulation council named in
  // the sentence ("Hội đồng Thi đua, khen thưởng Sở"), or the giver before
  // the verb ("Hội nghị", "Đồng chí Hoàng Hà Bắc – Giám đốc Sở"); "".
  std::string body;
  std::size_t start = 0;  // the verb or frame through the form
  std::size_t end = 0;
};

// A report the document requires: "báo cáo kết quả về Sở Nội vụ (qua Ban
// Thi đua - Khen thưởng) trước ngày ...", "tổng hợp báo cáo ...". A report
// heard, cited ("Báo cáo số 325-BC/TU") or already made ("đã báo cáo") is
// not one.
struct ReportDuty {
  std::string what;       // "kết quả thực hiện phong trào thi đua"; may be ""
  std::string recipient;  // "Sở Nội vụ (qua Ban Thi đua - Khen thưởng)"; ""
  std::string recipient_key;  // organization_key(recipient, home department)
  Deadline deadline;
  std::size_t start = 0;  // "báo cáo" through the last part read
  std::size_t end = 0;
};

struct CampaignContents {
  std::vector<Period> periods;  // distinct (from, to), first evidence each
  std::vector<ContentItem> contents;  // in text order, parents before children
  std::vector<Target> targets;
  std::vector<Assignment> assignments;
  std::vector<Reward> rewards;
  std::vector<ReportDuty> reports;
};

struct ContentsOptions {
  // The document's date, ISO ("2023-05-30", "2023-05", "2023") or "": the
  // start of a period stated "từ nay".
  std::string document_date;
  // The document's issuer ("Sở Công Thương tỉnh Lai Châu"): what a bare
  // "Sở" in an assignee means. When empty, the department the text names
  // most often ("Sở Công Thương") is used.
  std::string issuer;
};

// The longest first clause of a content item or task, in syllables.
// Measured on the seeds' items: their first clauses run 8 to 70 syllables.
inline constexpr std::size_t kMaxClauseTokens = 40;

// Reads every field from `text` (NFC UTF-8). `tokens` must be the
// Tokenizer's output for `text` and `citations` find_citations(text,
// tokens): figures, dates and quotes inside a citation are the cited
// document's, not this one's. Items of each field are in text order.
// Thread-safe (no shared state); throws only what the Tokenizer throws
// when ICU is missing.
CampaignContents extract_contents(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<Citation>& citations,
                                  const ContentsOptions& options = {});

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CONTENTS_H_
