#include "vanban/text/number.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <vector>

namespace vanban::text {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Splits `s` at `sep`; false if a part is empty or not all digits.
bool digit_groups(std::string_view s, char sep, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t from = 0;
  while (true) {
    const std::size_t at = s.find(sep, from);
    const std::string_view part = s.substr(from, at == std::string_view::npos ? at : at - from);
    if (part.empty()) return false;
    for (const char c : part) {
      if (!is_digit(c)) return false;
    }
    out.push_back(part);
    if (at == std::string_view::npos) return true;
    from = at + 1;
  }
}

// Digits grouped by `sep` in threes after the first group ("7.872").
std::optional<std::string> thousands(std::string_view s, char sep) {
  std::vector<std::string_view> groups;
  if (!digit_groups(s, sep, groups)) return std::nullopt;
  std::string digits(groups[0]);
  for (std::size_t i = 1; i < groups.size(); ++i) {
    if (groups[i].size() != 3) return std::nullopt;
    digits += groups[i];
  }
  return digits;
}

// Integer and fraction digit strings to a value (the fraction may be
// empty). from_chars: no locale, no exception on a 400-digit "number".
std::optional<double> compose(std::string_view integer, std::string_view fraction) {
  if (integer.empty()) return std::nullopt;
  for (const char c : fraction) {
    if (!is_digit(c)) return std::nullopt;
  }
  const std::string joined =
      std::string(integer) + (fraction.empty() ? "" : "." + std::string(fraction));
  double value = 0;
  const auto [end, error] = std::from_chars(joined.data(), joined.data() + joined.size(), value);
  if (error != std::errc() || end != joined.data() + joined.size()) return std::nullopt;
  return value;
}

// One kind of separator only ("." or ","), several times or once.
std::optional<double> one_separator(std::string_view s, char sep) {
  const std::size_t first = s.find(sep);
  if (s.find(sep, first + 1) != std::string_view::npos) {
    const auto digits = thousands(s, sep);
    return digits ? compose(*digits, {}) : std::nullopt;
  }
  const std::string_view integer = s.substr(0, first);
  const std::string_view fraction = s.substr(first + 1);
  if (integer.empty() || fraction.empty()) return std::nullopt;
  // A dot before exactly three digits groups thousands ("1.234 hộ"); a
  // comma is always the decimal mark ("1,234" = 1.234, as Vietnamese
  // prints it).
  if (sep == '.' && fraction.size() == 3) return compose(std::string(integer) + std::string(fraction), {});
  const auto whole = thousands(integer, sep == '.' ? ',' : '.');
  return whole ? compose(*whole, fraction) : std::nullopt;
}

}  // namespace

std::optional<double> parse_number(std::string_view s) {
  if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) return std::nullopt;
  for (const char c : s) {
    if (!is_digit(c) && c != '.' && c != ',') return std::nullopt;
  }
  const std::size_t dot = s.rfind('.');
  const std::size_t comma = s.rfind(',');
  if (dot == std::string_view::npos && comma == std::string_view::npos) return compose(s, {});
  if (dot == std::string_view::npos) return one_separator(s, ',');
  if (comma == std::string_view::npos) return one_separator(s, '.');
  // Both: the later mark is the decimal one, the other groups thousands.
  const std::size_t decimal = std::max(dot, comma);
  const char group = decimal == dot ? ',' : '.';
  const std::string_view integer = s.substr(0, decimal);
  if (integer.find(s[decimal]) != std::string_view::npos) return std::nullopt;  // "1,234.567,8"
  const auto whole = thousands(integer, group);
  return whole ? compose(*whole, s.substr(decimal + 1)) : std::nullopt;
}

double scale_factor(std::string_view w) {
  if (w == "nghin" || w == "ngan") return 1e3;
  if (w == "trieu") return 1e6;
  if (w == "ty" || w == "ti") return 1e9;
  return 0;
}

}  // namespace vanban::text
