#include "vanban/text/citation.h"

#include <algorithm>
#include <map>
#include <optional>

#include "text/token_match.h"
#include "vanban/text/chars.h"
#include "vanban/text/date.h"
#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

// A subject clause longer than this is cut at a word boundary: the longest
// "về ..." / "quy định ..." clauses of the phapluat8 dev split are about
// 450 bytes; quoted titles are limited the same way.
constexpr std::size_t kMaxSubjectBytes = 600;
// An issuer read word by word (not from the table) has at most this many
// words: "Ban Chấp hành Đảng bộ tỉnh" has 6, "Khối tham mưu quản lý nhà
// nước" 7.
constexpr std::size_t kMaxIssuerWords = 8;
// A parenthetical right after a symbol that is skipped ("(khoá XI)") has at
// most this many bytes.
constexpr std::size_t kMaxSkippedParenthetical = 40;
// Attributes (date, issuer, parenthetical) read after a symbol.
constexpr int kMaxAttributes = 4;
// A law's name between "Luật" and "số" has at most this many words
// ("Luật Thuế giá trị gia tăng số 48/2024/QH15" has 5).
constexpr std::size_t kMaxLawNameWords = 10;

// A phrase folded syllable by syllable, as the tokenizer folds it ("Quy"
// -> "qui"), with the name it stands for.
struct Phrase {
  std::vector<std::string> folded;
  std::string_view name;
};

// Folded phrases for `names`, longest first so the longest match wins
// ("thông tư liên tịch" over "thông tư").
std::vector<Phrase> phrases_of(const std::vector<std::string_view>& names) {
  std::vector<Phrase> out;
  for (std::string_view name : names) out.push_back({folded_syllables(name), name});
  std::stable_sort(out.begin(), out.end(), [](const Phrase& a, const Phrase& b) {
    return a.folded.size() > b.folded.size();
  });
  return out;
}

const std::vector<Phrase>& type_words() {
  static const std::vector<Phrase> words = phrases_of(document_type_names());
  return words;
}

const std::vector<Phrase>& issuer_phrases() {
  static const std::vector<Phrase> names = phrases_of(issuer_names());
  return names;
}

// Offices whose holder signs for the body: "Bộ trưởng Bộ Tài chính".
const std::vector<Phrase>& office_titles() {
  static const std::vector<Phrase> titles = phrases_of(
      {"Bộ trưởng", "Thủ trưởng", "Chủ tịch", "Thống đốc", "Tổng Kiểm toán", "Chánh án",
       "Viện trưởng", "Tổng Thanh tra"});
  return titles;
}

// The text between two offsets ("" when they are out of order).
std::string_view gap(std::string_view text, std::size_t from, std::size_t to) {
  return from <= to ? text.substr(from, to - from) : std::string_view{};
}

// Spaces and at most one line break: words of one phrase that PDF
// extraction wrapped ("của Thủ \ntướng Chính phủ").
bool soft_gap(std::string_view g) {
  return is_blank(g, true) && std::count(g.begin(), g.end(), '\n') <= 1;
}

// Gap that holds nothing but spaces (one line break at most), '*'
// emphasis, and at most one of `allowed`.
bool gap_is(std::string_view s, std::string_view allowed) {
  int seen = 0;
  int breaks = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = space_at(s, i, true)) {
      breaks += s[i] == '\n';
      i += n;
      continue;
    }
    const char c = s[i++];
    if (c == '*') continue;
    if (allowed.find(c) == std::string_view::npos || ++seen > 1) return false;
  }
  return breaks <= 1;
}

// The value of an ASCII-digit number token; -1 for anything else (other
// scripts' digits, too many digits).
int number_value(const Token& t) {
  if (t.exact.empty() || t.exact.size() > 6) return -1;
  int v = 0;
  for (const char c : t.exact) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Tokens matched by `p` starting at token i, words joined by soft gaps or
// a dash ("Lao động - Thương binh"); 0 if it does not match.
std::size_t match_phrase(std::string_view text, const std::vector<Token>& t, std::size_t i,
                         const Phrase& p) {
  const std::size_t len = p.folded.size();
  if (len == 0 || i + len > t.size()) return 0;
  for (std::size_t k = 0; k < len; ++k) {
    const Token& tok = t[i + k];
    if (tok.kind != TokenKind::kWord || tok.folded != p.folded[k]) return 0;
    if (k > 0 && !gap_is(gap(text, t[i + k - 1].end, tok.start), "-,")) return 0;
  }
  return len;
}

// The longest phrase of `table` starting at token i: its length in tokens.
std::size_t match_any(std::string_view text, const std::vector<Token>& t, std::size_t i,
                      const std::vector<Phrase>& table) {
  for (const Phrase& p : table) {
    if (const std::size_t len = match_phrase(text, t, i, p)) return len;
  }
  return 0;
}

// Parses a date starting at token i ("ngày" optional): "ngày 07/4/2014",
// "07-4-2014", "ngày 07 tháng 4 năm 2014", "ngày tháng 5 năm 2023".
// Returns the ISO date and sets *next to the token after it.
std::string numeric_date_at(std::string_view text, const std::vector<Token>& t, std::size_t i,
                            std::size_t* next) {
  auto number = [&](std::size_t k) { return k < t.size() && number_value(t[k]) >= 0; };
  if (!(number(i) && number(i + 1) && number(i + 2) && t[i + 2].exact.size() == 4 &&
        t[i].exact.size() <= 2 && t[i + 1].exact.size() <= 2)) {
    return {};
  }
  const std::string_view g1 = gap(text, t[i].end, t[i + 1].start);
  const std::string_view g2 = gap(text, t[i + 1].end, t[i + 2].start);
  if (g1.size() != 1 || g1 != g2 || (g1 != "/" && g1 != "-" && g1 != ".")) return {};
  std::string iso = iso_date(number_value(t[i + 2]), number_value(t[i + 1]), number_value(t[i]));
  if (!iso.empty()) *next = i + 3;
  return iso;
}

std::string date_at(std::string_view text, const std::vector<Token>& t, std::size_t i,
                    std::size_t* next) {
  if (is_word_at(t, i, "ngay")) ++i;
  if (std::string iso = numeric_date_at(text, t, i, next); !iso.empty()) return iso;
  // [d] tháng m năm y
  auto number = [&](std::size_t k) { return k < t.size() && number_value(t[k]) >= 0; };
  std::size_t k = i;
  int day = 0;
  if (number(k) && is_word_at(t, k + 1, "thang")) day = number_value(t[k++]);
  if (is_word_at(t, k, "thang") && number(k + 1) && is_word_at(t, k + 2, "nam") &&
      number(k + 3) && t[k + 3].exact.size() == 4) {
    std::string iso = iso_date(number_value(t[k + 3]), number_value(t[k + 1]), day);
    if (!iso.empty()) *next = k + 4;
    return iso;
  }
  return {};
}

// Stop words that end an issuer phrase read word by word ("của Bộ Chính
// trị về ...").
bool ends_issuer(const std::vector<Token>& tokens, std::size_t i) {
  static const char* const kStops[] = {"ve", "ngay", "nham", "va", "theo", "tai", "trong",
                                       "de", "voi", "da", "thuc", "qui", "huong", "tu"};
  const Token& t = tokens[i];
  if (t.kind != TokenKind::kWord) return true;
  // "ban hành" ends it; "Ban Thường vụ" is part of it.
  if (t.folded == "ban" && is_word_at(tokens, i + 1, "hanh")) return true;
  for (const char* s : kStops) {
    if (t.folded == s) return true;
  }
  return false;
}

// A type word ending right before token j: its name, and *start set to
// its first token.
std::string_view type_word_before(std::string_view text, const std::vector<Token>& t,
                                  std::size_t j, std::size_t* start) {
  for (const Phrase& w : type_words()) {
    const std::size_t len = w.folded.size();
    if (j < len || match_phrase(text, t, j - len, w) != len) continue;
    *start = j - len;
    return w.name;
  }
  return {};
}

// Laws are cited by name between the type and the number: "Bộ luật Lao
// động số 45/2019/QH14", "Luật Thi đua, khen thưởng số 06/2022/QH15".
std::string_view law_name_before(std::string_view text, const std::vector<Token>& t,
                                 std::size_t j, std::size_t* start) {
  for (std::size_t back = 2; back <= kMaxLawNameWords && back <= j; ++back) {
    const Token& tok = t[j - back];
    // The name is one stretch of words (commas allowed).
    if (tok.kind != TokenKind::kWord || !gap_is(gap(text, tok.end, t[j - back + 1].start), ",")) {
      return {};
    }
    const bool law = tok.folded == "luat";
    const bool ordinance = tok.folded == "lenh" && j - back > 0 && t[j - back - 1].folded == "phap";
    if (!law && !ordinance) continue;
    // The name must start with a capital, as law names do.
    const unsigned char first = static_cast<unsigned char>(text[t[j - back + 1].start]);
    if (first >= 'a' && first <= 'z') return {};
    std::size_t b = j - back;
    if (ordinance) {
      *start = b - 1;
      return "Pháp lệnh";
    }
    if (b > 0 && t[b - 1].folded == "bo") {
      *start = b - 1;
      return "Bộ luật";
    }
    *start = b;
    return "Luật";
  }
  return {};
}

// The type word that ends right before token `i` (after an optional "số"),
// and the token where the citation starts.
std::string_view type_before(std::string_view text, const std::vector<Token>& t, std::size_t i,
                             std::size_t* start) {
  *start = i;
  if (i == 0) return {};
  std::size_t j = i;  // one past the last token of the type phrase
  if (is_word(t[j - 1], "so") && gap_is(gap(text, t[j - 1].end, t[i].start), ":")) {
    --j;
    *start = j;
  } else if (!soft_gap(gap(text, t[j - 1].end, t[i].start))) {
    return {};
  }
  if (j > 0 && soft_gap(gap(text, t[j - 1].end, t[j].start))) {
    if (const std::string_view name = type_word_before(text, t, j, start); !name.empty()) {
      return name;
    }
  }
  return j < i ? law_name_before(text, t, j, start) : std::string_view{};
}

// Is the symbol at token i the document's own number ("Số: 1954/UBND-TH" at
// the start of a header line)? A "số" that a wrapped line starts with
// ("Luật\nsố 90/2025/QH15") has neither the capital nor the colon.
bool is_own_number(std::string_view text, const std::vector<Token>& t, std::size_t i) {
  if (i == 0 || !is_word(t[i - 1], "so")) return false;
  std::size_t line_start = text.rfind('\n', t[i - 1].start);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  const bool capital = text[t[i - 1].start] == 'S';
  const bool colon = gap(text, t[i - 1].end, t[i].start).find(':') != std::string_view::npos;
  return (capital || colon) &&
         trim(text.substr(line_start, t[i - 1].start - line_start), "*#").empty();
}

// A quoted stretch starting right at `pos` (after spaces): “...” or "...".
// Returns the content and sets *end past the closing quote.
bool quoted_at(std::string_view text, std::size_t pos, std::string* content, std::size_t* end) {
  while (pos < text.size() && (space_at(text, pos) || text[pos] == '*')) {
    pos += std::max<std::size_t>(space_at(text, pos), 1);
  }
  std::string_view close;
  std::size_t open_len = 0;
  if (text.substr(pos, 3) == "\u201C") {
    close = "\u201D";
    open_len = 3;
  } else if (pos < text.size() && text[pos] == '"') {
    close = "\"";
    open_len = 1;
  } else {
    return false;
  }
  const std::size_t b = pos + open_len;
  std::size_t e = text.find(close, b);
  const std::size_t nl = text.find('\n', b);
  if (e == std::string_view::npos || (nl != std::string_view::npos && nl < e)) {
    // Unclosed: up to the end of the sentence or line.
    e = std::min(nl == std::string_view::npos ? text.size() : nl, text.find(". ", b));
    *end = e;
  } else {
    *end = e + close.size();
  }
  if (e - b > kMaxSubjectBytes) return false;
  *content = std::string(trim(text.substr(b, e - b), ",*"));
  return !content->empty();
}

// Reads the parts of a citation after its symbol (token k onwards) into
// `c`; returns the token after the last part read.
class AttributeReader {
 public:
  AttributeReader(std::string_view text, const std::vector<Token>& t, Citation& c)
      : text_(text), t_(t), c_(c) {}

  std::size_t read(std::size_t k) {
    for (int step = 0; step < kMaxAttributes && k < t_.size(); ++step) {
      const std::string_view g = gap(text_, t_[k - 1].end, t_[k].start);
      if (!gap_is(g, ",(")) break;
      std::optional<std::size_t> next;
      if (g.find('(') != std::string_view::npos) {
        next = parenthetical(k);
      } else if (c_.date.empty() && is_word(t_[k], "ngay")) {
        next = date(k);
      } else if (c_.date.empty() && is_word(t_[k], "ban") && is_word_at(t_, k + 1, "hanh") &&
                 is_word_at(t_, k + 2, "ngay")) {
        next = date(k + 2);
      } else if (c_.issuer.empty() && is_word(t_[k], "cua") && g.find(',') == std::string_view::npos) {
        next = issuer(k + 1);
      }
      if (!next) break;
      k = *next;
    }
    return k;
  }

 private:
  // "(khoá XI)": skips a short parenthetical.
  std::optional<std::size_t> parenthetical(std::size_t k) {
    const auto close = text_.find(')', t_[k].start);
    if (close == std::string_view::npos || close - t_[k].start > kMaxSkippedParenthetical) {
      return std::nullopt;
    }
    std::size_t m = k;
    while (m < t_.size() && t_[m].start < close) ++m;
    c_.end = close + 1;
    return m;
  }

  std::optional<std::size_t> date(std::size_t k) {
    std::size_t next = k;
    c_.date = date_at(text_, t_, k, &next);
    if (c_.date.empty()) return std::nullopt;
    c_.end = t_[next - 1].end;
    return next;
  }

  // The issuer after "của", from token k: an office and a body of the
  // table ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội"), several joined
  // by "và"; else the words up to a stop word.
  std::optional<std::size_t> issuer(std::size_t k) {
    std::size_t m = known_issuer(k);
    while (m > k && is_word_at(t_, m, "va") && soft_gap(gap(text_, t_[m - 1].end, t_[m].start))) {
      const std::size_t more = known_issuer(m + 1);
      if (more == m + 1) break;
      m = more;
    }
    if (m == k) m = issuer_words(k);
    if (m == k) return std::nullopt;
    c_.issuer = clean_span(text_.substr(t_[k].start, t_[m - 1].end - t_[k].start));
    c_.end = t_[m - 1].end;
    return m;
  }

  // One past a known body (with an optional office before it) at token
  // k; k if there is none. A body of a province keeps the province's name
  // ("Ủy ban nhân dân tỉnh Lai Châu").
  std::size_t known_issuer(std::size_t k) {
    std::size_t m = k;
    if (const std::size_t title = match_any(text_, t_, m, office_titles())) {
      if (m + title < t_.size() && soft_gap(gap(text_, t_[m + title - 1].end, t_[m + title].start))) {
        m += title;
      }
    }
    const std::size_t body = match_any(text_, t_, m, issuer_phrases());
    if (body == 0) return k;
    m += body;
    if (t_[m - 1].folded == "tinh" || t_[m - 1].folded == "pho") {
      while (m < t_.size() && t_[m].kind == TokenKind::kWord && starts_upper(t_[m]) && soft_gap(gap(text_, t_[m - 1].end, t_[m].start))) {
        ++m;
      }
    }
    return m;
  }

  // Word tokens' exact form is lower-cased: a capital makes them differ.
  bool starts_upper(const Token& tok) const {
    return text_.substr(tok.start, tok.end - tok.start) != tok.exact;
  }

  std::size_t issuer_words(std::size_t k) {
    std::size_t m = k;
    while (m < t_.size() && m - k < kMaxIssuerWords && !ends_issuer(t_, m) &&
           (m == k || soft_gap(gap(text_, t_[m - 1].end, t_[m].start)))) {
      ++m;
    }
    return m;
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  Citation& c_;
};

// Phrases after which a subject clause is over: the sentence goes on with
// what it says about the document. After a citation nested in the subject,
// a history note ("được sửa đổi, bổ sung bởi ...") is that citation's and
// the subject goes on.
bool ends_subject(const std::vector<Token>& t, std::size_t m, bool after_nested) {
  static const std::vector<Words> kPredicates = {
      {"het", "hieu", "luc"}, {"cham", "dut", "hieu", "luc"}, {"het", "lieu", "luc"}};
  static const std::vector<Words> kHistory = {{"duoc", "sua", "doi"}, {"da", "duoc"}};
  auto at = [&](const Words& words) { return words_at(t, m, words); };
  return std::any_of(kPredicates.begin(), kPredicates.end(), at) ||
         (!after_nested && std::any_of(kHistory.begin(), kHistory.end(), at));
}

// Does a line that starts at `pos` open a new unit: an article, a numbered
// or lettered item, a dash item, a heading in capitals?
bool starts_new_unit(std::string_view text, std::size_t pos) {
  const std::string_view line = trim(text.substr(pos, text.find('\n', pos) - pos));
  if (line.empty() || is_page_furniture(line)) return line.empty();
  const unsigned char c = static_cast<unsigned char>(line[0]);
  if (c == '-' || c == '+' || c == '*') return true;
  if (line.starts_with("Điều") || line.starts_with("Chương")) return true;
  // "1.", "12.", "a)", "đ)"
  const std::size_t marker = line.find_first_of(".)");
  return marker != std::string_view::npos && marker <= 3 &&
         line.substr(0, marker).find(' ') == std::string_view::npos &&
         (marker < line.size() - 1 && line[marker + 1] == ' ');
}

// Provisions and what ties them to a document: "Phụ lục I của", "khoản 2
// Điều 5 tại".
bool is_provision_ref(const Token& tok) {
  return is_provision_word(tok) || any_word(tok, {"cua", "tai", "cac"});
}

// If the citation of the symbol at token m is a new item of a list, the
// byte where the previous item ends; SIZE_MAX when the citation is part of
// the description it stands in ("... thực hiện Kết luận số 01-KL/TW",
// "... sửa đổi một số điều của Nghị định số 75/2021/NĐ-CP"). A new item
// follows ',' or ';', or "và"/"hoặc" with or without provisions before
// it ("và Phụ lục I của Thông tư số ..."); but after a nested citation a
// bare "và Thông tư số ..." goes on with the nested list ("sửa đổi ...
// của Thông tư A và Thông tư B").
std::size_t list_item_start(std::string_view text, const std::vector<Token>& t, std::size_t m,
                            std::size_t from, std::string_view nested_type) {
  const bool after_nested = !nested_type.empty();
  std::size_t lead = m;
  const std::string_view type = type_before(text, t, m, &lead);
  auto inside = [&](std::size_t k) { return k > 0 && t[k - 1].start >= from; };
  auto comma_before = [&](std::size_t k) {
    return gap(text, t[k - 1].end, t[k].start).find_first_of(",;") != std::string_view::npos;
  };
  // "bởi Luật số 44/2024/QH15, Luật số 61/2024/QH15": one kind of document
  // goes on with the nested list; another kind ("Kết luận số 01-KL/TW ...,
  // Công văn số 4241/UBND-NC") is the next outer item.
  if (after_nested && type == nested_type && inside(lead) && comma_before(lead)) return SIZE_MAX;
  auto joiner_before = [&](std::size_t k) {
    return inside(k) && (is_word(t[k - 1], "va") || is_word(t[k - 1], "hoac"));
  };
  if (!inside(lead) || comma_before(lead)) return std::max(from, t[lead].start);
  if (joiner_before(lead)) return after_nested ? SIZE_MAX : t[lead - 1].start;
  // "khoản 1, 2, 3 và khoản 8 Điều 1": numbers (not years) and provision
  // words, with the commas and "và" between them.
  std::size_t b = lead;
  auto year = [&](const Token& tok) { return tok.kind == TokenKind::kNumber && tok.exact.size() >= 4; };
  while (inside(b) && !is_word(t[b - 1], "cac") && !year(t[b - 1]) &&
         (is_provision_ref(t[b - 1]) ||
          (is_word(t[b - 1], "va") && b > 1 && is_provision_ref(t[b - 2])))) {
    --b;
  }
  if (b == lead || !inside(b)) return SIZE_MAX;
  if (joiner_before(b)) return t[b - 1].start;
  return comma_before(b) ? t[b].start : SIZE_MAX;
}

// The first token of [from, stop) where the clause ends before `stop`: a
// predicate about the document or the next citation; `stop` if none.
std::size_t token_stop(std::string_view text, const std::vector<Token>& t, std::size_t k,
                       std::size_t from, std::size_t stop) {
  std::string_view nested_type;  // the kind of the last nested citation
  for (std::size_t m = k; m < t.size() && t[m].start < stop; ++m) {
    if (t[m].start < from) continue;
    if (ends_subject(t, m, !nested_type.empty())) return t[m].start;
    if (t[m].kind == TokenKind::kSymbol) {
      const std::size_t item = list_item_start(text, t, m, from, nested_type);
      if (item != SIZE_MAX) return item;
      std::size_t lead = m;
      nested_type = type_before(text, t, m, &lead);
      if (nested_type.empty()) nested_type = "?";
    }
  }
  return stop;
}

// Where a "về ..." clause starting at byte `from` ends: ';', ':', '(', a
// sentence end, a paragraph or new item, the next citation, or a predicate
// about the document.
std::size_t subject_end(std::string_view text, const std::vector<Token>& t, std::size_t k,
                        std::size_t from) {
  std::size_t stop = std::min(text.size(), from + kMaxSubjectBytes);
  for (std::size_t p = from; p < stop; ++p) {
    const char ch = text[p];
    if (ch == ';' || ch == ':' || ch == '(' ||
        (ch == '.' && (p + 1 == text.size() || space_at(text, p + 1, true))) ||
        (ch == '\n' && starts_new_unit(text, p + 1))) {
      return token_stop(text, t, k, from, p);
    }
  }
  const std::size_t at_token = token_stop(text, t, k, from, stop);
  if (at_token < stop) return at_token;
  // Cut at a word boundary, never inside a UTF-8 sequence.
  while (stop > from && stop < text.size() && !space_at(text, stop, true)) --stop;
  return stop;
}

// Subject: a quote right after, or "về [việc] ...", "quy định ...",
// "hướng dẫn ..." up to where the clause ends (token k is the first token
// after the attributes).
// Does a subject clause start at token k? "về", "quy định", "hướng dẫn";
// after a date or an issuer also the other verbs that open a title
// ("... của Chính phủ sửa đổi, bổ sung một số điều của ...").
bool opens_subject(const std::vector<Token>& t, std::size_t k, bool after_attributes) {
  static const std::vector<std::pair<std::string_view, std::string_view>> kTitleVerbs = {
      {"sua", "doi"}, {"bo", "sung"},   {"ban", "hanh"},  {"phe", "duyet"},
      {"kien", "toan"}, {"bai", "bo"}, {"thanh", "lap"}, {"dinh", "chinh"}};
  if (k >= t.size()) return false;
  if (is_word(t[k], "ve") || (is_word(t[k], "qui") && is_word_at(t, k + 1, "dinh")) ||
      (is_word(t[k], "huong") && is_word_at(t, k + 1, "dan"))) {
    return true;
  }
  return after_attributes &&
         std::any_of(kTitleVerbs.begin(), kTitleVerbs.end(), [&](const auto& verb) {
           return is_word(t[k], verb.first) && is_word_at(t, k + 1, verb.second);
         });
}

void read_subject(std::string_view text, const std::vector<Token>& t, std::size_t k,
                  bool after_attributes, Citation& c) {
  std::size_t pos = c.end;
  const bool clause = k < t.size() && soft_gap(gap(text, c.end, t[k].start)) &&
                      opens_subject(t, k, after_attributes);
  if (clause && is_word(t[k], "ve")) {
    pos = t[k].end;
    if (is_word_at(t, k + 1, "viec") && soft_gap(gap(text, t[k].end, t[k + 1].start))) {
      pos = t[k + 1].end;
    }
  }
  std::string quoted;
  std::size_t quote_end = 0;
  if (quoted_at(text, pos, &quoted, &quote_end) &&
      text.substr(c.end, quote_end - c.end).find('\n') == std::string_view::npos) {
    c.subject = std::move(quoted);
    c.end = quote_end;
    return;
  }
  if (!clause) return;
  const std::size_t from = t[k].start;
  const std::size_t stop = subject_end(text, t, k, from);
  const std::string_view raw = trim(text.substr(from, stop - from), ",*");
  if (raw.empty()) return;
  c.subject = clean_span(raw);
  c.end = from + raw.size();
}

// One document names a directive once with its date, then by symbol
// alone ("Chỉ thị số 34- CT/TW"): the later mentions are the same one.
void date_undated_mentions(std::vector<Citation>& citations) {
  std::map<std::string, std::string> dated;
  for (const Citation& c : citations) {
    if (!c.date.empty()) dated.emplace(c.symbol_key, c.date);
  }
  for (Citation& c : citations) {
    if (!c.date.empty()) continue;
    if (const auto it = dated.find(c.symbol_key); it != dated.end()) {
      c.date = it->second;
      c.key = directive_key(c.symbol_key, c.date);
    }
  }
}

// Is the symbol at token i a form's number ("Mẫu số 02-ĐTD/SHTT", "mẫu
// 01/TNDN")? Forms are parts of documents, not documents.
bool is_form_number(const std::vector<Token>& t, std::size_t i) {
  const std::size_t k = i > 0 && is_word(t[i - 1], "so") ? i - 1 : i;
  return k > 0 && is_word(t[k - 1], "mau");
}

// The citation whose symbol is token i, or nothing if that symbol is the
// document's own number or a form's.
std::optional<Citation> read_citation(std::string_view text, const std::vector<Token>& t,
                                      std::size_t i) {
  if (is_own_number(text, t, i) || is_form_number(t, i)) return std::nullopt;
  std::size_t first = i;
  const std::string_view type_word = type_before(text, t, i, &first);
  Citation c;
  c.symbol = t[i].exact;
  c.symbol_key = t[i].folded;
  c.type = type_word.empty() ? type_from_symbol(c.symbol) : std::string(type_word);
  c.start = t[first].start;
  c.end = t[i].end;
  const std::size_t k = AttributeReader(text, t, c).read(i + 1);
  read_subject(text, t, k, k > i + 1, c);
  c.key = directive_key(c.symbol_key, c.date);
  return c;
}

}  // namespace

std::string directive_key(std::string_view symbol_key, std::string_view date) {
  std::string key(symbol_key);
  if (!date.empty()) {
    key += '@';
    key += date;
  }
  return key;
}

std::vector<Citation> find_citations(std::string_view text, const std::vector<Token>& t) {
  std::vector<Citation> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != TokenKind::kSymbol) continue;
    std::optional<Citation> c = read_citation(text, t, i);
    if (!c) continue;
    out.push_back(std::move(*c));
    // Resume after the citation (a symbol inside a subject is its own
    // citation only if the grammar reaches it again).
    while (i + 1 < t.size() && t[i + 1].start < out.back().end &&
           t[i + 1].kind != TokenKind::kSymbol) {
      ++i;
    }
  }
  date_undated_mentions(out);
  return out;
}

}  // namespace vanban::text
