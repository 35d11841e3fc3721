#include "vanban/search/query_builder.h"

#include <algorithm>

#include "vanban/index/schema.h"
#include "vanban/text/chars.h"
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
  return !c.phrase && c.tokens.size() == 1 && !c.symbol_pattern &&
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
// only spaces separate (they may form a word); the tokens of a loosely
// typed symbol ("nghi dinh 111/2022") are one clause.
void add_words(text::Tokenizer& tokenizer, std::string_view stretch, ParsedQuery& q) {
  std::vector<Token> tokens = tokenizer.tokenize(stretch);
  std::vector<text::LooseSymbol> symbols = text::find_loose_symbols(stretch, tokens);
  auto symbol = symbols.begin();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (symbol != symbols.end() && symbol->first == k) {
      ParsedQuery::Clause c{.phrase = symbol->end - k > 1, .symbol_pattern = std::move(symbol->pattern)};
      for (; k < symbol->end; ++k) c.tokens.push_back(std::move(tokens[k]));
      --k;
      ++symbol;
      q.required.push_back(std::move(c));
      continue;
    }
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

// Adjacent syllables typed together also match as a pair: a document
// with the word "dân vận" beats one with "dân" and "vận" apart. An empty
// query if there is no pair.
Xapian::Query pair_boost(const ParsedQuery& parsed, const RankingOptions& ranking) {
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
  if (pairs.empty() || ranking.pair_weight <= 0) return {};
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()), ranking.pair_weight);
}

// Fewest words of a subject phrase: one word in a subject is no evidence.
constexpr std::size_t kMinSubjectPhraseWords = 2;

// A fixed bonus for the documents whose subject field holds every token
// of the query, in order, as a phrase; an empty query if there is none.
// The bonus is fixed, not BM25: long laws must not gain less than short
// letters for the same subject. A query that is a symbol ("Chỉ thị số
// 19/CT-TTg") asks for the document that is that symbol (its "XOWN"
// term), not for those whose title cites it: no bonus.
Xapian::Query subject_bonus(const ParsedQuery& parsed, const RankingOptions& ranking) {
  if (parsed.names_symbol) return {};
  std::vector<Xapian::Query> terms;
  for (const auto& c : parsed.required) {
    for (const Token& t : c.tokens) terms.emplace_back(std::string(index::kSubjectPrefix) + t.folded);
  }
  if (terms.size() < kMinSubjectPhraseWords || ranking.subject_phrase_weight <= 0) return {};
  auto bonus = std::make_unique<Xapian::FixedWeightPostingSource>(ranking.subject_phrase_weight *
                                                                  static_cast<double>(terms.size()));
  return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(bonus.release()->release()),
                       Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                     static_cast<Xapian::termcount>(terms.size())));
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
  add_abbreviation_synonyms(q.required);
  q.names_symbol = text::parse_loose_symbol(text).has_value();
  return q;
}

std::vector<std::string> QueryBuilder::symbol_terms(const Xapian::Database& db, std::string_view prefix,
                                                  const text::SymbolPattern& pattern) {
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  std::size_t scanned = 0;
  for (const std::string& key_prefix : pattern.key_prefixes()) {
    const std::string start = std::string(prefix) + key_prefix;
    for (auto t = db.allterms_begin(start); t != db.allterms_end(start) && scanned < kMaxScannedSymbolTerms;
         ++t, ++scanned) {
      const std::string term = *t;
      if (pattern.matches(std::string_view(term).substr(prefix.size()))) found.emplace_back(t.get_termfreq(), term);
    }
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  if (found.size() > kMaxSymbolTerms) found.resize(kMaxSymbolTerms);
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

void QueryBuilder::expand(ParsedQuery& parsed, const Xapian::Database& db) {
  for (auto& c : parsed.required) {
    c.symbol_terms.clear();
    if (!c.symbol_pattern) continue;
    c.symbol_terms = symbol_terms(db, index::kSymbolPrefix, *c.symbol_pattern);
    // The documents that are one of these symbols rank first, as for a
    // symbol typed whole (their "XOWN" term is rare).
    const std::size_t n = c.symbol_terms.size();
    for (std::size_t i = 0; i < n; ++i) {
      std::string own = std::string(index::kOwnSymbolPrefix) + c.symbol_terms[i].substr(index::kSymbolPrefix.size());
      if (db.term_exists(own)) c.symbol_terms.push_back(std::move(own));
    }
  }
}

Xapian::Query QueryBuilder::build(const ParsedQuery& parsed, MatchMode mode,
                                  const RankingOptions& ranking) {
  if (parsed.required.empty()) return Xapian::Query::MatchNothing;
  std::vector<Xapian::Query> required;
  for (const auto& c : parsed.required) {
    required.push_back(with_alternatives(c, clause_query(c, parsed.accented, ranking)));
  }
  std::vector<Xapian::Query> boosts;
  if (Xapian::Query pairs = pair_boost(parsed, ranking); !pairs.empty()) boosts.push_back(pairs);
  if (Xapian::Query subject = subject_bonus(parsed, ranking); !subject.empty()) boosts.push_back(subject);
  Xapian::Query query;
  if (mode == MatchMode::kAll) {
    query = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
    if (!boosts.empty()) {
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                            Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end()));
    }
  } else {
    required.insert(required.end(), boosts.begin(), boosts.end());
    query = Xapian::Query(Xapian::Query::OP_OR, required.begin(), required.end());
  }
  if (parsed.excluded.empty()) return query;
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
  return Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                       Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
}

}  // namespace vanban::search
