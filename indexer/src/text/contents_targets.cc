// Quantified targets: figures in a clause that sets an aim ("phấn đấu
// tốc độ tăng trưởng ... năm 2023 đạt 9,0%"), and counts a content item
// commits to build ("hoàn thiện 01 công trình").
#include <algorithm>

#include "text/contents_internal.h"
#include "vanban/text/number.h"

namespace vanban::text::contents_detail {
namespace {

// Measured on the seeds: the list of seed 004's aim runs 70 syllables
// after its ':'; an indicator after its figure ("có 100% tập thể và cá nhân
// đăng ký thi đua") 8.
constexpr std::size_t kMaxAimTokens = 160;
constexpr std::size_t kMaxIndicatorTokens = 12;

const PhraseList& aim_words() {
  static const PhraseList list =
      phrases({"phan dau", "chi tieu", "muc tieu", "phai dat"});
  return list;
}

// Words before a number that make it a label, not a quantity: "Điều 5",
// "khoản 2", "lần thứ 5", "số 12", "khóa XIV", "mã 3".
// Exact spellings: folded, "thu" (thứ) would also be "thu" (revenue).
const PhraseList& label_words() {
  static const PhraseList list = exact_phrases(
      {"điều", "khoản", "điểm", "chương", "mục", "số", "thứ", "lần", "khóa", "mã", "phụ lục",
       "năm", "giai đoạn", "nhiệm kỳ", "ngày", "tháng", "quý", "tuần", "trang", "tập", "phiên"});
  return list;
}

// Units that make a figure a duration, an age or an anniversary ("115 năm
// thành lập tỉnh", "sơ kết 03 năm"), never a target.
const PhraseList& time_units() {
  static const PhraseList list = exact_phrases(
      {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "quý", "tuổi", "kỳ", "lần"});
  return list;
}

const PhraseList& currencies() {
  static const PhraseList list = phrases({"dong", "usd", "do la", "euro", "vnd", "dong my"});
  return list;
}

// Counted nouns and measures: what a figure counts.
const PhraseList& count_units() {
  static const PhraseList list = phrases(
      {"ho", "nguoi", "xa", "phuong", "thi tran", "thon", "ban", "lang", "huyen", "doanh nghiep",
       "hop tac xa", "cong trinh", "du an", "san pham", "luot", "luot nguoi", "lao dong",
       "hoc sinh", "sinh vien", "truong", "co so", "tap the", "ca nhan", "don vi", "mo hinh",
       "sang kien", "km", "ha", "hecta", "tan", "kg", "m", "m2", "m3", "mw", "kwh", "lit",
       "con", "cay", "can", "can nha", "ngoi nha", "nha", "phong hoc", "giuong benh", "bac si",
       "chiec", "dot", "lop", "hoi nghi", "cuoc", "buoi", "tin", "bai", "diem", "tuyen",
       "chuong trinh", "ngay cong", "suat", "tram", "cum", "khu", "hoi vien", "doan vien",
       "dang vien", "vu", "thiet che", "tour", "khach", "luot khach"});
  return list;
}

// Verbs that commit a content item to a count of things.
const PhraseList& deliverable_verbs() {
  static const PhraseList list = phrases(
      {"xay dung", "hoan thien", "hoan thanh", "to chuc", "thanh lap", "trong", "dao tao",
       "mo", "lap dat", "sua chua", "nang cap", "xay moi", "ban giao", "khoi cong"});
  return list;
}

// Connectives trimmed off an indicator's ends ("trong đó giá trị ...
// đạt", "tỷ lệ ... giảm còn", "0,5% là doanh nghiệp ...").
const PhraseList& leading_connectives() {
  static const PhraseList list = phrases({"trong do", "trong do co", "va", "co", "voi", "la"});
  return list;
}
const PhraseList& trailing_connectives() {
  static const PhraseList list = phrases(
      {"dat", "dat tren", "dat it nhat", "dat toi thieu", "tren", "duoi", "khoang", "toi thieu",
       "it nhat", "la", "o muc", "bang", "co", "con", "len", "dat muc"});
  return list;
}

// A time phrase in a target's clause: "năm 2024", "đến năm 2025", "giai
// đoạn 2021-2025", "hằng năm". Returns one past its last token, or i.
std::size_t when_end(const DocScan& scan, std::size_t i) {
  static const PhraseList kRecurring = phrases({"hang nam", "moi nam"});
  if (const std::size_t r = scan.match(i, kRecurring)) return i + r;
  static const PhraseList kLeads = phrases({"nam", "den nam", "giai doan"});
  const std::size_t lead = scan.match(i, kLeads);
  if (lead == 0 || i + lead >= scan.size() || !is_year(scan, i + lead)) return i;
  const std::size_t y = i + lead;
  return y + 1 < scan.size() && is_year(scan, y + 1) ? y + 2 : y + 1;
}

// A number token as a figure: not inside a citation or quote, not a year,
// a date's part, a label's number or a duration.
bool is_figure(const DocScan& scan, std::size_t i) {
  if (!scan.is_number(i) || scan.foreign(i) || is_year(scan, i)) return false;
  if (phrase_before(scan, i, label_words(), true)) return false;
  // "28/6/1909", "10-15": a date or a range of numbers.
  const auto joined = [&](std::size_t a) {
    const std::string_view gap = scan.gap_after(a);
    return scan.is_number(a + 1) && !gap.empty() && gap.find_first_not_of("/-. ") == std::string_view::npos &&
           gap.find_first_of("/-.") != std::string_view::npos;
  };
  if ((i > 0 && joined(i - 1)) || (i + 1 < scan.size() && joined(i))) return false;
  return i + 1 >= scan.size() || scan.break_after(i) != Break::kNone ||
         scan.match_exact(i + 1, time_units()) == 0;
}

// The digits of a number token and the unit glued to it ("16.171m2").
std::pair<std::string_view, std::string_view> split_number(std::string_view printed) {
  const std::size_t e = printed.find_first_not_of("0123456789.,");
  if (e == std::string_view::npos) return {printed, {}};
  return {printed.substr(0, e), printed.substr(e)};
}

// The unit after figure token i: fills `t` and returns one past its last
// token (i + 1 for a unit inside the token or '%'), or i if there is none.
std::size_t read_unit(const DocScan& scan, std::size_t i, std::string_view glued, Target& t) {
  if (!glued.empty()) {
    t.unit = t.base_unit = std::string(glued);
    return i + 1;
  }
  if (scan.gap_after(i).substr(0, 1) == "%") {
    t.unit = t.base_unit = "%";
    return i + 1;
  }
  if (i + 1 >= scan.size() || scan.break_after(i) != Break::kNone) return i;
  std::size_t k = i + 1;
  double scale = 1;
  while (k < scan.size() && scale_factor(scan.word(k)) > 0 && k - i <= 2) {
    scale *= scale_factor(scan.word(k));
    if (scan.break_after(k++) != Break::kNone) break;
  }
  const std::size_t scale_end = k;
  if (std::size_t n = scan.match(k, currencies()); n > 0 && (k == i + 1 || scan.break_after(k - 1) == Break::kNone)) {
    k += n;
  } else if ((n = scan.match(k, count_units())) > 0 &&
             (k == i + 1 || scan.break_after(k - 1) == Break::kNone)) {
    k += n;  // "35 xã", "1 triệu doanh nghiệp"
  }
  if (k == i + 1) return i;
  t.scale = scale;
  t.unit = scan.printed(i + 1, k);
  t.base_unit = scale_end < k ? scan.printed(scale_end, k) : "";
  return k;
}

// Tokens [first, last) of an indicator with connectives and a time
// phrase trimmed off its ends; the time phrase goes to `t.when`.
std::pair<std::size_t, std::size_t> trim_indicator(const DocScan& scan, std::size_t first,
                                                   std::size_t last, Target& t) {
  bool changed = true;
  while (changed && first < last) {
    changed = false;
    if (const std::size_t n = scan.match(first, leading_connectives()); n > 0 && first + n <= last) {
      first += n;
      changed = true;
    }
    if (const std::size_t w = when_end(scan, first); w > first && w <= last) {
      if (t.when.empty()) t.when = scan.printed(first, w);
      first = w;
      changed = true;
    }
    for (std::size_t k = first; k < last && !changed; ++k) {
      const std::size_t tail = k + scan.match(k, trailing_connectives());
      const std::size_t w = when_end(scan, k);
      if (tail == last && tail > k) {
        last = k;
        changed = true;
      } else if (w == last && w > k) {
        if (t.when.empty()) t.when = scan.printed(k, w);
        last = k;
        changed = true;
      }
    }
  }
  return {first, last};
}

// The noun phrase after a figure's unit ("có 100% tập thể và cá nhân đăng
// ký thi đua"): to a comma, a clause mark, or "và" before a task verb.
std::size_t indicator_after(const DocScan& scan, std::size_t i) {
  std::size_t k = i;
  while (k < scan.size() && k - i < kMaxIndicatorTokens && !scan.foreign(k)) {
    if (scan.word(k) == "va" && scan.match(k + 1, task_verbs())) break;
    if (scan.break_after(k++) != Break::kNone) break;
  }
  return k;
}

// The last four-digit year in a time phrase: "giai đoạn 2021-2025" -> 2025.
int last_year(const std::string& when) {
  int year = 0;
  for (std::size_t p = 0; p + 4 <= when.size(); ++p) {
    const std::string_view d = std::string_view(when).substr(p, 4);
    if (d.find_first_not_of("0123456789") == std::string_view::npos) year = std::stoi(std::string(d));
  }
  return year;
}

// A target at figure token i with its indicator in tokens [from, i); the
// indicator follows the unit when nothing names it before.
std::optional<Target> target_at(const DocScan& scan, std::size_t from, std::size_t i) {
  const auto [digits, glued] = split_number(scan.token(i).exact);
  const std::optional<double> value = parse_number(digits);
  if (!value) return std::nullopt;
  Target t;
  t.value = *value;
  t.value_text = std::string(digits);
  const std::size_t unit_end = read_unit(scan, i, glued, t);
  if (unit_end == i) return std::nullopt;
  // "tăng 7,91% so với cùng kỳ", "đạt 95% kế hoạch": a result measured
  // against something, not an aim.
  static const PhraseList kCompared =
      phrases({"so voi", "cung ky", "ke hoach", "chi tieu", "du toan", "muc tieu"});
  if (unit_end < scan.size() && scan.break_after(unit_end - 1) == Break::kNone &&
      scan.match(unit_end, kCompared)) {
    return std::nullopt;
  }
  auto [first, last] = trim_indicator(scan, from, i, t);
  std::size_t span_first = first, span_last = unit_end;
  const bool closed = scan.break_after(unit_end - 1) != Break::kNone;  // "7,4%... Thông tin"
  if (first >= last && closed) return std::nullopt;  // nothing says what is measured
  if (first >= last) {
    // A counted noun heads the phrase after it ("01 công trình chào mừng
    // ...", "1 triệu doanh nghiệp ..."); after '%' or money the phrase is
    // what is counted ("100% tập thể ...").
    std::size_t noun = i + 1;
    while (noun < unit_end && scale_factor(scan.word(noun)) > 0) ++noun;
    const bool noun_unit =
        glued.empty() && noun < unit_end && scan.match(noun, count_units()) > 0;
    first = noun_unit ? noun : unit_end;
    last = indicator_after(scan, unit_end);
    // "0,5% là doanh nghiệp khởi nghiệp": what is counted follows "là".
    if (const std::size_t n = scan.match(first, leading_connectives()); first + n < last) first += n;
    span_first = i;
    span_last = std::max(unit_end, last);
  }
  t.indicator = scan.printed(first, last);
  t.year = last_year(t.when);
  t.start = scan.start_of(span_first);
  t.end = scan.span_end(span_first, span_last);
  // '%' is not a token: the span ends after it when the unit ends it.
  if (span_last == unit_end && glued.empty() && t.unit == "%") t.end = scan.token(i).end + 1;
  return t;
}

// The tokens an aim at `anchor` governs: its clause; the whole sentence
// when the aim opens it ("Phấn đấu đến năm 2025 có 80% ...; tỷ lệ hộ nghèo
// giảm còn 2,5%; ...") or its clause ends in ':' (a list of targets).
std::size_t aim_scope_end(const DocScan& scan, std::size_t anchor) {
  const bool opens = anchor == 0 || scan.break_after(anchor - 1) >= Break::kColon;
  std::size_t e = scan.run_end(anchor, opens ? Break::kSentence : Break::kColon, kMaxAimTokens);
  if (e > anchor && scan.break_after(e - 1) == Break::kColon) {
    e = scan.run_end(e, Break::kSentence, kMaxAimTokens);
  }
  return e;
}

// The time phrase of an aim's own clause ("chỉ tiêu chủ yếu năm 2024:").
std::string aim_when(const DocScan& scan, std::size_t anchor, std::size_t end) {
  for (std::size_t k = anchor; k < end; ++k) {
    if (const std::size_t w = when_end(scan, k); w > k) return scan.printed(k, w);
    if (scan.break_after(k) >= Break::kColon) break;
  }
  return {};
}

// "vượt chỉ tiêu", "hoàn thành mục tiêu", "so với kế hoạch": a result
// measured against an aim, not the aim; "không vì mục tiêu lợi nhuận": a
// purpose.
bool result_of_aim(const DocScan& scan, std::size_t anchor) {
  static const PhraseList kResults =
      phrases({"vuot", "vuot muc", "hoan thanh", "dat", "so voi", "bang", "theo", "vi"});
  return phrase_before(scan, anchor, kResults);
}

// A figure that an aim sets: near the start of its indicator (kAimReach),
// after a verb or comparator that sets a value ("đạt", "còn", "có", ...)
// or opening its clause, with no past or comparison between ("đã", "vượt",
// "so với cùng kỳ").
bool aimed(const DocScan& scan, std::size_t from, std::size_t i) {
  // Measured on the seeds and baomoi: indicators run up to 20 syllables
  // ("tỷ lệ số hộ được sử dụng điện lưới Quốc gia đạt").
  constexpr std::size_t kAimReach = 30;
  static const PhraseList kSetters = phrases(
      {"dat", "la", "con", "len", "xuong", "tang", "giam", "co", "o muc", "khoang", "tren",
       "duoi", "toi thieu", "it nhat", "tu", "toi", "bang", "hon", "dat muc", "dat tren",
       "dat it nhat", "dat toi thieu", "dat khoang", "tro len", "phan dau"});
  static const PhraseList kPast = phrases({"da", "vuot", "so voi", "cung ky", "dat duoc"});
  if (i - from > kAimReach) return false;
  for (std::size_t k = from; k < i; ++k) {
    if (scan.match(k, kPast)) return false;
  }
  return i == from || phrase_before(scan, i, kSetters);
}

void targets_of_aim(const DocScan& scan, std::size_t anchor, std::size_t length,
                    std::vector<Target>& out) {
  if (result_of_aim(scan, anchor)) return;
  const std::size_t end = aim_scope_end(scan, anchor);
  const std::string when = aim_when(scan, anchor, end);
  std::size_t from = anchor + length;
  for (std::size_t i = from; i < end; ++i) {
    // A later aim word starts the next indicator ("Thi đua phấn đấu hoàn
    // thành ..., phấn đấu tốc độ tăng trưởng ... đạt 9,0%").
    if (const std::size_t n = scan.match(i, aim_words()); n > 0 && !scan.foreign(i)) {
      from = i + n;
      i += n - 1;
      continue;
    }
    if (!is_figure(scan, i)) continue;
    const std::size_t clause = std::max(from, scan.run_start(i, Break::kColon, i - from));
    if (!aimed(scan, clause, i)) continue;
    auto t = target_at(scan, clause, i);
    if (!t) continue;
    if (t->when.empty()) t->when = when;
    t->year = last_year(t->when);
    from = scan.token_at(t->end);
    out.push_back(std::move(*t));
  }
}

// Counts a content item commits to: a deliverable verb right before the
// figure ("hoàn thiện 01 công trình chào mừng các sự kiện lịch sử").
void deliverables_in(const DocScan& scan, std::size_t first, std::size_t last,
                     std::vector<Target>& out) {
  for (std::size_t i = first + 1; i < last; ++i) {
    if (!is_figure(scan, i) || !phrase_before(scan, i, deliverable_verbs())) continue;
    if (auto t = target_at(scan, i, i); t && t->unit != "%") out.push_back(std::move(*t));
  }
}

}  // namespace

std::vector<Target> find_targets(const DocScan& scan, const Outline& outline) {
  std::vector<Target> out;
  for (std::size_t i = 0; i < scan.size(); ++i) {
    if (scan.foreign(i)) continue;
    if (const std::size_t n = scan.match(i, aim_words())) {
      targets_of_aim(scan, i, n, out);
      i = std::max(i, scan.token_at(out.empty() ? 0 : out.back().end));
    }
  }
  for (const auto& [b, e] : outline.item_lines) {
    std::size_t last = scan.token_at(b);
    while (last < scan.size() && scan.start_of(last) < e) ++last;
    deliverables_in(scan, scan.token_at(b), last, out);
  }
  std::sort(out.begin(), out.end(), [](const Target& a, const Target& b) { return a.start < b.start; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Target& a, const Target& b) { return a.start == b.start; }),
            out.end());
  return out;
}

}  // namespace vanban::text::contents_detail
