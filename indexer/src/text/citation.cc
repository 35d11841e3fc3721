#include "vanban/text/citation.h"

#include <algorithm>
#include <map>

#include "vanban/text/date.h"
#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

// Folded type names split into syllables, longest first so that "thông tư
// liên tịch" wins over "thông tư".
struct TypeWord {
  std::vector<std::string> folded;
  std::string_view name;
};

const std::vector<TypeWord>& type_words() {
  static const std::vector<TypeWord> words = [] {
    std::vector<TypeWord> out;
    Tokenizer tokenizer;
    for (std::string_view name : document_type_names()) {
      // Folded the way the tokenizer folds ("Quy" -> "qui").
      TypeWord w;
      w.name = name;
      for (const Token& t : tokenizer.tokenize(name)) w.folded.push_back(t.folded);
      out.push_back(std::move(w));
    }
    std::stable_sort(out.begin(), out.end(), [](const TypeWord& a, const TypeWord& b) {
      return a.folded.size() > b.folded.size();
    });
    return out;
  }();
  return words;
}

// Spaces between tokens: ASCII spaces and tabs, and U+00A0 (NBSP, bytes
// C2 A0) as a whole. A lone 0xA0 byte is the tail of a letter ("à" is
// C3 A0) and never a space.
std::size_t space_at(std::string_view s, std::size_t i) {
  if (i < s.size() && (s[i] == ' ' || s[i] == '\t')) return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  return 0;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// The text between two offsets ("" when they are out of order).
std::string_view gap(std::string_view text, std::size_t from, std::size_t to) {
  return from <= to ? text.substr(from, to - from) : std::string_view{};
}

bool blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = space_at(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Gap that holds nothing but spaces (and '*' emphasis) and at most one of
// `allowed`.
bool gap_is(std::string_view s, std::string_view allowed) {
  int seen = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = space_at(s, i)) {
      i += n;
      continue;
    }
    const char c = s[i++];
    if (c == '*') continue;
    if (allowed.find(c) == std::string_view::npos || ++seen > 1) return false;
  }
  return true;
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

bool is_word(const Token& t, std::string_view folded) {
  return t.kind == TokenKind::kWord && t.folded == folded;
}

// Parses a date starting at token i ("ngày" optional): "ngày 07/4/2014",
// "07-4-2014", "ngày 07 tháng 4 năm 2014", "ngày tháng 5 năm 2023".
// Returns the ISO date and sets *next to the token after it.
std::string date_at(std::string_view text, const std::vector<Token>& t, std::size_t i,
                    std::size_t* next) {
  const std::size_t n = t.size();
  if (i < n && is_word(t[i], "ngay")) ++i;
  auto number = [&](std::size_t k) { return k < n && number_value(t[k]) >= 0; };
  auto value = [&](std::size_t k) { return number_value(t[k]); };
  // d/m/y with one separator kind between numbers.
  if (number(i) && number(i + 1) && number(i + 2) && t[i + 2].exact.size() == 4 &&
      t[i].exact.size() <= 2 && t[i + 1].exact.size() <= 2) {
    const std::string_view g1 = gap(text, t[i].end, t[i + 1].start);
    const std::string_view g2 = gap(text, t[i + 1].end, t[i + 2].start);
    if (g1.size() == 1 && g1 == g2 && (g1 == "/" || g1 == "-" || g1 == ".")) {
      const std::string iso = iso_date(value(i + 2), value(i + 1), value(i));
      if (!iso.empty()) {
        *next = i + 3;
        return iso;
      }
    }
  }
  // [d] tháng m năm y
  std::size_t k = i;
  int day = 0;
  if (number(k) && k + 1 < n && is_word(t[k + 1], "thang")) day = value(k++);
  if (k + 3 < n && is_word(t[k], "thang") && number(k + 1) && is_word(t[k + 2], "nam") &&
      number(k + 3) && t[k + 3].exact.size() == 4) {
    const std::string iso = iso_date(value(k + 3), value(k + 1), day);
    if (!iso.empty()) {
      *next = k + 4;
      return iso;
    }
  }
  return {};
}

// Stop words that end an issuer phrase ("của Bộ Chính trị về ...").
bool ends_issuer(const std::vector<Token>& tokens, std::size_t i) {
  static const char* const kStops[] = {"ve", "ngay", "nham", "va", "theo", "tai", "trong",
                                       "de", "voi", "da", "thuc", "qui", "huong", "tu"};
  const Token& t = tokens[i];
  if (t.kind != TokenKind::kWord) return true;
  // "ban hành" ends it; "Ban Thường vụ" is part of it.
  if (t.folded == "ban" && i + 1 < tokens.size() && tokens[i + 1].folded == "hanh") return true;
  for (const char* s : kStops) {
    if (t.folded == s) return true;
  }
  return false;
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
  } else if (!blank(gap(text, t[j - 1].end, t[i].start))) {
    return {};
  }
  for (const TypeWord& w : type_words()) {
    const std::size_t len = w.folded.size();
    if (j < len) continue;
    bool match = true;
    for (std::size_t k = 0; k < len && match; ++k) {
      const Token& tok = t[j - len + k];
      match = tok.kind == TokenKind::kWord && tok.folded == w.folded[k] &&
              (k == 0 || blank(gap(text, t[j - len + k - 1].end, tok.start)));
    }
    if (match && blank(gap(text, t[j - 1].end, j < t.size() ? t[j].start : t[j - 1].end)) ) {
      *start = j - len;
      return w.name;
    }
  }
  // Laws are cited by name between the type and the number: "Bộ luật Lao động số
  // 45/2019/QH14", "Luật Thi đua, khen thưởng số 06/2022/QH15".
  if (j < i) {
    for (std::size_t back = 2; back <= 10 && back <= j; ++back) {
      const Token& tok = t[j - back];
      if (tok.kind != TokenKind::kWord) break;
      // The name is one stretch of words (commas allowed: "Luật Thi đua,
      // khen thưởng").
      if (!gap_is(gap(text, tok.end, t[j - back + 1].start), ",")) break;
      if (tok.folded == "luat" || (tok.folded == "lenh" && j - back > 0 &&
                                   t[j - back - 1].folded == "phap")) {
        std::size_t b = j - back;
        std::string_view name = tok.folded == "luat" ? "Luật" : "Pháp lệnh";
        if (b > 0 && t[b - 1].folded == "bo" && tok.folded == "luat") {
          --b;
          name = "Bộ luật";
        } else if (tok.folded == "lenh") {
          --b;
        }
        // The name must start with a capital, as law names do.
        const unsigned char first = static_cast<unsigned char>(text[t[j - back + 1].start]);
        if (first >= 'a' && first <= 'z') break;
        *start = b;
        return name;
      }
    }
  }
  return {};
}

// Is the symbol at token i the document's own number ("Số: 1954/UBND-TH" at
// the start of a header line)?
bool is_own_number(std::string_view text, const std::vector<Token>& t, std::size_t i) {
  if (i == 0 || !is_word(t[i - 1], "so")) return false;
  std::size_t line_start = text.rfind('\n', t[i - 1].start);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  for (char c : text.substr(line_start, t[i - 1].start - line_start)) {
    if (!is_space(c) && c != '*' && c != '#') return false;
  }
  return true;
}

// A quoted stretch starting right at `pos` (after spaces): “...” or "...".
// Returns the content and sets *end past the closing quote.
bool quoted_at(std::string_view text, std::size_t pos, std::string* content, std::size_t* end) {
  while (pos < text.size()) {
    if (const std::size_t n = space_at(text, pos)) {
      pos += n;
    } else if (text[pos] == '*') {
      ++pos;
    } else {
      break;
    }
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
  // An unclosed quote may run to the end of the line.
  if (e == std::string_view::npos || (nl != std::string_view::npos && nl < e)) {
    // Unclosed: up to the end of the sentence or line.
    e = std::min(nl == std::string_view::npos ? text.size() : nl, text.find(". ", b));
    *end = e;
  } else {
    *end = e + close.size();
  }
  if (e - b > 600) return false;
  *content = std::string(text.substr(b, e - b));
  return !content->empty();
}

std::string trim_copy(std::string_view s) {
  for (;;) {
    if (const std::size_t n = space_at(s, 0)) {
      s.remove_prefix(n);
    } else if (!s.empty() && (s.front() == ',' || s.front() == '*')) {
      s.remove_prefix(1);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (is_space(s.back()) || s.back() == ',' || s.back() == '*')) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return std::string(s);
}

}  // namespace

const std::vector<std::string_view>& document_type_names() {
  static const std::vector<std::string_view> names = {
      "Chỉ thị",    "Nghị quyết",   "Kết luận",          "Quy định",  "Kế hoạch",
      "Công văn",   "Quyết định",   "Thông báo",         "Báo cáo",   "Phát động",
      "Nghị định",  "Thông tư",     "Thông tư liên tịch", "Luật",     "Bộ luật",
      "Hướng dẫn",  "Tờ trình",     "Chương trình",      "Công điện", "Thông tri",
      "Đề án",      "Pháp lệnh",    "Quy chế",           "Hiến pháp", "Văn bản hợp nhất",
      "Lệnh",       "Sắc lệnh",     "Điều lệ",           "Kế hoạch liên tịch",
  };
  return names;
}

std::string type_from_symbol(std::string_view display) {
  // The first letter group: after "-" (Party) or after the last "/" before
  // the first "-" (State, "30/2020/NĐ-CP").
  std::string code;
  const auto slash = display.find('/');
  const auto dash = display.find('-');
  if (dash != std::string_view::npos && (slash == std::string_view::npos || dash < slash)) {
    code = std::string(display.substr(dash + 1, slash == std::string_view::npos
                                                    ? std::string_view::npos
                                                    : slash - dash - 1));
  } else if (slash != std::string_view::npos) {
    const auto last_slash = display.rfind('/', dash);
    code = std::string(display.substr(last_slash + 1, dash == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : dash - last_slash - 1));
  }
  static const std::map<std::string, std::string_view> kCodes = {
      {"ct", "Chỉ thị"},    {"nq", "Nghị quyết"},    {"kl", "Kết luận"},
      {"qdi", "Quy định"},  {"qd", "Quyết định"},    {"kh", "Kế hoạch"},
      {"bc", "Báo cáo"},    {"tb", "Thông báo"},     {"hd", "Hướng dẫn"},
      {"nd", "Nghị định"},  {"tt", "Thông tư"},      {"ttlt", "Thông tư liên tịch"},
      {"ttr", "Tờ trình"},  {"ctr", "Chương trình"}, {"cd", "Công điện"},
      {"da", "Đề án"},      {"qc", "Quy chế"},       {"vbhn", "Văn bản hợp nhất"},
      {"qh", "Luật"},       {"cv", "Công văn"},      {"pdk", "Phát động"},
      {"l", "Lệnh"},        {"ubtvqh", "Nghị quyết"},
  };
  // "QH14": the National Assembly's term number follows its code.
  while (!code.empty() && code.back() >= '0' && code.back() <= '9') code.pop_back();
  const auto it = kCodes.find(fold(code));
  if (it != kCodes.end()) return std::string(it->second);
  // A State symbol that starts with the issuing body is an official letter.
  return slash != std::string_view::npos && (dash == std::string_view::npos || slash < dash)
             ? "Công văn"
             : "";
}

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
  const std::size_t n = t.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (t[i].kind != TokenKind::kSymbol) continue;
    std::size_t first = i;
    const std::string_view type_word = type_before(text, t, i, &first);
    if (type_word.empty() && is_own_number(text, t, i)) continue;

    Citation c;
    c.symbol = t[i].exact;
    c.symbol_key = t[i].folded;
    c.type = type_word.empty() ? type_from_symbol(c.symbol) : std::string(type_word);
    c.start = t[first].start;
    c.end = t[i].end;

    std::size_t k = i + 1;
    for (int step = 0; step < 4 && k < n; ++step) {
      const std::string_view g = gap(text, t[k - 1].end, t[k].start);
      if (!gap_is(g, ",(")) break;
      if (g.find('(') != std::string_view::npos) {
        // "(khoá XI)": skip a short parenthetical.
        const auto close = text.find(')', t[k].start);
        if (close == std::string_view::npos || close - t[k].start > 40) break;
        std::size_t m = k;
        while (m < n && t[m].start < close) ++m;
        c.end = close + 1;
        k = m;
        continue;
      }
      std::size_t next = k;
      if (c.date.empty() && is_word(t[k], "ngay")) {
        c.date = date_at(text, t, k, &next);
        if (!c.date.empty()) {
          c.end = t[next - 1].end;
          k = next;
          continue;
        }
        break;
      }
      if (c.date.empty() && is_word(t[k], "ban") && k + 2 < n && is_word(t[k + 1], "hanh") &&
          is_word(t[k + 2], "ngay")) {
        c.date = date_at(text, t, k + 2, &next);
        if (!c.date.empty()) {
          c.end = t[next - 1].end;
          k = next;
          continue;
        }
        break;
      }
      if (c.issuer.empty() && is_word(t[k], "cua") && g.find(',') == std::string_view::npos) {
        std::size_t m = k + 1;
        while (m < n && m - k <= 8 && !ends_issuer(t, m) &&
               (m == k + 1 || blank(gap(text, t[m - 1].end, t[m].start)))) {
          ++m;
        }
        if (m > k + 1) {
          c.issuer = std::string(text.substr(t[k + 1].start, t[m - 1].end - t[k + 1].start));
          c.end = t[m - 1].end;
          k = m;
          continue;
        }
        break;
      }
      break;
    }

    // Subject: a quote right after, or "về [việc] ..." up to the clause end.
    std::size_t pos = c.end;
    std::size_t subject_from = pos;
    if (k < n && is_word(t[k], "ve") && blank(gap(text, c.end, t[k].start))) {
      subject_from = t[k].start;
      pos = t[k].end;
      if (k + 1 < n && is_word(t[k + 1], "viec") && blank(gap(text, t[k].end, t[k + 1].start))) {
        pos = t[k + 1].end;
      }
    }
    std::string quoted;
    std::size_t quote_end = 0;
    if (quoted_at(text, pos, &quoted, &quote_end) &&
        text.substr(c.end, quote_end - c.end).find('\n') == std::string_view::npos) {
      c.subject = trim_copy(quoted);
      c.end = quote_end;
    } else if (subject_from != c.end || (k < n && is_word(t[k], "ve"))) {
      // "về ..." up to ';', '.', a line end, or the next citation.
      std::size_t stop = text.find_first_of(";\n", pos);
      if (stop == std::string_view::npos) stop = text.size();
      for (std::size_t m = k; m < n && t[m].start < stop; ++m) {
        if (t[m].kind == TokenKind::kSymbol) {
          std::size_t next_start = m;
          type_before(text, t, m, &next_start);
          stop = std::min(stop, t[next_start].start);
          break;
        }
      }
      const auto dot = text.find(". ", pos);
      if (dot != std::string_view::npos) stop = std::min(stop, dot);
      stop = std::min(stop, subject_from + 400);
      std::string subject = trim_copy(text.substr(subject_from, stop - subject_from));
      // Cut a trailing ", Chỉ thị số" style lead-in of the next citation.
      if (!subject.empty()) {
        c.subject = subject;
        c.end = subject_from + text.substr(subject_from, stop - subject_from).find_last_not_of(" ,") + 1;
      }
    }
    c.key = directive_key(c.symbol_key, c.date);
    out.push_back(std::move(c));
    // Resume after the citation (a symbol inside a subject is its own
    // citation only if the grammar reaches it again).
    while (i + 1 < n && t[i + 1].start < out.back().end &&
           t[i + 1].kind != TokenKind::kSymbol) {
      ++i;
    }
  }

  // One document names a directive once with its date, then by symbol
  // alone ("Chỉ thị số 34- CT/TW"): the later mentions are the same one.
  std::map<std::string, std::string> dated;
  for (const Citation& c : out) {
    if (!c.date.empty()) dated.emplace(c.symbol_key, c.date);
  }
  for (Citation& c : out) {
    if (!c.date.empty()) continue;
    if (const auto it = dated.find(c.symbol_key); it != dated.end()) {
      c.date = it->second;
      c.key = directive_key(c.symbol_key, c.date);
    }
  }
  return out;
}

}  // namespace vanban::text
