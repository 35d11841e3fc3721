// The vocabulary of Vietnamese commendation (Luật Thi đua, khen thưởng):
// award forms (Bằng khen, Giấy khen, Cờ thi đua, Huân chương ...) and
// emulation titles (Chiến sĩ thi đua, Lao động tiên tiến, Tập thể lao động
// xuất sắc ...). Private to vanban_core: campaign.cc keeps titles out of
// campaign names, the contents extractor reads rewards with it.
#ifndef VANBAN_TEXT_AWARD_H_
#define VANBAN_TEXT_AWARD_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "vanban/text/tokenize.h"

namespace vanban::text {

struct AwardForm {
  std::string_view name;   // canonical spelling: "Bằng khen", "Chiến sĩ thi đua"; "" if none
  std::size_t length = 0;  // tokens matched
  bool generic = false;    // "danh hiệu", "giải thưởng": a kind, not one award
};

// The award form whose words start at tokens[i] (exact spelling, the
// longest form wins), or a form of length 0. Thread-safe.
AwardForm award_form_at(const std::vector<Token>& tokens, std::size_t i);

// True if a quoted name is an award or title rather than a campaign: it
// starts with an award form ("Chiến sĩ thi đua toàn quốc", "Lao động tiên
// tiến", "Tập thể lao động xuất sắc"). `name_tokens` as the Tokenizer gives.
bool is_award_title(const std::vector<Token>& name_tokens);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_AWARD_H_
