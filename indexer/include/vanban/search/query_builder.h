// From what a user types to a Xapian::Query, with the same tokenizer and
// normalization as the indexer.
//
// Abbreviations of administrative language are synonyms of their long
// forms both ways: UBND, HĐND, TW, TTg, BCT, NĐ, MTTQ, BCH, BTV.
//
// Syntax, chosen to be forgiving: words; document symbols ("34-CT/TW",
// "34- ct/tw", "30/2020/ND-CP", and "34/CT-TW" typed in the other style);
// symbols typed loosely (text/loose_symbol.h: "111 2022 nd cp", "nghi dinh
// 111/2022", "34ct/tw", "CT34", "Chỉ thị 34") for the symbols of the index
// they may be; "quoted phrases" (straight or curly quotes); -word to
// exclude. Anything else (unbalanced quotes, stray operators) is read as
// plain text, never an error.
//
// Xapian's QueryParser is not used: it tokenizes with its own rules, so it
// would split symbols and could not fold Vietnamese diacritics the way the
// index does.
#ifndef VANBAN_SEARCH_QUERY_BUILDER_H_
#define VANBAN_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/loose_symbol.h"
#include "vanban/text/tokenize.h"

namespace vanban::search {

// What the query means, before it becomes a Xapian::Query.
struct ParsedQuery {
  struct Clause {
    // One word, number or symbol; or several tokens in a quoted phrase.
    std::vector<text::Token> tokens = {};
    bool phrase = false;
    // A symbol typed loosely ("CT 34", "111 2022 nd cp"): the symbol keys
    // it may be. The clause then matches those symbols or the words
    // themselves.
    std::optional<text::SymbolPattern> symbol_pattern = std::nullopt;
    // Only spaces separate this single-token clause from the next one, so
    // the two may form a word ("dân vận").
    bool joins_next = false;
    // Other ways to write the same thing, as folded terms (a phrase when
    // several): "UBND" <-> "ủy ban nhân dân".
    std::vector<std::vector<std::string>> alternatives = {};
    // The symbol terms of the index that pattern matches ("XSYM" and, for
    // the documents that are the symbol, "XOWN"), most frequent first
    // (QueryBuilder::expand).
    std::vector<std::string> symbol_terms = {};
  };
  std::vector<Clause> required;  // what the user asks for
  std::vector<Clause> excluded;  // -word
  // The user typed diacritics somewhere: exact spellings then rank first.
  bool accented = false;
  // The whole query is one symbol, printed or loose, maybe after its type
  // ("Chỉ thị số 19/CT-TTg", "nd 111 2022"): it asks for that document.
  bool names_symbol = false;

  bool empty() const { return required.empty(); }
};

enum class MatchMode {
  kAll,  // every clause must match (the default: users expect narrowing)
  kAny,  // any clause may match, ranked by how many and how well
};

// Ranking parameters, tuned on the judged dev sets only (ALQAC 2022/2023
// and the phapluat8 symbol queries) with bench/relevance.sh; README
// records the measurements.
struct RankingOptions {
  double bm25_k1 = 0.8;  // term-frequency saturation
  double bm25_b = 0.75;  // document-length normalization
  // Adjacent-syllable pairs, relative to single syllables.
  double pair_weight = 1.0;
  // An accented query's exact spelling, on top of the folded match.
  double exact_weight = 0.5;
  // A document whose subject or title holds the query's words as a phrase
  // (index/schema.h kSubjectPrefix) gains this much per word: the
  // document whose subject is the query ranks first. 0 turns it off.
  double subject_phrase_weight = 2.0;
  // Queries of this many clauses or more (questions, pasted sentences)
  // rank every document that has any of the words; shorter ones need all.
  std::size_t any_word_from = 4;
};

// Not thread-safe (owns a Tokenizer): use one per thread.
class QueryBuilder {
 public:
  QueryBuilder();
  ~QueryBuilder();
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  // Parses `text` (valid UTF-8, any normalization form).
  ParsedQuery parse(std::string_view text);

  // Fills each clause's symbol_terms from `db`: at most kMaxSymbolTerms,
  // the most frequent. Done here, on the whole index, rather than with
  // Xapian::Query::OP_WILDCARD, which a sharded index expands shard by
  // shard, weighting the expansion differently from one database.
  static constexpr std::size_t kMaxSymbolTerms = 64;
  static void expand(ParsedQuery& parsed, const Xapian::Database& db);

  // The terms of `db` made of `prefix` ("XSYM", "XCS") and a symbol key
  // that `pattern` matches, most frequent first, at most kMaxSymbolTerms;
  // at most kMaxScannedSymbolTerms terms are looked at.
  static constexpr std::size_t kMaxScannedSymbolTerms = 20000;
  static std::vector<std::string> symbol_terms(const Xapian::Database& db, std::string_view prefix,
                                               const text::SymbolPattern& pattern);

  // The Xapian query for `parsed` (expanded); Xapian::Query::MatchNothing
  // if it has no required clause.
  static Xapian::Query build(const ParsedQuery& parsed, MatchMode mode,
                             const RankingOptions& ranking = {});

 private:
  std::unique_ptr<text::Tokenizer> tokenizer_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_QUERY_BUILDER_H_
