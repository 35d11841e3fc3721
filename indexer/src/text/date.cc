#include "vanban/text/date.h"

#include <array>
#include <cstdio>
#include <regex>

#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

bool valid_date(int y, int m, int d) {
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30,
                                             31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return false;
  if (d == 0) return true;  // month-only date
  if (d < 1 || d > kDays[static_cast<std::size_t>(m - 1)]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

// Folded, so "Ngày"/"ngay", "tháng"/"thang" all match.
const std::regex& long_date_re() {
  static const std::regex re(
      R"(^\s*(?:ngay\s+)?(\d{1,2})?\s*thang\s+(\d{1,2})\s*(?:,\s*)?nam\s+(\d{4}))",
      std::regex::optimize);
  return re;
}

const std::regex& numeric_date_re() {
  static const std::regex re(
      R"(^\s*(?:ngay\s+)?(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d))",
      std::regex::optimize);
  return re;
}

}  // namespace

std::string iso_date(int y, int m, int d) {
  if (!valid_date(y, m, d)) return {};
  char buf[32];
  if (d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  }
  return buf;
}

std::string parse_date(std::string_view text) {
  const std::string folded = fold(text.substr(0, 80));
  std::smatch m;
  if (std::regex_search(folded, m, long_date_re())) {
    const int d = m[1].matched ? std::stoi(m[1].str()) : 0;
    return iso_date(std::stoi(m[3].str()), std::stoi(m[2].str()), d);
  }
  if (std::regex_search(folded, m, numeric_date_re())) {
    const int d = std::stoi(m[1].str());
    if (d == 0) return {};
    return iso_date(std::stoi(m[4].str()), std::stoi(m[3].str()), d);
  }
  return {};
}

}  // namespace vanban::text
