// One test per ranking feature, each on a concrete query whose result the
// feature changes (the numbers behind them: bench/relevance.sh, README).
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/search/search_service.h"
#include "vanban/text/normalize.h"

namespace vanban::search {
namespace {

class RankingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("ranking");
    testing::index_paths(dir_->str("db"), {testing::seeds_dir()});
  }
  static void TearDownTestSuite() { dir_.reset(); }

  static std::vector<std::string> top(const std::string& q, const RankingOptions& r = {},
                                      std::size_t n = 10) {
    const testing::OpenIndex index(dir_->str("db"), r);
    std::vector<std::string> ids;
    const Result<SearchResponse> found = index.search.search({.query = q, .limit = n});
    EXPECT_TRUE(found.is_ok()) << q;
    if (!found) return ids;
    for (const auto& hit : found->results) ids.push_back(hit.id);
    return ids;
  }
  static SearchResponse run(const std::string& q) {
    const testing::OpenIndex index(dir_->str("db"));
    return *index.search.search({.query = q});
  }

  static std::unique_ptr<testing::ScratchDir> dir_;
};

std::unique_ptr<testing::ScratchDir> RankingTest::dir_;

const std::set<std::string> kDanVan = {"003_bf467de301be45ad.txt", "004_39b0106687e293f0.txt"};

// Every seed has "dân" and "vận" somewhere ("nhân dân", "vận động"); two
// have the word "dân vận". Syllable pairs put those two first.
TEST_F(RankingTest, SyllablePairsRankTheWordAboveScatteredSyllables) {
  const auto with_pairs = top("dân vận");
  ASSERT_EQ(with_pairs.size(), 5u);
  EXPECT_EQ((std::set<std::string>{with_pairs[0], with_pairs[1]}), kDanVan);
  RankingOptions no_pairs;
  no_pairs.pair_weight = 0;
  const auto without = top("dân vận", no_pairs);
  EXPECT_NE((std::set<std::string>{without[0], without[1]}), kDanVan);
}

// An accented query ranks the exact spelling first; without the exact
// weight it ranks like the unaccented query.
TEST_F(RankingTest, ExactAccentWeightChangesTheOrder) {
  RankingOptions no_exact;
  no_exact.exact_weight = 0;
  EXPECT_EQ(top("thư", no_exact), top("thu", no_exact));
  EXPECT_NE(top("thư"), top("thu"));
}

// "UBND" and "Ủy ban nhân dân" are one name.
TEST_F(RankingTest, AbbreviationsAndLongFormsFindTheSameLetterFirst) {
  const auto a = top("Ủy ban nhân dân tỉnh Lai Châu");
  const auto b = top("UBND tỉnh Lai Châu");
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  EXPECT_EQ(a[0], "001_a09f608bfb9e07f5.txt");
  EXPECT_EQ(b[0], a[0]);
  // Only 001 writes "UBND các huyện"; the long form typed out finds it first.
  const auto huyen = top("ủy ban nhân dân các huyện");
  ASSERT_FALSE(huyen.empty());
  EXPECT_EQ(huyen[0], "001_a09f608bfb9e07f5.txt");
}

// The letter writes "chiến sỹ"; users type "chiến sĩ".
TEST_F(RankingTest, IAndYSpellingsAreOneWord) {
  EXPECT_EQ(top("chiến sĩ"), std::vector<std::string>{"001_a09f608bfb9e07f5.txt"});
  EXPECT_EQ(top("chien si"), std::vector<std::string>{"001_a09f608bfb9e07f5.txt"});
  EXPECT_EQ(top("Nguyễn Sĩ Chín"), std::vector<std::string>{"004_39b0106687e293f0.txt"});
}

TEST_F(RankingTest, SpellingSuggestionForATypo) {
  EXPECT_EQ(run("khen thưởnh").suggestion, "khen thưởng");
  EXPECT_EQ(run("khen thuonh").suggestion, "khen thưởng");  // the corpus's accents
  EXPECT_EQ(run("khen thưởng").suggestion, "");
  EXPECT_EQ(run("34-CT/TW").suggestion, "");
}

// A long query (a question, a pasted sentence) ranks documents that have
// most of its words, even when none has them all.
TEST_F(RankingTest, LongQueriesRankDocumentsWithMostWords) {
  const auto r = run("phong trào thi đua Dân vận khéo ở Bình Dương");
  EXPECT_TRUE(r.relaxed);
  ASSERT_GE(r.results.size(), 2u);
  EXPECT_EQ((std::set<std::string>{r.results[0].id, r.results[1].id}), kDanVan);
}

// The document whose subject (for a seed without a "V/v" line, its title)
// is the query ranks first: 004 has the words as often, but 003's title
// is "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển
// kinh tế - xã hội, ...".
TEST_F(RankingTest, TheDocumentWhoseSubjectIsTheQueryRanksFirst) {
  const std::string subject = "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế";
  RankingOptions no_subject;
  no_subject.subject_phrase_weight = 0;
  ASSERT_FALSE(top(subject, no_subject).empty());
  EXPECT_EQ(top(subject, no_subject)[0], "004_39b0106687e293f0.txt");
  ASSERT_FALSE(top(subject).empty());
  EXPECT_EQ(top(subject)[0], "003_bf467de301be45ad.txt");
  EXPECT_EQ(top(text::fold(subject))[0], "003_bf467de301be45ad.txt");  // unaccented too
}

// The document that has a number ranks above the documents citing it.
TEST(OwnSymbolRankingTest, TheDocumentItselfComesBeforeThoseCitingIt) {
  const testing::ScratchDir dir("own_symbol");
  dir.write("corpus/chi-thi.txt",
            "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 19/CT-TTg\n\nHà Nội, ngày 16 tháng 7 năm 2021\n\nCHỈ THỊ\n"
            "Về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội\n");
  for (int i = 0; i < 3; ++i) {
    dir.write("corpus/trich-dan-" + std::to_string(i) + ".txt",
              "Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ; quán triệt "
              "Chỉ thị số 19/CT-TTg; triển khai Chỉ thị số 19/CT-TTg và Chỉ thị 19/CT-TTg.\n");
  }
  testing::index_paths(dir.str("db"), {dir.str("corpus")});
  const testing::OpenIndex index(dir.str("db"));
  for (const char* q : {"19/CT-TTg", "Chỉ thị 19/CT-TTg", "chi thi so 19/ct-ttg", "19-CT/TTg"}) {
    const SearchResponse r = *index.search.search({.query = q});
    ASSERT_EQ(r.results.size(), 4u) << q;
    EXPECT_EQ(r.results[0].id, "chi-thi.txt") << q;
  }
}

}  // namespace
}  // namespace vanban::search
