#include "vanban/doc/metadata.h"

#include <array>
#include <cctype>
#include <regex>
#include <vector>

#include "vanban/text/date.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::doc {
namespace {

// The header of an official document fits in its first lines; looking
// further only finds dates and symbols quoted in the body.
constexpr std::size_t kHeaderLines = 40;
constexpr std::size_t kMaxTitleBytes = 300;

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n\v\f";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

// Strips Markdown emphasis and heading marks that converters leave around
// header lines ("**KT. CHỦ TỊCH", "#### ***Nơi nhận:***").
std::string clean_line(std::string_view line) {
  std::string out;
  for (char c : trim(line)) {
    if (c != '*' && c != '#' && c != '_') out += c;
  }
  return std::string(trim(out));
}

std::vector<std::string> header_lines(std::string_view text,
                                      std::size_t limit) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size() && lines.size() < limit) {
    const auto nl = text.find('\n', pos);
    const auto end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(clean_line(text.substr(pos, end - pos)));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::size_t count_words(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string truncate_utf8(std::string s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + "…";
}

const char* const kTypeNames[] = {
    "Chỉ thị",   "Nghị quyết", "Kết luận",  "Quy định",  "Kế hoạch",
    "Công văn",  "Quyết định", "Thông báo", "Báo cáo",   "Nghị định",
    "Thông tư",  "Luật",       "Tờ trình",  "Hướng dẫn", "Chương trình",
    "Công điện", "Thông tri",  "Đề án",     "Pháp lệnh", "Lệnh",
};

// The document-type line of a header ("CHỈ THỊ", "KẾ HOẠCH"), if `line` is
// one: the whole line is the type name in capitals.
std::string type_from_header_line(const std::string& line) {
  const std::string folded = text::fold(line);
  for (const char* name : kTypeNames) {
    if (folded == text::fold(name) && line != name) return name;
  }
  return {};
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
  const std::string f = text::fold(trim(line));
  if (f.empty()) return false;
  static const char* const kPrefixes[] = {
      "a- a a+",           "thong ke truy cap",    "tong so diem cua bai viet",
      "click de danh gia", "lien ket website",     "bai viet cung chuyen muc",
      "bai viet moi",      "view counter",         "views today",
      "views this month",  "views this year",      "total views",
      "skip to content",   "y kien ban doc",       "dang truy cap",
      "may chu tim kiem",  "khach vieng tham",     "thang hien tai",
      "tong luot truy cap", "ban da khong su dung site",
  };
  for (const char* p : kPrefixes) {
    if (starts_with(f, p)) return true;
  }
  static const std::regex counter(
      R"(^(?:•\s*)?(?:hom nay|hom qua)\s*:?\s*[\d.,]+$)");
  if (std::regex_match(f, counter)) return true;
  static const char* const kWhole[] = {"chia se :", "chia se", "language",
                                       "zalo",      "fb",      "facebook"};
  for (const char* w : kWhole) {
    if (f == w) return true;
  }
  return f.find("tang tuong phan") != std::string::npos ||
         f.find("giam tuong phan") != std::string::npos;
}

void fill_metadata(DocumentRecord& r) {
  const std::vector<std::string> lines = header_lines(r.text, kHeaderLines);

  std::string subject;
  for (std::size_t i = 0; i < lines.size() && subject.empty(); ++i) {
    const std::string folded = text::fold(lines[i]);
    if (!starts_with(folded, "v/v ") && !starts_with(folded, "ve viec ")) {
      continue;
    }
    subject = lines[i];
    // The subject wraps over the following lines until a blank line, the
    // place-and-date line or the recipients.
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const std::string next = text::fold(lines[j]);
      if (lines[j].empty() || next.find(", ngay") != std::string::npos ||
          starts_with(next, "kinh gui")) {
        break;
      }
      subject += " " + lines[j];
    }
  }

  std::string type;
  for (const std::string& line : lines) {
    const std::string folded = text::fold(line);
    if (r.symbol.empty() &&
        (starts_with(folded, "so:") || starts_with(folded, "so "))) {
      // "Số: 1954/UBND-TH", "Số 19/CT-TTg"; a draft leaves the number blank
      // ("Số: /UBND-TH") and keeps only the symbol's suffix.
      std::string_view rest = std::string_view(line);
      rest = trim(rest.substr(rest.find_first_of(": ") + 1));
      if (!rest.empty() && rest[0] == ':') rest = trim(rest.substr(1));
      if (auto sym = text::parse_symbol(rest)) {
        r.symbol = sym->display;
      } else if (rest.size() > 1 && rest.size() < 40 && rest[0] == '/' &&
                 rest.find(' ') == std::string_view::npos) {
        r.metadata["unnumbered_symbol"] = std::string(rest);
      }
    }
    if (r.date.empty()) {
      const auto comma = folded.find(", ngay");
      if (comma != std::string::npos && comma < 60) {
        const std::string date = text::parse_date(line.substr(line.find(',') + 1));
        if (!date.empty()) {
          r.date = date;
          r.metadata.emplace("place", std::string(trim(line.substr(0, line.find(',')))));
        }
      } else if (starts_with(folded, "thu ") || starts_with(folded, "chu nhat")) {
        // Web articles: "Thứ ba - 03/01/2023 15:53".
        const auto dash = line.find(" - ");
        if (dash != std::string::npos && dash < 20) {
          r.date = text::parse_date(line.substr(dash + 3));
        }
      }
    }
    if (type.empty()) type = type_from_header_line(line);
  }
  if (type.empty() && !subject.empty()) type = "Công văn";
  if (r.type.empty()) r.type = type;

  if (r.title.empty()) {
    if (!subject.empty()) {
      r.title = subject;
    } else {
      for (const std::string& line : lines) {
        if (line.empty() || is_boilerplate_line(line) || count_words(line) < 4) {
          continue;
        }
        r.title = line;
        break;
      }
    }
    if (r.title.empty()) r.title = std::string(trim(r.text.substr(0, 120)));
  }
  r.title = truncate_utf8(r.title, kMaxTitleBytes);
}

}  // namespace vanban::doc
