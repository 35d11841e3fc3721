#include "vanban/search/query_builder.h"

#include <algorithm>

#include "vanban/index/schema.h"
#include "vanban/text/chars.h"
#include "vanban/text/document_type.h"
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

Xapian::Query token_query(const Token& t, bool accented, const RankingOptions& ranking) {
  if (t.kind == TokenKind::kSymbol) {
    // The document that has this number (its rare "XOWN" term adds a high
    // IDF weight) ranks first, then those citing it.
    std::vector<Xapian::Query> alternatives = {
        Xapian::Query(term_for(t)), Xapian::Query(std::string(index::kOwnSymbolPrefix) + t.folded)};
    const std::string swapped = swapped_symbol_key(t.folded);
    if (!swapped.empty()) {
      alternatives.emplace_back(std::string(index::kSymbolPrefix) + swapped);
      alternatives.emplace_back(std::string(index::kOwnSymbolPrefix) + swapped);
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }
  Xapian::Query folded(term_for(t));
  if (!accented || t.kind != TokenKind::kWord) return folded;
  // Both terms score, so a document with the exact accented spelling
  // outranks one that only matches once folded ("thư" vs "thu"), while
  // both are found.
  return Xapian::Query(
      Xapian::Query::OP_OR, folded,
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                    Xapian::Query(std::string(index::kExactPrefix) + t.exact), ranking.exact_weight));
}

Xapian::Query words_query(const ParsedQuery::Clause& c, bool accented,
                          const RankingOptions& ranking);

Xapian::Query clause_query(const ParsedQuery::Clause& c, bool accented,
                           const RankingOptions& ranking) {
  if (c.symbol_terms.empty()) return words_query(c, accented, ranking);
  std::vector<Xapian::Query> alternatives(c.symbol_terms.begin(), c.symbol_terms.end());
  alternatives.push_back(words_query(c, accented, ranking));
  return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

Xapian::Query with_alternatives(const ParsedQuery::Clause& c, Xapian::Query q) {
  if (c.alternatives.empty()) return q;
  std::vector<Xapian::Query> any = {q};
  for (const auto& alt : c.alternatives) {
    std::vector<Xapian::Query> terms(alt.begin(), alt.end());
    any.emplace_back(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                     static_cast<Xapian::termcount>(terms.size()));
  }
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

Xapian::Query words_query(const ParsedQuery::Clause& c, bool accented,
                          const RankingOptions& ranking) {
  if (c.tokens.size() == 1) return token_query(c.tokens[0], accented, ranking);
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

// The symbol letter codes (folded) that a type word or abbreviation typed
// before a number stands for: "Chỉ thị" or "CT" -> {"ct"}, "Quy định" ->
// {"qdi", "qd"}. From the one table of document types (document_type.h).
std::vector<std::string> codes_for(const std::vector<Token>& words) {
  std::string typed;
  for (const Token& t : words) typed += (typed.empty() ? "" : " ") + t.exact;
  std::vector<std::string> out;
  auto add = [&](std::string_view code) {
    std::string folded = text::fold(code);
    if (std::find(out.begin(), out.end(), folded) == out.end()) out.push_back(std::move(folded));
  };
  for (const std::string_view code : text::codes_for_type(typed)) add(code);
  // An abbreviation typed alone ("CT", "nd"): a code of the table.
  if (words.size() == 1 && !text::type_for_code(typed).empty()) add(typed);
  return out;
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

// Abbreviation -> long form, folded.
const std::vector<std::pair<std::string, std::vector<std::string>>>& abbreviations() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> table = {
      {"ubnd", {"uy", "ban", "nhan", "dan"}},   {"hdnd", {"hoi", "dong", "nhan", "dan"}},
      {"tw", {"trung", "uong"}},                {"ttg", {"thu", "tuong"}},
      {"bct", {"bo", "chinh", "tri"}},          {"nd", {"nghi", "dinh"}},
      {"mttq", {"mat", "tran", "to", "quoc"}}, {"bch", {"ban", "chap", "hanh"}},
      {"btv", {"ban", "thuong", "vu"}}};
  return table;
}

bool plain_word(const ParsedQuery::Clause& c) {
  return !c.phrase && c.tokens.size() == 1 && c.symbol_prefixes.empty() &&
         c.tokens[0].kind == TokenKind::kWord;
}

// Gives abbreviations their long form as an alternative, and long forms
// typed out their abbreviation.
void add_abbreviation_synonyms(std::vector<ParsedQuery::Clause>& clauses) {
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    if (!plain_word(clauses[i])) continue;
    for (const auto& [abbr, words] : abbreviations()) {
      if (clauses[i].tokens[0].folded == abbr) {
        clauses[i].alternatives.push_back(words);
        break;
      }
      if (i + words.size() > clauses.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < words.size() && match; ++k) {
        const auto& c = clauses[i + k];
        match = plain_word(c) && c.tokens[0].folded == words[k] &&
                (k + 1 == words.size() || c.joins_next);
      }
      if (!match) continue;
      ParsedQuery::Clause phrase;
      for (std::size_t k = 0; k < words.size(); ++k) phrase.tokens.push_back(clauses[i + k].tokens[0]);
      phrase.phrase = true;
      phrase.joins_next = clauses[i + words.size() - 1].joins_next;
      phrase.alternatives.push_back({abbr});
      clauses.erase(clauses.begin() + static_cast<long>(i),
                    clauses.begin() + static_cast<long>(i + words.size()));
      clauses.insert(clauses.begin() + static_cast<long>(i), std::move(phrase));
      break;
    }
  }
}

// Quoted and unquoted stretches of a query, in order. An unmatched quote
// is text.
std::vector<std::pair<std::string_view, bool>> split_quoted(std::string_view text) {
  std::vector<std::pair<std::string_view, bool>> parts;  // (text, quoted)
  while (!text.empty()) {
    const auto open = text.find('"');
    const auto close = open == std::string_view::npos ? open : text.find('"', open + 1);
    if (close == std::string_view::npos) {
      parts.emplace_back(text, false);
      break;
    }
    parts.emplace_back(text.substr(0, open), false);
    parts.emplace_back(text.substr(open + 1, close - open - 1), true);
    text.remove_prefix(close + 1);
  }
  return parts;
}

// A quoted phrase is one clause (a single quoted word is just a word).
void add_phrase(text::Tokenizer& tokenizer, std::string_view part, ParsedQuery& q) {
  ParsedQuery::Clause c{.tokens = tokenizer.tokenize(part), .phrase = true};
  if (c.tokens.size() == 1) c.phrase = false;
  if (!c.tokens.empty()) q.required.push_back(std::move(c));
}

// Each token of `stretch` as a clause of its own, remembering which ones
// only spaces separate (they may form a word).
void add_words(text::Tokenizer& tokenizer, std::string_view stretch, ParsedQuery& q) {
  std::vector<Token> tokens = tokenizer.tokenize(stretch);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    bool joins = false;
    if (k + 1 < tokens.size()) {
      const std::string_view gap = stretch.substr(tokens[k].end, tokens[k + 1].start - tokens[k].end);
      joins = gap.find_first_not_of(' ') == std::string_view::npos;
    }
    q.required.push_back({.tokens = {std::move(tokens[k])}, .joins_next = joins});
  }
}

// True if a '-' at `pos` of `part` excludes what follows: it starts a
// space-separated chunk and is followed by text ("-word", not "- " or "--").
bool starts_exclusion(std::string_view part, std::size_t pos) {
  const bool chunk_start = pos == 0 || text::is_inline_space(part[pos - 1]);
  return chunk_start && part[pos] == '-' && pos + 1 < part.size() &&
         !text::is_inline_space(part[pos + 1]) && part[pos + 1] != '-';
}

// Unquoted text: words, and "-word" exclusions. Everything between
// exclusions is tokenized as one stretch, so symbols written with spaces
// ("34 - CT/TW") stay whole.
void add_unquoted(text::Tokenizer& tokenizer, std::string_view part, ParsedQuery& q) {
  std::size_t stretch = 0;
  for (std::size_t pos = 0; pos < part.size(); ++pos) {
    if (!starts_exclusion(part, pos)) continue;
    add_words(tokenizer, part.substr(stretch, pos - stretch), q);
    std::size_t end = pos + 1;
    while (end < part.size() && !text::is_inline_space(part[end])) ++end;
    for (Token& t : tokenizer.tokenize(part.substr(pos + 1, end - pos - 1))) {
      q.excluded.push_back({.tokens = {std::move(t)}});
    }
    stretch = end;
    pos = end;
  }
  add_words(tokenizer, part.substr(stretch), q);
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
  for (const auto& [part, quoted] : split_quoted(text)) {
    if (quoted) {
      add_phrase(*tokenizer_, part, q);
    } else {
      add_unquoted(*tokenizer_, part, q);
    }
  }
  find_partial_symbols(q.required);
  add_abbreviation_synonyms(q.required);
  return q;
}

void QueryBuilder::expand(ParsedQuery& parsed, const Xapian::Database& db) {
  auto fill = [&](ParsedQuery::Clause& c) {
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (const auto& prefix : c.symbol_prefixes) {
      for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
        found.emplace_back(t.get_termfreq(), *t);
      }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    if (found.size() > kMaxSymbolTerms) found.resize(kMaxSymbolTerms);
    c.symbol_terms.clear();
    for (auto& f : found) c.symbol_terms.push_back(std::move(f.second));
  };
  for (auto& c : parsed.required) fill(c);
  for (auto& c : parsed.excluded) fill(c);
}

Xapian::Query QueryBuilder::build(const ParsedQuery& parsed, MatchMode mode,
                                  const RankingOptions& ranking) {
  if (parsed.required.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> required;
  for (const auto& c : parsed.required) {
    required.push_back(with_alternatives(c, clause_query(c, parsed.accented, ranking)));
  }

  // Adjacent syllables typed together also match as a pair: a document
  // with the word "dân vận" beats one with "dân" and "vận" apart.
  std::vector<Xapian::Query> pairs;
  for (std::size_t i = 0; i + 1 < parsed.required.size(); ++i) {
    const auto& a = parsed.required[i];
    const auto& b = parsed.required[i + 1];
    if (!a.joins_next || a.tokens.size() != 1 || b.tokens.size() != 1 || a.phrase || b.phrase ||
        a.tokens[0].kind == TokenKind::kSymbol || b.tokens[0].kind == TokenKind::kSymbol) {
      continue;
    }
    pairs.emplace_back(index::pair_term(a.tokens[0].folded, b.tokens[0].folded));
  }
  Xapian::Query pair_boost;
  if (!pairs.empty() && ranking.pair_weight > 0) {
    pair_boost = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                               Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                               ranking.pair_weight);
  }

  Xapian::Query query;
  if (mode == MatchMode::kAll) {
    query = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
    if (!pair_boost.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, pair_boost);
  } else {
    if (!pair_boost.empty()) required.push_back(pair_boost);
    query = Xapian::Query(Xapian::Query::OP_OR, required.begin(), required.end());
  }
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
                          Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }
  return query;
}

}  // namespace vanban::search
