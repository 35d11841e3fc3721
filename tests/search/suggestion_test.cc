#include "vanban/search/suggestion.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"

namespace vanban::search {
namespace {

struct EditCase {
  const char* a;
  const char* b;
  std::size_t edits;
};

class EditDistanceTest : public ::testing::TestWithParam<EditCase> {};

TEST_P(EditDistanceTest, CountsSwapsOfAdjacentLettersAsOneEdit) {
  EXPECT_EQ(edit_distance(GetParam().a, GetParam().b), GetParam().edits);
  EXPECT_EQ(edit_distance(GetParam().b, GetParam().a), GetParam().edits);
}

INSTANTIATE_TEST_SUITE_P(Words, EditDistanceTest,
                         ::testing::Values(EditCase{"kheo", "kheo", 0}, EditCase{"khoe", "kheo", 1},
                                           EditCase{"thuonh", "thuong", 1}, EditCase{"bao", "so", 2},
                                           EditCase{"", "dua", 3}, EditCase{"van", "vna", 1},
                                           EditCase{"khoa", "kheo", 2}));

// Suggestions on the five seeds, through the search service.
class SuggestionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("suggestion");
    // With the seeds, a document that has "khỏe", so that "khoe" is a
    // known word as in any larger corpus.
    dir_->write("extra/health.jsonl",
                R"({"id":"suc-khoe","title":"Chăm sóc sức khỏe người lao động",)"
                R"("text":"Doanh nghiệp tổ chức khám sức khỏe định kỳ cho người lao động."})"
                "\n");
    testing::index_paths(dir_->str("db"), {testing::seeds_dir(), dir_->str("extra")});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
  }
  static void TearDownTestSuite() {
    index_.reset();
    dir_.reset();
  }
  static std::string suggestion(const std::string& q) {
    const Result<SearchResponse> r = index_->search.search({.query = q});
    EXPECT_TRUE(r.is_ok()) << q;
    return r ? r->suggestion : std::string();
  }

  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
};

std::unique_ptr<testing::ScratchDir> SuggestionTest::dir_;
std::unique_ptr<testing::OpenIndex> SuggestionTest::index_;

struct SuggestionCase {
  const char* query;
  const char* suggestion;
};

class SeedSuggestionTest : public SuggestionTest, public ::testing::WithParamInterface<SuggestionCase> {};

TEST_P(SeedSuggestionTest, SuggestsWhatTheCorpusWrites) {
  EXPECT_EQ(suggestion(GetParam().query), GetParam().suggestion) << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, SeedSuggestionTest,
    ::testing::Values(
        // Every word is known ("khoe" too: "sức khỏe"), but "khoe" never
        // follows "van": the swapped letters of "kheo". Unaccented queries
        // get the corpus's accents.
        SuggestionCase{"suc khoe", ""},
        SuggestionCase{"dan van khoe", "dân vận khéo"},
        SuggestionCase{"\"dan van khoe\"", "\"dân vận khéo\""},
        SuggestionCase{"khen thuonh", "khen thưởng"},
        // Accented queries keep their own accents.
        SuggestionCase{"khen thưởnh", "khen thưởng"},
        // Nothing to correct.
        SuggestionCase{"dan van kheo", ""}, SuggestionCase{"dân vận khéo", ""},
        SuggestionCase{"phong trao thi dua", ""}, SuggestionCase{"34-CT/TW", ""},
        SuggestionCase{"Chỉ thị 34-CT/TW", ""}));

}  // namespace
}  // namespace vanban::search
