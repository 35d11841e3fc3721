// Letter case of UTF-8 words, for rules that read capitals as names
// ("Sở Công Thương", not "sở"), and the case conversions that turn a
// heading printed in capitals into running text. Private to vanban_core.
// Thread-safe (ICU's root-locale case mappings, no state).
#ifndef VANBAN_TEXT_LETTER_CASE_H_
#define VANBAN_TEXT_LETTER_CASE_H_

#include <string>
#include <string_view>

namespace vanban::text {

// True if the first code point of `word` (UTF-8) is an upper-case letter.
// False for an empty string, digits, punctuation and ill-formed bytes.
bool starts_upper(std::string_view word);
// The same for a lower-case letter.
bool starts_lower(std::string_view word);

// True if `word` has a letter and no lower-case letter ("UBND", "CHỦ").
// Works on whole lines as well ("BỘ TÀI CHÍNH").
bool all_upper(std::string_view word);

// `utf8` lower-cased: "BẢO HIỂM XÃ HỘI" -> "bảo hiểm xã hội".
std::string to_lower(std::string_view utf8);

// `utf8` with its first code point upper-cased ("bảo hiểm" -> "Bảo
// hiểm") or lower-cased ("Quy định chi tiết" -> "quy định chi tiết"); the
// rest is left as it is.
std::string with_first_upper(std::string_view utf8);
std::string with_first_lower(std::string_view utf8);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_LETTER_CASE_H_
