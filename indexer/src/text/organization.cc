#include "vanban/text/organization.h"

#include <vector>

#include "text/letter_case.h"
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

// A bare "Sở"/"Bộ" at token i: the department word with no capitalized
// name after it ("Văn phòng Sở", "trực thuộc Sở").
bool bare_department(std::string_view name, const std::vector<Token>& t, std::size_t i) {
  if (t[i].exact != "sở" && t[i].exact != "bộ") return false;
  if (!starts_upper(name.substr(t[i].start, t[i].end - t[i].start))) return false;
  return i + 1 == t.size() || !starts_upper(name.substr(t[i + 1].start, t[i + 1].end - t[i + 1].start));
}

void append(std::string& key, std::string_view words) {
  if (words.empty()) return;
  if (!key.empty()) key += ' ';
  key += words;
}

}  // namespace

std::string home_department(std::string_view issuer) {
  Tokenizer tok;
  const std::vector<Token> t = tok.tokenize(issuer);
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].exact != "sở" && t[i].exact != "bộ") continue;
    std::size_t e = i + 1;
    while (e < t.size() && starts_upper(issuer.substr(t[e].start, t[e].end - t[e].start))) ++e;
    if (e == i + 1) continue;
    return std::string(issuer.substr(t[i].start, t[e - 1].end - t[i].start));
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
