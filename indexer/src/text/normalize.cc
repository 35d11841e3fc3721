#include "vanban/text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <stdexcept>
#include <string>
#include <vector>

#include "vanban/text/utf8.h"

namespace vanban::text {
namespace {

const icu::Normalizer2& nfc_instance() {
  // ICU owns the singleton; it is immutable and safe to share.
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU NFC data unavailable: ") +
                               u_errorName(status));
    }
    return n;
  }();
  return *nfc;
}

const icu::Normalizer2& nfd_instance() {
  static const icu::Normalizer2* const nfd = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU NFD data unavailable: ") +
                               u_errorName(status));
    }
    return n;
  }();
  return *nfd;
}

constexpr UChar32 kDStroke = 0x0111;  // đ: no canonical decomposition

bool is_tone_mark(UChar32 c) {
  // grave, acute, tilde, hook above, dot below
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 ||
         c == 0x0323;
}

bool is_vowel_modifier(UChar32 c) {
  // circumflex (â ê ô), breve (ă), horn (ơ ư)
  return c == 0x0302 || c == 0x0306 || c == 0x031B;
}

bool is_vowel(UChar32 c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool is_vietnamese_letter(UChar32 c) {
  return (c >= 'a' && c <= 'z') || c == kDStroke;
}

// One base letter with its combining marks, in NFD.
struct Unit {
  UChar32 base = 0;
  std::array<UChar32, 4> marks{};
  int mark_count = 0;
  bool has_modifier() const {
    for (int i = 0; i < mark_count; ++i) {
      if (is_vowel_modifier(marks[i])) return true;
    }
    return false;
  }
};

// Moves the tone mark of one lower-case NFD syllable onto its canonical
// vowel and returns the syllable; returns `nfd` unchanged when it is not a
// well-formed Vietnamese syllable with exactly one tone mark.
//
// The canonical placement is the traditional one used by most official
// documents ("hòa", "thủy", "khỏe"): with a modified vowel (â ă ê ô ơ ư) the
// tone goes on it (the last one, for ươ); with a final consonant, on the last
// vowel of the nucleus; in an open syllable, on the first of two vowels or
// the middle of three. "qu" and "gi" + vowel are onsets, not vowels.
// A syllable taken apart: its letters with their non-tone marks, and its
// one tone mark.
struct Syllable {
  std::array<Unit, 12> units;
  int n = 0;
  UChar32 tone = 0;
};

// Splits a lower-case NFD syllable; std::nullopt unless it is made of
// Vietnamese letters and has exactly one tone mark.
std::optional<Syllable> split_syllable(const icu::UnicodeString& nfd) {
  Syllable s;
  int tones = 0;
  for (int32_t i = 0; i < nfd.length();) {
    const UChar32 c = nfd.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) == 0) {
      if (s.n == static_cast<int>(s.units.size()) || !is_vietnamese_letter(c)) return std::nullopt;
      s.units[s.n++].base = c;
      continue;
    }
    if (s.n == 0 || s.units[s.n - 1].mark_count == 4) return std::nullopt;
    if (is_tone_mark(c)) {
      ++tones;
      s.tone = c;  // re-inserted on the canonical vowel
    } else {
      Unit& u = s.units[s.n - 1];
      u.marks[u.mark_count++] = c;
    }
  }
  if (tones != 1) return std::nullopt;
  return s;
}

// The vowels of the nucleus, [first, last); first == last when there is
// none or there are two nuclei (not one syllable).
std::pair<int, int> nucleus(const Syllable& s) {
  int i = 0;
  while (i < s.n && !is_vowel(s.units[i].base)) ++i;
  const auto& u = s.units;
  if (i < s.n && i == 1 && u[0].base == 'q' && u[1].base == 'u' && u[1].mark_count == 0) {
    ++i;  // "qu" is an onset: quý, quà
  } else if (i == 1 && u[0].base == 'g' && u[1].base == 'i' && i + 1 < s.n &&
             is_vowel(u[i + 1].base)) {
    ++i;  // "gi" + vowel is an onset: giữa, già
  }
  int j = i;
  while (j < s.n && is_vowel(u[j].base)) ++j;
  for (int k = j; k < s.n; ++k) {
    if (is_vowel(u[k].base)) return {i, i};
  }
  return {i, j};
}

// The unit that carries the tone (see place_tone), or -1.
int tone_target(const Syllable& s, int first, int last) {
  int target = -1;
  for (int k = first; k < last; ++k) {
    if (s.units[k].has_modifier()) target = k;
  }
  if (target >= 0) return target;
  const int len = last - first;
  if (last < s.n) return last - 1;  // a final consonant
  if (len <= 2) return first;
  if (len == 3) return first + 1;
  return -1;
}

// Moves the tone mark of one lower-case NFD syllable onto its canonical
// vowel and returns the syllable; returns `nfd` unchanged when it is not a
// well-formed Vietnamese syllable with exactly one tone mark.
//
// The canonical placement is the traditional one used by most official
// documents ("hòa", "thủy", "khỏe"): with a modified vowel (â ă ê ô ơ ư) the
// tone goes on it (the last one, for ươ); with a final consonant, on the last
// vowel of the nucleus; in an open syllable, on the first of two vowels or
// the middle of three. "qu" and "gi" + vowel are onsets, not vowels.
icu::UnicodeString place_tone(const icu::UnicodeString& nfd) {
  std::optional<Syllable> s = split_syllable(nfd);
  if (!s) return nfd;
  const auto [first, last] = nucleus(*s);
  if (first == last) return nfd;
  const int target = tone_target(*s, first, last);
  if (target < 0 || s->units[target].mark_count == 4) return nfd;
  Unit& t = s->units[target];
  t.marks[t.mark_count++] = s->tone;
  icu::UnicodeString out;
  for (int k = 0; k < s->n; ++k) {
    out.append(s->units[k].base);
    for (int m = 0; m < s->units[k].mark_count; ++m) out.append(s->units[k].marks[m]);
  }
  return out;
}

// Onsets after which a final "y" and "i" spell the same syllable: "kỹ/kĩ",
// "sỹ/sĩ", "lý/lí", "mỹ/mĩ", "quý/quí". Not "y" alone ("ý kiến") nor a
// vowel cluster ("tuy", "máy").
bool iy_onset(std::u32string_view onset) {
  static const std::u32string_view kOnsets[] = {
      U"b", U"c", U"d", U"\u0111", U"g", U"h", U"k", U"l", U"m", U"n", U"p", U"r", U"s", U"t",
      U"v", U"x", U"ch", U"gh", U"kh", U"ng", U"nh", U"ph", U"th", U"tr", U"qu"};
  for (const auto o : kOnsets) {
    if (onset == o) return true;
  }
  return false;
}

// Spells a final "y" after an onset as "i", in a lower-case NFD syllable.
icu::UnicodeString y_as_i(const icu::UnicodeString& nfd) {
  std::u32string bases;
  int32_t y_at = -1;
  for (int32_t i = 0; i < nfd.length();) {
    const UChar32 c = nfd.char32At(i);
    if (u_getCombiningClass(c) == 0) {
      bases += static_cast<char32_t>(c);
      if (c == 'y') y_at = i;
    }
    i += U16_LENGTH(c);
  }
  if (bases.size() < 2 || bases.back() != U'y' ||
      !iy_onset(std::u32string_view(bases).substr(0, bases.size() - 1))) {
    return nfd;
  }
  icu::UnicodeString out(nfd);
  out.setCharAt(y_at, u'i');
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Lower-cased NFD of `utf8`.
icu::UnicodeString lower_nfd(std::string_view utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.toLower(icu::Locale::getRoot());
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString d = nfd_instance().normalize(u, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD failed");
  return d;
}

std::string strip_marks(const icu::UnicodeString& nfd) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < nfd.length();) {
    const UChar32 c = nfd.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0) continue;
    out.append(c == kDStroke ? UChar32{'d'} : c);
  }
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace

std::string to_nfc(std::string_view utf8) {
  if (is_ascii(utf8)) return std::string(utf8);
  const icu::Normalizer2& nfc = nfc_instance();
  if (!is_valid_utf8(utf8)) {
    // The UTF-8 paths below pass ill-formed bytes through; the contract
    // promises U+FFFD, which the UTF-16 conversion provides.
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString u = nfc.normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))),
        status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFC failed");
    std::string out;
    u.toUTF8String(out);
    return out;
  }
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  UErrorCode status = U_ZERO_ERROR;
  if (nfc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return std::string(utf8);
  }
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU NFC failed: ") +
                             u_errorName(status));
  }
  return out;
}

namespace {

WordForms compute_word_forms(std::string_view word);

}  // namespace

WordForms word_forms(std::string_view word) {
  // A language has a few thousand syllables, met over and over: remember
  // their forms per thread instead of running ICU on each occurrence. Two
  // generations of at most kMaxCached words each: when the young one is
  // full it becomes the old one (the words met since are the ones in use)
  // and the words met again move back. The bound matters in the server,
  // where every worker thread keeps its own memo for the life of the
  // process: valgrind's massif showed it growing with the words of each
  // re-indexed document's snippets (up to 2^17 words a thread before).
  constexpr std::size_t kMaxCached = 1 << 13;
  thread_local std::unordered_map<std::string, WordForms> young;
  thread_local std::unordered_map<std::string, WordForms> old;
  if (word.size() > 32) return compute_word_forms(word);
  std::string key(word);
  if (const auto it = young.find(key); it != young.end()) return it->second;
  const auto it = old.find(key);
  WordForms forms = it != old.end() ? it->second : compute_word_forms(word);
  if (young.size() >= kMaxCached) {
    old = std::move(young);
    young = {};
  }
  young.emplace(std::move(key), forms);
  return forms;
}

namespace {

WordForms compute_word_forms(std::string_view word) {
  if (is_ascii(word)) {
    std::string lower = ascii_lower(word);
    if (lower.size() >= 2 && lower.back() == 'y') {
      std::u32string onset(lower.begin(), lower.end() - 1);
      if (iy_onset(onset)) lower.back() = 'i';
    }
    return {lower, lower};
  }
  const icu::UnicodeString nfd = y_as_i(lower_nfd(word));
  WordForms forms;
  forms.folded = strip_marks(nfd);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString exact =
      nfc_instance().normalize(place_tone(nfd), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC failed");
  exact.toUTF8String(forms.exact);
  return forms;
}

// fold() one code point at a time, for the blocks where that gives what
// folding the whole string gives: Latin (with Vietnamese), the combining
// marks and general punctuation. There, lower-casing needs no context (no
// Greek final sigma) and NFD's reordering only moves marks that are all
// dropped. Each entry is computed once by the ICU path itself.
class FoldTable {
 public:
  static const FoldTable& get() {
    static const FoldTable table;
    return table;
  }
  // The folded form of `c`, or null outside the table's blocks.
  const std::string* find(UChar32 c) const {
    for (const Block& b : kBlocks) {
      if (c >= b.first && c < b.end) return &forms_[b.offset + static_cast<std::size_t>(c - b.first)];
    }
    return nullptr;
  }

 private:
  struct Block {
    UChar32 first, end;
    std::size_t offset;
  };
  static constexpr std::array<Block, 3> kBlocks{{
      {0x0080, 0x0370, 0},               // Latin-1 to the combining marks
      {0x1E00, 0x1F00, 0x2F0},           // Latin Extended Additional (Vietnamese)
      {0x2000, 0x2070, 0x2F0 + 0x100},   // general punctuation
  }};
  static constexpr std::size_t kSize = 0x2F0 + 0x100 + 0x70;

  FoldTable() : forms_(kSize) {
    for (const Block& b : kBlocks) {
      for (UChar32 c = b.first; c < b.end; ++c) {
        icu::UnicodeString one(c);
        std::string utf8;
        one.toUTF8String(utf8);
        forms_[b.offset + static_cast<std::size_t>(c - b.first)] = strip_marks(lower_nfd(utf8));
      }
    }
  }
  std::vector<std::string> forms_;
};

// fold() through the table; false (and `out` unspecified) when a code point
// is outside it or the bytes are not UTF-8.
bool fold_by_table(std::string_view utf8, std::string& out) {
  const FoldTable& table = FoldTable::get();
  out.clear();
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  for (std::int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      const char c = static_cast<char>(s[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    const std::string* form = c < 0 ? nullptr : table.find(c);
    if (!form) return false;
    out += *form;
  }
  return true;
}

std::string fold_by_icu(std::string_view utf8) { return strip_marks(lower_nfd(utf8)); }

}  // namespace

std::string fold(std::string_view utf8) {
  if (is_ascii(utf8)) return ascii_lower(utf8);
  std::string out;
  if (fold_by_table(utf8, out)) return out;
  return fold_by_icu(utf8);
}

bool has_diacritics(std::string_view utf8) {
  if (is_ascii(utf8)) return false;
  const icu::UnicodeString nfd = lower_nfd(utf8);
  for (int32_t i = 0; i < nfd.length();) {
    const UChar32 c = nfd.char32At(i);
    i += U16_LENGTH(c);
    if (c == kDStroke || u_getCombiningClass(c) != 0) return true;
  }
  return false;
}

}  // namespace vanban::text
