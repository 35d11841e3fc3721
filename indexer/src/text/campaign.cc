#include "vanban/text/campaign.h"

#include "vanban/text/chars.h"
#include "vanban/text/place.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "text/award.h"
#include "text/letter_case.h"
#include "text/quotes.h"
#include "vanban/hash.h"
#include "vanban/text/chars.h"
#include "vanban/text/place.h"
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
    // Besides the provinces: the words that name a level or the nation.
    static const char* const kGeneric[] = {"Thủ đô", "tỉnh", "thành phố", "huyện",
                                           "Việt Nam", "Cả nước", "toàn quốc"};
    std::vector<std::string_view> names = province_names();
    names.insert(names.end(), std::begin(kGeneric), std::end(kGeneric));
    std::vector<std::vector<std::string>> out;
    Tokenizer tok;
    for (const std::string_view name : names) {
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

// Spaces and Markdown emphasis: what may stand between quoted names.
bool is_blank_or_emphasis(char c) { return is_inline_space(c) || c == '*'; }

// The text between quotes of one list: "; ", ", ", " và ", "”; “".
bool list_separator(std::string_view s) {
  std::string rest;
  for (char c : s) {
    if (!is_blank_or_emphasis(c) && c != ';' && c != ',') rest += c;
  }
  return rest.empty() || fold(rest) == "va";
}

// A quoted name without the spaces, emphasis and punctuation around it.
std::string clean_name(std::string_view s) {
  while (!s.empty() && (is_blank_or_emphasis(s.front()) || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (is_blank_or_emphasis(s.back()) || s.back() == ',' || s.back() == '.')) {
    s.remove_suffix(1);
  }
  return std::string(s);
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
  while (b < phat && !starts_upper(text.substr(tokens[b].start, tokens[b].end - tokens[b].start))) ++b;
  if (b == phat) return {};
  return std::string(text.substr(tokens[b].start, tokens[phat - 1].end - tokens[b].start));
}


// Words a name is written with or without across documents: "Học tập và
// làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" is also "Đẩy mạnh
// học tập và làm theo ...", "Về đẩy mạnh ..." (a directive's subject) and
// "... phong cách Chủ tịch Hồ Chí Minh". Folded.
bool is_function_word(const std::string& w) {
  // "và" and ";" are written interchangeably between a name's parts.
  return w == "va" || w == "cua" || w == "cac" || w == "nhung";
}

// Exhortations that lead a name without naming anything: dropped from its
// start, as many as there are.
std::size_t leading_exhortation(const std::vector<std::string>& words, std::size_t i) {
  static const std::vector<std::vector<std::string>> kLeads = {
      {"ve"}, {"day", "manh"}, {"tiep", "tuc"}, {"tang", "cuong"}};
  for (const auto& lead : kLeads) {
    if (i + lead.size() <= words.size() &&
        std::equal(lead.begin(), lead.end(), words.begin() + static_cast<long>(i))) {
      return lead.size();
    }
  }
  return 0;
}

// Titles before a person's name ("Chủ tịch Hồ Chí Minh", "đồng chí ..."):
// the name alone identifies the campaign.
bool honorific_before_name(const std::vector<std::string>& words,
                           const std::vector<bool>& upper, std::size_t i) {
  const bool two = i + 2 < words.size() &&
                   ((words[i] == "chu" && words[i + 1] == "tich") ||
                    (words[i] == "dong" && words[i + 1] == "chi"));
  return two && upper[i + 2];
}

// The folded words a campaign id is made of (see campaign_id).
std::vector<std::string> id_words(std::string_view name) {
  Tokenizer tok;
  std::vector<std::string> words;
  std::vector<bool> upper;
  for (const Token& t : tok.tokenize(name)) {
    if (t.kind == TokenKind::kSymbol) continue;
    words.push_back(t.folded);
    upper.push_back(starts_upper(name.substr(t.start, t.end - t.start)));
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t skip = place_at(words, i);
    if (out.empty() && skip == 0) skip = leading_exhortation(words, i);
    if (skip == 0 && honorific_before_name(words, upper, i)) skip = 2;
    if (skip == 0 && is_function_word(words[i])) skip = 1;
    if (skip > 0) {
      i += skip;
      continue;
    }
    out.push_back(words[i++]);
  }
  return out;
}

// Ids become terms and metadata keys, which Xapian limits to about 240
// bytes: a long id keeps its head and gets a digest of the whole.
std::string bounded_id(std::string id) {
  constexpr std::size_t kMaxIdBytes = 120;
  constexpr std::size_t kTailBytes = 10;  // "-" and 8 hex digits, and a margin
  if (id.size() <= kMaxIdBytes) return id;
  const std::uint64_t h = fnv1a64(id, kDigestBasis);
  std::size_t cut = id.rfind('-', kMaxIdBytes - kTailBytes);
  if (cut == std::string::npos) {
    cut = kMaxIdBytes - kTailBytes;
    while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  }
  char tail[20];
  std::snprintf(tail, sizeof tail, "-%08llx", static_cast<unsigned long long>(h & 0xffffffffULL));
  return id.substr(0, cut) + tail;
}

bool inside_citation(const Quote& q, const std::vector<Citation>& citations) {
  return std::any_of(citations.begin(), citations.end(),
                     [&](const Citation& c) { return q.open < c.end && q.close > c.start; });
}

// Token count of a name that can be a campaign: not one word, not a page.
bool plausible_name(const std::vector<Token>& name_tokens) {
  if (name_tokens.size() < kMinNameWords || name_tokens.size() > kMaxNameWords) return false;
  return name_tokens[0].folded != "ve";  // a document's subject, "Về ..."
}

// How many tokens end at or before byte `pos`.
std::size_t tokens_before(const std::vector<Token>& tokens, std::size_t pos) {
  return static_cast<std::size_t>(
      std::partition_point(tokens.begin(), tokens.end(),
                           [&](const Token& t) { return t.end <= pos; }) -
      tokens.begin());
}

// What the words before a quote (in its sentence) say about it.
struct LeadIn {
  bool introduced = false;  // a campaign word within kMaxLeadWords words
  bool launched = false;    // "phát động" before it
  std::size_t launch_at = 0;  // token index of "phát" in "phát động"
  bool title = false;       // right after "danh hiệu": an award title
};

bool campaign_word_at(const std::vector<Token>& tokens, std::size_t k, std::size_t last) {
  for (const auto& w : campaign_words()) {
    if (k + w.size() > last) continue;
    bool match = true;
    for (std::size_t m = 0; m < w.size() && match; ++m) {
      match = tokens[k + m].kind == TokenKind::kWord && tokens[k + m].folded == w[m];
    }
    if (match && last - (k + w.size()) <= kMaxLeadWords) return true;
  }
  return false;
}

// `last` tokens lie before the quote, which opens at byte `open`.
LeadIn read_lead_in(std::string_view text, const std::vector<Token>& tokens, std::size_t last,
                    std::size_t open) {
  // "danh hiệu “...”", "danh hiệu thi đua “...”".
  constexpr std::size_t kTitleReach = 4;
  LeadIn lead;
  for (std::size_t back = 0; back < kMaxLeadWords + 3 && back < last; ++back) {
    const std::size_t k = last - 1 - back;
    const std::size_t gap_end = back == 0 ? open : tokens[k + 1].start;
    if (text.substr(tokens[k].end, gap_end - tokens[k].end).find_first_of(".\n") !=
        std::string_view::npos) {
      break;  // sentence boundary
    }
    if (tokens[k].folded == "dong" && k > 0 && tokens[k - 1].folded == "phat" && !lead.launched) {
      lead.launched = true;
      lead.launch_at = k - 1;
    }
    if (back + 1 < kTitleReach && tokens[k].folded == "hieu" && k > 0 &&
        tokens[k - 1].folded == "danh") {
      lead.title = true;
    }
    lead.introduced = lead.introduced || campaign_word_at(tokens, k, last);
  }
  return lead;
}

bool is_local(const std::vector<Token>& name_tokens) {
  std::vector<std::string> words;
  for (const Token& t : name_tokens) words.push_back(t.folded);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::size_t len = place_at(words, i);
    // Generic words ("tỉnh") alone do not make a local variant.
    if (len > 0 && !is_national(words, i, len) &&
        !(len == 1 && (words[i] == "tinh" || words[i] == "huyen"))) {
      return true;
    }
  }
  return false;
}

// "... do Chính phủ phát động" right after the quote names a launcher.
std::string launcher_after(std::string_view text, const std::vector<Token>& tokens,
                           std::size_t close) {
  constexpr std::size_t kMaxLauncherWords = 6;
  std::size_t after = 0;
  while (after < tokens.size() && tokens[after].start < close) ++after;
  if (after + 2 >= tokens.size() || tokens[after].folded != "do") return {};
  std::size_t e = after + 1;
  while (e + 1 < tokens.size() && e - after <= kMaxLauncherWords &&
         !(tokens[e].folded == "phat" && tokens[e + 1].folded == "dong")) {
    ++e;
  }
  if (e + 1 >= tokens.size() || tokens[e].folded != "phat" || e <= after + 1) return {};
  return std::string(text.substr(tokens[after + 1].start, tokens[e - 1].end - tokens[after + 1].start));
}

// Where the last list of quotes ended, and whether it was a list of
// campaigns or of award titles ("danh hiệu “Lao động tiên tiến”, “...”"):
// a quote that only continues a list is what the list is.
struct QuoteList {
  std::size_t close = std::string_view::npos;
  bool awards = false;

  bool continued_by(std::string_view text, const Quote& q) const {
    return close != std::string_view::npos && close <= q.open &&
           list_separator(text.substr(close, q.open - close));
  }
};

}  // namespace

std::string campaign_id(std::string_view name) {
  std::string id;
  for (const std::string& w : id_words(name)) {
    if (!id.empty()) id += '-';
    id += w;
  }
  return bounded_id(std::move(id));
}

std::vector<CampaignMention> find_campaigns(std::string_view text,
                                            const std::vector<Token>& tokens,
                                            const std::vector<Citation>& citations) {
  std::vector<CampaignMention> out;
  Tokenizer tok;
  QuoteList list;
  for (const Quote& q : find_quotes(text)) {
    if (inside_citation(q, citations)) continue;
    std::string name = clean_name(text.substr(q.begin, q.end - q.begin));
    const std::vector<Token> name_tokens = tok.tokenize(name);
    if (!plausible_name(name_tokens)) continue;
    const LeadIn lead = read_lead_in(text, tokens, tokens_before(tokens, q.open), q.open);
    if (lead.title || is_award_title(name_tokens)) {
      list = {q.close, true};
      continue;
    }
    // A quote listed after an award title is not a campaign by being listed.
    const bool continues = !list.awards && list.continued_by(text, q);
    if (!lead.introduced && !continues) continue;
    CampaignMention m;
    m.id = campaign_id(name);
    if (m.id.find('-') == std::string::npos) continue;  // empty, or one word
    m.local = is_local(name_tokens);
    m.launched = lead.launched;
    if (lead.launched) m.launcher = launcher_before(text, tokens, lead.launch_at);
    if (std::string after = launcher_after(text, tokens, q.close); !after.empty()) {
      m.launcher = std::move(after);
    }
    m.name = std::move(name);
    m.start = q.begin;
    m.end = q.end;
    out.push_back(std::move(m));
    list = {q.close, false};
  }
  return out;
}

}  // namespace vanban::text
