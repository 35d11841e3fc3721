#include "vanban/search/snippet.h"

#include <algorithm>
#include <vector>

#include "vanban/text/chars.h"

namespace vanban::search {
namespace {

using text::Token;
using text::TokenKind;

// Text between two tokens, with line breaks and runs of spaces collapsed.
void append_gap(std::string& out, std::string_view gap) {
  bool space = false;
  for (const char c : gap) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += html_escape(std::string_view(&c, 1));
  }
  if (space) out += ' ';
}

bool only_spaces(std::string_view s) {
  return std::all_of(s.begin(), s.end(), text::is_inline_space);
}

}  // namespace

std::string Highlighter::key_of(const Token& t) {
  // Symbols and words live in separate key spaces: the word "ct" must not
  // light up inside a symbol, nor a symbol key match a word.
  return (t.kind == TokenKind::kSymbol ? "s:" : "w:") + t.folded;
}

Highlighter::Highlighter(const ParsedQuery& query) {
  for (const auto& clause : query.required) {
    const bool phrase_clause = clause.phrase && clause.tokens.size() > 1;
    std::vector<std::string> phrase;
    for (const Token& t : clause.tokens) {
      keys_.insert(key_of(t));
      if (phrase_clause) {
        phrase.push_back(key_of(t));
      } else {
        word_keys_.insert(key_of(t));
      }
      if (query.accented) exact_.insert(t.kind == TokenKind::kWord ? t.exact : key_of(t));
    }
    if (!phrase.empty()) phrases_.push_back(std::move(phrase));
    for (const auto& alternative : clause.alternatives) {
      for (const std::string& word : alternative) {
        keys_.insert("w:" + word);
        word_keys_.insert("w:" + word);
      }
    }
  }
}

bool Highlighter::matches_word(const Token& token) const {
  return word_keys_.count(key_of(token)) > 0;
}

bool Highlighter::matches(const Token& token) const {
  return !keys_.empty() && keys_.count(key_of(token)) > 0;
}

bool Highlighter::matches_exactly(const Token& token) const {
  return exact_.count(token.kind == TokenKind::kWord ? token.exact : key_of(token)) > 0;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string snippet_text(std::string_view html) {
  // The inverse of html_escape() and render(): the only markup is <mark>.
  static constexpr std::pair<std::string_view, std::string_view> kMarkup[] = {
      {"<mark>", ""}, {"</mark>", ""}, {"&amp;", "&"},  {"&lt;", "<"},
      {"&gt;", ">"},  {"&quot;", "\""}, {"&#39;", "'"},
  };
  std::string out;
  out.reserve(html.size());
  for (std::size_t i = 0; i < html.size();) {
    const auto* m = std::find_if(std::begin(kMarkup), std::end(kMarkup), [&](const auto& x) {
      return html.substr(i, x.first.size()) == x.first;
    });
    if (m == std::end(kMarkup)) {
      out += html[i++];
      continue;
    }
    out += m->second;
    i += m->first.size();
  }
  return out;
}

namespace {

// Which tokens a snippet marks: every match; or, for an accented query on
// a document that has exact-accent matches, only those.
std::vector<bool> marked_tokens(const std::vector<Token>& tokens, const Highlighter& highlighter) {
  std::vector<bool> hit(tokens.size());
  bool any_exact = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    hit[i] = highlighter.matches(tokens[i]);
    any_exact = any_exact || (hit[i] && highlighter.matches_exactly(tokens[i]));
  }
  if (any_exact) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (hit[i] && !highlighter.matches_exactly(tokens[i])) hit[i] = false;
    }
  }
  return hit;
}

// A window's worth: distinct query words first, then adjacent matches
// (phrases), then the number of matches.
constexpr long kDistinctWeight = 100;
constexpr long kAdjacentWeight = 10;
// Candidate windows start this many tokens before a match, so the match
// has some context on its left.
constexpr std::size_t kLeftContext = 4;

long window_score(const std::vector<Token>& tokens, const std::vector<bool>& hit,
                  std::size_t start, std::size_t end) {
  std::unordered_set<std::string> distinct;
  long matches = 0, adjacent = 0;
  for (std::size_t i = start; i < end; ++i) {
    if (!hit[i]) continue;
    distinct.insert(Highlighter::key_of(tokens[i]));
    ++matches;
    if (i > start && hit[i - 1]) ++adjacent;
  }
  return kDistinctWeight * static_cast<long>(distinct.size()) + kAdjacentWeight * adjacent + matches;
}

// The first token of the best window (0 when nothing matches).
std::size_t best_window(const std::vector<Token>& tokens, const std::vector<bool>& hit,
                        std::size_t window) {
  std::size_t best_start = 0;
  long best_score = -1;
  for (std::size_t h = 0; h < tokens.size(); ++h) {
    if (!hit[h]) continue;
    const std::size_t start = h >= kLeftContext ? h - kLeftContext : 0;
    const long score = window_score(tokens, hit, start, std::min(tokens.size(), start + window));
    if (score > best_score) {
      best_score = score;
      best_start = start;
    }
  }
  return best_start;
}

// The HTML of tokens [begin, end) of `text`: escaped, with each run of
// matches separated only by spaces as one <mark> (a multi-syllable word or
// phrase reads as one unit).
std::string render(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<bool>& hit, std::size_t begin, std::size_t end) {
  std::string out;
  std::size_t i = begin;
  while (i < end) {
    if (i > begin) append_gap(out, text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end));
    std::size_t j = i;
    while (hit[i] && j + 1 < end && hit[j + 1] &&
           only_spaces(text.substr(tokens[j].end, tokens[j + 1].start - tokens[j].end))) {
      ++j;
    }
    const std::string span = html_escape(text.substr(tokens[i].start, tokens[j].end - tokens[i].start));
    out += hit[i] ? "<mark>" + span + "</mark>" : span;
    i = j + 1;
  }
  return out;
}

}  // namespace

namespace {

// `hit` narrowed for quoted phrases: a word the query has only inside a
// phrase is marked where the whole phrase stands, not alone.
void mark_phrases(const std::vector<Token>& tokens, const Highlighter& highlighter,
                  std::vector<bool>& hit) {
  if (highlighter.phrases().empty()) return;
  std::vector<bool> in_phrase(tokens.size());
  for (const auto& phrase : highlighter.phrases()) {
    for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
      std::size_t n = 0;
      while (n < phrase.size() && Highlighter::key_of(tokens[i + n]) == phrase[n]) ++n;
      if (n < phrase.size()) continue;
      std::fill(in_phrase.begin() + static_cast<long>(i),
                in_phrase.begin() + static_cast<long>(i + n), true);
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    hit[i] = in_phrase[i] || (hit[i] && highlighter.matches_word(tokens[i]));
  }
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> match_spans(std::string_view text,
                                                             const Highlighter& highlighter,
                                                             text::Tokenizer& tokenizer) {
  const std::vector<Token> tokens = tokenizer.tokenize(text);
  std::vector<bool> hit = marked_tokens(tokens, highlighter);
  mark_phrases(tokens, highlighter, hit);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!hit[i]) continue;
    const bool joins = !spans.empty() && i > 0 && hit[i - 1] &&
                       only_spaces(text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end));
    if (joins) {
      spans.back().second = tokens[i].end;
    } else {
      spans.emplace_back(tokens[i].start, tokens[i].end);
    }
  }
  return spans;
}

std::string make_snippet(std::string_view text, const Highlighter& highlighter,
                         text::Tokenizer& tokenizer, const SnippetOptions& options) {
  constexpr std::size_t kMinWindowTokens = 4;
  const std::vector<Token> tokens = tokenizer.tokenize(text);
  if (tokens.empty()) return {};
  const std::size_t window = std::max(options.window_tokens, kMinWindowTokens);
  const std::vector<bool> hit = marked_tokens(tokens, highlighter);
  const std::size_t begin = best_window(tokens, hit, window);
  const std::size_t end = std::min(tokens.size(), begin + window);
  return (begin > 0 ? "… " : "") + render(text, tokens, hit, begin, end) +
         (end < tokens.size() ? " …" : "");
}

}  // namespace vanban::search
