// Sentences of document text, for showing why a document matched: the
// sentence that cites a directive, states a relation, sets a deadline.
#ifndef VANBAN_TEXT_SENTENCE_H_
#define VANBAN_TEXT_SENTENCE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vanban::text {

// The bytes [start, end) of the sentence of `text` (UTF-8) that holds the
// bytes [start_byte, end_byte): from after the previous sentence end (". ",
// ';' or a line break) to the next one, including a final '.', without the
// list marks ('-', '*') and spaces around it. Offsets past the text are
// clamped.
struct SentenceSpan {
  std::size_t start = 0;
  std::size_t end = 0;
};
SentenceSpan sentence_span(std::string_view text, std::size_t start_byte, std::size_t end_byte);

// The text of that sentence.
std::string sentence_around(std::string_view text, std::size_t start_byte, std::size_t end_byte);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_SENTENCE_H_
