// Who is to do what ("c) Văn phòng Sở chủ trì hướng dẫn, ..."), and the
// reports a document requires ("báo cáo kết quả về Sở Nội vụ trước ngày
// ...").
#include <algorithm>

#include "text/contents_internal.h"
#include "text/letter_case.h"
#include "vanban/text/organization.h"

namespace vanban::text::contents_detail {
namespace {

// A task's sentence, read for its deadline: measured on the seeds' and
// baomoi's implementation items, which run up to 70 syllables.
constexpr std::size_t kMaxTaskSentenceTokens = 80;

// Words that hand a task to someone: "Giao Sở Nội vụ chủ trì ...",
// "Đề nghị UBND các huyện ...", "Yêu cầu các đơn vị ...".
const PhraseList& delegating_words() {
  static const PhraseList list = phrases({"giao", "de nghi", "yeu cau"});
  return list;
}

// "Căn cứ vào chức năng, nhiệm vụ được giao, các phòng, đơn vị ...": the
// organisation after a leading "Căn cứ ..." / "Trên cơ sở ..." clause.
std::size_t after_grounds(const DocScan& scan, std::size_t i, std::size_t last) {
  static const PhraseList kGrounds = phrases({"can cu", "tren co so", "theo"});
  if (scan.match(i, kGrounds) == 0) return i;
  for (std::size_t j = i + 1; j < last; ++j) {
    if (scan.break_after(j - 1) == Break::kComma && organization_end(scan, j, last) > j) return j;
    if (scan.break_after(j - 1) > Break::kComma) break;
  }
  return i;
}

std::optional<Assignment> assignment_from(const DocScan& scan, std::size_t org_first,
                                          std::size_t org_last, std::size_t task_first,
                                          const std::string& home) {
  if (org_first >= org_last || task_first >= scan.size()) return std::nullopt;
  const std::size_t task_last = first_clause_end(scan, task_first);
  Assignment a;
  a.assignee = as_printed(scan.printed(org_first, org_last), " :,");
  a.assignee_key = organization_key(a.assignee, home);
  a.task = as_printed(scan.printed(task_first, task_last), " ,;:.");
  if (a.task.empty()) return std::nullopt;
  const std::size_t sentence_end =
      scan.run_end(task_first, Break::kSentence, kMaxTaskSentenceTokens);
  a.deadline = find_deadline(scan, task_first, sentence_end);
  a.start = scan.start_of(std::min(org_first, task_first));
  a.end = scan.span_end(std::min(org_first, task_first), std::max(task_last, org_last));
  return a;
}

// One line of an implementation section.
std::optional<Assignment> assignment_in(const DocScan& scan, const Outline::TaskLine& line,
                                        const std::string& home) {
  const std::size_t first = scan.token_at(line.start);
  std::size_t last = first;
  while (last < scan.size() && scan.start_of(last) < line.end) ++last;
  if (first >= last) return std::nullopt;
  if (line.heading_end > line.heading_start) {  // "1. Sở Nội vụ:" above it
    const std::size_t h = scan.token_at(line.heading_start);
    std::size_t h_last = h;
    while (h_last < scan.size() && scan.start_of(h_last) < line.heading_end) ++h_last;
    return assignment_from(scan, h, h_last, first, home);
  }
  std::size_t org = after_grounds(scan, first, last);
  org += scan.match(org, delegating_words());
  const std::size_t org_end = organization_end(scan, org, last);
  if (org_end == org) return std::nullopt;
  return assignment_from(scan, org, org_end, org_end, home);
}

// "Giao Sở Nội vụ chủ trì ..." at the start of a clause anywhere.
std::optional<Assignment> delegation_at(const DocScan& scan, std::size_t i,
                                        const std::string& home) {
  if (scan.foreign(i) || (i > 0 && scan.break_after(i - 1) < Break::kComma)) return std::nullopt;
  const std::size_t n = scan.match(i, delegating_words());
  if (n == 0) return std::nullopt;
  const std::size_t limit = scan.run_end(i, Break::kClause, kMaxTaskSentenceTokens);
  const std::size_t org_end = organization_end(scan, i + n, limit);
  if (org_end == i + n) return std::nullopt;
  return assignment_from(scan, i + n, org_end, org_end, home);
}

}  // namespace

std::vector<Assignment> find_assignments(const DocScan& scan, const Outline& outline,
                                         const std::string& home) {
  std::vector<Assignment> out;
  for (const Outline::TaskLine& line : outline.task_lines) {
    if (auto a = assignment_in(scan, line, home)) out.push_back(std::move(*a));
  }
  const auto covered = [&](std::size_t pos) {
    return std::any_of(outline.task_lines.begin(), outline.task_lines.end(),
                       [&](const Outline::TaskLine& l) { return pos >= l.start && pos < l.end; });
  };
  for (std::size_t i = 0; i < scan.size(); ++i) {
    if (covered(scan.start_of(i))) continue;
    if (auto a = delegation_at(scan, i, home)) {
      i = scan.token_at(a->end);
      out.push_back(std::move(*a));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Assignment& a, const Assignment& b) { return a.start < b.start; });
  return out;
}

namespace {

// Words before "báo cáo" that make it a report heard, cited or counted,
// not one to make: "nghe báo cáo", "theo báo cáo", "các báo cáo", "hoàn
// chỉnh báo cáo".
const PhraseList& report_nouns_before() {
  static const PhraseList list =
      phrases({"nghe", "theo", "cac", "nhung", "mot", "ban", "tai", "trong", "qua", "nhan",
               "hoan chinh", "xay dung", "chuan bi", "soan thao", "du thao", "trinh"});
  return list;
}

// ... and after it: "báo cáo viên", "báo cáo tham luận", "báo cáo cho
// biết", "báo cáo của ...", "báo cáo ngày ...".
const PhraseList& report_nouns_after() {
  static const PhraseList list =
      phrases({"vien", "tham luan", "cho biet", "cho rang", "chinh tri", "nay", "tai chinh", "cua",
               "ngay", "thang", "nam", "so ket", "tong ket", "danh gia tac dong"});
  return list;
}

// Words in the clause before "báo cáo" that make it a duty.
const PhraseList& obligations() {
  static const PhraseList list =
      phrases({"phai", "co trach nhiem", "yeu cau", "de nghi", "giao", "tong hop", "dinh ky",
               "kip thoi", "gui", "thuc hien che do"});
  return list;
}

// Where a recipient's name starts if one starts at token i: after "về",
// "lên", "cho", "gửi", "đến" when a capital or "cấp trên" follows, or at i
// itself right after the verb ("báo cáo UBND tỉnh kết quả ...").
std::optional<std::size_t> recipient_at(const DocScan& scan, std::size_t i, bool right_after_verb) {
  static const PhraseList kTo = phrases({"ve", "len", "cho", "gui", "gui ve", "den"});
  static const Phrase kAbove = phrases({"cap tren"})[0];
  if (i >= scan.size()) return std::nullopt;
  if (right_after_verb && scan.upper(i) && organization_noun_at(scan, i)) return i;
  const std::size_t n = scan.match(i, kTo);
  if (n == 0 || i + n >= scan.size() || scan.break_after(i + n - 1) != Break::kNone) return std::nullopt;
  const std::size_t r = i + n;
  if (scan.upper(r) || scan.match(r, kAbove)) return r;
  return std::nullopt;
}

// The recipient's tokens from r: to a comma, a deadline, or a word that
// starts another part ("để", "theo", "trước", the subject's head "kết
// quả", "và" before a lower-case word; "Sở Lao động - Thương binh và Xã
// hội" keeps its "và").
std::size_t recipient_end(const DocScan& scan, std::size_t r, std::size_t limit) {
  static const PhraseList kStops =
      phrases({"de", "theo", "truoc", "nham", "dong thoi", "ket qua", "tinh hinh", "viec",
               "so lieu", "danh sach", "tien do", "noi dung"});
  constexpr std::size_t kMaxRecipientTokens = 16;  // "Sở Nội vụ (qua Ban Thi đua - Khen thưởng)"
  std::size_t k = r;
  while (k < limit && k - r < kMaxRecipientTokens && !scan.foreign(k)) {
    const bool joins = scan.word(k) == "va" && (k + 1 >= limit || !scan.upper(k + 1));
    if (k > r && (joins || scan.match(k, kStops) || deadline_at(scan, k))) break;
    if (scan.break_after(k++) >= Break::kComma) break;
  }
  return k;
}

bool report_verb_at(const DocScan& scan, std::size_t i) {
  static const Phrase kReport = {"bao", "cao"};
  static const PhraseList kPast = phrases({"da", "vua", "da duoc"});
  if (scan.foreign(i) || !scan.match(i, kReport)) return false;
  // "BÁO CÁO TÌNH HÌNH ...": a form's title; "Báo cáo: ...": a label.
  const std::string_view word = scan.text().substr(scan.start_of(i), scan.token(i).end - scan.start_of(i));
  if (all_upper(word) || scan.break_after(i + 1) == Break::kColon) return false;
  if (phrase_before(scan, i, report_nouns_before())) return false;
  // "Báo cáo số 12/BC-UBND", "báo cáo 325-BC/TU": a document.
  const auto document_number = [&](std::size_t k) {
    return k < scan.size() && !scan.is_word(k) && scan.break_after(k - 1) == Break::kNone;
  };
  if (scan.match(i + 2, report_nouns_after()) || document_number(i + 2) ||
      (i + 2 < scan.size() && scan.word(i + 2) == "so" && document_number(i + 3))) {
    return false;
  }
  const std::size_t clause = scan.run_start(i, Break::kComma, kMaxTaskSentenceTokens);
  for (std::size_t k = clause; k < i; ++k) {
    if (scan.match(k, kPast)) return false;
  }
  return true;
}

bool obliged(const DocScan& scan, std::size_t i) {
  const std::size_t clause = scan.run_start(i, Break::kClause, kMaxTaskSentenceTokens);
  for (std::size_t k = clause; k < i; ++k) {
    if (scan.match(k, obligations())) return true;
  }
  return false;
}

// The recipient and the deadline after a report's subject, in either
// order ("về Sở Nội vụ trước ngày ...", "định kỳ hằng quý về UBND tỉnh");
// returns one past the last token read.
std::size_t read_recipient_and_deadline(const DocScan& scan, std::size_t k, std::size_t limit,
                                        bool right_after_verb, const std::string& home,
                                        ReportDuty& r) {
  std::size_t last = k;
  for (int part = 0; part < 2 && last < limit; ++part) {
    const auto to = recipient_at(scan, last, right_after_verb && last == k);
    if (to && r.recipient.empty()) {
      last = recipient_end(scan, *to, limit);
      r.recipient = as_printed(scan.printed(*to, last), " ,;:.");
      r.recipient_key = organization_key(r.recipient, home);
    } else if (auto found = deadline_at(scan, last); found && r.deadline.text.empty()) {
      r.deadline = found->deadline;
      last = found->end;
    } else {
      break;
    }
  }
  return last;
}

// A deadline later in the clause, when none stood by the recipient:
// returns one past it, or `from`.
std::size_t read_later_deadline(const DocScan& scan, std::size_t from, std::size_t limit,
                                ReportDuty& r) {
  if (!r.deadline.text.empty()) return from;
  for (std::size_t d = from; d < limit; ++d) {
    if (auto found = deadline_at(scan, d)) {
      r.deadline = found->deadline;
      return found->end;
    }
  }
  return from;
}

// What is to be reported, from token k: to a recipient, a deadline, a
// manner ("theo quy định"), a clause mark, or kMaxWhatTokens.
std::size_t subject_end(const DocScan& scan, std::size_t k, std::size_t limit) {
  constexpr std::size_t kMaxWhatTokens = 24;  // "kết quả thực hiện ... trong toàn ngành"
  static const PhraseList kManner =
      phrases({"theo quy dinh", "theo yeu cau", "theo huong dan", "dung quy dinh"});
  const std::size_t from = k;
  while (k < limit && k - from < kMaxWhatTokens && !recipient_at(scan, k, false) &&
         !deadline_at(scan, k) && !scan.match(k, kManner) && !scan.foreign(k)) {
    if (scan.break_after(k++) >= Break::kColon) break;
  }
  return k;
}

// The report whose verb is at token i; nullopt unless it is a duty: it
// names a recipient or a deadline, or it is part of an assigned task
// (`assigned`) whose clause obliges it ("tổng hợp báo cáo ...").
std::optional<ReportDuty> report_at(const DocScan& scan, std::size_t i, bool assigned,
                                    const std::string& home) {
  if (!report_verb_at(scan, i)) return std::nullopt;
  const std::size_t limit = scan.run_end(i, Break::kClause, kMaxTaskSentenceTokens);
  const std::size_t after_verb = i + 2;
  ReportDuty r;
  std::size_t what_first = after_verb, what_last = after_verb, last = after_verb;
  if (recipient_at(scan, after_verb, true) == after_verb) {
    // "báo cáo UBND tỉnh kết quả thực hiện": the recipient comes first.
    what_first = read_recipient_and_deadline(scan, after_verb, limit, true, home, r);
    what_last = subject_end(scan, what_first, limit);
    last = std::max(what_first, what_last);
  } else {
    what_last = subject_end(scan, after_verb, limit);
    last = read_recipient_and_deadline(scan, what_last, limit, false, home, r);
  }
  r.what = as_printed(scan.printed(what_first, what_last), " ,;:.");
  last = read_later_deadline(scan, last, limit, r);
  // "Báo cáo ... cho thấy": at a sentence's start the word is usually the
  // noun; as an order it names where it goes or a date it is due.
  if (scan.upper(i) && recipient_at(scan, what_last, false) == std::nullopt &&
      r.deadline.date.empty() && !(assigned && obliged(scan, i))) {
    return std::nullopt;
  }
  if (r.recipient.empty() && r.deadline.text.empty() && !(assigned && obliged(scan, i))) {
    return std::nullopt;
  }
  r.start = scan.start_of(i);
  r.end = scan.span_end(i, std::max(last, after_verb));
  return r;
}

}  // namespace

std::vector<ReportDuty> find_reports(const DocScan& scan, const std::vector<Assignment>& assignments,
                                     const std::string& home) {
  std::vector<ReportDuty> out;
  for (std::size_t i = 0; i + 1 < scan.size(); ++i) {
    const std::size_t at = scan.start_of(i);
    const bool assigned = std::any_of(assignments.begin(), assignments.end(), [&](const Assignment& a) {
      return at >= a.start && at < a.end;
    });
    if (auto r = report_at(scan, i, assigned, home)) {
      i = std::max(i + 1, scan.token_at(r->end) - 1);
      out.push_back(std::move(*r));
    }
  }
  return out;
}

}  // namespace vanban::text::contents_detail
