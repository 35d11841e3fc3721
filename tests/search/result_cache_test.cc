#include "vanban/search/result_cache.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace vanban::search {
namespace {

std::shared_ptr<const int> answer(int total) { return std::make_shared<const int>(total); }

TEST(ResultCache, ForgetsTheLeastRecentlyUsedAnswerFirst) {
  ResultCache<int> cache(2);
  cache.put("a", 1, answer(1));
  cache.put("b", 1, answer(2));
  ASSERT_NE(cache.get("a", 1), nullptr);  // "a" is now the most recent
  cache.put("c", 1, answer(3));
  EXPECT_EQ(cache.get("b", 1), nullptr);
  EXPECT_EQ(*cache.get("a", 1), 1);
  EXPECT_EQ(*cache.get("c", 1), 3);
  EXPECT_EQ(cache.size(), 2u);
}

TEST(ResultCache, ANewGenerationEmptiesItAndStaleAnswersAreRefused) {
  ResultCache<int> cache(10);
  cache.put("a", 1, answer(1));
  EXPECT_EQ(cache.get("a", 2), nullptr);  // the index changed
  EXPECT_EQ(cache.size(), 0u);
  cache.put("a", 1, answer(1));  // computed before the change
  EXPECT_EQ(cache.get("a", 2), nullptr);
  cache.put("a", 2, answer(5));
  EXPECT_EQ(*cache.get("a", 2), 5);
  EXPECT_EQ(cache.get("a", 1), nullptr);  // a reader still on the old index
}

TEST(ResultCache, CapacityZeroKeepsNothing) {
  ResultCache<int> cache(0);
  cache.put("a", 1, answer(1));
  EXPECT_EQ(cache.get("a", 1), nullptr);
}

}  // namespace
}  // namespace vanban::search
