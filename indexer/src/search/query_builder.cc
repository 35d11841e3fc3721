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

Xapian::Query token_query(const Token& t, bool accented) {
  Xapian::Query folded(term_for(t));
  if (!accented || t.kind != TokenKind::kWord) return folded;
  // Both terms score, so a document with the exact accented spelling
  // outranks one that only matches once folded ("thư" vs "thu"), while
  // both are found.
  return Xapian::Query(Xapian::Query::OP_OR, folded,
                       Xapian::Query(std::string(index::kExactPrefix) + t.exact));
}

Xapian::Query clause_query(const ParsedQuery::Clause& c, bool accented) {
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
      ParsedQuery::Clause c{tokenizer_->tokenize(part), true};
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
        q.required.push_back({{std::move(t)}, false});
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
        q.excluded.push_back({{std::move(t)}, false});
      }
      stretch = end;
      pos = end;
    }
    flush(part.size());
  }
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
