// Rewards: a named award after a giving or receiving verb ("được tặng Cờ
// thi đua xuất sắc của Ủy ban nhân dân tỉnh", "trao giấy khen cho ..."),
// and generic commendations in a promise frame ("xem xét biểu dương, khen
// thưởng", "đề nghị cấp trên khen thưởng", "Kết thúc phong trào ..., biểu
// dương, tôn vinh ...") or reported as done ("đã khen thưởng").
#include <algorithm>

#include "text/award.h"
#include "text/contents_internal.h"

namespace vanban::text::contents_detail {
namespace {

// Measured on the seeds and baomoi results articles: a form stands up to 8
// syllables after its verb ("được tặng Cờ thi đua xuất sắc của Ủy ban nhân
// dân tỉnh, Cờ thi đua ..."); qualifiers run to 5 ("Huân chương Lao động
// hạng Ba"); a body to 10; a giver before its verb to 12.
constexpr std::size_t kVerbReach = 8;
constexpr std::size_t kMaxQualifierTokens = 5;
constexpr std::size_t kMaxBodyTokens = 10;
constexpr std::size_t kMaxGiverTokens = 12;
constexpr std::size_t kMaxSentenceTokens = 200;

// Exact spellings: "tặng" (give), not "tăng" (increase). Giving verbs
// have the giver as their subject; receiving ones the receiver.
const PhraseList& giving_verbs() {
  static const PhraseList list = exact_phrases(
      {"tặng", "trao", "trao tặng", "truy tặng", "phong tặng", "xét tặng", "công nhận",
       "khen thưởng", "bình xét"});
  return list;
}

const PhraseList& receiving_verbs() {
  static const PhraseList list = exact_phrases({"nhận", "đón nhận", "đạt", "đoạt"});
  return list;
}

// The verb phrase of either list that starts at token k; 0 if none.
std::size_t award_verb_at(const DocScan& scan, std::size_t k) {
  return std::max(scan.match_exact(k, giving_verbs()), scan.match_exact(k, receiving_verbs()));
}

const PhraseList& commendations() {
  static const PhraseList list = exact_phrases({"khen thưởng", "biểu dương", "tôn vinh"});
  return list;
}

// "khen thưởng" as the name of a field or body: "công tác thi đua, khen
// thưởng", "Hội đồng Thi đua - Khen thưởng", "hình thức khen thưởng".
bool field_name(const DocScan& scan, std::size_t i) {
  static const PhraseList kBefore = exact_phrases(
      {"công tác", "hình thức", "hồ sơ", "hội đồng", "ban", "luật", "quỹ", "chế độ", "chính sách",
       "mức", "tiêu chuẩn", "đối tượng", "nghiệp vụ", "quy chế", "quy định"});
  static const Phrase kEmulation = {"thi", "đua"};
  if (phrase_before(scan, i, kBefore, true)) return true;
  return i >= 2 && scan.token(i - 2).exact == kEmulation[0] && scan.token(i - 1).exact == kEmulation[1] &&
         scan.break_after(i - 1) <= Break::kComma && scan.break_after(i - 2) == Break::kNone;
}

bool any_in(const DocScan& scan, std::size_t first, std::size_t last, const PhraseList& list) {
  for (std::size_t k = first; k < last; ++k) {
    if (scan.match(k, list)) return true;
  }
  return false;
}

const PhraseList& aim_marks() {
  static const PhraseList list = phrases({"phan dau"});
  return list;
}

const PhraseList& past_marks() {
  static const PhraseList list = phrases({"da", "vua", "vinh du"});
  return list;
}

// The emulation council named in the sentence: "Hội đồng Thi đua, khen
// thưởng Sở", "Hội đồng Thi đua - Khen thưởng tỉnh". "" if none.
std::string council_in(const DocScan& scan, std::size_t first, std::size_t last) {
  static const Phrase kCouncil = {"hoi", "dong", "thi", "dua", "khen", "thuong"};
  static const PhraseList kLevels = phrases({"tinh", "huyen", "so", "bo", "nganh", "xa", "co so"});
  for (std::size_t i = first; i + kCouncil.size() <= last; ++i) {
    bool match = true;
    for (std::size_t k = 0; k < kCouncil.size() && match; ++k) {
      match = scan.word(i + k) == kCouncil[k] &&
              (k + 1 == kCouncil.size() || scan.break_after(i + k) <= Break::kComma);
    }
    if (!match) continue;
    std::size_t e = i + kCouncil.size();
    while (e < last && e - i < kCouncil.size() + 3 && scan.break_after(e - 1) == Break::kNone &&
           (scan.upper(e) || scan.match(e, kLevels))) {
      ++e;
    }
    return scan.printed(i, e);
  }
  return {};
}

// Tokens after a form that qualify it ("xuất sắc", "Lao động hạng Ba").
std::size_t qualifiers_end(const DocScan& scan, std::size_t e) {
  static const PhraseList kStops = phrases(
      {"cua", "cho", "vi", "do", "va", "da", "nham", "tai", "trong", "nam", "ve", "den", "theo",
       "duoc", "la", "voi"});
  const std::size_t from = e;
  while (e < scan.size() && e - from < kMaxQualifierTokens && scan.break_after(e - 1) == Break::kNone &&
         scan.is_word(e) && !scan.foreign(e) && !scan.match(e, kStops)) {
    ++e;
  }
  return e;
}

// "... của Ủy ban nhân dân tỉnh": the body after "của" at token e.
std::string body_after(const DocScan& scan, std::size_t e, std::size_t& end) {
  static const PhraseList kStops = phrases({"cho", "vi", "nam", "ve", "nham", "da", "dat"});
  static const PhraseList kGive = exact_phrases({"tặng", "trao"});
  end = e;
  if (e >= scan.size() || scan.word(e) != "cua" || scan.break_after(e - 1) != Break::kNone) return {};
  std::size_t k = e + 1;
  while (k < scan.size() && k - e <= kMaxBodyTokens && !scan.match(k, kStops) &&
         !scan.match_exact(k, kGive)) {
    // "... của Thủ tướng Chính phủ và Huân chương ...": the next award.
    if (scan.word(k) == "va" && award_form_at(scan.tokens(), k + 1).length > 0) break;
    if (scan.break_after(k++) >= Break::kComma) break;
  }
  end = k;
  return scan.printed(e + 1, k);
}

// The giver before an active verb at `verb` ("Hội nghị đã tặng", "Đồng chí
// Hoàng Hà Bắc – Giám đốc Sở trao"): the clause's capitalized start.
std::string giver_before(const DocScan& scan, std::size_t verb) {
  static const PhraseList kAux = phrases({"da", "vua", "se", "duoc", "tien hanh", "to chuc"});
  const std::size_t first = scan.run_start(verb, Break::kComma, kMaxGiverTokens + 1);
  if (first >= verb || verb - first > kMaxGiverTokens || !scan.upper(first)) return {};
  std::size_t last = verb;
  while (last > first && phrase_before(scan, last, kAux)) --last;
  if (last > first && scan.word(last - 1) == "duoc") return {};  // passive: the receiver
  if (last < verb && scan.word(last) == "duoc") return {};
  return scan.printed(first, last);
}

struct Sentence {
  std::size_t first, last;
};

Sentence sentence_of(const DocScan& scan, std::size_t i) {
  return {scan.run_start(i, Break::kSentence, kMaxSentenceTokens),
          scan.run_end(i, Break::kSentence, kMaxSentenceTokens)};
}

// A promise frame before a commendation at i: "xét", "xem xét", "sẽ",
// "đề nghị/đề xuất [X]" right before it, or a sentence that opens "Kết
// thúc ...". `proposer_body` gets X; `frame` the first token of a frame
// right before i (i otherwise).
bool promised(const DocScan& scan, std::size_t i, const Sentence& s, std::string& proposer_body,
              std::size_t& frame) {
  static const PhraseList kConsider = exact_phrases({"xét", "xem xét"});
  static const PhraseList kPropose = phrases({"de nghi", "de xuat"});
  // "hồ sơ đề nghị khen thưởng": the paper, not a proposal made.
  static const PhraseList kPapers = phrases({"ho so", "van ban", "to trinh", "danh sach"});
  static const PhraseList kWill = phrases({"se"});
  static const PhraseList kClosing =
      phrases({"ket thuc", "sau khi ket thuc", "khi ket thuc", "tong ket"});
  constexpr std::size_t kMaxProposedTo = 6;  // "đề nghị cơ quan có thẩm quyền khen thưởng"
  frame = i;
  // "xét tặng", "bình xét": the verb itself considers.
  static const PhraseList kConsidering = exact_phrases({"xét tặng", "bình xét"});
  if (scan.match_exact(i, kConsidering)) return true;
  if (phrase_before(scan, i, kConsider, true)) {
    frame = i - (scan.token(i - 1).exact == "xét" && i >= 2 && scan.token(i - 2).exact == "xem" ? 2 : 1);
    return true;
  }
  for (std::size_t k = i; k > s.first && i - k <= kMaxProposedTo; --k) {
    if (scan.break_after(k - 1) != Break::kNone) break;
    if (phrase_before(scan, k, kPropose)) {
      const std::size_t verb = k - kPropose[0].size();
      if (phrase_before(scan, verb, kPapers)) return false;
      proposer_body = scan.printed(k, i);
      frame = verb;
      return true;
    }
  }
  const std::size_t clause = scan.run_start(i, Break::kClause, kMaxSentenceTokens);
  return any_in(scan, clause, i, kWill) || scan.match(s.first, kClosing) > 0;
}

// The giving or receiving verb of a form at i, within kVerbReach tokens
// of its clause; i if none.
std::size_t verb_before(const DocScan& scan, std::size_t i) {
  const std::size_t clause = scan.run_start(i, Break::kClause, kMaxSentenceTokens);
  for (std::size_t k = i; k > clause && i - k < kVerbReach; --k) {
    if (award_verb_at(scan, k - 1) == 0) continue;
    // "trao tặng", "phong tặng": the phrase starts one word earlier.
    return k >= 2 && award_verb_at(scan, k - 2) == 2 ? k - 2 : k - 1;
  }
  return i;
}

// The last giver read before a verb, and its sentence: a later "và tặng
// giấy khen cho ..." in that sentence has the same giver.
struct LastGiver {
  std::size_t sentence = static_cast<std::size_t>(-1);
  std::string name;
};

// `verb`: the form's verb, or that of the form listed before it ("tặng Cờ
// thi đua ... của UBND tỉnh, Cờ thi đua ... của Bộ Công Thương").
std::optional<Reward> form_reward_at(const DocScan& scan, std::size_t i, const AwardForm& form,
                                     std::size_t verb, LastGiver& giver) {
  const std::size_t clause = scan.run_start(i, Break::kClause, kMaxSentenceTokens);
  if (verb == i) return std::nullopt;
  const Sentence s = sentence_of(scan, i);
  Reward r;
  r.form = std::string(form.name);
  std::size_t q = qualifiers_end(scan, i + form.length);
  // "danh hiệu “Chiến sĩ thi đua cơ sở”": the quoted title names the award.
  if (form.generic && q == i + form.length && q < scan.size() && scan.in_quote(q)) {
    const AwardForm titled = award_form_at(scan.tokens(), q);
    if (titled.length > 0) r.form = std::string(titled.name);
    while (q < scan.size() && scan.in_quote(q) && (q == i + form.length || scan.break_after(q - 1) == Break::kNone)) ++q;
  }
  r.form_text = scan.printed(i, q);
  std::size_t end = q;
  r.body = body_after(scan, q, end);
  std::string proposer;
  std::size_t frame = verb;
  if (any_in(scan, clause, i, past_marks())) {
    r.status = RewardStatus::kAwarded;
  } else if (any_in(scan, s.first, i, aim_marks())) {
    r.status = RewardStatus::kSought;
  } else if (promised(scan, verb, s, proposer, frame)) {
    r.status = RewardStatus::kPromised;
  } else {
    r.status = RewardStatus::kAwarded;  // a giving verb with no promise: an event reported
  }
  if (r.body.empty()) r.body = proposer;
  const bool giving = scan.match_exact(verb, giving_verbs()) > 0;
  if (r.body.empty() && r.status == RewardStatus::kAwarded && giving) {
    r.body = giver_before(scan, verb);
    if (!r.body.empty()) {
      giver = {s.first, r.body};
    } else if (giver.sentence == s.first) {
      r.body = giver.name;
    }
  }
  const std::size_t first = i - verb <= kVerbReach ? std::min(frame, verb) : i;
  r.start = scan.start_of(first);
  r.end = scan.span_end(first, std::max(end, q));
  return r;
}

// A run of commendations from i ("biểu dương, khen thưởng"), not a field
// name; returns one past it, or i.
std::size_t commendation_run(const DocScan& scan, std::size_t i) {
  std::size_t e = i;
  while (e < scan.size() && !scan.foreign(e)) {
    const std::size_t n = scan.match_exact(e, commendations());
    if (n == 0 || (scan.word(e) == "khen" && field_name(scan, e))) break;
    e += n;
    if (scan.break_after(e - 1) > Break::kComma) break;
    if (e < scan.size() && scan.word(e) == "va" && scan.break_after(e) == Break::kNone &&
        scan.match_exact(e + 1, commendations())) {
      ++e;
    }
  }
  return e;
}

std::optional<Reward> commendation_at(const DocScan& scan, std::size_t i, std::size_t e) {
  const Sentence s = sentence_of(scan, i);
  const std::size_t clause = scan.run_start(i, Break::kClause, kMaxSentenceTokens);
  Reward r;
  r.form = "khen thưởng";
  r.form_text = scan.printed(i, e);
  std::string proposer;
  std::size_t frame = i;
  if (any_in(scan, clause, i, past_marks())) {
    r.status = RewardStatus::kAwarded;
    r.body = giver_before(scan, i);
  } else if (any_in(scan, s.first, i, aim_marks())) {
    r.status = RewardStatus::kSought;
  } else if (promised(scan, i, s, proposer, frame)) {
    r.status = RewardStatus::kPromised;
    r.body = proposer.empty() ? council_in(scan, s.first, s.last) : proposer;
  } else {
    return std::nullopt;  // a principle ("chú trọng khen thưởng người lao động")
  }
  r.start = scan.start_of(frame);
  r.end = scan.span_end(frame, e);
  return r;
}

bool form_in_clause(const DocScan& scan, const std::vector<std::size_t>& forms, std::size_t i) {
  const std::size_t first = scan.run_start(i, Break::kClause, kMaxSentenceTokens);
  const std::size_t last = scan.run_end(i, Break::kClause, kMaxSentenceTokens);
  return std::any_of(forms.begin(), forms.end(), [&](std::size_t f) { return f >= first && f < last; });
}

}  // namespace

std::vector<Reward> find_rewards(const DocScan& scan) {
  std::vector<Reward> out;
  std::vector<std::size_t> forms;  // token positions of named forms
  LastGiver giver;
  for (std::size_t i = 0; i < scan.size(); ++i) {
    if (scan.foreign(i)) continue;
    const AwardForm form = award_form_at(scan.tokens(), i);
    if (form.length == 0) continue;
    std::size_t verb = verb_before(scan, i);
    // Listed after the last award: ", Cờ thi đua ...", "và Huân chương ...".
    const std::size_t after_last = out.empty() ? scan.size() : scan.token_at(out.back().end);
    const bool listed = i > 0 && ((after_last == i && scan.break_after(i - 1) == Break::kComma) ||
                                  (after_last + 1 == i && scan.word(after_last) == "va"));
    if (verb == i && listed) verb = scan.token_at(out.back().start);
    if (auto r = form_reward_at(scan, i, form, verb, giver)) {
      forms.push_back(i);
      out.push_back(std::move(*r));
    }
    i += form.length - 1;
  }
  for (std::size_t i = 0; i < scan.size(); ++i) {
    if (scan.foreign(i)) continue;
    const std::size_t e = commendation_run(scan, i);
    if (e == i) continue;
    if (!form_in_clause(scan, forms, i)) {
      if (auto r = commendation_at(scan, i, e)) out.push_back(std::move(*r));
    }
    i = e - 1;
  }
  std::sort(out.begin(), out.end(), [](const Reward& a, const Reward& b) { return a.start < b.start; });
  return out;
}

}  // namespace vanban::text::contents_detail
