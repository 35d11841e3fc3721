// Letter case of UTF-8 words, for rules that read capitals as names
// ("Sở Công Thương", not "sở"). Private to vanban_core. Thread-safe.
#ifndef VANBAN_TEXT_LETTER_CASE_H_
#define VANBAN_TEXT_LETTER_CASE_H_

#include <string_view>

namespace vanban::text {

// True if the first code point of `word` (UTF-8) is an upper-case letter.
// False for an empty string, digits, punctuation and ill-formed bytes.
bool starts_upper(std::string_view word);

// True if `word` has a letter and no lower-case letter ("UBND", "CHỦ").
bool all_upper(std::string_view word);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_LETTER_CASE_H_
