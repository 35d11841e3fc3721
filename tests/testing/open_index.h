// Test helper: an index opened for reading as vanban-server opens it, one
// reader shared by the search and knowledge services.
#ifndef VANBAN_TESTS_TESTING_OPEN_INDEX_H_
#define VANBAN_TESTS_TESTING_OPEN_INDEX_H_

#include <string>

#include "vanban/search/comparison.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/obligations.h"
#include "vanban/search/reader.h"
#include "vanban/search/search_service.h"

namespace vanban::testing {

struct OpenIndex {
  explicit OpenIndex(const std::string& db, const search::RankingOptions& ranking = {})
      : reader(db), search(reader, ranking), knowledge(reader), comparison(reader),
        obligations(reader) {}
  OpenIndex(const OpenIndex&) = delete;
  OpenIndex& operator=(const OpenIndex&) = delete;

  search::IndexReader reader;
  search::SearchService search;
  search::KnowledgeService knowledge;
  search::ComparisonService comparison;
  search::ObligationService obligations;
};

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_OPEN_INDEX_H_
