#include "vanban/text/date.h"

#include <algorithm>
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

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
// Hinnant's days_from_civil / civil_from_days).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

}  // namespace

std::string add_days(std::string_view iso, int days) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || std::sscanf(std::string(iso).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      d == 0 || iso_date(y, m, d).empty()) {
    return {};
  }
  civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
  return iso_date(y, m, d);
}

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

std::string date_bound(std::string_view iso, bool upper) {
  std::string digits;
  for (const char c : iso) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '-') {
      return {};
    }
  }
  if (digits.size() != 4 && digits.size() != 6 && digits.size() != 8) return {};
  while (digits.size() < 8) digits += upper ? '9' : '0';
  return digits;
}

bool is_iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  return iso_date(number(0, 4), number(5, 2), number(8, 2)) == s;
}

std::string vietnamese_date(std::string_view iso) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    return at + n <= iso.size() &&
           std::all_of(iso.begin() + at, iso.begin() + at + n, [](char c) { return c >= '0' && c <= '9'; });
  };
  const std::string s(iso);
  if (iso.size() == 10 && iso[4] == '-' && iso[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2)) {
    return s.substr(8, 2) + '/' + s.substr(5, 2) + '/' + s.substr(0, 4);
  }
  if (iso.size() == 7 && iso[4] == '-' && digits(0, 4) && digits(5, 2)) {
    return s.substr(5, 2) + '/' + s.substr(0, 4);
  }
  return s;
}

}  // namespace vanban::text
