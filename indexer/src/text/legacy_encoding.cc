#include "vanban/text/legacy_encoding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "vanban/text/normalize.h"
#include "vanban/text/utf8.h"

namespace vanban::text {
namespace {

// ---------------------------------------------------------------------------
// Tables (data, checked against known answers in
// tests/text/legacy_encoding_test.cc).

struct ByteLetter {
  unsigned char byte;
  char32_t letter;
};

// TCVN 5712:1993 "Công nghệ thông tin - Bộ mã chuẩn 8-bit kí tự Việt dùng
// trong trao đổi thông tin", table VN3: the code of the ABC fonts (.VnTime,
// .VnArial, ...). It keeps ASCII and places the 74 Vietnamese letters below
// in 0xA1-0xFE; it has no capitals with tone marks (the ".VnTimeH" fonts
// draw the lower-case codes as capitals instead).
constexpr ByteLetter kTcvn3[] = {
    {0xA1, U'Ă'}, {0xA2, U'Â'}, {0xA3, U'Ê'}, {0xA4, U'Ô'}, {0xA5, U'Ơ'}, {0xA6, U'Ư'},
    {0xA7, U'Đ'}, {0xA8, U'ă'}, {0xA9, U'â'}, {0xAA, U'ê'}, {0xAB, U'ô'}, {0xAC, U'ơ'},
    {0xAD, U'ư'}, {0xAE, U'đ'},
    {0xB5, U'à'}, {0xB6, U'ả'}, {0xB7, U'ã'}, {0xB8, U'á'}, {0xB9, U'ạ'},
    {0xBB, U'ằ'}, {0xBC, U'ẳ'}, {0xBD, U'ẵ'}, {0xBE, U'ắ'}, {0xC6, U'ặ'},
    {0xC7, U'ầ'}, {0xC8, U'ẩ'}, {0xC9, U'ẫ'}, {0xCA, U'ấ'}, {0xCB, U'ậ'},
    {0xCC, U'è'}, {0xCE, U'ẻ'}, {0xCF, U'ẽ'}, {0xD0, U'é'}, {0xD1, U'ẹ'},
    {0xD2, U'ề'}, {0xD3, U'ể'}, {0xD4, U'ễ'}, {0xD5, U'ế'}, {0xD6, U'ệ'},
    {0xD7, U'ì'}, {0xD8, U'ỉ'}, {0xDC, U'ĩ'}, {0xDD, U'í'}, {0xDE, U'ị'},
    {0xDF, U'ò'}, {0xE1, U'ỏ'}, {0xE2, U'õ'}, {0xE3, U'ó'}, {0xE4, U'ọ'},
    {0xE5, U'ồ'}, {0xE6, U'ổ'}, {0xE7, U'ỗ'}, {0xE8, U'ố'}, {0xE9, U'ộ'},
    {0xEA, U'ờ'}, {0xEB, U'ở'}, {0xEC, U'ỡ'}, {0xED, U'ớ'}, {0xEE, U'ợ'},
    {0xEF, U'ù'}, {0xF1, U'ủ'}, {0xF2, U'ũ'}, {0xF3, U'ú'}, {0xF4, U'ụ'},
    {0xF5, U'ừ'}, {0xF6, U'ử'}, {0xF7, U'ữ'}, {0xF8, U'ứ'}, {0xF9, U'ự'},
    {0xFA, U'ỳ'}, {0xFB, U'ỷ'}, {0xFC, U'ỹ'}, {0xFD, U'ý'}, {0xFE, U'ỵ'},
};

// VNI-Windows, the encoding of VNI Software's fonts (VNI-Times, VNI-Helve,
// ...; no public standard: this is the layout of the fonts as documented
// by VNI and read by every converter, e.g. Unikey's "VNI Windows"). A
// letter is an ASCII base letter followed by a mark byte: "Vieät" = Việt.
// Each mark byte stands for a vowel quality (circumflex, breve) and/or a
// tone; capitals use the same bytes minus 0x20 ("VIEÄT").
struct VniMark {
  unsigned char byte;   // lower-case form
  char32_t quality;     // U+0302 circumflex (a e o), U+0306 breve (a), or 0
  char32_t tone;        // U+0301 U+0300 U+0309 U+0303 U+0323, or 0
};
constexpr VniMark kVniMarks[] = {
    {0xF9, 0, 0x301},      {0xF8, 0, 0x300},      {0xFB, 0, 0x309},      {0xF5, 0, 0x303},
    {0xEF, 0, 0x323},      {0xE2, 0x302, 0},      {0xE1, 0x302, 0x301},  {0xE0, 0x302, 0x300},
    {0xE5, 0x302, 0x309},  {0xE3, 0x302, 0x303},  {0xE4, 0x302, 0x323},  {0xEA, 0x306, 0},
    {0xE9, 0x306, 0x301},  {0xE8, 0x306, 0x300},  {0xFA, 0x306, 0x309},  {0xFC, 0x306, 0x303},
    {0xEB, 0x306, 0x323},
};
// VNI letters with a byte of their own (lower-case forms): ơ and ư take a
// tone byte after them like a base letter; the i's and ỵ carry their tone.
constexpr ByteLetter kVniLetters[] = {
    {0xF4, U'ơ'}, {0xF6, U'ư'}, {0xED, U'í'}, {0xEC, U'ì'}, {0xE6, U'ỉ'},
    {0xF3, U'ĩ'}, {0xF2, U'ị'}, {0xEE, U'ỵ'}, {0xF1, U'đ'},
};
// Capitals of VNI mark and letter bytes sit 0x20 below the lower-case ones.
constexpr char32_t kVniCapitalOffset = 0x20;

// windows-1252 at 0x80-0x9F (Latin-1 has C1 controls there); the five
// undefined positions keep their C1 code points.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
// Word stores the bytes of a symbol font at U+F000 + byte.
constexpr char32_t kSymbolFontBase = 0xF000;

char32_t cp1252(unsigned char byte) {
  return byte >= 0x80 && byte < 0xA0 ? kCp1252High[byte - 0x80] : char32_t{byte};
}

// The byte a windows-1252 / Latin-1 / symbol-font code point stands for.
std::optional<unsigned char> byte_of(char32_t c) {
  if (c < 0x100) return static_cast<unsigned char>(c);
  if (c >= kSymbolFontBase + 0x20 && c <= kSymbolFontBase + 0xFF) {
    return static_cast<unsigned char>(c - kSymbolFontBase);
  }
  for (std::size_t i = 0; i < kCp1252High.size(); ++i) {
    if (kCp1252High[i] == c) return static_cast<unsigned char>(0x80 + i);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// UTF-8 / UTF-32 helpers.

void append_utf8(std::string& out, char32_t c) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<std::size_t>(n));
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    out += c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 2);
  for (const char32_t c : s) append_utf8(out, c);
  return out;
}

// ---------------------------------------------------------------------------
// Decoding.

// TCVN3, byte by byte, as UTF-8: each byte's character and its capital,
// and what kind of letter it is (for the capitals-only words below).
enum class LetterKind : std::uint8_t { kNone, kLower, kAsciiLower, kCapital };

struct Tcvn3Table {
  std::array<std::string, 256> utf8, capital_utf8;
  std::array<LetterKind, 256> kind{};
};

const Tcvn3Table& tcvn3_table() {
  static const Tcvn3Table table = [] {
    std::array<char32_t, 256> chars{};
    for (unsigned b = 0; b < 256; ++b) chars[b] = cp1252(static_cast<unsigned char>(b));
    for (const ByteLetter& e : kTcvn3) chars[e.byte] = e.letter;
    Tcvn3Table t;
    for (unsigned b = 0; b < 256; ++b) {
      const auto c = static_cast<UChar32>(chars[b]);
      append_utf8(t.utf8[b], chars[b]);
      append_utf8(t.capital_utf8[b], static_cast<char32_t>(u_toupper(c)));
      t.kind[b] = !u_isalpha(c) ? LetterKind::kNone
                  : (b >= 'a' && b <= 'z') ? LetterKind::kAsciiLower
                  : u_isupper(c) ? LetterKind::kCapital : LetterKind::kLower;
    }
    return t;
  }();
  return table;
}

LetterKind kind_of(char32_t unit) {
  if (unit < 0x100) return tcvn3_table().kind[unit];
  const auto c = static_cast<UChar32>(unit);
  return !u_isalpha(c) ? LetterKind::kNone : u_isupper(c) ? LetterKind::kCapital : LetterKind::kLower;
}

void append_tcvn3(std::string& out, char32_t unit, bool capital) {
  if (unit < 0x100) {
    out += capital ? tcvn3_table().capital_utf8[unit] : tcvn3_table().utf8[unit];
  } else {
    append_utf8(out, capital ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(unit))) : unit);
  }
}

// TCVN3 has no capitals with tone marks, so a word whose letters after
// the first include a capital and no ASCII lower-case letter was written
// in a capitals-only (.VnTimeH) font: "CHủ" -> "CHỦ". "Tự", "Đà" (a
// capital, then lower-case letters) are ordinary words.
std::string decode_tcvn3(std::u32string_view units) {
  std::string out;
  out.reserve(units.size() + units.size() / 2);
  std::size_t i = 0;
  while (i < units.size()) {
    std::size_t end = i;
    bool inner_capital = false, ascii_lower = false;
    for (; end < units.size(); ++end) {
      const LetterKind k = kind_of(units[end]);
      if (k == LetterKind::kNone) break;
      inner_capital |= end > i && k == LetterKind::kCapital;
      ascii_lower |= k == LetterKind::kAsciiLower;
    }
    if (end == i) {
      append_tcvn3(out, units[i++], false);
      continue;
    }
    const bool capitals = inner_capital && !ascii_lower;
    for (; i < end; ++i) append_tcvn3(out, units[i], capitals);
  }
  return out;
}

// VNI byte by byte: the mark a byte is (any case), or the letter it is.
struct VniTable {
  std::array<const VniMark*, 256> mark{};
  std::array<char32_t, 256> letter{};
};

const VniTable& vni_table() {
  static const VniTable table = [] {
    VniTable t;
    for (const VniMark& m : kVniMarks) t.mark[m.byte] = t.mark[m.byte - kVniCapitalOffset] = &m;
    for (const ByteLetter& e : kVniLetters) {
      t.letter[e.byte] = e.letter;
      t.letter[e.byte - kVniCapitalOffset] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(e.letter)));
    }
    return t;
  }();
  return table;
}

// Whether a VNI mark may follow `base`: tones go on any vowel (and ơ ư),
// the circumflex on a e o, the breve on a.
bool vni_mark_fits(const VniMark& mark, char32_t base) {
  const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(base)));
  if (mark.quality == 0x306) return lower == U'a';
  if (mark.quality == 0x302) return lower == U'a' || lower == U'e' || lower == U'o';
  return std::u32string_view(U"aeiouyơư").find(lower) != std::u32string_view::npos;
}

// A base letter with a VNI mark, precomposed ("a" + circumflex + dot below
// = "ậ"), so decoded VNI is NFC without a normalization pass. Built once
// from ICU's composition.
char32_t compose(char32_t base, const VniMark& mark) {
  static const auto table = [] {
    std::unordered_map<std::uint64_t, char32_t> t;
    for (const char32_t b : std::u32string_view(U"aeiouyAEIOUYơưƠƯ")) {
      for (const VniMark& m : kVniMarks) {
        std::u32string marked(1, b);
        if (m.quality != 0) marked += m.quality;
        if (m.tone != 0) marked += m.tone;
        const std::u32string c = to_u32(to_nfc(to_utf8(marked)));
        if (c.size() == 1) t[(std::uint64_t{b} << 8) | m.byte] = c[0];
      }
    }
    return t;
  }();
  const auto it = table.find((std::uint64_t{base} << 8) | mark.byte);
  return it == table.end() ? base : it->second;
}

std::u32string decode_vni(std::u32string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  bool base = false;  // the last character is a letter a mark may follow
  const VniTable& table = vni_table();
  for (const char32_t b : bytes) {
    if (b < 0x80) {
      out += b;
      base = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
      continue;
    }
    const VniMark* mark = b < 0x100 ? table.mark[b] : nullptr;
    if (mark != nullptr && base && vni_mark_fits(*mark, out.back())) {
      out.back() = compose(out.back(), *mark);
      base = false;
      continue;
    }
    const char32_t letter = b < 0x100 ? table.letter[b] : 0;
    out += letter != 0 ? letter : (b < 0x100 ? cp1252(static_cast<unsigned char>(b)) : b);
    base = letter != 0;
  }
  return out;
}

// Decodes bytes (units below 0x100; others pass through) to UTF-8 in NFC
// as far as the tables go: every character they produce is precomposed.
std::string decode_units(std::u32string_view bytes, LegacyEncoding encoding) {
  return encoding == LegacyEncoding::kTcvn3 ? decode_tcvn3(bytes) : to_utf8(decode_vni(bytes));
}

}  // namespace

std::string_view to_string(LegacyEncoding encoding) {
  return encoding == LegacyEncoding::kTcvn3 ? "tcvn3" : "vni";
}

std::optional<LegacyFont> legacy_font(std::string_view font_name) {
  std::string name;
  for (const char c : font_name) {
    if (c != ' ') name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (name.size() > 3 && name.compare(0, 3, ".vn") == 0) {
    // ".VnTimeH", ".VnArialH", ".VnAvantH": the capitals-only variants.
    return LegacyFont{LegacyEncoding::kTcvn3, font_name.back() == 'H'};
  }
  if (name.size() > 4 && name.compare(0, 4, "vni-") == 0) {
    return LegacyFont{LegacyEncoding::kVni, false};
  }
  return std::nullopt;
}

std::string decode_legacy(std::string_view bytes, LegacyEncoding encoding) {
  std::u32string units(bytes.size(), 0);
  std::transform(bytes.begin(), bytes.end(), units.begin(),
                 [](char c) { return static_cast<char32_t>(static_cast<unsigned char>(c)); });
  return decode_units(units, encoding);
}

std::string decode_legacy_mojibake(std::string_view utf8, LegacyEncoding encoding,
                                   bool capitals_only) {
  std::u32string units = to_u32(utf8);
  for (char32_t& c : units) {
    if (c < 0x80) continue;
    if (const auto b = byte_of(c)) c = *b;
  }
  std::string decoded = decode_units(units, encoding);
  if (capitals_only) {
    std::u32string upper = to_u32(decoded);
    for (char32_t& c : upper) c = static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
    decoded = to_utf8(upper);
  }
  // Characters that passed through may be decomposed.
  return to_nfc(decoded);
}

bool could_be_mojibake(std::string_view utf8) {
  if (is_ascii(utf8)) return false;
  const auto n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    if (c < 0 || (c >= 0x80 && !byte_of(static_cast<char32_t>(c)))) return false;
  }
  return true;
}

namespace {

// code point -> bytes, derived from the decoder itself so that encoding is
// its exact inverse: the encoding's own letters first, then (VNI) every
// base letter + mark byte, then the windows-1252 readings of free bytes.
using InverseTable = std::unordered_map<char32_t, std::string>;

void add_inverse(InverseTable& table, std::u32string_view bytes, LegacyEncoding encoding) {
  const std::u32string nfc = to_u32(to_nfc(decode_units(bytes, encoding)));
  if (nfc.size() != 1) return;
  std::string encoded;
  for (const char32_t b : bytes) encoded += static_cast<char>(b);
  table.emplace(nfc[0], encoded);  // the first way found wins
}

InverseTable build_inverse(LegacyEncoding encoding) {
  InverseTable table;
  for (char32_t b = 0x01; b < 0x80; ++b) add_inverse(table, std::u32string(1, b), encoding);
  if (encoding == LegacyEncoding::kTcvn3) {
    for (const ByteLetter& e : kTcvn3) add_inverse(table, std::u32string(1, e.byte), encoding);
  } else {
    for (const ByteLetter& e : kVniLetters) {
      add_inverse(table, std::u32string(1, e.byte), encoding);
      add_inverse(table, std::u32string(1, e.byte - kVniCapitalOffset), encoding);
    }
    const std::u32string bases = U"aeiouyAEIOUY\xF4\xF6\xD4\xD6";  // + ơ ư Ơ Ư
    for (const char32_t base : bases) {
      for (char32_t b = 0x80; b < 0x100; ++b) add_inverse(table, std::u32string{base, b}, encoding);
    }
  }
  for (char32_t b = 0x80; b < 0x100; ++b) add_inverse(table, std::u32string(1, b), encoding);
  return table;
}

const InverseTable& inverse(LegacyEncoding encoding) {
  static const InverseTable tcvn3 = build_inverse(LegacyEncoding::kTcvn3);
  static const InverseTable vni = build_inverse(LegacyEncoding::kVni);
  return encoding == LegacyEncoding::kTcvn3 ? tcvn3 : vni;
}

}  // namespace

std::optional<std::string> encode_legacy(std::string_view utf8, LegacyEncoding encoding) {
  const InverseTable& table = inverse(encoding);
  std::string out;
  for (const char32_t c : to_u32(to_nfc(utf8))) {
    auto it = table.find(c);
    if (it == table.end()) {
      // TCVN3 lacks most capitals: write the lower-case letter.
      it = table.find(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    }
    if (it == table.end()) return std::nullopt;
    out += it->second;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Syllable plausibility.

namespace {

constexpr char32_t kToneMarks[] = {0x300, 0x301, 0x303, 0x309, 0x323};
constexpr char32_t kAcute = 0x301, kDotBelow = 0x323;

// A syllable spelled in lower-case ASCII, Telex style (â = "aa", ă = "aw",
// ơ = "ow", đ = "dd"), and its tone mark (0 for none).
struct Spelling {
  std::string letters;
  char32_t tone = 0;
};

// How one letter (any case, precomposed) spells: up to 2 ASCII letters of
// Telex and a tone; empty letters for a character that is not a
// Vietnamese letter. Built once from ICU's decompositions, so scoring a
// word needs no normalization.
struct LetterSpelling {
  char letters[3] = {0, 0, 0};
  char32_t tone = 0;
};

std::optional<LetterSpelling> spell_nfd(const icu::UnicodeString& nfd) {
  LetterSpelling out;
  std::string letters;
  for (int32_t i = 0; i < nfd.length(); ++i) {
    const char16_t c = nfd[i];
    if (c >= 'a' && c <= 'z' && c != 'f' && c != 'j' && c != 'w' && c != 'z' && letters.empty()) {
      letters += static_cast<char>(c);
    } else if (c == u'đ' && letters.empty()) {
      letters = "dd";
    } else if (std::find(std::begin(kToneMarks), std::end(kToneMarks), c) != std::end(kToneMarks) &&
               out.tone == 0) {
      out.tone = c;
    } else if (letters.size() == 1 && c == 0x302 && std::string_view("aeo").find(letters[0]) != std::string_view::npos) {
      letters += letters[0];
    } else if (letters.size() == 1 && c == 0x306 && letters[0] == 'a') {
      letters += 'w';
    } else if (letters.size() == 1 && c == 0x31B && (letters[0] == 'o' || letters[0] == 'u')) {
      letters += 'w';
    } else {
      return std::nullopt;
    }
  }
  if (letters.empty()) return std::nullopt;
  std::copy(letters.begin(), letters.end(), out.letters);
  return out;
}

// ICU's NFD: immutable, owned by ICU, shared.
const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD data unavailable");
  return *n;
}

// Latin letters with Vietnamese marks live in these two blocks.
constexpr char32_t kLatinFrom = 0x00C0, kLatinTo = 0x01B0;
constexpr char32_t kVietFrom = 0x1EA0, kVietTo = 0x1EF9;

const std::unordered_map<char32_t, LetterSpelling>& letter_spellings() {
  static const auto table = [] {
    std::unordered_map<char32_t, LetterSpelling> t;
    auto add = [&](char32_t c) {
      icu::UnicodeString u(static_cast<UChar32>(c));
      u.toLower();
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString d = nfd().normalize(u, status);
      if (U_FAILURE(status)) return;
      if (const auto s = spell_nfd(d)) t.emplace(c, *s);
    };
    for (char32_t c = 'A'; c <= 'z'; ++c) add(c);
    for (char32_t c = kLatinFrom; c <= kLatinTo; ++c) add(c);
    for (char32_t c = kVietFrom; c <= kVietTo; ++c) add(c);
    return t;
  }();
  return table;
}

// Spells an NFC word letter by letter; std::nullopt if a character is not
// a Vietnamese letter or the word has two tone marks.
std::optional<Spelling> spell(std::u32string_view word) {
  const auto& table = letter_spellings();
  Spelling s;
  for (const char32_t c : word) {
    const auto it = table.find(c);
    if (it == table.end()) return std::nullopt;
    if (it->second.tone != 0) {
      if (s.tone != 0) return std::nullopt;
      s.tone = it->second.tone;
    }
    s.letters += it->second.letters;
  }
  return s;
}

bool is_vowel_letter(char c) { return std::string_view("aeiouy").find(c) != std::string_view::npos; }

// Vowel nuclei (with their glides) in Telex spelling.
bool is_nucleus(std::string_view v) {
  static const std::string_view kNuclei[] = {
      "a", "aw", "aa", "e", "ee", "i", "o", "oo", "ow", "u", "uw", "y",
      "ai", "ao", "au", "ay", "aau", "aay", "eo", "eeu", "ia", "iu", "oi", "ooi", "owi",
      "ua", "ui", "uwa", "uwi", "uwu", "uy", "iee", "yee", "uoo", "uwow", "oa", "oaw",
      "oe", "uee", "uaa", "uya", "uyu", "uyee", "ieeu", "yeeu", "oai", "oay", "oao", "oeo",
      "uaay", "uooi", "uwowi", "uwowu", "uow"};
  return std::find(std::begin(kNuclei), std::end(kNuclei), v) != std::end(kNuclei);
}

// Splits off the onset: the longest consonant cluster that leaves a vowel.
std::string_view onset_of(std::string_view letters) {
  static const std::string_view kOnsets[] = {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu",
                                             "th", "tr", "dd", "b", "c", "d", "g", "h", "k",
                                             "l", "m", "n", "p", "r", "s", "t", "v", "x"};
  for (const std::string_view o : kOnsets) {
    if (letters.substr(0, o.size()) == o && letters.size() > o.size() &&
        is_vowel_letter(letters[o.size()])) {
      return o;
    }
  }
  return {};
}

std::string_view coda_of(std::string_view rest) {
  static const std::string_view kCodas[] = {"ng", "nh", "ch", "c", "m", "n", "p", "t"};
  for (const std::string_view c : kCodas) {
    if (rest.size() > c.size() && rest.substr(rest.size() - c.size()) == c) return c;
  }
  return {};
}

bool well_formed(const Spelling& s) {
  std::string_view rest = s.letters;
  rest.remove_prefix(onset_of(rest).size());
  const std::string_view coda = coda_of(rest);
  rest.remove_suffix(coda.size());
  if (!is_nucleus(rest)) return false;
  // After a stop (c, ch, p, t) only the rising tones are possible.
  const bool stop = coda == "c" || coda == "ch" || coda == "p" || coda == "t";
  return !stop || s.tone == kAcute || s.tone == kDotBelow;
}

// Words: runs between white space and ASCII punctuation, without the
// punctuation (quotes, dashes) at their ends.
template <typename F>
void for_each_word(std::u32string_view text, F&& on_word) {
  auto separator = [](char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           (c < 0x80 && u_ispunct(static_cast<UChar32>(c))) || (c >= '0' && c <= '9');
  };
  auto edge_punct = [](char32_t c) { return u_ispunct(static_cast<UChar32>(c)) != 0; };
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && separator(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !separator(text[end])) ++end;
    std::u32string_view word = text.substr(i, end - i);
    while (!word.empty() && edge_punct(word.front())) word.remove_prefix(1);
    while (!word.empty() && edge_punct(word.back())) word.remove_suffix(1);
    if (!word.empty()) on_word(word);
    i = end;
  }
}

}  // namespace

double SyllableScore::plausibility() const {
  const std::size_t n = vietnamese + other;
  return n == 0 ? 0.0 : static_cast<double>(vietnamese) / static_cast<double>(n);
}

bool is_vietnamese_syllable(std::string_view word) {
  const std::optional<Spelling> s = spell(to_u32(to_nfc(word)));
  return s && !s->letters.empty() && well_formed(*s);
}

SyllableScore score_vietnamese(std::string_view utf8) {
  SyllableScore score;
  for_each_word(to_u32(to_nfc(utf8)), [&](std::u32string_view word) {
    if (std::all_of(word.begin(), word.end(), [](char32_t c) { return c < 0x80; })) return;
    const std::optional<Spelling> s = spell(word);
    if (s && well_formed(*s)) {
      ++score.vietnamese;
    } else {
      ++score.other;
    }
  });
  return score;
}

}  // namespace vanban::text
