#include "text/letter_case.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace vanban::text {
namespace {

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// `utf8` with its first code point mapped by `map` (u_toupper, u_tolower).
std::string map_first(std::string_view utf8, UChar32 (*map)(UChar32)) {
  if (utf8.empty()) return {};
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(utf8.data(), i, static_cast<int32_t>(utf8.size()), c);
  if (c < 0) return std::string(utf8);
  icu::UnicodeString first(map(c));
  return to_utf8(first) + std::string(utf8.substr(static_cast<std::size_t>(i)));
}

}  // namespace

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c) != 0;
}

bool starts_lower(std::string_view word) {
  if (word.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_islower(c) != 0;
}

bool all_upper(std::string_view word) {
  bool letter = false;
  const auto n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0 || u_islower(c)) return false;
    letter = letter || u_isalpha(c);
  }
  return letter;
}

std::string to_lower(std::string_view utf8) {
  icu::UnicodeString u = to_unicode(utf8);
  u.toLower(icu::Locale::getRoot());
  return to_utf8(u);
}

std::string with_first_upper(std::string_view utf8) { return map_first(utf8, u_toupper); }

std::string with_first_lower(std::string_view utf8) { return map_first(utf8, u_tolower); }

}  // namespace vanban::text
