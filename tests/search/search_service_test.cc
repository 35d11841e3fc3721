#include "vanban/search/search_service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/text/normalize.h"
#include "vanban/text/tokenize.h"

namespace vanban::search {
namespace {

// The five seeds, indexed once for the suite.
class SeedSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("seed_search");
    const auto run = testing::index_paths(dir_->str("db"), {testing::seeds_dir()});
    ASSERT_EQ(run.added, 5u);
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
    service_ = &index_->search;
  }
  static void TearDownTestSuite() {
    index_.reset();
    dir_.reset();
  }

  // A search that must succeed.
  static SearchResponse search(const std::string& q, std::size_t limit = 10) {
    Result<SearchResponse> r = service_->search({.query = q, .limit = limit});
    EXPECT_TRUE(r.is_ok()) << q << ": " << r.status().message();
    return r ? std::move(*r) : SearchResponse{};
  }
  static std::vector<std::string> ids(const SearchResponse& r) {
    std::vector<std::string> out;
    for (const auto& h : r.results) out.push_back(h.id);
    return out;
  }
  static std::set<std::string> id_set(const SearchResponse& r) {
    const auto v = ids(r);
    return {v.begin(), v.end()};
  }

  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
  static const SearchService* service_;
};

std::unique_ptr<testing::ScratchDir> SeedSearchTest::dir_;
std::unique_ptr<testing::OpenIndex> SeedSearchTest::index_;
const SearchService* SeedSearchTest::service_ = nullptr;

TEST_F(SeedSearchTest, ControlCharactersPastedInAQuerySeparateWordsButNulIsRefused) {
  // A backspace and a form feed, as text pasted from a PDF may carry.
  const auto pasted = search(std::string("D\xC3\xA2n v\xE1\xBA\xADn\bkh\xC3\xA9o\f"));
  EXPECT_EQ(ids(pasted), ids(search("Dân vận khéo")));
  EXPECT_EQ(pasted.total, 2u);
  const auto nul = service_->search({.query = std::string("D\xC3\xA2n\0v", 6)});
  EXPECT_EQ(nul.status().message(), "parameters must not contain NUL bytes: q");
  const auto control = service_->search({.query = "thi đua", .type = "C\x01ông văn"});
  EXPECT_EQ(control.status().message(), "filters must not contain control characters: type");
}

TEST_F(SeedSearchTest, DirectiveSymbolInEveryFormFindsAllFiveSeeds) {
  for (const char* q : {"Chỉ thị 34-CT/TW", "chi thi 34-CT/TW", "34-ct/tw", "34- CT/TW",
                        "34 – CT/TW", "Chi thi 34-ct/tw"}) {
    const auto r = search(q);
    EXPECT_EQ(r.total, 5u) << q;
    EXPECT_FALSE(r.relaxed) << q;
  }
}

// Every seed cites 34-CT/TW; typed loosely it is still that directive,
// not "34 tỉnh ủy ... Trung ương".
TEST_F(SeedSearchTest, LooseDirectiveSymbolsFindAllFiveSeeds) {
  for (const char* q : {"34 ct tw", "34ct/tw", "CT34", "chi thi 34", "Chỉ thị 34-CT/TW", "chỉ thị số 34"}) {
    const auto r = search(q);
    EXPECT_EQ(r.total, 5u) << q;
    EXPECT_FALSE(r.relaxed) << q;
  }
}

TEST_F(SeedSearchTest, UnaccentedCampaignNameFindsTheDocumentsThatSayIt) {
  const auto r = search("dan van kheo");
  EXPECT_EQ(id_set(r), (std::set<std::string>{"003_bf467de301be45ad.txt",
                                              "004_39b0106687e293f0.txt"}));
  for (const auto& hit : r.results) {
    EXPECT_NE(hit.snippet.find("<mark>Dân vận khéo</mark>"), std::string::npos) << hit.snippet;
  }
}

TEST_F(SeedSearchTest, AccentedAndUnaccentedQueriesFindTheSameDocuments) {
  EXPECT_EQ(id_set(search("phong trào thi đua")), id_set(search("phong trao thi dua")));
  EXPECT_EQ(search("phong trào thi đua").total, 5u);
  EXPECT_EQ(id_set(search("Tỉnh uỷ")), id_set(search("Tỉnh ủy")));
  EXPECT_EQ(ids(search("Tỉnh uỷ")), ids(search("Tỉnh ủy")));
}

// For an accented query, every document containing the exact spelling must
// rank above every document that only matches once folded. The expected
// split is computed from the documents, not written down.
TEST_F(SeedSearchTest, ExactAccentMatchesRankAboveFoldedOnlyMatches) {
  text::Tokenizer tok;
  for (const char* q : {"thư", "thủ", "bản", "dạy"}) {
    const std::string exact = text::word_forms(q).exact;
    const auto r = search(q);
    ASSERT_GT(r.results.size(), 1u) << q;
    bool seen_folded_only = false;
    int exact_docs = 0;
    for (const auto& hit : r.results) {
      const auto record = service_->document(hit.id);
      ASSERT_TRUE(record.is_ok());
      bool has_exact = false;
      for (const auto& t : tok.tokenize(record->text)) has_exact |= t.exact == exact;
      if (has_exact) {
        ++exact_docs;
        EXPECT_FALSE(seen_folded_only) << q << ": " << hit.id << " ranked below a folded-only match";
      } else {
        seen_folded_only = true;
      }
    }
    EXPECT_GT(exact_docs, 0) << q;
    EXPECT_TRUE(seen_folded_only) << q << " should also find folded-only matches";
  }
}

TEST_F(SeedSearchTest, StateDirectiveAndOfficialLetterSymbols) {
  EXPECT_EQ(id_set(search("19/CT-TTg")),
            (std::set<std::string>{"003_bf467de301be45ad.txt", "004_39b0106687e293f0.txt"}));
  EXPECT_EQ(ids(search("công văn 1954/UBND-TH")),
            (std::vector<std::string>{"000_ddb1ffae0c6ba085.txt"}));
  EXPECT_EQ(ids(search("08-qdi/tw")), (std::vector<std::string>{"003_bf467de301be45ad.txt"}));
}

TEST_F(SeedSearchTest, PhraseAndExclusion) {
  // Every seed names the campaign, one as "Tây Ninh chung tay vì người nghèo".
  const auto phrase = search("\"chung tay vì người nghèo\"");
  EXPECT_EQ(phrase.total, 5u);
  const auto excluded = search("“chung tay vì người nghèo” -Tây");
  EXPECT_EQ(excluded.total, 4u);
  EXPECT_EQ(id_set(excluded).count("003_bf467de301be45ad.txt"), 0u);
  // Words of the phrase out of order are not the phrase.
  EXPECT_EQ(search("\"người nghèo vì chung tay\"").total, 0u);
}

TEST_F(SeedSearchTest, NoDocumentHasEveryWordSoResultsAreRelaxed) {
  const auto r = search("Dân vận khéo xyzzyqq");
  EXPECT_TRUE(r.relaxed);
  EXPECT_EQ(r.match, MatchKind::kPartial);
  ASSERT_GE(r.results.size(), 2u);
  EXPECT_EQ((std::set<std::string>{r.results[0].id, r.results[1].id}),
            (std::set<std::string>{"003_bf467de301be45ad.txt", "004_39b0106687e293f0.txt"}));
}

// A long query ranks every document with any of its words: its total
// counts those, and says so, even when some document has every word.
TEST_F(SeedSearchTest, AnyWordTotalsSayTheyMatchPartly) {
  const auto any = search("phát động phong trào thi đua dân vận khéo");
  EXPECT_FALSE(any.relaxed);
  EXPECT_EQ(any.match, MatchKind::kPartial);
  EXPECT_EQ(search("dân vận khéo").match, MatchKind::kAll);
  EXPECT_EQ(search("").match, MatchKind::kAll);
}

TEST_F(SeedSearchTest, EmptyQueryListsEverythingNewestFirst) {
  const auto r = search("");
  EXPECT_EQ(r.total, 5u);
  ASSERT_FALSE(r.results.empty());
  EXPECT_EQ(r.results[0].date, "2024-02-29");
}

// By date, newest or oldest first, documents without a date come last;
// relevance is the default order of a query with words.
TEST_F(SeedSearchTest, SortByDateNewestOrOldestFirstUndatedLast) {
  auto dates = [](const std::string& q, const char* sort) {
    const Result<SearchResponse> r = service_->search({.query = q, .sort = sort});
    EXPECT_TRUE(r.is_ok()) << sort << ": " << r.status().message();
    std::vector<std::string> out;
    if (r) for (const auto& hit : r->results) out.push_back(hit.date);
    return out;
  };
  // One seed is dated by its month only ("2023-05"): it sorts as day 0.
  const std::vector<std::string> newest = {"2024-02-29", "2023-05", "2023-01-03", "", ""};
  const std::vector<std::string> oldest = {"2023-01-03", "2023-05", "2024-02-29", "", ""};
  EXPECT_EQ(dates("thi đua", "date_desc"), newest);
  EXPECT_EQ(dates("thi đua", "date_asc"), oldest);
  EXPECT_EQ(dates("", ""), newest);
  EXPECT_EQ(dates("", "date_asc"), oldest);
  EXPECT_EQ(ids(*service_->search({.query = "thi đua", .sort = "relevance"})), ids(search("thi đua")));
  EXPECT_EQ(service_->search({.query = "a", .sort = "date"}).status().message(),
            "sort must be relevance, date_desc or date_asc: date");
}

TEST_F(SeedSearchTest, PaginationIsConsistent) {
  const auto all = service_->search({.query = "thi đua", .offset = 0, .limit = 5});
  const auto page2 = service_->search({.query = "thi đua", .offset = 2, .limit = 2});
  ASSERT_TRUE(all.is_ok() && page2.is_ok());
  ASSERT_EQ(page2->results.size(), 2u);
  EXPECT_EQ(page2->results[0].id, all->results[2].id);
  EXPECT_EQ(page2->results[1].id, all->results[3].id);
}

TEST_F(SeedSearchTest, BadRequestsAreValuesNotExceptions) {
  auto message = [](const SearchRequest& r) { return service_->search(r).status().message(); };
  EXPECT_EQ(message({.query = "\xC3\x28", .offset = 0, .limit = 10}), "parameters must be valid UTF-8: q");
  EXPECT_EQ(message({.query = std::string(5000, 'a'), .offset = 0, .limit = 10}),
            "query too long: over 2048 bytes");
  EXPECT_EQ(message({.query = "a", .offset = 0, .limit = 0}), "limit must be between 1 and 100");
  EXPECT_EQ(message({.query = "a", .offset = 0, .limit = 1000}), "limit must be between 1 and 100");
  EXPECT_EQ(message({.query = "a", .offset = 1000000, .limit = 10}), "offset must be at most 10000");
  EXPECT_TRUE(service_->search({.query = "a", .offset = 1000000, .limit = 10}).status().is_invalid_argument());
  for (const char* odd : {"\"", "\"\"\"", "-", "- -", "()", "\"unbalanced quote", "--thi"}) {
    EXPECT_TRUE(service_->search({.query = odd}).is_ok()) << odd;
  }
}

TEST_F(SeedSearchTest, SnippetsEscapeHtmlAndMarkMatches) {
  const auto r = search("34-CT/TW", 5);
  for (const auto& hit : r.results) {
    EXPECT_NE(hit.snippet.find("<mark>34"), std::string::npos) << hit.snippet;
    // Only <mark> tags are markup; anything else in the text is escaped.
    std::string stripped = hit.snippet;
    for (const std::string tag : {"<mark>", "</mark>"}) {
      for (auto p = stripped.find(tag); p != std::string::npos; p = stripped.find(tag)) {
        stripped.erase(p, tag.size());
      }
    }
    EXPECT_EQ(stripped.find('<'), std::string::npos) << hit.snippet;
  }
}

TEST_F(SeedSearchTest, DocumentLookupByIdWithSlash) {
  const auto r = service_->document("004_39b0106687e293f0.txt");
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->date, "2024-02-29");
  EXPECT_NE(r->text.find("Nguyễn Sỹ Chín"), std::string::npos);
  EXPECT_TRUE(service_->document("nope.txt").status().is_not_found());
  EXPECT_TRUE(service_->document("../../etc/passwd").status().is_not_found());
}

TEST(SearchServiceTest, MissingIndexThrows) {
  EXPECT_THROW(IndexReader("/nonexistent/vanban-db"), Xapian::DatabaseOpeningError);
}

}  // namespace
}  // namespace vanban::search
