#include "vanban/doc/metadata.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <regex>
#include <vector>

#include "vanban/text/citation.h"
#include "vanban/text/date.h"
#include "vanban/text/normalize.h"
#include "vanban/text/symbol.h"

namespace vanban::doc {
namespace {

// The header of an official document fits in its first lines; looking
// further only finds dates and symbols quoted in the body.
constexpr std::size_t kHeaderLines = 40;
// The signature block sits in the last lines.
constexpr std::size_t kFooterLines = 30;
constexpr std::size_t kMaxTitleBytes = 300;
// Lines in a trailing chrome block are short: counters, menu entries.
constexpr std::size_t kMaxChromeTailLineBytes = 160;

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

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    const auto end = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back(text.substr(pos, end - pos));
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

// Folds the start of a line: header keywords ("Số:", "V/v", "Kính gửi",
// "Nơi nhận", the place and date) sit in its first bytes, and header and
// footer lines can be long paragraphs.
std::string fold_head(std::string_view line) {
  constexpr std::size_t kHead = 120;
  if (line.size() > kHead) {
    std::size_t cut = kHead;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut);
  }
  return text::fold(line);
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

icu::UnicodeString to_unicode(std::string_view s) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// True if the line has letters and none of them is lower-case.
bool is_upper_line(std::string_view line) {
  const icu::UnicodeString u = to_unicode(line);
  bool letters = false;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_islower(c)) return false;
    letters |= u_isalpha(c) != 0;
  }
  return letters;
}

// "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" -> "Ủy ban nhân dân tỉnh Lai Châu": the
// first word and proper names (after tỉnh, huyện, thành phố, xã, Sở, Bộ)
// capitalized, the rest lower-case.
std::string body_name_case(std::string_view upper) {
  static const std::vector<std::string> kNameStarters = {"tinh", "huyen", "thanh pho", "xa",
                                                         "quan", "phuong", "so", "bo"};
  icu::UnicodeString u = to_unicode(upper);
  u.toLower(icu::Locale::getRoot());
  std::string lower;
  u.toUTF8String(lower);
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < lower.size()) {
    const auto sp = lower.find(' ', pos);
    const auto end = sp == std::string::npos ? lower.size() : sp;
    if (end > pos) words.push_back(lower.substr(pos, end - pos));
    pos = end + 1;
  }
  auto capitalize = [](const std::string& w) {
    icu::UnicodeString x = to_unicode(w);
    x = x.tempSubString(0, 1).toUpper(icu::Locale::getRoot()) + x.tempSubString(1);
    std::string out;
    x.toUTF8String(out);
    return out;
  };
  std::string out;
  bool proper = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string f = text::fold(words[i]);
    const std::string f2 = i + 1 < words.size() ? f + " " + text::fold(words[i + 1]) : f;
    bool starter = false;
    for (const auto& s : kNameStarters) starter |= (f == s || f2 == s);
    std::string w = words[i];
    if (i == 0 || (proper && !starter)) w = capitalize(w);
    if (starter && i > 0) proper = false;
    if (starter) proper = true;
    if (f2 == "thanh pho") {
      out += (out.empty() ? "" : " ") + (i == 0 ? capitalize(words[i]) : words[i]) + " " +
             words[i + 1];
      ++i;
      continue;
    }
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// The document-type line of a header ("CHỈ THỊ", "KẾ HOẠCH"), if `line` is
// one: the whole line is the type name in capitals.
std::string type_from_header_line(const std::string& line) {
  if (!is_upper_line(line)) return {};
  const std::string folded = text::fold(line);
  for (std::string_view name : text::document_type_names()) {
    if (folded == text::fold(name)) return std::string(name);
  }
  return {};
}

// Offices that official-letter symbols start with ("1954/UBND-TH").
std::string issuer_from_symbol_code(std::string_view symbol, std::string_view place) {
  static const std::map<std::string, std::string> kOffices = {
      {"ubnd", "Ủy ban nhân dân"}, {"hdnd", "Hội đồng nhân dân"},
      {"sct", "Sở Công Thương"},   {"snv", "Sở Nội vụ"},
      {"stc", "Sở Tài chính"},     {"sgddt", "Sở Giáo dục và Đào tạo"},
      {"syt", "Sở Y tế"},          {"skhdt", "Sở Kế hoạch và Đầu tư"},
  };
  std::string_view code = symbol;
  if (const auto slash = code.rfind('/'); slash != std::string_view::npos) {
    code.remove_prefix(slash + 1);
  }
  code = code.substr(0, code.find('-'));
  const auto it = kOffices.find(text::fold(code));
  if (it == kOffices.end()) return {};
  if (place.empty()) return it->second;
  return it->second + " tỉnh " + std::string(place);
}

// Signing authority lines: "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC".
bool is_authority_line(const std::string& line) {
  if (!is_upper_line(line) || count_words(line) > 8) return false;
  static const char* const kWords[] = {
      "chu tich", "giam doc", "bi thu", "truong ban", "thu truong", "bo truong",
      "thu tuong", "chanh van phong", "tong giam doc", "truong phong", "kt.", "tm.",
      "tl.", "tuq.", "q.", "hieu truong", "vien truong", "cuc truong", "chanh an"};
  const std::string f = text::fold(line);
  for (const char* w : kWords) {
    if (f.find(w) != std::string::npos) return true;
  }
  return false;
}

// A person's name: 2 to 5 words, each capitalized.
bool is_person_name(const std::string& line) {
  const std::size_t words = count_words(line);
  if (words < 2 || words > 5 || is_upper_line(line)) return false;
  const icu::UnicodeString u = to_unicode(line);
  bool word_start = true;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (!u_isalpha(c)) return false;
    if (word_start && !u_isupper(c)) return false;
    word_start = false;
  }
  return true;
}

// "- Các sở, ban, ngành;" -> "Các sở, ban, ngành"
std::string list_item(std::string_view line) {
  std::string_view s = trim(line);
  while (!s.empty() && (s.front() == '-' || s.front() == '+' || s.front() == ' ')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ',' || s.back() == ' ')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
  // Chrome lines are short; a paragraph of text never is one, and folding
  // every paragraph would cost more than the rest of the check.
  line = trim(line);
  if (line.size() > kMaxChromeTailLineBytes) return false;
  const std::string f = text::fold(line);
  if (f.empty()) return false;
  static const char* const kPrefixes[] = {
      "a- a a+",           "thong ke truy cap",    "tong so diem cua bai viet",
      "click de danh gia", "lien ket website",     "bai viet cung chuyen muc",
      "bai viet moi",      "view counter",         "views today",
      "views this month",  "views this year",      "total views",
      "skip to content",   "y kien ban doc",       "dang truy cap",
      "• dang truy cap",   "• may chu tim kiem",   "• khach vieng tham",
      "• hom nay",         "• thang hien tai",     "• tong luot truy cap",
      "may chu tim kiem",  "khach vieng tham",     "thang hien tai",
      "tong luot truy cap", "ban da khong su dung site",
  };
  for (const char* p : kPrefixes) {
    if (starts_with(f, p)) return true;
  }
  static const std::regex counter(R"(^(?:hom nay|hom qua)\s*:?\s*[\d.,]+$)");
  if (std::regex_match(f, counter)) return true;
  static const char* const kWhole[] = {"chia se :", "chia se:", "chia se", "language",
                                       "zalo",      "fb",        "facebook", "in bai viet"};
  for (const char* w : kWhole) {
    if (f == w) return true;
  }
  return f.find("tang tuong phan") != std::string::npos ||
         f.find("giam tuong phan") != std::string::npos;
}

std::string strip_boilerplate(std::string_view text) {
  const std::vector<std::string_view> lines = split_lines(text);
  const std::size_t n = lines.size();
  std::vector<bool> drop(n, false);
  bool any = false;
  // Leading chrome.
  for (std::size_t i = 0; i < n; ++i) {
    if (trim(lines[i]).empty()) continue;
    if (!is_boilerplate_line(lines[i])) break;
    drop[i] = any = true;
  }
  // Trailing block: from the first chrome line in the second half after
  // which every line is short.
  std::size_t tail = n;
  for (std::size_t i = n; i-- > n / 2;) {
    if (lines[i].size() > kMaxChromeTailLineBytes) break;
    if (is_boilerplate_line(lines[i])) tail = i;
  }
  for (std::size_t i = tail; i < n; ++i) drop[i] = any = true;
  // Chrome lines anywhere else.
  for (std::size_t i = 0; i < n; ++i) {
    if (!drop[i] && is_boilerplate_line(lines[i])) drop[i] = any = true;
  }
  if (!any) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (drop[i]) continue;
    out.append(lines[i]);
    out += '\n';
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && out[lead] == '\n') ++lead;
  return out.substr(lead);
}

void fill_metadata(DocumentRecord& r) {
  const std::vector<std::string_view> raw = split_lines(r.text);
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < raw.size() && i < kHeaderLines; ++i) lines.push_back(clean_line(raw[i]));

  // Issuing body: the capitalized lines above the national motto or the
  // number ("ỦY BAN NHÂN DÂN" / "TỈNH LAI CHÂU").
  std::string issuer;
  for (const std::string& line : lines) {
    if (line.empty()) {
      if (!issuer.empty()) break;
      continue;
    }
    const std::string f = fold_head(line);
    if (starts_with(f, "cong hoa xa hoi") || starts_with(f, "dang cong san viet nam") ||
        starts_with(f, "so:") || starts_with(f, "so ") || !is_upper_line(line) ||
        !type_from_header_line(line).empty()) {
      break;
    }
    // Party documents put a star or a dash line under the issuer.
    if (line.find_first_not_of("-*_ ") == std::string::npos) break;
    issuer += (issuer.empty() ? "" : " ") + line;
  }

  std::string subject;
  std::string type;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const std::string folded = fold_head(line);
    if (subject.empty() && (starts_with(folded, "v/v ") || starts_with(folded, "ve viec "))) {
      subject = line;
      // The subject wraps over the following lines until a blank line, the
      // place-and-date line or the recipients.
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        const std::string next = fold_head(lines[j]);
        if (lines[j].empty() || next.find(", ngay") != std::string::npos ||
            starts_with(next, "kinh gui")) {
          break;
        }
        subject += " " + lines[j];
      }
    }
    if (r.symbol.empty() && (starts_with(folded, "so:") || starts_with(folded, "so "))) {
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
        if (dash != std::string::npos && dash < 20) r.date = text::parse_date(line.substr(dash + 3));
      }
    }
    if (type.empty()) type = type_from_header_line(line);
    if (r.recipients.empty() && starts_with(folded, "kinh gui")) {
      // "Kính gửi: X." on one line, or a list of "- ..." lines after it.
      const std::string first = list_item(line.substr(line.find(':') == std::string::npos
                                                          ? line.size()
                                                          : line.find(':') + 1));
      if (!first.empty()) r.recipients.push_back(first);
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        if (lines[j].empty()) {
          if (!r.recipients.empty() && j + 1 < lines.size() && !starts_with(lines[j + 1], "-")) break;
          continue;
        }
        if (!starts_with(lines[j], "-") && !starts_with(lines[j], "+")) break;
        r.recipients.push_back(list_item(lines[j]));
      }
    }
  }
  if (type.empty() && !subject.empty()) type = "Công văn";
  if (r.type.empty()) r.type = type;
  if (r.subject.empty()) r.subject = subject;
  if (r.issuer.empty()) {
    if (!issuer.empty()) {
      r.issuer = body_name_case(issuer);
    } else if (const auto u = r.metadata.find("unnumbered_symbol"); u != r.metadata.end() ||
                                                                     !r.symbol.empty()) {
      // No issuer lines: an official letter's symbol names its office.
      const auto place = r.metadata.find("place");
      r.issuer = issuer_from_symbol_code(u != r.metadata.end() ? u->second : r.symbol,
                                         place == r.metadata.end() ? "" : place->second);
      if (!r.issuer.empty()) r.metadata["issuer_source"] = "symbol";
    }
  }

  // Footer: distribution list and signature.
  const std::size_t footer_from = raw.size() > kFooterLines ? raw.size() - kFooterLines : 0;
  for (std::size_t i = footer_from; i < raw.size(); ++i) {
    const std::string line = clean_line(raw[i]);
    const std::string f = fold_head(line);
    if (r.distribution.empty() && starts_with(f, "noi nhan")) {
      for (std::size_t j = i + 1; j < raw.size(); ++j) {
        const std::string item = clean_line(raw[j]);
        if (item.empty()) continue;
        if (!starts_with(item, "-") && !starts_with(item, "+")) break;
        r.distribution.push_back(list_item(item));
      }
    }
    if (r.signer_authority.empty() && is_authority_line(line)) {
      std::string authority = line;
      std::size_t j = i + 1;
      for (; j < raw.size(); ++j) {
        const std::string next = clean_line(raw[j]);
        if (next.empty()) continue;
        if (!is_authority_line(next) && !(is_upper_line(next) && count_words(next) <= 6)) break;
        authority += " / " + next;
      }
      for (; j < raw.size(); ++j) {
        const std::string next = clean_line(raw[j]);
        if (next.empty() || starts_with(next, "(")) continue;  // "(Đã ký)"
        if (is_person_name(next)) r.signer_name = next;
        break;
      }
      if (!r.signer_name.empty()) r.signer_authority = authority;
    }
  }

  if (r.title.empty()) {
    if (!subject.empty()) {
      r.title = subject;
    } else {
      for (const std::string& line : lines) {
        if (line.empty() || is_boilerplate_line(line) || count_words(line) < 4) continue;
        r.title = line;
        break;
      }
    }
    if (r.title.empty()) r.title = truncate_utf8(std::string(trim(r.text.substr(0, 400))), 120);
  }
  r.title = truncate_utf8(r.title, kMaxTitleBytes);
}

}  // namespace vanban::doc
