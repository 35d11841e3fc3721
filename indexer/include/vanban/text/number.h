// Numbers as Vietnamese documents print them: "." groups thousands and ","
// marks the decimals, the reverse of English: "7.872,7" is 7872.7, "96,8"
// is 96.8, "1.234" is 1234. Scale words multiply: "40,6 triệu" is 4.06e7.
// Thread-safe, no state, no ICU.
#ifndef VANBAN_TEXT_NUMBER_H_
#define VANBAN_TEXT_NUMBER_H_

#include <optional>
#include <string_view>

namespace vanban::text {

// The value of `printed`: ASCII digits with "." and "," separators, no
// sign, no spaces, no unit (a number token's text, "7.872,7"). Rules:
//   - both "." and ",": the later one is the decimal mark, the other groups
//     thousands in threes ("7.872,7" = 7872.7; "1,234.5" = 1234.5);
//   - only ",": one comma is the decimal mark ("96,8" = 96.8, "1,234" =
//     1.234); several group thousands in threes ("1,234,567");
//   - only ".": groups of exactly three digits after every dot are
//     thousands ("1.234" = 1234, "1.234.567"); one dot followed by one,
//     two or more than three digits is a decimal mark ("9.5" = 9.5);
//   - leading zeros are kept out of the value ("01" = 1).
// std::nullopt for anything else ("", "1.2.3", "1,,2", ".5", "12a",
// "1.23,4") and beyond the range of a double.
std::optional<double> parse_number(std::string_view printed);

// The factor a scale word stands for, given its folded spelling (see
// normalize.h: "tỷ" -> "ty" or "ti"): "nghin"/"ngan" 1e3, "trieu" 1e6,
// "ty"/"ti" 1e9; 0 if the word is not a scale word. Compounds multiply:
// "nghìn tỷ" is 1e12.
double scale_factor(std::string_view folded_word);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_NUMBER_H_
