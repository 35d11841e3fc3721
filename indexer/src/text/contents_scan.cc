// The token view every contents rule reads (DocScan), and the phrases
// several fields share: dates, deadlines, organisations, first clauses.
#include <algorithm>
#include <map>

#include "text/contents_internal.h"
#include "text/letter_case.h"
#include "text/quotes.h"
#include "vanban/text/date.h"
#include "vanban/text/organization.h"

namespace vanban::text::contents_detail {
namespace {

// Dots that end an abbreviation, not a sentence: "TP. Hồ Chí Minh", "KT.
// CHỦ TỊCH", "TT. Tỉnh ủy". Short all-capital words.
constexpr std::size_t kMaxAbbreviationBytes = 3;

bool wrapped_line_continues(std::string_view gap) {
  // After the last line break: a bullet starts a new item.
  const std::string_view tail = gap.substr(gap.rfind('\n') + 1);
  return tail.find_first_of("-+*") == std::string_view::npos;
}

// The break a gap of punctuation and spaces makes. A line break before a
// lower-case word with no clause mark is a line wrapped inside a sentence
// (PDF text: "làm cho việc tham gia các phong trào thi đua trở\n\nthành").
Break classify(std::string_view gap, bool next_lower, bool after_abbreviation) {
  Break b = Break::kNone;
  const auto raise = [&b](Break to) { b = std::max(b, to); };
  for (const char c : gap) {
    if (c == ',') raise(Break::kComma);
    if (c == ':') raise(Break::kColon);
    if (c == ';') raise(Break::kClause);
    if ((c == '.' && !after_abbreviation) || c == '!' || c == '?') raise(Break::kSentence);
  }
  if (gap.find("\u2026") != std::string_view::npos) raise(Break::kSentence);
  if (gap.find('\n') == std::string_view::npos) return b;
  if (next_lower && b < Break::kColon && wrapped_line_continues(gap)) return b;
  return Break::kParagraph;
}

bool ends_with_close_quote(std::string_view s, std::size_t& cut) {
  const std::size_t curly = s.rfind("\u201D");
  const std::size_t straight = s.rfind('"');
  cut = std::string_view::npos;
  if (curly != std::string_view::npos) cut = curly + 3;
  if (straight != std::string_view::npos && (cut == std::string_view::npos || straight + 1 > cut)) {
    cut = straight + 1;
  }
  return cut != std::string_view::npos;
}

// Marks tokens wholly inside [begin, end) of each span; spans in order.
template <typename Span, typename Begin, typename End>
std::vector<char> mark_tokens(const std::vector<Token>& tokens, const std::vector<Span>& spans,
                              Begin begin_of, End end_of) {
  std::vector<char> marked(tokens.size(), 0);
  std::size_t t = 0;
  for (const Span& s : spans) {
    while (t < tokens.size() && tokens[t].start < begin_of(s)) ++t;
    for (std::size_t k = t; k < tokens.size() && tokens[k].start < end_of(s); ++k) {
      if (tokens[k].end <= end_of(s)) marked[k] = 1;
    }
  }
  return marked;
}

}  // namespace

namespace {

// Splits each phrase with the Tokenizer, so a phrase spells its words as
// document tokens do: folded "ky" is "ki", "quy" is "qui" (normalize.h
// makes i/y one letter).
std::vector<Phrase> tokenized(std::initializer_list<std::string_view> spelled, bool exact) {
  Tokenizer tok;
  std::vector<Phrase> out;
  for (std::string_view s : spelled) {
    Phrase p;
    for (const Token& t : tok.tokenize(s)) p.push_back(exact ? t.exact : t.folded);
    out.push_back(std::move(p));
  }
  return out;
}

const std::vector<const Phrase*>& no_phrases() {
  static const std::vector<const Phrase*> none;
  return none;
}

}  // namespace

PhraseList::PhraseList(std::vector<Phrase> phrases) : phrases_(std::move(phrases)) {
  for (const Phrase& p : phrases_) {
    if (!p.empty()) by_first_[p[0]].push_back(&p);
  }
}

const std::vector<const Phrase*>& PhraseList::starting_with(const std::string& word) const {
  const auto it = by_first_.find(word);
  return it == by_first_.end() ? no_phrases() : it->second;
}

PhraseList phrases(std::initializer_list<std::string_view> spelled) {
  return PhraseList(tokenized(spelled, false));
}

PhraseList exact_phrases(std::initializer_list<std::string_view> spelled) {
  return PhraseList(tokenized(spelled, true));
}

DocScan::DocScan(std::string_view text, const std::vector<Token>& tokens,
                 const std::vector<Citation>& citations)
    : text_(text), tokens_(tokens), breaks_(tokens.size(), Break::kParagraph),
      upper_(tokens.size(), 0) {
  const std::vector<Quote> quotes = find_quotes(text);
  quoted_ = mark_tokens(tokens, quotes, [](const Quote& q) { return q.begin; },
                        [](const Quote& q) { return q.end; });
  cited_ = mark_tokens(tokens, citations, [](const Citation& c) { return c.start; },
                       [](const Citation& c) { return c.end; });
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    upper_[i] = starts_upper(text.substr(tokens[i].start, tokens[i].end - tokens[i].start));
  }
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (quoted_[i] && quoted_[i + 1]) {
      // Within one quote, or from one quote to the next ("A”, “B").
      std::size_t cut = 0;
      if (!ends_with_close_quote(gap_after(i), cut)) {
        breaks_[i] = Break::kNone;
        continue;
      }
    }
    std::string_view gap = gap_after(i);
    if (std::size_t cut = 0; quoted_[i] && ends_with_close_quote(gap, cut)) gap.remove_prefix(cut);
    const std::string_view word(text.data() + tokens[i].start, tokens[i].end - tokens[i].start);
    const bool abbreviation = tokens[i].kind == TokenKind::kWord &&
                              word.size() <= kMaxAbbreviationBytes && all_upper(word);
    const bool next_lower = tokens[i + 1].kind == TokenKind::kWord && !upper_[i + 1];
    breaks_[i] = classify(gap, next_lower, abbreviation);
  }
}

std::string_view DocScan::gap_after(std::size_t i) const {
  const std::size_t from = tokens_[i].end;
  const std::size_t to = i + 1 < tokens_.size() ? tokens_[i + 1].start : text_.size();
  return text_.substr(from, to - from);
}

namespace {

template <typename Spelling>
bool phrase_at(const std::vector<Token>& tokens, const std::vector<Break>& breaks, std::size_t i,
               const Phrase& phrase, Spelling spelling) {
  if (phrase.empty() || i + phrase.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    if (spelling(tokens[i + k]) != phrase[k]) return false;
    if (k + 1 < phrase.size() && breaks[i + k] != Break::kNone) return false;
  }
  return true;
}

template <typename Spelling>
std::size_t longest_at(const std::vector<Token>& tokens, const std::vector<Break>& breaks,
                       std::size_t i, const PhraseList& list, Spelling spelling) {
  if (i >= tokens.size()) return 0;
  std::size_t best = 0;
  for (const Phrase* p : list.starting_with(spelling(tokens[i]))) {
    if (p->size() > best && phrase_at(tokens, breaks, i, *p, spelling)) best = p->size();
  }
  return best;
}

const std::string& folded_of(const Token& t) { return t.folded; }
const std::string& exact_of(const Token& t) { return t.exact; }

}  // namespace

bool DocScan::match(std::size_t i, const Phrase& phrase) const {
  return phrase_at(tokens_, breaks_, i, phrase, folded_of);
}

std::size_t DocScan::match(std::size_t i, const PhraseList& list) const {
  return longest_at(tokens_, breaks_, i, list, folded_of);
}

std::size_t DocScan::match_exact(std::size_t i, const PhraseList& list) const {
  return longest_at(tokens_, breaks_, i, list, exact_of);
}

std::size_t DocScan::token_at(std::size_t pos) const {
  return static_cast<std::size_t>(
      std::partition_point(tokens_.begin(), tokens_.end(),
                           [&](const Token& t) { return t.end <= pos; }) -
      tokens_.begin());
}

std::size_t DocScan::run_end(std::size_t i, Break stop, std::size_t max) const {
  std::size_t j = i;
  for (; j < tokens_.size() && j - i < max; ++j) {
    if (breaks_[j] >= stop) return j + 1;
  }
  return j;
}

std::size_t DocScan::run_start(std::size_t i, Break stop, std::size_t max) const {
  std::size_t j = i;
  while (j > 0 && i - j < max && breaks_[j - 1] < stop) --j;
  return j;
}

namespace {

// Brackets and quotes that open in `span` and close right after it belong
// to it: "(OCOP)", "“Dân vận khéo”".
std::size_t closing_marks_after(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view span = text.substr(begin, end - begin);
  const auto count = [&](std::string_view mark) {
    std::size_t n = 0;
    for (std::size_t at = span.find(mark); at != std::string_view::npos; at = span.find(mark, at + 1)) ++n;
    return n;
  };
  std::size_t open_round = count("(") - std::min(count("("), count(")"));
  std::size_t open_curly = count("\u201C") - std::min(count("\u201C"), count("\u201D"));
  bool open_straight = count("\"") % 2 == 1;
  while (true) {
    if (open_round > 0 && text.substr(end, 1) == ")") {
      --open_round;
      end += 1;
    } else if (open_curly > 0 && text.substr(end, 3) == "\u201D") {
      --open_curly;
      end += 3;
    } else if (open_straight && text.substr(end, 1) == "\"") {
      open_straight = false;
      end += 1;
    } else if (text.substr(end, 1) == "*") {
      end += 1;
    } else {
      return end;
    }
  }
}

}  // namespace

std::size_t DocScan::span_end(std::size_t first, std::size_t last) const {
  return closing_marks_after(text_, start_of(first), end_of(last));
}

std::string DocScan::printed(std::size_t first, std::size_t last) const {
  if (first >= last || last > tokens_.size()) return {};
  const std::size_t begin = start_of(first);
  return as_printed(text_.substr(begin, span_end(first, last) - begin));
}

bool phrase_before(const DocScan& scan, std::size_t i, const PhraseList& list,
                   bool exact) {
  constexpr std::size_t kLongestPhrase = 3;
  if (i == 0 || scan.break_after(i - 1) != Break::kNone) return false;
  for (std::size_t n = 1; n <= kLongestPhrase && n <= i; ++n) {
    const std::size_t at = i - n;
    const std::size_t len = exact ? scan.match_exact(at, list) : scan.match(at, list);
    if (len == n) return true;
  }
  return false;
}

std::string as_printed(std::string_view raw, std::string_view trim_marks) {
  std::string out;
  bool space = false;
  for (const char c : raw) {
    if (c == '*') continue;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  const std::size_t b = out.find_first_not_of(trim_marks);
  if (b == std::string::npos) return {};
  const std::size_t e = out.find_last_not_of(trim_marks);
  return out.substr(b, e - b + 1);
}

std::size_t first_clause_end(const DocScan& scan, std::size_t i) {
  const std::size_t e = scan.run_end(i, Break::kClause, kMaxClauseTokens + 1);
  if (e - i <= kMaxClauseTokens) return e;
  for (std::size_t k = i + kMaxClauseTokens - 1; k >= i + kMaxClauseTokens / 2; --k) {
    if (scan.break_after(k) == Break::kComma) return k + 1;
  }
  // No comma: cut at a word, but not inside a citation, a quoted name or a
  // proper name, which are one reference each ("Chỉ thị số 32-CT/TU ngày
  // 26/6/2014 của Tỉnh uỷ", "“Tây Ninh đoàn kết, ...”", "Hồ Chí Minh").
  std::size_t cut = i + kMaxClauseTokens;
  const auto joined = [&](std::size_t k) {
    return scan.break_after(k - 1) == Break::kNone &&
           ((scan.in_citation(k - 1) && scan.in_citation(k)) ||
            (scan.in_quote(k - 1) && scan.in_quote(k)) || (scan.upper(k - 1) && scan.upper(k)));
  };
  while (cut < scan.size() && cut < i + 2 * kMaxClauseTokens && joined(cut)) ++cut;
  return cut;
}

bool is_year(const DocScan& scan, std::size_t i) {
  constexpr int kFirstYear = 1900, kLastYear = 2100;  // as date.h accepts
  const Token& t = scan.token(i);
  // Four ASCII digits: ICU's numbers also hold letters ("Q1") and other
  // scripts' digits.
  if (t.kind != TokenKind::kNumber || t.exact.size() != 4 ||
      t.exact.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  const int y = std::stoi(t.exact);
  if (y < kFirstYear || y > kLastYear) return false;
  if (i == 0 || !scan.is_number(i - 1)) return true;
  // "30/10/2023", "07-4-2014": a date's year, unless a range of years
  // ("2021-2025").
  const std::string_view gap = scan.gap_after(i - 1);
  const bool joined = gap.find_first_not_of(" ") != std::string_view::npos &&
                      gap.find_first_not_of("/.- ") == std::string_view::npos;
  return !joined || scan.token(i - 1).exact.size() == 4;
}

std::optional<DateSpan> date_at(const DocScan& scan, std::size_t i) {
  // parse_date reads this many bytes: "ngày 30 tháng 10 năm 2023" and more.
  constexpr std::size_t kDateReach = 80;
  constexpr std::size_t kMaxDateTokens = 8;  // ngày 30 tháng 10 năm 2023
  if (i >= scan.size() || !(scan.is_number(i) || scan.word(i) == "ngay")) return std::nullopt;
  std::string iso = parse_date(scan.text().substr(scan.start_of(i), kDateReach));
  if (iso.empty()) return std::nullopt;
  const std::string year = iso.substr(0, 4);
  for (std::size_t k = i; k < scan.size() && k < i + kMaxDateTokens; ++k) {
    if (scan.is_number(k) && scan.word(k) == year) return DateSpan{std::move(iso), k + 1};
  }
  return std::nullopt;
}

namespace {

// "hằng quý", "hàng tháng"; "6 tháng" only after "định kỳ" (alone it is a
// semiannual report's name, "báo cáo 6 tháng").
const PhraseList& recurrences() {
  static const PhraseList list =
      phrases({"hang tuan", "hang thang", "hang quy", "hang nam"});
  return list;
}

const PhraseList& periodic_recurrences() {
  static const PhraseList list =
      phrases({"hang tuan", "hang thang", "hang quy", "hang nam", "6 thang", "quy", "thang", "nam"});
  return list;
}

// "trước ngày 15/12" without a year: the day and month numbers after i.
std::size_t day_month_end(const DocScan& scan, std::size_t i) {
  std::size_t e = i;
  while (e < scan.size() && e < i + 2 && scan.is_number(e)) ++e;
  return e;
}

// "trước [ngày] DATE", "chậm nhất [là] [ngày] DATE", "trước ngày 15 hằng
// tháng", "trước ngày 15/12".
std::optional<DeadlineSpan> before_date(const DocScan& scan, std::size_t i) {
  static const PhraseList kLeads = phrases({"truoc", "cham nhat", "cham nhat la"});
  const std::size_t lead = scan.match(i, kLeads);
  if (lead == 0 || i + lead >= scan.size()) return std::nullopt;
  std::size_t k = i + lead;
  if (auto date = date_at(scan, k)) {
    const bool full = date->iso.size() == 10;
    return DeadlineSpan{{scan.printed(i, date->end), full ? date->iso : ""}, date->end};
  }
  if (scan.word(k) != "ngay" || k + 1 >= scan.size() || !scan.is_number(k + 1)) return std::nullopt;
  k = day_month_end(scan, k + 1);
  if (const std::size_t r = scan.match(k, recurrences())) k += r;
  return DeadlineSpan{{scan.printed(i, k), ""}, k};
}

// "định kỳ hằng quý", "hằng tháng", "định kỳ 6 tháng".
std::optional<DeadlineSpan> recurring(const DocScan& scan, std::size_t i) {
  static const Phrase kPeriodic = phrases({"dinh ky"})[0];
  const bool periodic = scan.match(i, kPeriodic);
  const std::size_t k = i + (periodic ? 2 : 0);
  const std::size_t r = scan.match(k, periodic ? periodic_recurrences() : recurrences());
  if (r == 0) return std::nullopt;
  return DeadlineSpan{{scan.printed(i, k + r), ""}, k + r};
}

}  // namespace

std::optional<DeadlineSpan> deadline_at(const DocScan& scan, std::size_t i) {
  if (i >= scan.size() || scan.foreign(i)) return std::nullopt;
  if (auto d = before_date(scan, i)) return d;
  return recurring(scan, i);
}

Deadline find_deadline(const DocScan& scan, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < last && i < scan.size(); ++i) {
    if (auto d = deadline_at(scan, i)) return d->deadline;
  }
  return {};
}

const PhraseList& task_verbs() {
  static const PhraseList list = phrases(
      {"chu tri", "phoi hop", "trien khai", "to chuc", "thuc hien", "co trach nhiem",
       "chiu trach nhiem", "cu the hoa", "xay dung", "huong dan", "tham muu", "theo doi",
       "kiem tra", "bao cao", "day manh", "tang cuong", "tuyen truyen", "ra soat", "don doc",
       "giup", "lua chon", "de xuat", "van dong", "quan triet", "chi dao", "bo tri", "dam bao",
       "bao dam", "pho bien", "nghien cuu", "ho tro", "tap trung", "phat dong", "tong hop",
       "danh gia", "gui", "xem xet", "phat huy", "ban hanh", "huong ung", "tich cuc",
       "chu dong", "khan truong", "kip thoi", "thuong xuyen", "can", "phai", "tiep tuc",
       "dang ky", "giam sat", "thanh lap", "cung cap", "duy tri", "nang cao", "quan ly",
       "tham gia", "chuan bi", "tien hanh", "nam bat", "sap xep", "tao dieu kien",
       "lam tot", "co ke hoach", "tham dinh", "boi duong", "dua tin", "phan anh", "ap dung",
       "xu ly", "som", "tam dung", "tiep thu", "lap", "kiem soat", "thong bao", "giai quyet",
       "huy dong", "uu tien", "hoan thanh", "hoan thien", "sua doi", "bo sung", "rut kinh nghiem",
       "chi ro", "nhan manh", "cho biet", "de nghi", "yeu cau", "ra soat"});
  return list;
}

namespace {

// Words that open a predicate before its verb: "không để", "hằng năm
// phải", "nghiêm túc thực hiện", "cùng ...". Exact: folded, "vẫn" would be
// "Văn" (phòng).
const PhraseList& predicate_openers() {
  static const PhraseList list = exact_phrases(
      {"không", "hằng năm", "hàng năm", "nghiêm túc", "cùng", "cũng", "đều", "sẽ", "đã", "vẫn",
       "luôn"});
  return list;
}

}  // namespace

std::size_t predicate_at(const DocScan& scan, std::size_t i) {
  return std::max(scan.match(i, task_verbs()), scan.match_exact(i, predicate_openers()));
}

namespace {

const PhraseList& organization_nouns() {
  static const PhraseList list = phrases(
      {"so", "ban", "nganh", "phong", "don vi", "uy ban", "ubnd", "hdnd", "hoi dong", "van phong",
       "co quan", "to chuc", "doan the", "bo", "cuc", "chi cuc", "trung tam", "truong", "bao",
       "dai", "cong an", "quan su", "huyen", "xa", "thanh pho", "thi xa", "phuong", "tinh",
       "doanh nghiep", "hoi", "lien doan", "mat tran", "mttq", "dang uy", "chi bo", "tinh uy",
       "huyen uy", "thanh uy", "cong doan", "doan", "khoi", "thanh vien", "lanh dao",
       "giam doc", "chu tich", "thu truong", "tdkt", "vien", "hoc vien", "ngan hang",
       "cong ty", "tong cong ty", "bo chi huy", "ban chi huy", "ubmttq", "quoc hoi", "chinh phu",
       "thu tuong", "bo chinh tri", "thuong truc", "thuong vu", "ban chi dao", "ban thuong vu"});
  return list;
}

}  // namespace

bool organization_noun_at(const DocScan& scan, std::size_t i) {
  return scan.match(i, organization_nouns()) > 0;
}

namespace {

bool quantifier(const DocScan& scan, std::size_t i) {
  const std::string& w = scan.word(i);
  return w == "cac" || w == "nhung" || w == "moi" || w == "tung" || w == "toan";
}

}  // namespace

std::size_t organization_end(const DocScan& scan, std::size_t i, std::size_t limit) {
  // Measured on the seeds and baomoi plans: assignees run up to 15
  // syllables ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức ...").
  constexpr std::size_t kMaxOrganizationTokens = 20;
  if (i >= limit || !scan.is_word(i) || (!scan.upper(i) && !quantifier(scan, i))) return i;
  if (predicate_at(scan, i) > 0) return i;  // "Tăng cường ...": a task, no one named
  bool noun = false;
  for (std::size_t j = i; j < limit && j - i < kMaxOrganizationTokens; ++j) {
    if (scan.foreign(j)) return i;
    // A verb after a quantifier is a noun ("các tổ chức"); a capitalized
    // one after a capital names a department ("Sở Xây dựng").
    const bool named = j > i && scan.upper(j) && scan.upper(j - 1);
    if (j > i && !quantifier(scan, j - 1) && !named && predicate_at(scan, j) > 0) {
      return noun ? j : i;
    }
    noun = noun || organization_noun_at(scan, j);
    // "Sở Nội vụ:" names the one whose tasks follow, on its line or below.
    if (scan.break_after(j) >= Break::kColon) {
      return noun && scan.gap_after(j).find(':') != std::string_view::npos ? j + 1 : i;
    }
  }
  return i;
}

std::string home_for(const DocScan& scan, const ContentsOptions& options) {
  if (std::string home = home_department(options.issuer); !home.empty()) return home;
  std::map<std::string, int> counts;
  std::string best;
  for (std::size_t i = 0; i + 1 < scan.size(); ++i) {
    if (scan.token(i).exact != "sở" || scan.foreign(i)) continue;
    const std::size_t e = department_name_end(scan.text(), scan.tokens(), i);
    if (e == i) continue;
    const std::string name = scan.printed(i, e);
    if (++counts[name] > counts[best]) best = name;
  }
  return best;
}

}  // namespace vanban::text::contents_detail
