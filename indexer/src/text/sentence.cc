#include "vanban/text/sentence.h"

#include <algorithm>

namespace vanban::text {
namespace {

// ". " ends a sentence; a dot inside a token ("07.4", "Th3.") does not.
bool ends_sentence_at(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n' || c == ';') return true;
  return c == '.' && i + 1 < text.size() && text[i + 1] == ' ';
}

constexpr std::string_view kNbsp = "\xC2\xA0";

// Bytes of the list mark or space at the front of `s` (0 if none).
std::size_t lead_at_front(std::string_view s) {
  if (s.empty()) return 0;
  if (s.front() == ' ' || s.front() == '-' || s.front() == '*') return 1;
  return s.substr(0, kNbsp.size()) == kNbsp ? kNbsp.size() : 0;
}

}  // namespace

SentenceSpan sentence_span(std::string_view text, std::size_t start_byte, std::size_t end_byte) {
  std::size_t b = std::min(start_byte, text.size());
  std::size_t e = std::min(std::max(end_byte, b), text.size());
  while (b > 0 && !ends_sentence_at(text, b - 1)) --b;
  while (e < text.size() && !ends_sentence_at(text, e)) ++e;
  if (e < text.size() && text[e] == '.') ++e;
  while (b < e) {
    const std::size_t n = lead_at_front(text.substr(b, e - b));
    if (n == 0) break;
    b += n;
  }
  while (e > b && text[e - 1] == ' ') --e;
  return {b, e};
}

std::string sentence_around(std::string_view text, std::size_t start_byte, std::size_t end_byte) {
  const SentenceSpan s = sentence_span(text, start_byte, end_byte);
  return std::string(text.substr(s.start, s.end - s.start));
}

}  // namespace vanban::text
