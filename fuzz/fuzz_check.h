// Shared helpers for the libFuzzer targets in this directory.
//
// The fuzzers check invariants, not only "does not crash": a broken
// invariant prints what was expected and aborts, which libFuzzer reports as
// a crash and saves the input (crash-<sha1>) for reproduction.
//
// The checks here deliberately do not call vanban's own helpers
// (is_valid_utf8, to_nfc, ...) so that a bug in those cannot hide a bug
// elsewhere: UTF-8 validity comes from ICU's U8_NEXT, NFC from ICU's
// Normalizer2 on UTF-16.
#ifndef VANBAN_FUZZ_FUZZ_CHECK_H_
#define VANBAN_FUZZ_FUZZ_CHECK_H_

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

// Make UBSan findings fatal even when the binary is run by hand without
// UBSAN_OPTIONS: clang's -fsanitize=undefined recovers by default, and a
// report that does not stop the run is invisible to libFuzzer. Each fuzzer
// is a single translation unit, so defining these here is fine.
extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1";
}

namespace vanban::fuzz {

// Printable form of bytes for failure messages: ASCII as is, the rest \xNN.
inline std::string show(std::string_view s, std::size_t max = 400) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < max; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  if (s.size() > max) out += "...(" + std::to_string(s.size()) + " bytes)";
  return out;
}

[[noreturn]] inline void fail(const char* file, int line, const char* what,
                              const std::string& detail) {
  std::fprintf(stderr, "\n==== vanban fuzz invariant broken at %s:%d\n  %s\n%s\n", file,
               line, what, detail.c_str());
  std::fflush(stderr);
  std::abort();
}

// CHECK(cond, detail): `detail` is a std::string expression, evaluated only
// on failure.
#define VANBAN_FUZZ_CHECK(cond, detail)                                        \
  do {                                                                         \
    if (!(cond)) ::vanban::fuzz::fail(__FILE__, __LINE__, #cond, (detail));   \
  } while (0)

// Well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF),
// judged by ICU rather than by vanban::text::is_valid_utf8.
inline bool valid_utf8(std::string_view s) {
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Byte offset of the first ill-formed sequence, or npos.
inline std::size_t first_invalid_utf8(std::string_view s) {
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return static_cast<std::size_t>(at);
  }
  return std::string_view::npos;
}

// `pos` is a code point boundary of valid UTF-8 `s` (or its end).
inline bool on_boundary(std::string_view s, std::size_t pos) {
  if (pos > s.size()) return false;
  if (pos == s.size()) return true;
  return (static_cast<unsigned char>(s[pos]) & 0xC0) != 0x80;
}

// [start, end) is a well-formed range of `s` on code point boundaries.
inline bool good_range(std::string_view s, std::size_t start, std::size_t end) {
  return start <= end && end <= s.size() && on_boundary(s, start) && on_boundary(s, end);
}

inline icu::UnicodeString utf16(std::string_view s) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// Valid UTF-8 in Normalization Form C.
inline bool is_nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) std::abort();
  const bool yes = nfc->isNormalized(utf16(s), status);
  return U_SUCCESS(status) && yes;
}

// NFC / NFD of valid UTF-8, computed by ICU on UTF-16.
inline std::string normalize(std::string_view s, bool compose) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = compose ? icu::Normalizer2::getNFCInstance(status)
                                      : icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) std::abort();
  const icu::UnicodeString out = n->normalize(utf16(s), status);
  if (U_FAILURE(status)) std::abort();
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// ISO date as vanban writes them: "YYYY-MM-DD" or "YYYY-MM".
inline bool iso_date_shape(std::string_view d) {
  if (d.size() != 7 && d.size() != 10) return false;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
  }
  return true;
}

}  // namespace vanban::fuzz

#endif  // VANBAN_FUZZ_FUZZ_CHECK_H_
