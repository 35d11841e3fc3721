#include "vanban/text/symbol.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>

#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

constexpr std::size_t kMaxNumberDigits = 6;
constexpr int kMaxCodeLetters = 12;

// A cursor over UTF-8 that reads one code point at a time.
class Cursor {
 public:
  Cursor(std::string_view s, std::size_t pos) : s_(s), pos_(pos) {}
  std::size_t pos() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }
  bool done() const { return pos_ >= s_.size(); }
  // Code point at the cursor (U_SENTINEL at the end) and its length.
  UChar32 peek(std::size_t* len = nullptr) const {
    if (done()) return U_SENTINEL;
    int32_t i = static_cast<int32_t>(pos_);
    UChar32 c;
    U8_NEXT(s_.data(), i, static_cast<int32_t>(s_.size()), c);
    if (len) *len = static_cast<std::size_t>(i) - pos_;
    return c;
  }
  UChar32 next() {
    std::size_t len = 0;
    const UChar32 c = peek(&len);
    pos_ += len;
    return c;
  }
  void skip_spaces() {
    while (!done() && (peek() == ' ' || peek() == 0x00A0)) next();
  }

 private:
  std::string_view s_;
  std::size_t pos_;
};

bool is_dash(UChar32 c) {
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0x2014 || c == 0x2212;
}

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

// Code point immediately before byte offset `pos`.
UChar32 previous_code_point(std::string_view s, std::size_t pos) {
  if (pos == 0) return U_SENTINEL;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c;
}

// Reads a run of letters: one letter group of a symbol ("CT", "QĐi").
// Returns false (cursor unchanged) if there is none or it is too long.
bool read_code(Cursor& cur, std::string& out, bool& has_upper) {
  const std::size_t start = cur.pos();
  std::string code;
  int letters = 0;
  has_upper = false;
  while (!cur.done()) {
    std::size_t len = 0;
    const UChar32 c = cur.peek(&len);
    if (!u_isalpha(c)) break;
    if (u_isupper(c)) has_upper = true;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    code.append(buf, static_cast<std::size_t>(n));
    cur.next();
    if (++letters > kMaxCodeLetters) break;
  }
  if (letters == 0 || letters > kMaxCodeLetters ||
      (!cur.done() && is_digit(cur.peek()))) {
    cur.seek(start);
    return false;
  }
  out = std::move(code);
  return true;
}

// Reads "<sep><code>" where sep is a dash (spaces around it allowed) or a
// slash. Returns the separator used ('-' or '/'), or 0 (cursor unchanged).
char read_separator_and_code(Cursor& cur, std::string& code, bool& upper) {
  const std::size_t start = cur.pos();
  cur.skip_spaces();
  const UChar32 c = cur.peek();
  char sep = 0;
  if (is_dash(c)) {
    sep = '-';
    cur.next();
    cur.skip_spaces();
  } else if (c == '/') {
    // No spaces around a slash: "a / b" is prose.
    if (cur.pos() != start) {
      cur.seek(start);
      return 0;
    }
    sep = '/';
    cur.next();
  } else {
    cur.seek(start);
    return 0;
  }
  if (!read_code(cur, code, upper)) {
    cur.seek(start);
    return 0;
  }
  return sep;
}

std::string upper_if_all_lower(const std::string& code, bool has_upper) {
  if (has_upper) return code;
  // Only ASCII letters and đ occur in symbol codes.
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(code[i]);
    if (ch >= 'a' && ch <= 'z') {
      out += static_cast<char>(ch - 'a' + 'A');
    } else if (ch == 0xC4 && i + 1 < code.size() &&
               static_cast<unsigned char>(code[i + 1]) == 0x91) {
      out += "\xC4\x90";  // đ -> Đ
      ++i;
    } else {
      out += code[i];
    }
  }
  return out;
}

std::string strip_leading_zeros(std::string_view digits) {
  std::size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0') ++i;
  return std::string(digits.substr(i));
}

// Tries to read a symbol whose number starts at `pos`.
std::optional<Symbol> read_symbol(std::string_view s, std::size_t pos,
                                  const SymbolScanOptions& options) {
  Cursor cur(s, pos);
  std::string number;
  while (!cur.done() && is_digit(cur.peek()) &&
         number.size() <= kMaxNumberDigits) {
    number += static_cast<char>(cur.next());
  }
  if (number.empty() || number.size() > kMaxNumberDigits) return std::nullopt;

  Symbol sym;
  std::string display = number;
  bool any_upper = false;
  std::vector<std::pair<char, std::string>> codes;
  bool upper = false;
  std::string code;

  // The separator after the number decides the style.
  const std::size_t after_number = cur.pos();
  cur.skip_spaces();
  const UChar32 sep = cur.peek();
  if (is_dash(sep)) {
    sym.style = SymbolStyle::kParty;
    cur.seek(after_number);
    if (read_separator_and_code(cur, code, upper) != '-') return std::nullopt;
    codes.emplace_back('-', code);
    any_upper |= upper;
    // number-TYPE/ISSUER: the first further group must follow a slash.
    if (read_separator_and_code(cur, code, upper) != '/') return std::nullopt;
    codes.emplace_back('/', code);
    any_upper |= upper;
  } else if (sep == '/' && cur.pos() == after_number) {
    sym.style = SymbolStyle::kState;
    cur.next();
    // Optional year: number/year/TYPE-ISSUER.
    const std::size_t year_start = cur.pos();
    std::string year;
    while (!cur.done() && is_digit(cur.peek()) && year.size() < 5) {
      year += static_cast<char>(cur.next());
    }
    if (year.size() == 4 && cur.peek() == '/') {
      cur.next();
      display += "/" + year;
    } else {
      cur.seek(year_start);
    }
    if (!read_code(cur, code, upper)) {
      // Laws and resolutions of the National Assembly carry its term:
      // number/year/QH14, number/year/UBTVQH15.
      if (year.size() != 4) return std::nullopt;
      std::string letters;
      bool caps = false;
      while (!cur.done() && cur.peek() < 0x80 && std::isalpha(cur.peek())) {
        caps |= std::isupper(cur.peek()) != 0;
        letters += static_cast<char>(cur.next());
      }
      std::string term;
      while (!cur.done() && is_digit(cur.peek()) && term.size() < 3) {
        term += static_cast<char>(cur.next());
      }
      const std::string folded_letters = fold(letters);
      if ((folded_letters != "qh" && folded_letters != "ubtvqh") || term.empty() ||
          (!cur.done() && u_isalnum(cur.peek()))) {
        return std::nullopt;
      }
      code = letters + term;
      upper = caps;
      codes.emplace_back('/', code);
      any_upper |= upper;
    } else {
      codes.emplace_back('/', code);
      any_upper |= upper;
      if (read_separator_and_code(cur, code, upper) != '-') return std::nullopt;
      codes.emplace_back('-', code);
      any_upper |= upper;
    }
  } else {
    return std::nullopt;
  }
  // Further groups: 12-HD/BTGTW, 123/QĐ-UBND-VX.
  for (;;) {
    const char more = read_separator_and_code(cur, code, upper);
    if (!more) break;
    codes.emplace_back(more, code);
    any_upper |= upper;
  }
  if (!options.accept_lower_case && !any_upper) return std::nullopt;
  // The symbol must end at a word boundary.
  if (!cur.done()) {
    const UChar32 c = cur.peek();
    if (u_isalnum(c)) return std::nullopt;
  }

  for (const auto& [separator, letters] : codes) {
    bool code_upper = false;
    for (std::size_t i = 0; i < letters.size(); ++i) {
      const unsigned char ch = static_cast<unsigned char>(letters[i]);
      if ((ch >= 'A' && ch <= 'Z') ||
          (ch == 0xC4 && i + 1 < letters.size() &&
           static_cast<unsigned char>(letters[i + 1]) == 0x90)) {
        code_upper = true;
      }
    }
    display += separator;
    display += upper_if_all_lower(letters, code_upper);
  }
  sym.display = to_nfc(display);
  sym.key = fold(strip_leading_zeros(number) +
                 sym.display.substr(number.size()));
  sym.start = pos;
  sym.end = cur.pos();
  return sym;
}

}  // namespace

std::vector<Symbol> find_symbols(std::string_view s,
                                 const SymbolScanOptions& options) {
  std::vector<Symbol> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const char ch = s[i];
    if (ch >= '0' && ch <= '9') {
      const UChar32 prev = previous_code_point(s, i);
      const bool boundary = prev == U_SENTINEL ||
                            !(u_isalnum(prev) || prev == '/' || prev == '-' ||
                              prev == '.' || prev == ',' || is_dash(prev));
      if (boundary) {
        if (auto sym = read_symbol(s, i, options)) {
          i = sym->end;
          out.push_back(std::move(*sym));
          continue;
        }
      }
      // Skip the rest of this number.
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      continue;
    }
    ++i;
  }
  return out;
}

std::optional<Symbol> parse_symbol(std::string_view text) {
  const std::string nfc = to_nfc(text);
  std::size_t b = 0, e = nfc.size();
  while (b < e && nfc[b] == ' ') ++b;
  while (e > b && nfc[e - 1] == ' ') --e;
  const std::string_view trimmed = std::string_view(nfc).substr(b, e - b);
  auto found = find_symbols(trimmed, {.accept_lower_case = true});
  if (found.size() != 1 || found[0].start != 0 ||
      found[0].end != trimmed.size()) {
    return std::nullopt;
  }
  return found[0];
}

}  // namespace vanban::text
