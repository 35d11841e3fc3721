#include "vanban/search/query_builder.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

namespace vanban::search {
namespace {

std::vector<std::string> folded(const ParsedQuery::Clause& c) {
  std::vector<std::string> out;
  for (const auto& t : c.tokens) out.push_back(t.folded);
  return out;
}

std::set<std::string> terms_of(const Xapian::Query& q) {
  return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

TEST(QueryBuilderTest, WordsAreClausesThatKnowWhichOnesJoin) {
  QueryBuilder b;
  const ParsedQuery q = b.parse("Dân vận, khéo");
  ASSERT_EQ(q.required.size(), 3u);
  EXPECT_EQ(folded(q.required[0]), std::vector<std::string>{"dan"});
  EXPECT_TRUE(q.required[0].joins_next);   // "Dân vận"
  EXPECT_FALSE(q.required[1].joins_next);  // "vận, khéo"
  EXPECT_TRUE(q.accented);
  EXPECT_FALSE(b.parse("dan van kheo").accented);
}

TEST(QueryBuilderTest, SymbolsStayWholeInEveryForm) {
  QueryBuilder b;
  for (const char* text : {"34-CT/TW", "34- ct/tw", "34 – CT/TW", "Chỉ thị 34-CT/TW"}) {
    const ParsedQuery q = b.parse(text);
    ASSERT_FALSE(q.required.empty()) << text;
    const auto& last = q.required.back();
    ASSERT_EQ(last.tokens.size(), 1u) << text;
    EXPECT_EQ(last.tokens[0].kind, text::TokenKind::kSymbol) << text;
    EXPECT_EQ(last.tokens[0].folded, "34-ct/tw") << text;
  }
}

TEST(QueryBuilderTest, QuotedPhrasesCurlyOrStraight) {
  QueryBuilder b;
  for (const char* text : {"“Dân vận khéo” 2024", "\"dân vận khéo\" 2024"}) {
    const ParsedQuery q = b.parse(text);
    ASSERT_EQ(q.required.size(), 2u) << text;
    EXPECT_TRUE(q.required[0].phrase);
    EXPECT_EQ(folded(q.required[0]), (std::vector<std::string>{"dan", "van", "kheo"}));
    EXPECT_EQ(folded(q.required[1]), std::vector<std::string>{"2024"});
  }
  // An unmatched quote is text.
  EXPECT_EQ(b.parse("\"thi đua").required.size(), 2u);
}

TEST(QueryBuilderTest, ExclusionsAreSeparate) {
  QueryBuilder b;
  const ParsedQuery q = b.parse("nông thôn mới -giảm - nghèo");
  ASSERT_EQ(q.excluded.size(), 1u);
  EXPECT_EQ(folded(q.excluded[0]), std::vector<std::string>{"giam"});
  // "- nghèo" (a dash then a space) is not an exclusion.
  std::vector<std::string> words;
  for (const auto& c : q.required) words.push_back(c.tokens[0].folded);
  EXPECT_EQ(words, (std::vector<std::string>{"nong", "thon", "moi", "ngheo"}));
}

TEST(QueryBuilderTest, LooseSymbolsBecomeOneClause) {
  QueryBuilder b;
  for (const char* text : {"CT 34", "Chỉ thị 34", "chi thi so 34", "CT34"}) {
    const ParsedQuery q = b.parse(text);
    ASSERT_EQ(q.required.size(), 1u) << text;
    ASSERT_TRUE(q.required[0].symbol_pattern.has_value()) << text;
    EXPECT_EQ(*q.required[0].symbol_pattern, (text::SymbolPattern{"34", "", {"ct"}, {}})) << text;
  }
  const ParsedQuery decree = b.parse("quy định của nd 111 2022");
  ASSERT_EQ(decree.required.size(), 4u);  // quy, định, của, nd 111 2022
  EXPECT_EQ(*decree.required[3].symbol_pattern, (text::SymbolPattern{"111", "2022", {"nd"}, {}}));
  EXPECT_EQ(decree.required[3].tokens.size(), 3u);
  // "Quy định" may be QĐ or QĐi.
  EXPECT_EQ(b.parse("quy định 8").required[0].symbol_pattern->first_codes,
            (std::vector<std::string>{"qdi", "qd"}));
  // Numbers that are no symbol stay words, one clause each.
  for (const char* text : {"năm 2023", "Điều 5", "khoản 2 điều 3", "5.000.000 đồng", "34 tỉnh ủy"}) {
    for (const auto& c : b.parse(text).required) {
      EXPECT_FALSE(c.symbol_pattern.has_value()) << text;
      EXPECT_EQ(c.tokens.size(), 1u) << text;
    }
  }
}

TEST(QueryBuilderTest, AbbreviationsAndLongFormsAreAlternatives) {
  QueryBuilder b;
  const ParsedQuery abbr = b.parse("UBND tỉnh");
  ASSERT_EQ(abbr.required[0].alternatives.size(), 1u);
  EXPECT_EQ(abbr.required[0].alternatives[0], (std::vector<std::string>{"uy", "ban", "nhan", "dan"}));
  const ParsedQuery full = b.parse("Ủy ban nhân dân tỉnh");
  ASSERT_EQ(full.required.size(), 2u);
  EXPECT_TRUE(full.required[0].phrase);
  EXPECT_EQ(full.required[0].alternatives, (std::vector<std::vector<std::string>>{{"ubnd"}}));
}

TEST(QueryBuilderTest, BuildUsesFoldedExactPairAndSymbolTerms) {
  QueryBuilder b;
  const Xapian::Query accented = QueryBuilder::build(b.parse("dân vận 34-CT/TW"), MatchMode::kAll);
  EXPECT_EQ(terms_of(accented),
            (std::set<std::string>{"dan", "van", "XEdân", "XEvận", "XPdan van", "XSYM34-ct/tw",
                                   "XOWN34-ct/tw", "XSYM34/ct-tw", "XOWN34/ct-tw", "XSUBdan",
                                   "XSUBvan", "XSUB34-ct/tw"}));
  EXPECT_EQ(terms_of(QueryBuilder::build(b.parse("Chỉ thị số 34-CT/TW"), MatchMode::kAll)).count("XSUBchi"),
            0u);
  // Unaccented: no exact terms.
  EXPECT_EQ(terms_of(QueryBuilder::build(b.parse("dan van"), MatchMode::kAll)),
            (std::set<std::string>{"dan", "van", "XPdan van", "XSUBdan", "XSUBvan"}));
  // A query that is a symbol asks for the symbol, not a subject; one
  // word is no subject phrase.
  EXPECT_EQ(terms_of(QueryBuilder::build(b.parse("dân"), MatchMode::kAll)),
            (std::set<std::string>{"dan", "XEdân"}));
  // An accented exclusion drops the exact spelling only.
  const Xapian::Query exclude = QueryBuilder::build(b.parse("thi đua -Tây"), MatchMode::kAll);
  EXPECT_TRUE(terms_of(exclude).count("XEtây"));
  EXPECT_FALSE(terms_of(exclude).count("tay"));
  EXPECT_TRUE(QueryBuilder::build(b.parse("-nothing"), MatchMode::kAll).empty());
}

TEST(QueryBuilderTest, ExpandFindsTheSymbolsOfALooseSymbol) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* t : {"XSYM34-ct/tw", "XSYM34-ct/tu", "XSYM35-ct/tw", "XSYM34/ct-ttg",
                        "XSYM341-ct/tw", "XOWN34-ct/tw"}) {
    Xapian::Document d;
    d.add_term(t);
    db.add_document(d);
  }
  QueryBuilder b;
  ParsedQuery q = b.parse("CT 34");
  QueryBuilder::expand(q, db);
  EXPECT_EQ(q.required[0].symbol_terms,
            (std::vector<std::string>{"XSYM34-ct/tu", "XSYM34-ct/tw", "XSYM34/ct-ttg", "XOWN34-ct/tw"}));
  ParsedQuery full = b.parse("34ct/tw");
  QueryBuilder::expand(full, db);
  EXPECT_EQ(full.required[0].symbol_terms, (std::vector<std::string>{"XSYM34-ct/tw", "XOWN34-ct/tw"}));
}

}  // namespace
}  // namespace vanban::search
