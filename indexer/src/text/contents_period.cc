// The movement's period: a time phrase in the clause of a movement word
// ("Phong trào thi đua ... được triển khai, thực hiện từ nay đến ngày 30
// tháng 10 năm 2023", "phát động phong trào thi đua ... năm 2024").
#include <algorithm>

#include "text/contents_internal.h"

namespace vanban::text::contents_detail {
namespace {

// Words that name a movement (folded). "thi đua" alone is too common
// ("công tác thi đua, khen thưởng", "Cờ thi đua"): it counts after
// "phát động".
const PhraseList& movement_words() {
  static const PhraseList list = phrases(
      {"phong trao", "dot thi dua", "chu de thi dua", "cuoc van dong", "phat dong thi dua"});
  return list;
}

// Unquoted words after a movement word that its period may stand at: the
// 30 syllables of "phát động phong trào thi đua tới toàn thể cán bộ, công
// chức, viên chức và người lao động nhằm phấn đấu hoàn thành xuất sắc nhiệm
// vụ phát triển của Ngành trong năm 2024" (seed 004), with a margin.
constexpr std::size_t kPeriodReach = 40;

struct Found {
  Period period;
  std::size_t end;  // one past its last token
};

Period make_period(const DocScan& scan, std::size_t first, std::size_t last, std::string from,
                   std::string to) {
  Period p;
  p.from = std::move(from);
  p.to = std::move(to);
  p.text = scan.printed(first, last);
  p.start = scan.start_of(first);
  p.end = scan.span_end(first, last);
  return p;
}

// DATE or "năm Y" at token i (after "từ" or "đến"): ISO and end.
std::optional<DateSpan> date_or_year(const DocScan& scan, std::size_t i) {
  if (i >= scan.size()) return std::nullopt;
  if (auto d = date_at(scan, i)) return d;
  const std::size_t y = i + (scan.word(i) == "nam" ? 1 : 0);
  if (y < scan.size() && is_year(scan, y)) return DateSpan{scan.word(y), y + 1};
  return std::nullopt;
}

// "đến [hết] [ngày] DATE", "đến [hết] năm Y": the end of a period.
std::optional<DateSpan> until(const DocScan& scan, std::size_t i) {
  if (i >= scan.size() || scan.word(i) != "den") return std::nullopt;
  const std::size_t k = i + 1 + (i + 1 < scan.size() && scan.word(i + 1) == "het" ? 1 : 0);
  return date_or_year(scan, k);
}

// "từ nay đến ...", "từ [ngày] DATE đến ...", "từ năm Y đến năm Y".
std::optional<Found> from_to(const DocScan& scan, std::size_t i, const ContentsOptions& options) {
  if (scan.word(i) != "tu" || i + 1 >= scan.size()) return std::nullopt;
  if (scan.word(i + 1) == "nay") {
    const auto to = until(scan, i + 2);
    if (!to) return std::nullopt;
    Period p = make_period(scan, i, to->end, options.document_date, to->iso);
    p.from_document_date = true;
    return Found{std::move(p), to->end};
  }
  const auto from = date_or_year(scan, i + 1);
  if (!from) return std::nullopt;
  const auto to = until(scan, from->end);
  if (!to) return std::nullopt;
  return Found{make_period(scan, i, to->end, from->iso, to->iso), to->end};
}

// "giai đoạn 2021-2025", "giai đoạn 2021 – 2025", "giai đoạn từ năm 2021
// đến năm 2025" (through from_to).
std::optional<Found> stage(const DocScan& scan, std::size_t i, const ContentsOptions& options) {
  static const Phrase kStage = {"giai", "doan"};
  if (!scan.match(i, kStage) || i + 3 >= scan.size()) return std::nullopt;
  if (auto f = from_to(scan, i + 2, options)) {
    f->period = make_period(scan, i, f->end, f->period.from, f->period.to);
    return f;
  }
  if (!is_year(scan, i + 2) || !is_year(scan, i + 3)) return std::nullopt;
  return Found{make_period(scan, i, i + 4, scan.word(i + 2), scan.word(i + 3)), i + 4};
}

// "năm 2024": not a date's year ("ngày 29 tháng 02 năm 2024"), a count
// of years ("5 năm 2021 - 2025" is a five-year plan), nor the start of a
// period whose end is not stated ("từ năm 2021": since 2021, not 2021).
std::optional<Found> year(const DocScan& scan, std::size_t i) {
  if (scan.word(i) != "nam" || i + 1 >= scan.size() || !is_year(scan, i + 1)) return std::nullopt;
  if (i > 0 && (scan.is_number(i - 1) || scan.word(i - 1) == "thang" ||
                scan.token(i - 1).exact == "từ")) {
    return std::nullopt;
  }
  if (i + 2 < scan.size() && is_year(scan, i + 2)) return std::nullopt;  // "năm 2021 - 2025"
  return Found{make_period(scan, i, i + 2, scan.word(i + 1), scan.word(i + 1)), i + 2};
}

std::optional<Found> period_at(const DocScan& scan, std::size_t i, const ContentsOptions& options) {
  if (auto f = from_to(scan, i, options)) return f;
  if (auto f = stage(scan, i, options)) return f;
  if (auto u = until(scan, i)) return Found{make_period(scan, i, u->end, "", u->iso), u->end};
  return year(scan, i);
}

// The first period in the clause after a movement word at `anchor`
// (`length` tokens): quoted names are skipped and do not count, a citation
// or a clause mark ends the search.
std::optional<Found> period_after(const DocScan& scan, std::size_t anchor, std::size_t length,
                                  const ContentsOptions& options) {
  std::size_t seen = 0;
  for (std::size_t i = anchor + length; i < scan.size() && seen < kPeriodReach; ++i) {
    if (scan.break_after(i - 1) >= Break::kColon || scan.in_citation(i)) return std::nullopt;
    if (scan.in_quote(i)) continue;
    ++seen;
    if (auto f = period_at(scan, i, options)) return f;
  }
  return std::nullopt;
}

}  // namespace

std::vector<Period> find_periods(const DocScan& scan, const ContentsOptions& options) {
  std::vector<Period> out;
  for (std::size_t i = 0; i < scan.size(); ++i) {
    if (scan.foreign(i)) continue;
    const std::size_t length = scan.match(i, movement_words());
    if (length == 0) continue;
    auto f = period_after(scan, i, length, options);
    if (!f) continue;
    const bool known = std::any_of(out.begin(), out.end(), [&](const Period& p) {
      return p.from == f->period.from && p.to == f->period.to;
    });
    if (!known) out.push_back(std::move(f->period));
  }
  return out;
}

}  // namespace vanban::text::contents_detail
