#include "vanban/search/result_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "testing/temp_index.h"
#include "vanban/search/search_service.h"

namespace vanban::search {
namespace {

std::shared_ptr<const SearchResponse> answer(Xapian::doccount total) {
  auto r = std::make_shared<SearchResponse>();
  r->total = total;
  return r;
}

TEST(ResultCache, ForgetsTheLeastRecentlyUsedAnswerFirst) {
  ResultCache cache(2);
  cache.put("a", 1, answer(1));
  cache.put("b", 1, answer(2));
  ASSERT_NE(cache.get("a", 1), nullptr);  // "a" is now the most recent
  cache.put("c", 1, answer(3));
  EXPECT_EQ(cache.get("b", 1), nullptr);
  EXPECT_EQ(cache.get("a", 1)->total, 1u);
  EXPECT_EQ(cache.get("c", 1)->total, 3u);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(ResultCache, ANewGenerationEmptiesItAndStaleAnswersAreRefused) {
  ResultCache cache(10);
  cache.put("a", 1, answer(1));
  EXPECT_EQ(cache.get("a", 2), nullptr);  // the index changed
  EXPECT_EQ(cache.size(), 0u);
  cache.put("a", 1, answer(1));  // computed before the change
  EXPECT_EQ(cache.get("a", 2), nullptr);
  cache.put("a", 2, answer(5));
  EXPECT_EQ(cache.get("a", 2)->total, 5u);
  EXPECT_EQ(cache.get("a", 1), nullptr);  // a reader still on the old index
}

TEST(ResultCache, CapacityZeroKeepsNothing) {
  ResultCache cache(0);
  cache.put("a", 1, answer(1));
  EXPECT_EQ(cache.get("a", 1), nullptr);
}

TEST(SearchServiceCache, RepeatsAnAnswerUntilTheIndexChanges) {
  testing::ScratchDir dir("result_cache");
  std::filesystem::copy(testing::seeds_dir(), dir.path() / "docs");
  ASSERT_EQ(testing::index_paths(dir.str("db"), {dir.str("docs")}).added, 5u);
  const SearchService service(dir.str("db"), {}, 100);
  const SearchRequest request{.query = "Dân vận khéo", .facets = true};

  const SearchResponse first = service.search(request);
  ASSERT_EQ(first.total, 2u);
  EXPECT_FALSE(first.cached);
  const SearchResponse second = service.search(request);
  EXPECT_TRUE(second.cached);
  ASSERT_EQ(second.results.size(), first.results.size());
  for (std::size_t i = 0; i < first.results.size(); ++i) {
    EXPECT_EQ(second.results[i].id, first.results[i].id);
    EXPECT_EQ(second.results[i].snippet, first.results[i].snippet);
  }
  // Another page or another filter is another answer.
  EXPECT_FALSE(service.search({.query = "Dân vận khéo", .limit = 1}).cached);

  // A new document about the campaign: the next search sees it.
  dir.write("docs/moi.txt",
            "Phong trào thi đua \"Dân vận khéo\" năm 2025 của tỉnh Lai Châu được phát động "
            "sâu rộng trong toàn tỉnh.\n");
  ASSERT_EQ(testing::index_paths(dir.str("db"), {dir.str("docs")}).added, 1u);
  const SearchResponse third = service.search(request);
  EXPECT_FALSE(third.cached);
  EXPECT_EQ(third.total, 3u);
}

}  // namespace
}  // namespace vanban::search
