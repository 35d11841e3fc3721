// The server keeps answering while the indexer commits to the same
// database: readers reopen and retry on Xapian::DatabaseModifiedError.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/index/writer.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/search_service.h"

namespace vanban::search {
namespace {

doc::DocumentRecord make_record(int i, int version) {
  doc::DocumentRecord r;
  r.id = "doc-" + std::to_string(i);
  r.title = "Văn bản " + std::to_string(i);
  r.text = "Phiên bản " + std::to_string(version) +
           ". Thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi "
           "mới công tác thi đua, khen thưởng; phong trào thi đua “Dân vận khéo”.";
  return r;
}

TEST(ConcurrencyTest, SearchesKeepWorkingWhileTheIndexIsRewritten) {
  const testing::ScratchDir dir("concurrency");
  const std::string db = dir.str("db");
  // Two commits per version: 100 documents, committed every 50. (200 and
  // 100 took a minute under the sanitizers for the same interleavings.)
  constexpr int kDocs = 100;
  constexpr std::size_t kPerCommit = 50;
  {
    index::IndexWriter writer(db, {.documents_per_commit = kPerCommit});
    for (int i = 0; i < kDocs; ++i) writer.put(make_record(i, 0), "/root");
    writer.refresh_knowledge();
  }
  const testing::OpenIndex index(db);
  const SearchService& search = index.search;
  const KnowledgeService& knowledge = index.knowledge;

  std::atomic<bool> done{false};
  std::atomic<long> searches{0}, failures{0};
  auto reader = [&] {
    while (!done) {
      try {
        const auto r = search.search({.query = "dân vận khéo", .limit = 10});
        const auto d = knowledge.directive("34-CT/TW");
        if (!r || r->total != kDocs || !d) {
          ADD_FAILURE() << "search " << r.status().message() << " total "
                        << (r ? r->total : 0) << " directive " << d.status().message();
          ++failures;
        }
        ++searches;
      } catch (const Xapian::Error& e) {
        ADD_FAILURE() << e.get_description();
        ++failures;
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ++failures;
      }
    }
  };
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) readers.emplace_back(reader);

  // Rewrite every document several times, committing every 50 (an indexer
  // commits every 1000 by default), so readers' snapshots go stale again
  // and again. After each version the writer waits until the readers have
  // searched a few more times: reads interleave with every version however
  // slow the machine (a sanitizer build, a loaded CI), without timing.
  constexpr int kVersions = 5;
  constexpr long kSearchesPerVersion = 4;
  const auto wait_for_searches = [&](long at_least) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (searches.load() < at_least && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  };
  {
    index::IndexWriter writer(db, {.documents_per_commit = kPerCommit});
    for (int version = 1; version <= kVersions; ++version) {
      for (int i = 0; i < kDocs; ++i) writer.put(make_record(i, version), "/root");
      writer.commit();
      wait_for_searches(searches.load() + kSearchesPerVersion);
    }
    writer.refresh_knowledge();
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_GE(searches.load(), kVersions * kSearchesPerVersion);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(search.search({.query = "phiên bản 5"})->total, static_cast<Xapian::doccount>(kDocs));
}

}  // namespace
}  // namespace vanban::search
