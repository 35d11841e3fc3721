#include "text/letter_case.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace vanban::text {

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && u_isupper(c) != 0;
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

}  // namespace vanban::text
