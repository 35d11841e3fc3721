#include "vanban/text/organization.h"

#include <algorithm>
#include <vector>

#include "text/letter_case.h"
#include "vanban/text/chars.h"
#include "vanban/text/tokenize.h"

namespace vanban::text {
namespace {

struct Expansion {
  std::vector<std::string> abbreviation;  // folded tokens, as the Tokenizer splits them
  std::string words;                      // folded long form
};

// Offices and bodies of Vietnamese administration in their common
// abbreviations. "GD&ĐT" tokenizes as "gd", "dt"; "GDĐT" as one token.
const std::vector<Expansion>& expansions() {
  static const std::vector<Expansion> table = {
      {{"ubnd"}, "uy ban nhan dan"},
      {{"hdnd"}, "hoi dong nhan dan"},
      {{"mttq"}, "mat tran to quoc"},
      {{"tdkt"}, "thi dua khen thuong"},
      {{"bch"}, "ban chap hanh"},
      {{"btv"}, "ban thuong vu"},
      {{"tw"}, "trung uong"},
      {{"tp"}, "thanh pho"},
      {{"tx"}, "thi xa"},
      {{"gd", "dt"}, "giao duc va dao tao"},
      {{"gddt"}, "giao duc va dao tao"},
      {{"ld", "tb", "xh"}, "lao dong thuong binh va xa hoi"},
      {{"ldtbxh"}, "lao dong thuong binh va xa hoi"},
      {{"tn", "mt"}, "tai nguyen va moi truong"},
      {{"tnmt"}, "tai nguyen va moi truong"},
      {{"kh", "dt"}, "ke hoach va dau tu"},
      {{"khdt"}, "ke hoach va dau tu"},
      {{"kh", "cn"}, "khoa hoc va cong nghe"},
      {{"khcn"}, "khoa hoc va cong nghe"},
      {{"vh", "tt", "dl"}, "van hoa the thao va du lich"},
      {{"vhttdl"}, "van hoa the thao va du lich"},
      {{"nn", "ptnt"}, "nong nghiep va phat trien nong thon"},
      {{"gtvt"}, "giao thong van tai"},
      {{"tt", "tt"}, "thong tin va truyen thong"},
      {{"tttt"}, "thong tin va truyen thong"},
      {{"cand"}, "cong an nhan dan"},
  };
  return table;
}

bool is_quantifier(const std::vector<Token>& t, std::size_t i, std::size_t& length) {
  const std::string& w = t[i].folded;
  length = 1;
  if (w == "cac" || w == "nhung" || w == "moi" || w == "tung") return true;
  length = 2;
  return w == "toan" && i + 1 < t.size() && t[i + 1].folded == "the";
}

// The expansion whose abbreviation starts at token i, or nullptr.
const Expansion* expansion_at(const std::vector<Token>& t, std::size_t i) {
  for (const Expansion& e : expansions()) {
    if (i + e.abbreviation.size() > t.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < e.abbreviation.size() && match; ++k) {
      match = t[i + k].folded == e.abbreviation[k];
    }
    if (match) return &e;
  }
  return nullptr;
}

// The standard names of the departments of a province (Nghị định
// 24/2014/NĐ-CP, amended by 107/2020/NĐ-CP; the merged ones of
// 45/2025/NĐ-CP), of the ministries and of the Party's and the army's
// bodies called "Bộ", folded. A list of rules, not of examples: every
// province has these.
struct DepartmentName {
  std::string_view folded;         // "noi vu"
  std::vector<std::string> words;  // "noi", "vu"
};

const std::vector<DepartmentName>& department_names() {
  static const std::vector<DepartmentName> table = [] {
    const char* names[] = {
        // provincial departments and ministries of the same name
        "noi vu", "tu phap", "ke hoach va dau tu", "tai chinh", "cong thuong",
        "nong nghiep va phat trien nong thon", "nong nghiep va moi truong", "giao thong van tai",
        "xay dung", "tai nguyen va moi truong", "thong tin va truyen thong",
        "lao dong thuong binh va xa hoi", "van hoa the thao va du lich", "van hoa va the thao",
        "du lich", "khoa hoc va cong nghe", "giao duc va dao tao", "y te", "ngoai vu",
        "quy hoach kien truc", "dan toc", "dan toc va ton giao", "khoa hoc cong nghe",
        // ministries only
        "ngoai giao", "quoc phong", "cong an",
        // the Politburo, and army commands
        "chinh tri", "tu lenh", "chi huy quan su", "chi huy bo doi bien phong"};
    std::vector<DepartmentName> split;
    for (const char* name : names) {
      split.push_back({name, {}});
      for (std::string_view rest = name; !rest.empty();) {
        const std::size_t space = rest.find(' ');
        split.back().words.emplace_back(rest.substr(0, space));
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      }
    }
    return split;
  }();
  return table;
}

bool department_word(const Token& t) { return t.exact == "sở" || t.exact == "bộ" || t.exact == "ban"; }

std::string_view token_text(std::string_view text, const Token& t) {
  return text.substr(t.start, t.end - t.start);
}

// Does what stands between tokens k - 1 and k keep them in one name? Spaces,
// and in a standard name the marks of "Văn hóa, Thể thao và Du lịch", "Lao
// động - Thương binh và Xã hội", "Lao động – ...", "GD&ĐT".
bool joins_name(std::string_view text, const std::vector<Token>& t, std::size_t k, bool standard) {
  std::string_view gap = text.substr(t[k - 1].end, t[k].start - t[k - 1].end);
  for (std::size_t p = 0; p < gap.size(); ++p) {
    if (gap[p] == ' ') continue;
    if (!standard) return false;
    if (gap.substr(p).starts_with("\u2013")) {
      p += std::string_view("\u2013").size() - 1;
    } else if (gap[p] != ',' && gap[p] != '-' && gap[p] != '&') {
      return false;
    }
  }
  return true;
}

// Tokens of `words` (a standard name, folded) at token i of `text`; 0 if
// they are not there. A "và" of the name may stand as a mark ("Nông
// nghiệp & Phát triển nông thôn", "Tài nguyên - Môi trường", "Giáo dục -
// Đào tạo").
std::size_t name_length(std::string_view text, const std::vector<Token>& t, std::size_t i,
                        const std::vector<std::string>& words) {
  std::size_t j = i;
  for (std::size_t k = 0; k < words.size(); ++j, ++k) {
    if (j >= t.size()) return 0;
    const bool marked = j > i && !trim(text.substr(t[j - 1].end, t[j].start - t[j - 1].end)).empty();
    if (words[k] == "va" && t[j].folded != "va" && marked) ++k;  // the mark is the "và"
    if (k >= words.size() || t[j].folded != words[k] || (j > i && !joins_name(text, t, j, true))) return 0;
  }
  return j - i;
}

// Tokens of the longest standard name (or abbreviation of one) at token i;
// 0 if none.
std::size_t standard_name_length(std::string_view text, const std::vector<Token>& t, std::size_t i) {
  std::size_t best = 0;
  const Expansion* abbreviation = expansion_at(t, i);  // "gd", "dt" -> "giao duc va dao tao"
  for (const DepartmentName& name : department_names()) {
    best = std::max(best, name_length(text, t, i, name.words));
    if (abbreviation != nullptr && abbreviation->words == name.folded) {
      best = std::max(best, name_length(text, t, i, abbreviation->abbreviation));
    }
  }
  return best;
}

// Words that start the province a department belongs to ("tỉnh Lai Châu",
// "thành phố Hà Nội", "TP Hồ Chí Minh"): where a name read by its capitals
// ends ("SỞ NGOẠI VỤ TỈNH ..."). Departments and ministries are provincial
// or national: "xã", "phường" would cut "Xã Hội".
bool place_word(const Token& t) { return t.exact == "tỉnh" || t.exact == "thành" || t.folded == "tp"; }

// A bare "Sở"/"Bộ"/"Ban" at token i: the department word with no
// capitalized name after it ("Văn phòng Sở", "trực thuộc Sở").
bool bare_department(std::string_view name, const std::vector<Token>& t, std::size_t i) {
  if (!department_word(t[i])) return false;
  if (!starts_upper(name.substr(t[i].start, t[i].end - t[i].start))) return false;
  return i + 1 == t.size() || !starts_upper(name.substr(t[i + 1].start, t[i + 1].end - t[i + 1].start));
}

void append(std::string& key, std::string_view words) {
  if (words.empty()) return;
  if (!key.empty()) key += ' ';
  key += words;
}

}  // namespace

std::size_t department_name_end(std::string_view text, const std::vector<Token>& t, std::size_t i) {
  if (i + 1 >= t.size() || !department_word(t[i]) || !starts_upper(token_text(text, t[i])) ||
      !starts_upper(token_text(text, t[i + 1])) || !joins_name(text, t, i + 1, false)) {
    return i;
  }
  if (const std::size_t n = standard_name_length(text, t, i + 1); n > 0) return i + 1 + n;
  // "Ban Chỉ đạo", "Ban Thường vụ", "Ban Tuyên giáo": a "Ban" by its
  // capitals is a committee, not a department.
  if (t[i].exact == "ban") return i;
  std::size_t e = i + 1;
  while (e < t.size() && t[e].kind == TokenKind::kWord && starts_upper(token_text(text, t[e])) &&
         !place_word(t[e]) && (e == i + 1 || joins_name(text, t, e, false))) {
    ++e;
  }
  return e;
}

std::string home_department(std::string_view issuer) {
  Tokenizer tok;
  const std::vector<Token> t = tok.tokenize(issuer);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const std::size_t e = department_name_end(issuer, t, i);
    if (e > i) return std::string(issuer.substr(t[i].start, t[e - 1].end - t[i].start));
  }
  return {};
}

std::string organization_key(std::string_view name, std::string_view home) {
  Tokenizer tok;
  const std::vector<Token> t = tok.tokenize(name);
  const std::string home_key = home.empty() ? std::string() : organization_key(home);
  std::string key;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t skip = 1;
    if (t[i].kind == TokenKind::kSymbol || is_quantifier(t, i, skip)) {
      i += skip;
      continue;
    }
    if (const Expansion* e = expansion_at(t, i)) {
      append(key, e->words);
      i += e->abbreviation.size();
      continue;
    }
    const bool home_word = !home_key.empty() && bare_department(name, t, i) &&
                           home_key.compare(0, t[i].folded.size(), t[i].folded) == 0;
    append(key, home_word ? home_key : t[i].folded);
    ++i;
  }
  return key;
}

}  // namespace vanban::text
