#include "vanban/search/snippet.h"

#include <algorithm>
#include <vector>

namespace vanban::search {
namespace {

using text::Token;
using text::TokenKind;

std::string key_of(const Token& t) {
  // Symbols and words live in separate key spaces: the word "ct" must not
  // light up inside a symbol, nor a symbol key match a word.
  return (t.kind == TokenKind::kSymbol ? "s:" : "w:") + t.folded;
}

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
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

Highlighter::Highlighter(const ParsedQuery& query) {
  for (const auto& clause : query.required) {
    for (const Token& t : clause.tokens) {
      keys_.insert(key_of(t));
      if (query.accented) exact_.insert(t.kind == TokenKind::kWord ? t.exact : key_of(t));
    }
    for (const auto& alternative : clause.alternatives) {
      for (const std::string& word : alternative) keys_.insert("w:" + word);
    }
  }
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

std::string make_snippet(std::string_view text, const Highlighter& highlighter,
                         text::Tokenizer& tokenizer, const SnippetOptions& options) {
  const std::vector<Token> tokens = tokenizer.tokenize(text);
  if (tokens.empty()) return {};
  const std::size_t n = tokens.size();
  const std::size_t window = std::max<std::size_t>(options.window_tokens, 4);

  std::vector<bool> hit(n);
  bool any_exact = false;
  for (std::size_t i = 0; i < n; ++i) {
    hit[i] = highlighter.matches(tokens[i]);
    any_exact = any_exact || (hit[i] && highlighter.matches_exactly(tokens[i]));
  }
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < n; ++i) {
    if (hit[i] && any_exact && !highlighter.matches_exactly(tokens[i])) hit[i] = false;
    if (hit[i]) hits.push_back(i);
  }

  // Candidate windows start a few tokens before each match, so the match
  // has some context on its left.
  std::size_t best_start = 0;
  long best_score = -1;
  constexpr std::size_t kLeftContext = 4;
  for (const std::size_t h : hits) {
    const std::size_t start = h >= kLeftContext ? h - kLeftContext : 0;
    const std::size_t end = std::min(n, start + window);
    std::unordered_set<std::string> distinct;
    long matches = 0, adjacent = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (!hit[i]) continue;
      distinct.insert(key_of(tokens[i]));
      ++matches;
      if (i > start && hit[i - 1]) ++adjacent;
    }
    const long score = 100 * static_cast<long>(distinct.size()) + 10 * adjacent + matches;
    if (score > best_score) {
      best_score = score;
      best_start = start;
    }
  }

  const std::size_t end = std::min(n, best_start + window);
  std::string out;
  if (best_start > 0) out += "… ";
  std::size_t i = best_start;
  while (i < end) {
    if (i > best_start) {
      append_gap(out, text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end));
    }
    if (!hit[i]) {
      out += html_escape(text.substr(tokens[i].start, tokens[i].end - tokens[i].start));
      ++i;
      continue;
    }
    // A run of matches separated only by spaces is one highlight: a
    // multi-syllable word or phrase reads as one unit.
    std::size_t j = i;
    while (j + 1 < end && hit[j + 1] &&
           only_spaces(text.substr(tokens[j].end, tokens[j + 1].start - tokens[j].end))) {
      ++j;
    }
    out += "<mark>";
    out += html_escape(text.substr(tokens[i].start, tokens[j].end - tokens[i].start));
    out += "</mark>";
    i = j + 1;
  }
  if (end < n) out += " …";
  return out;
}

}  // namespace vanban::search
