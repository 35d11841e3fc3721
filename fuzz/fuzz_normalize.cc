// Fuzzes text/utf8.h and text/normalize.h: the spelling decisions that the
// indexer and the query builder share.
//
// Raw bytes go to the functions whose contract covers ill-formed UTF-8
// (find_invalid_utf8, is_ascii, to_nfc, fold); the rest get the input only
// when it is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "vanban/text/normalize.h"
#include "vanban/text/utf8.h"

namespace {

using vanban::fuzz::show;
namespace text = vanban::text;

void check_utf8_helpers(std::string_view s) {
  const auto bad = text::find_invalid_utf8(s);
  const std::size_t expected = vanban::fuzz::first_invalid_utf8(s);
  VANBAN_FUZZ_CHECK(bad.value_or(std::string_view::npos) == expected,
                    "find_invalid_utf8 says " +
                        (bad ? std::to_string(*bad) : std::string("valid")) + ", ICU says " +
                        (expected == std::string_view::npos ? std::string("valid")
                                                            : std::to_string(expected)) +
                        " for " + show(s));
  bool ascii = true;
  for (const char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  VANBAN_FUZZ_CHECK(text::is_ascii(s) == ascii, "is_ascii wrong for " + show(s));
}

void check_to_nfc(std::string_view s, bool valid) {
  const std::string nfc = text::to_nfc(s);
  // Contract: ill-formed UTF-8 is replaced with U+FFFD, so the output is
  // always valid.
  VANBAN_FUZZ_CHECK(vanban::fuzz::valid_utf8(nfc),
                    "to_nfc output is not valid UTF-8: " + show(s) + " -> " + show(nfc));
  if (!valid) return;
  const std::string expected = vanban::fuzz::normalize(s, /*compose=*/true);
  VANBAN_FUZZ_CHECK(nfc == expected,
                    "to_nfc differs from ICU NFC: " + show(s) + " -> " + show(nfc) +
                        ", expected " + show(expected));
  VANBAN_FUZZ_CHECK(text::to_nfc(nfc) == nfc, "to_nfc not idempotent: " + show(s));
}

void check_fold(std::string_view s, bool valid) {
  const std::string f = text::fold(s);
  // Contract: "arbitrary text" in, UTF-8 out.
  VANBAN_FUZZ_CHECK(vanban::fuzz::valid_utf8(f),
                    "fold output is not valid UTF-8: " + show(s) + " -> " + show(f));
  if (!valid) return;
  const std::string ff = text::fold(f);
  VANBAN_FUZZ_CHECK(ff == f, "fold not idempotent: fold(" + show(s) + ") = " + show(f) +
                                 ", fold of that = " + show(ff));
  VANBAN_FUZZ_CHECK(!text::has_diacritics(f),
                    "folded text still has diacritics: " + show(s) + " -> " + show(f));
  // Index time and query time may see different normalization forms.
  const std::string nfd = vanban::fuzz::normalize(s, /*compose=*/false);
  const std::string nfc = vanban::fuzz::normalize(s, /*compose=*/true);
  VANBAN_FUZZ_CHECK(text::fold(nfd) == f && text::fold(nfc) == f,
                    "fold depends on the normalization form: " + show(s));
  VANBAN_FUZZ_CHECK(text::has_diacritics(nfd) == text::has_diacritics(s) &&
                        text::has_diacritics(nfc) == text::has_diacritics(s),
                    "has_diacritics depends on the normalization form: " + show(s));
}

void check_word_forms(std::string_view w) {
  const text::WordForms forms = text::word_forms(w);
  VANBAN_FUZZ_CHECK(vanban::fuzz::valid_utf8(forms.exact) && vanban::fuzz::valid_utf8(forms.folded),
                    "word_forms output is not valid UTF-8: " + show(w) + " -> " +
                        show(forms.exact) + " / " + show(forms.folded));
  VANBAN_FUZZ_CHECK(vanban::fuzz::is_nfc(forms.exact),
                    "word_forms exact is not NFC: " + show(w) + " -> " + show(forms.exact));
  // The folded form is the exact form without marks: both spellings of one
  // word must agree, or an accented query finds "XE" terms whose folded
  // twin was never indexed.
  const std::string fe = text::fold(forms.exact);
  VANBAN_FUZZ_CHECK(forms.folded == fe,
                    "word_forms folded != fold(exact): " + show(w) + " -> exact " +
                        show(forms.exact) + ", folded " + show(forms.folded) +
                        ", fold(exact) " + show(fe));
  VANBAN_FUZZ_CHECK(!text::has_diacritics(forms.folded),
                    "word_forms folded has diacritics: " + show(w) + " -> " + show(forms.folded));
  // A word typed in its canonical spelling is that spelling.
  const text::WordForms again = text::word_forms(forms.exact);
  VANBAN_FUZZ_CHECK(again.exact == forms.exact && again.folded == forms.folded,
                    "word_forms not idempotent: " + show(w) + " -> " + show(forms.exact) +
                        " -> " + show(again.exact) + " / " + show(again.folded));
  // Any normalization form of the word gives the same forms.
  const text::WordForms decomposed = text::word_forms(vanban::fuzz::normalize(w, false));
  VANBAN_FUZZ_CHECK(decomposed.exact == forms.exact && decomposed.folded == forms.folded,
                    "word_forms depends on the normalization form: " + show(w) + " -> " +
                        show(forms.exact) + " but NFD -> " + show(decomposed.exact));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return -1;  // nothing here is quadratic; keep runs fast
  const std::string_view s = vanban::fuzz::as_view(data, size);
  check_utf8_helpers(s);
  const bool valid = vanban::fuzz::valid_utf8(s);
  check_to_nfc(s, valid);
  check_fold(s, valid);
  if (!valid) return 0;
  check_word_forms(s);
  // Word-sized pieces too: split at spaces, as a query or a document would.
  std::size_t b = 0;
  while (b < s.size()) {
    std::size_t e = s.find(' ', b);
    if (e == std::string_view::npos) e = s.size();
    if (e > b) check_word_forms(s.substr(b, e - b));
    b = e + 1;
  }
  return 0;
}
