// UTF-8 checks shared by the indexer (input validation) and the server
// (query validation). No ICU here: these run before any text reaches ICU.
#ifndef VANBAN_TEXT_UTF8_H_
#define VANBAN_TEXT_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace vanban::text {

// Returns the byte offset of the first byte that does not start a
// well-formed UTF-8 sequence (overlong forms, surrogates and code points
// above U+10FFFF are ill-formed), or std::nullopt if `bytes` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

inline bool is_valid_utf8(std::string_view bytes) {
  return !find_invalid_utf8(bytes).has_value();
}

// True if every byte is < 0x80.
bool is_ascii(std::string_view bytes);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_UTF8_H_
