#include "vanban/search/query_builder.h"

#include "vanban/index/schema.h"
#include "vanban/text/normalize.h"

namespace vanban::search {
namespace {

using text::Token;
using text::TokenKind;

// Curly quotes become straight ones so one rule handles both.
std::string straighten_quotes(std::string s) {
  static const std::pair<std::string_view, char> kQuotes[] = {
      {"\u201C", '"'}, {"\u201D", '"'}, {"\u201E", '"'}, {"\u00AB", '"'},
      {"\u00BB", '"'}};
  for (const auto& [from, to] : kQuotes) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos)) {
      s.replace(pos, from.size(), 1, to);
    }
  }
  return s;
}

std::string term_for(const Token& t) {
  if (t.kind == TokenKind::kSymbol) return std::string(index::kSymbolPrefix) + t.folded;
  return t.folded;
}

// "34/ct-tw" <-> "34-ct/tw": a symbol typed in the other style. Only for
// two letter groups and no year, where the swap is unambiguous.
std::string swapped_symbol_key(const std::string& key) {
  const auto slash = key.find('/');
  const auto dash = key.find('-');
  if (slash == std::string::npos || dash == std::string::npos) return {};
  if (key.find('/', slash + 1) != std::string::npos || key.find('-', dash + 1) != std::string::npos) {
    return {};
  }
  std::string out = key;
  out[slash] = '-';
  out[dash] = '/';
  return out;
}

Xapian::Query token_query(const Token& t, bool accented) {
  if (t.kind == TokenKind::kSymbol) {
    const std::string swapped = swapped_symbol_key(t.folded);
    Xapian::Query q(term_for(t));
    if (swapped.empty()) return q;
    return Xapian::Query(Xapian::Query::OP_OR, q,
                         Xapian::Query(std::string(index::kSymbolPrefix) + swapped));
  }
  Xapian::Query folded(term_for(t));
  if (!accented || t.kind != TokenKind::kWord) return folded;
  // Both terms score, so a document with the exact accented spelling
  // outranks one that only matches once folded ("thư" vs "thu"), while
  // both are found.
  return Xapian::Query(Xapian::Query::OP_OR, folded,
                       Xapian::Query(std::string(index::kExactPrefix) + t.exact));
}

Xapian::Query words_query(const ParsedQuery::Clause& c, bool accented);

Xapian::Query clause_query(const ParsedQuery::Clause& c, bool accented) {
  if (c.symbol_prefixes.empty()) return words_query(c, accented);
  std::vector<Xapian::Query> alternatives;
  for (const auto& prefix : c.symbol_prefixes) {
    alternatives.emplace_back(Xapian::Query::OP_WILDCARD, prefix, 64,
                              Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
  alternatives.push_back(words_query(c, accented));
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query words_query(const ParsedQuery::Clause& c, bool accented) {
  if (c.tokens.size() == 1) return token_query(c.tokens[0], accented);
  std::vector<Xapian::Query> terms;
  std::vector<Xapian::Query> exact;
  for (const Token& t : c.tokens) {
    terms.emplace_back(term_for(t));
    if (accented && t.kind == TokenKind::kWord) {
      exact.emplace_back(std::string(index::kExactPrefix) + t.exact);
    }
  }
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
  if (exact.empty()) return phrase;
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, phrase,
                       Xapian::Query(Xapian::Query::OP_OR, exact.begin(), exact.end()));
}

// Letter codes a type word or abbreviation stands for in symbols.
std::vector<std::string> codes_for(const std::vector<Token>& words) {
  std::string folded;
  for (const Token& t : words) folded += (folded.empty() ? "" : " ") + t.folded;
  static const std::pair<const char*, std::vector<std::string>> kTypes[] = {
      {"chi thi", {"ct"}},    {"ct", {"ct"}},    {"nghi quyet", {"nq"}}, {"nq", {"nq"}},
      {"ket luan", {"kl"}},   {"kl", {"kl"}},    {"quy dinh", {"qd", "qdi"}},
      {"quyet dinh", {"qd"}}, {"qd", {"qd"}},    {"ke hoach", {"kh"}},   {"kh", {"kh"}},
      {"thong bao", {"tb"}},  {"tb", {"tb"}},    {"bao cao", {"bc"}},    {"bc", {"bc"}},
      {"nghi dinh", {"nd"}},  {"nd", {"nd"}},    {"thong tu", {"tt"}},   {"huong dan", {"hd"}},
      {"hd", {"hd"}}};
  for (const auto& [name, codes] : kTypes) {
    if (folded == name) return codes;
  }
  return {};
}

// Rewrites "[type] [số] NUMBER" at the end of the word list, or anywhere
// when followed by nothing that looks like a symbol, into one clause that
// also matches the symbols of that type and number.
void find_partial_symbols(std::vector<ParsedQuery::Clause>& clauses) {
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const auto& c = clauses[i];
    if (c.phrase || c.tokens.size() != 1 || c.tokens[0].kind != TokenKind::kNumber) continue;
    const std::string& number = c.tokens[0].folded;
    std::size_t first = i;
    if (first > 0 && clauses[first - 1].tokens[0].folded == "so") --first;
    for (std::size_t len = 2; len >= 1; --len) {
      if (first < len) continue;
      std::vector<Token> words;
      for (std::size_t k = first - len; k < first; ++k) {
        if (clauses[k].phrase || clauses[k].tokens[0].kind != TokenKind::kWord) words.clear();
        else words.push_back(clauses[k].tokens[0]);
      }
      if (words.size() != len) continue;
      const std::vector<std::string> codes = codes_for(words);
      if (codes.empty()) continue;
      ParsedQuery::Clause merged;
      for (std::size_t k = first - len; k <= i; ++k) merged.tokens.push_back(clauses[k].tokens[0]);
      merged.phrase = true;
      for (const auto& code : codes) {
        merged.symbol_prefixes.push_back(std::string(index::kSymbolPrefix) + number + "-" + code + "/");
        merged.symbol_prefixes.push_back(std::string(index::kSymbolPrefix) + number + "/" + code + "-");
      }
      clauses.erase(clauses.begin() + static_cast<long>(first - len),
                    clauses.begin() + static_cast<long>(i + 1));
      clauses.insert(clauses.begin() + static_cast<long>(first - len), std::move(merged));
      i = first - len;
      break;
    }
  }
}

}  // namespace

QueryBuilder::QueryBuilder()
    : tokenizer_(std::make_unique<text::Tokenizer>(
          text::SymbolScanOptions{.accept_lower_case = true})) {}

QueryBuilder::~QueryBuilder() = default;

ParsedQuery QueryBuilder::parse(std::string_view raw) {
  ParsedQuery q;
  const std::string text = straighten_quotes(text::to_nfc(raw));
  q.accented = text::has_diacritics(text);

  // Split into quoted and unquoted stretches. An unmatched quote is text.
  std::vector<std::pair<std::string_view, bool>> parts;  // (text, quoted)
  std::string_view rest(text);
  while (!rest.empty()) {
    const auto open = rest.find('"');
    const auto close = open == std::string_view::npos ? open : rest.find('"', open + 1);
    if (close == std::string_view::npos) {
      parts.emplace_back(rest, false);
      break;
    }
    parts.emplace_back(rest.substr(0, open), false);
    parts.emplace_back(rest.substr(open + 1, close - open - 1), true);
    rest.remove_prefix(close + 1);
  }

  for (const auto& [part, quoted] : parts) {
    if (quoted) {
      ParsedQuery::Clause c{tokenizer_->tokenize(part), true, {}};
      if (c.tokens.size() == 1) c.phrase = false;
      if (!c.tokens.empty()) q.required.push_back(std::move(c));
      continue;
    }
    // Unquoted: a dash that starts a space-separated chunk and is followed
    // by text ("-word") excludes that chunk. Everything between exclusions
    // is tokenized as one stretch, so symbols written with spaces
    // ("34 - CT/TW") stay whole.
    auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    std::size_t stretch = 0;
    auto flush = [&](std::size_t end) {
      for (Token& t : tokenizer_->tokenize(part.substr(stretch, end - stretch))) {
        q.required.push_back({{std::move(t)}, false, {}});
      }
    };
    for (std::size_t pos = 0; pos < part.size(); ++pos) {
      const bool chunk_start = pos == 0 || is_space(part[pos - 1]);
      if (!chunk_start || part[pos] != '-' || pos + 1 >= part.size() ||
          is_space(part[pos + 1]) || part[pos + 1] == '-') {
        continue;
      }
      flush(pos);
      std::size_t end = pos + 1;
      while (end < part.size() && !is_space(part[end])) ++end;
      for (Token& t : tokenizer_->tokenize(part.substr(pos + 1, end - pos - 1))) {
        q.excluded.push_back({{std::move(t)}, false, {}});
      }
      stretch = end;
      pos = end;
    }
    flush(part.size());
  }
  find_partial_symbols(q.required);
  return q;
}

Xapian::Query QueryBuilder::build(const ParsedQuery& parsed, MatchMode mode) {
  if (parsed.required.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> required;
  for (const auto& c : parsed.required) {
    required.push_back(clause_query(c, parsed.accented));
  }
  const auto op = mode == MatchMode::kAll ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
  Xapian::Query query(op, required.begin(), required.end());
  if (!parsed.excluded.empty()) {
    std::vector<Xapian::Query> excluded;
    for (const auto& c : parsed.excluded) {
      for (const Token& t : c.tokens) {
        // "-Tây" must not drop documents about "tay": an accented exclusion
        // removes the exact spelling only.
        excluded.emplace_back(parsed.accented && t.kind == TokenKind::kWord
                                  ? std::string(index::kExactPrefix) + t.exact
                                  : term_for(t));
      }
    }
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(Xapian::Query::OP_OR, excluded.begin(),
                                        excluded.end()));
  }
  return query;
}

}  // namespace vanban::search
