#include "vanban/doc/metadata.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "doc/header_lines.h"
#include "doc/legal_header.h"
#include "vanban/doc/chrome.h"
#include "vanban/doc/title.h"
#include "vanban/text/chars.h"
#include "vanban/text/citation.h"
#include "vanban/text/date.h"
#include "vanban/text/document_type.h"
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
using text::count_words;
using text::trim;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
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

// The office an official letter's symbol starts with ("1954/UBND-TH",
// "/SCT-VP"), in the province of `place`; or the central body a symbol
// names ("30/2020/NĐ-CP" -> "Chính phủ", "41/2024/QH15" -> "Quốc hội");
// "" if its code is unknown.
std::string issuer_from_symbol_code(std::string_view symbol, std::string_view place) {
  std::string_view code = symbol;
  if (const auto slash = code.rfind('/'); slash != std::string_view::npos) {
    code.remove_prefix(slash + 1);
  }
  code = code.substr(0, code.find('-'));
  const std::string_view office = text::issuer_for_code(code);
  // A province's own offices: "Ủy ban nhân dân" + " tỉnh Lai Châu".
  const bool provincial = office.starts_with("Ủy ban nhân dân") ||
                          office.starts_with("Hội đồng nhân dân") || office.starts_with("Sở ");
  if (!provincial) {
    std::string central = text::issuer_from_symbol(symbol);
    return text::is_nationwide_issuer(central) ? central : std::string();
  }
  if (place.empty()) return std::string(office);
  return std::string(office) + " tỉnh " + std::string(place);
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

// The issuing body: the capitalized lines above the national motto or the
// number ("ỦY BAN NHÂN DÂN" / "TỈNH LAI CHÂU"), joined; a line that also
// holds the motto (columns side by side) gives the part before it.
std::string read_issuer_lines(const std::vector<std::string>& lines) {
  std::string issuer;
  for (const std::string& whole : lines) {
    if (whole.empty()) {
      if (!issuer.empty()) break;
      continue;
    }
    // Only the motto ends the issuer's column: a web page's "A- A A+ |
    // Tăng tương phản" is no header.
    const bool motto = text::fold(whole).find("cong hoa xa hoi chu nghia") != std::string::npos;
    const std::string line = motto ? before_motto(whole) : whole;
    const std::string f = fold_head(line);
    // Party documents put a star or a dash line under the issuer.
    // A signing block ("TM. CHÍNH PHỦ / KT. THỦ TƯỚNG") at the top of a
    // text cut from its header is no issuer.
    if (line.empty() || is_motto_line(f) || is_number_line(f) || !is_upper_line(line) ||
        type_heading(line) || is_rule_line(line) || is_authority_line(line)) {
      break;
    }
    issuer += (issuer.empty() ? "" : " ") + line;
    if (line != whole) break;  // the motto's column starts here
  }
  return issuer;
}

// "V/v ..." and the lines it wraps over, until a blank line, the
// place-and-date line or the recipients.
std::string read_subject(const std::vector<std::string>& lines, std::size_t i) {
  std::string subject = lines[i];
  for (std::size_t j = i + 1; j < lines.size(); ++j) {
    const std::string next = fold_head(lines[j]);
    if (lines[j].empty() || next.find(", ngay") != std::string::npos ||
        starts_with(next, "kinh gui")) {
      break;
    }
    subject += " " + lines[j];
  }
  return subject;
}

// "Số: 1954/UBND-TH", "Luật số: 41/2024/QH15"; a draft leaves the number
// blank ("Số: /UBND-TH") and keeps only the symbol's suffix.
void read_symbol_line(std::string_view line, DocumentRecord& r) {
  NumberLine n = read_number_line(line);
  if (!n.symbol.empty()) {
    r.symbol = std::move(n.symbol);
  } else if (!n.unnumbered.empty()) {
    r.metadata["unnumbered_symbol"] = std::move(n.unnumbered);
  }
}

// "Lai Châu, ngày 30 tháng 5 năm 2023" (place and date), or a web
// article's "Thứ ba - 03/01/2023 15:53".
void read_date_line(const std::string& line, const std::string& folded, DocumentRecord& r) {
  // The place before ", ngày" is a name, not a sentence.
  constexpr std::size_t kMaxPlaceBytes = 60;
  // "Thứ ba - " / "Chủ nhật - ".
  constexpr std::size_t kMaxWeekdayBytes = 20;
  const auto comma = folded.find(", ngay");
  if (comma != std::string::npos && comma < kMaxPlaceBytes) {
    const std::string date = text::parse_date(line.substr(line.find(',') + 1));
    if (!date.empty()) {
      r.date = date;
      r.metadata.emplace("place", std::string(trim(line.substr(0, line.find(',')))));
    }
  } else if (starts_with(folded, "thu ") || starts_with(folded, "chu nhat")) {
    const auto dash = line.find(" - ");
    if (dash != std::string::npos && dash < kMaxWeekdayBytes) {
      r.date = text::parse_date(line.substr(dash + 3));
    }
  }
}

// "Kính gửi: X." on one line, or a list of "- ..." lines after it.
void read_recipients(const std::vector<std::string>& lines, std::size_t i, DocumentRecord& r) {
  const std::string& line = lines[i];
  const auto colon = line.find(':');
  const std::string first = list_item(line.substr(colon == std::string::npos ? line.size() : colon + 1));
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

// What the header lines say, before it goes into the record.
struct HeaderFields {
  std::string issuer_lines;
  std::string subject;
  std::string type;
  std::string consolidates;  // a consolidated text's source symbol
};

HeaderFields read_header(const std::vector<std::string>& lines, DocumentRecord& r) {
  HeaderFields h;
  h.issuer_lines = read_issuer_lines(lines);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const std::string folded = fold_head(line);
    if (h.subject.empty() && (starts_with(folded, "v/v ") || starts_with(folded, "ve viec "))) {
      h.subject = read_subject(lines, i);
    }
    if (r.symbol.empty() && is_number_line(folded)) read_symbol_line(line, r);
    if (r.date.empty()) read_date_line(line, folded, r);
    if (r.recipients.empty() && starts_with(folded, "kinh gui")) read_recipients(lines, i, r);
  }
  if (std::optional<LegalHeading> heading = read_legal_heading(lines)) {
    h.type = std::move(heading->type);
    // The subject under a type heading may start "Về việc": it is the
    // heading's, wrapped over lines a letter's "V/v" reader would run past.
    if (!heading->subject.empty()) h.subject = std::move(heading->subject);
    h.consolidates = std::move(heading->consolidates);
  }
  // A "V/v" subject without a type heading is an official letter's.
  if (h.type.empty() && !h.subject.empty()) h.type = "Công văn";
  return h;
}

// The issuer from its header lines; without them, an official letter's
// symbol names its office.
void choose_issuer(const HeaderFields& h, DocumentRecord& r) {
  if (!r.issuer.empty()) return;
  if (!h.issuer_lines.empty()) {
    r.issuer = canonical_issuer(body_name_case(h.issuer_lines));
    return;
  }
  const auto unnumbered = r.metadata.find("unnumbered_symbol");
  if (unnumbered == r.metadata.end() && r.symbol.empty()) return;
  const auto place = r.metadata.find("place");
  r.issuer = issuer_from_symbol_code(unnumbered != r.metadata.end() ? unnumbered->second : r.symbol,
                                     place == r.metadata.end() ? "" : place->second);
  if (!r.issuer.empty()) r.metadata["issuer_source"] = "symbol";
}

// "Nơi nhận:" and its "- ..." items.
void read_distribution(const std::vector<std::string_view>& raw, std::size_t i, DocumentRecord& r) {
  for (std::size_t j = i + 1; j < raw.size(); ++j) {
    const std::string item = clean_line(raw[j]);
    if (item.empty()) continue;
    if (!starts_with(item, "-") && !starts_with(item, "+")) break;
    r.distribution.push_back(list_item(item));
  }
}

// "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" over its lines, then the signer's name
// (after an optional "(Đã ký)").
void read_signature(const std::vector<std::string_view>& raw, std::size_t i, DocumentRecord& r) {
  // An authority's continuation line is a short capitalized title.
  constexpr std::size_t kMaxAuthorityLineWords = 6;
  std::string authority = clean_line(raw[i]);
  std::size_t j = i + 1;
  for (; j < raw.size(); ++j) {
    const std::string next = clean_line(raw[j]);
    if (next.empty()) continue;
    if (!is_authority_line(next) &&
        !(is_upper_line(next) && count_words(next) <= kMaxAuthorityLineWords)) {
      break;
    }
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

// The footer: distribution list and signature, in the last lines.
void read_footer(const std::vector<std::string_view>& raw, DocumentRecord& r) {
  const std::size_t footer_from = raw.size() > kFooterLines ? raw.size() - kFooterLines : 0;
  for (std::size_t i = footer_from; i < raw.size(); ++i) {
    const std::string line = clean_line(raw[i]);
    if (r.distribution.empty() && starts_with(fold_head(line), "noi nhan")) {
      read_distribution(raw, i, r);
    }
    if (r.signer_authority.empty() && is_authority_line(line)) read_signature(raw, i, r);
  }
}

// The title the document is cited by (title.h display_title: type, symbol,
// subject); else the first header line that reads like a title; else the
// start of the text.
void choose_title(const std::vector<std::string>& lines, DocumentRecord& r) {
  constexpr std::size_t kMinTitleWords = 4;
  constexpr std::size_t kFallbackTitleBytes = 120;
  constexpr std::size_t kFallbackScanBytes = 400;
  if (r.title.empty()) {
    r.title = display_title(r);
    for (const std::string& line : lines) {
      if (!r.title.empty()) break;
      if (line.empty() || is_boilerplate_line(line) || count_words(line) < kMinTitleWords) continue;
      r.title = line;
    }
    if (r.title.empty()) {
      r.title = text::truncate_with_ellipsis(
          std::string(trim(text::utf8_prefix(r.text, kFallbackScanBytes))), kFallbackTitleBytes);
    }
  }
  r.title = text::truncate_with_ellipsis(r.title, kMaxTitleBytes);
}


// A consolidated text ("Số: 125/VBHN-VPQH") is typed as one; the type of
// its heading is that of the document it consolidates, whose symbol
// follows the subject.
void choose_type(const HeaderFields& h, DocumentRecord& r) {
  if (!r.type.empty()) return;
  const bool consolidated = text::type_from_symbol(r.symbol) == "Văn bản hợp nhất";
  if (!consolidated) {
    r.type = h.type;
    return;
  }
  r.type = "Văn bản hợp nhất";
  if (!h.type.empty()) r.metadata.emplace("consolidated_type", h.type);
  if (!h.consolidates.empty()) r.metadata.emplace("consolidates", h.consolidates);
}

// The gazette prints a consolidated text under the header of the document
// it consolidates, and the consolidation's own number, date and body in an
// authentication block after the body ("BỘ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ
// HỘI", "Số: 1798/VBHN-BLĐTBXH", "XÁC THỰC VĂN BẢN HỢP NHẤT", "Hà Nội,
// ngày 18 tháng 5 năm 2023"). The block's fields become the record's; the
// header's type and symbol name what it consolidates.
void read_authentication_block(const std::vector<std::string_view>& raw, DocumentRecord& r) {
  // The block's issuer and number sit within this many lines above its
  // title, its place and date within as many below (phapluat8: 6 and 5).
  constexpr std::size_t kBlockLines = 8;
  if (r.type == "Văn bản hợp nhất") return;
  std::size_t at = 0;
  while (at < raw.size() && clean_fold_head(raw[at]) != "xac thuc van ban hop nhat") ++at;
  if (at == raw.size()) return;
  std::size_t from = at > kBlockLines ? at - kBlockLines : 0;
  for (std::size_t i = from; i < at; ++i) {
    if (is_rule_line(raw[i])) from = i + 1;  // the line that closes the body
  }
  std::vector<std::string> block;
  for (std::size_t i = from; i < raw.size() && i <= at + kBlockLines; ++i) block.push_back(clean_line(raw[i]));
  DocumentRecord stamp;
  const HeaderFields h = read_header(block, stamp);
  if (text::type_from_symbol(stamp.symbol) != "Văn bản hợp nhất") return;
  if (!r.type.empty()) r.metadata["consolidated_type"] = r.type;
  if (!r.symbol.empty()) r.metadata["consolidates"] = r.symbol;
  r.type = "Văn bản hợp nhất";
  r.symbol = stamp.symbol;
  if (!stamp.date.empty()) r.date = stamp.date;
  if (!h.issuer_lines.empty()) r.issuer = canonical_issuer(body_name_case(h.issuer_lines));
}

// A law prints no date in its header: it is dated by the day it was passed.
void choose_passing_date(const std::vector<std::string_view>& raw, DocumentRecord& r) {
  if (!r.date.empty()) return;
  std::vector<std::string> tail;
  const std::size_t from = raw.size() > kFooterLines ? raw.size() - kFooterLines : 0;
  for (std::size_t i = from; i < raw.size(); ++i) tail.push_back(clean_line(raw[i]));
  r.date = passing_date(tail);
}

}  // namespace

void fill_metadata(DocumentRecord& r) {
  const std::vector<std::string_view> raw = text::split_lines(r.text);
  std::vector<std::string> head;
  for (std::size_t i = 0; i < raw.size() && i < kHeaderLines; ++i) head.push_back(clean_line(raw[i]));
  const HeaderFields h = read_header(head, r);
  choose_type(h, r);
  if (r.subject.empty()) r.subject = h.subject;
  choose_issuer(h, r);
  choose_passing_date(raw, r);
  read_authentication_block(raw, r);
  read_footer(raw, r);
  choose_title(head, r);
}

}  // namespace vanban::doc
