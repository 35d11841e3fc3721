#include "vanban/text/campaign.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

// Words that introduce a campaign name. Folded syllable sequences.
const std::vector<std::vector<std::string>>& campaign_words() {
  static const std::vector<std::vector<std::string>> words = {
      {"phong", "trao"}, {"cuoc", "van", "dong"}, {"chu", "de"}, {"thi", "dua"},
      {"dot", "thi", "dua"}, {"chuong", "trinh"}};
  return words;
}

// How many words may stand between the campaign word and the quote
// ("phong trào thi đua đặc biệt với chủ đề “...”").
constexpr std::size_t kMaxLeadWords = 8;
constexpr std::size_t kMinNameWords = 2;
constexpr std::size_t kMaxNameWords = 100;

// Places that localize a national campaign: the provinces and
// centrally-run cities, and the national names themselves.
const std::vector<std::vector<std::string>>& places() {
  static const std::vector<std::vector<std::string>> list = [] {
    static const char* const kNames[] = {
        "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu", "Bạc Liêu", "Bắc Giang",
        "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước",
        "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
        "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội",
        "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
        "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai",
        "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
        "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
        "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
        "Thanh Hóa", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Huế", "Tiền Giang",
        "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "TP. Hồ Chí Minh", "Trà Vinh",
        "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái", "Thủ đô", "tỉnh",
        "thành phố", "huyện", "Việt Nam", "Cả nước", "toàn quốc"};
    std::vector<std::vector<std::string>> out;
    Tokenizer tok;
    for (const char* name : kNames) {
      std::vector<std::string> words;
      for (const Token& t : tok.tokenize(name)) words.push_back(t.folded);
      out.push_back(std::move(words));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return out;
  }();
  return list;
}

// Places that make a name national rather than local.
bool is_national(const std::vector<std::string>& words, std::size_t i, std::size_t len) {
  const std::string w = words[i] + (len > 1 ? " " + words[i + 1] : "");
  return w == "viet nam" || w == "ca nuoc" || w == "toan quoc";
}

std::size_t place_at(const std::vector<std::string>& words, std::size_t i) {
  for (const auto& place : places()) {
    if (i + place.size() > words.size()) continue;
    if (std::equal(place.begin(), place.end(), words.begin() + static_cast<long>(i))) {
      return place.size();
    }
  }
  return 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '*'; }

// The text between quotes of one list: "; ", ", ", " và ", "”; “".
bool list_separator(std::string_view s) {
  std::string rest;
  for (char c : s) {
    if (!is_space(c) && c != ';' && c != ',') rest += c;
  }
  return rest.empty() || fold(rest) == "va";
}

struct Quote {
  std::size_t open;   // byte offset of the opening quote mark
  std::size_t begin;  // content
  std::size_t end;
  std::size_t close;  // one past the closing quote mark
};

// Balanced quotes on one line: “...” or "...". A “ opened again before it
// closes means the first one was never closed: it is dropped.
std::vector<Quote> find_quotes(std::string_view text) {
  std::vector<Quote> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool curly = text.substr(i, 3) == "\u201C";
    const bool straight = text[i] == '"';
    if (!curly && !straight) {
      ++i;
      continue;
    }
    const std::size_t begin = i + (curly ? 3 : 1);
    const std::string_view close = curly ? "\u201D" : "\"";
    const std::size_t e = text.find(close, begin);
    const std::size_t nl = text.find('\n', begin);
    const std::size_t reopen = curly ? text.find("\u201C", begin) : std::string_view::npos;
    if (e == std::string_view::npos || (nl != std::string_view::npos && nl < e)) {
      i = begin;
      continue;
    }
    if (reopen != std::string_view::npos && reopen < e) {
      i = reopen;
      continue;
    }
    out.push_back({i, begin, e, e + close.size()});
    i = e + close.size();
  }
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (is_space(s.front()) || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == ',' || s.back() == '.')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

bool capitalized(std::string_view word) {
  if (word.empty()) return false;
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return u_isupper(c) != 0;
}

// Who launches: the capitalized noun phrase right before "phát động"
// ("Giám đốc Sở Công Thương phát động ..."), or after "phát động của"
// ("theo phát động của UBND tỉnh").
std::string launcher_before(std::string_view text, const std::vector<Token>& tokens,
                            std::size_t phat) {
  auto gap_ok = [&](std::size_t a, std::size_t b) {
    return text.substr(tokens[a].end, tokens[b].start - tokens[a].end).find_first_not_of(" \t") ==
           std::string_view::npos;
  };
  if (phat + 3 < tokens.size() && tokens[phat + 2].folded == "cua") {
    std::size_t e = phat + 3;
    while (e + 1 < tokens.size() && e - phat < 9 && gap_ok(e, e + 1) &&
           tokens[e + 1].folded != "tai" && tokens[e + 1].folded != "ve") {
      ++e;
    }
    return std::string(text.substr(tokens[phat + 3].start, tokens[e].end - tokens[phat + 3].start));
  }
  if (phat == 0) return {};
  std::size_t b = phat;
  while (b > 0 && phat - b < 6 && gap_ok(b - 1, b) && tokens[b - 1].kind == TokenKind::kWord) --b;
  // Start at the first capitalized word: "Chủ tịch UBND tỉnh", not "để".
  while (b < phat && !capitalized(text.substr(tokens[b].start, tokens[b].end - tokens[b].start))) ++b;
  if (b == phat) return {};
  return std::string(text.substr(tokens[b].start, tokens[phat - 1].end - tokens[b].start));
}

}  // namespace

std::string campaign_id(std::string_view name) {
  Tokenizer tok;
  std::vector<std::string> words;
  for (const Token& t : tok.tokenize(name)) {
    if (t.kind != TokenKind::kSymbol) words.push_back(t.folded);
  }
  std::string id;
  for (std::size_t i = 0; i < words.size();) {
    if (const std::size_t skip = place_at(words, i)) {
      i += skip;
      continue;
    }
    // "và" and ";" are written interchangeably between a name's parts.
    if (words[i] == "va") {
      ++i;
      continue;
    }
    if (!id.empty()) id += '-';
    id += words[i++];
  }
  // Ids become terms and metadata keys, which Xapian limits to about 240
  // bytes: a long name keeps its head and gets a digest of the rest.
  constexpr std::size_t kMaxIdBytes = 120;
  if (id.size() > kMaxIdBytes) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    std::size_t cut = id.rfind('-', kMaxIdBytes - 10);
    if (cut == std::string::npos) {
      cut = kMaxIdBytes - 10;
      while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
    }
    char tail[20];
    std::snprintf(tail, sizeof tail, "-%08llx", static_cast<unsigned long long>(h & 0xffffffffULL));
    id = id.substr(0, cut) + tail;
  }
  return id;
}

std::vector<CampaignMention> find_campaigns(std::string_view text,
                                            const std::vector<Token>& tokens,
                                            const std::vector<Citation>& citations) {
  std::vector<CampaignMention> out;
  const std::vector<Quote> quotes = find_quotes(text);
  std::size_t previous_close = std::string_view::npos;  // of the last accepted name
  Tokenizer tok;
  for (const Quote& q : quotes) {
    const bool in_citation = std::any_of(citations.begin(), citations.end(), [&](const Citation& c) {
      return q.open < c.end && q.close > c.start;
    });
    if (in_citation) continue;
    const std::string name = trim(text.substr(q.begin, q.end - q.begin));
    const auto name_tokens = tok.tokenize(name);
    if (name_tokens.size() < kMinNameWords || name_tokens.size() > kMaxNameWords) continue;
    if (name_tokens[0].folded == "ve") continue;  // a document's subject, "Về ..."

    // Lead-in: the tokens before the quote in the same sentence.
    const bool continues_list =
        previous_close != std::string_view::npos && previous_close <= q.open &&
        list_separator(text.substr(previous_close, q.open - previous_close));
    std::size_t last = 0;  // tokens before the quote
    while (last < tokens.size() && tokens[last].end <= q.open) ++last;
    bool introduced = false;
    bool launched = false;
    std::size_t launch_at = 0;  // token index of "phát" in "phát động"
    for (std::size_t back = 0; back < kMaxLeadWords + 3 && back < last; ++back) {
      const std::size_t k = last - 1 - back;
      if (text.substr(tokens[k].end, (back == 0 ? q.open : tokens[k + 1].start) - tokens[k].end)
              .find_first_of(".\n") != std::string_view::npos) {
        break;  // sentence boundary
      }
      if (tokens[k].folded == "dong" && k > 0 && tokens[k - 1].folded == "phat" && !launched) {
        launched = true;
        launch_at = k - 1;
      }
      for (const auto& w : campaign_words()) {
        if (k + w.size() > last) continue;
        bool match = true;
        for (std::size_t m = 0; m < w.size() && match; ++m) {
          match = tokens[k + m].kind == TokenKind::kWord && tokens[k + m].folded == w[m];
        }
        // Within kMaxLeadWords words of the quote.
        if (match && last - (k + w.size()) <= kMaxLeadWords) introduced = true;
      }
    }
    if (!introduced && !continues_list) continue;

    CampaignMention m;
    m.name = name;
    m.id = campaign_id(name);
    if (m.id.empty() || m.id.find('-') == std::string::npos) continue;
    {
      std::vector<std::string> words;
      for (const Token& t : name_tokens) words.push_back(t.folded);
      for (std::size_t i = 0; i < words.size() && !m.local; ++i) {
        const std::size_t len = place_at(words, i);
        // Generic words ("tỉnh") alone do not make a local variant.
        m.local = len > 0 && !is_national(words, i, len) &&
                  !(len == 1 && (words[i] == "tinh" || words[i] == "huyen"));
      }
    }
    m.launched = launched;
    if (launched) m.launcher = launcher_before(text, tokens, launch_at);
    // "... do Chính phủ phát động" right after the quote names a launcher.
    {
      std::size_t after = 0;
      while (after < tokens.size() && tokens[after].start < q.close) ++after;
      if (after + 2 < tokens.size() && tokens[after].folded == "do") {
        std::size_t e = after + 1;
        while (e + 1 < tokens.size() && e - after <= 6 &&
               !(tokens[e].folded == "phat" && tokens[e + 1].folded == "dong")) {
          ++e;
        }
        if (e + 1 < tokens.size() && tokens[e].folded == "phat" && e > after + 1) {
          m.launcher = std::string(
              text.substr(tokens[after + 1].start, tokens[e - 1].end - tokens[after + 1].start));
        }
      }
    }
    m.start = q.begin;
    m.end = q.end;
    out.push_back(std::move(m));
    previous_close = q.close;
  }
  return out;
}

}  // namespace vanban::text
