// The seeds as users keep them, indexed: one folder holding each seed as
// DOCX, ODT, a text PDF, a saved web page, TCVN3, VNI and windows-1258 text,
// and a scanned PDF without a text layer, indexed beside the .txt seeds.
// Every copy must get the header fields and the citation keys of its .txt
// seed; the scanned copy nine tenths of its citations, and be found as the
// others are. (The extraction of each format alone: tests/doc/.)
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "testing/doc_pipeline.h"
#include "testing/open_index.h"
#include "testing/scans.h"
#include "testing/scratch_dir.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/search_service.h"

namespace vanban::index {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSeeds[] = {"000", "001", "002", "003", "004"};
// Copies of each seed in tests/data/formats, and the format each must report.
constexpr std::pair<const char*, const char*> kCopies[] = {
    {"docx", "docx"},     {"odt", "odt"}, {"html", "html"},
    {"tcvn3.txt", "tcvn3"}, {"vni.txt", "vni"}, {"cp1258.txt", "windows-1258"}};

class FormatsIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::ScratchDir("formats_index");
    const fs::path office = dir_->path() / "office";
    fs::create_directories(office);
    for (const char* seed : kSeeds) {
      for (const auto& [ext, format] : kCopies) {
        const std::string name = std::string(seed) + "." + ext;
        fs::copy_file(fs::path(VANBAN_FORMATS_DIR) / name, office / name);
      }
      const std::string pdf = std::string("seed_") + seed + ".pdf";
      fs::copy_file(fs::path(testing::pdf_data_dir()) / pdf, office / (std::string(seed) + ".pdf"));
    }
    fs::copy_file(testing::scans_dir() / "scanned_004.pdf", office / "004.scan.pdf");
    stats_ = testing::index_paths(dir_->str("db"), {testing::seeds_dir(), office.string()});
    index_ = new testing::OpenIndex(dir_->str("db"));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete dir_;
  }

  // The indexed .txt seed `number`.
  static search::DocumentDetail seed(const std::string& number) {
    for (const auto& e : fs::directory_iterator(testing::seeds_dir())) {
      const std::string name = e.path().filename().string();
      if (name.rfind(number + "_", 0) == 0) return detail(name);
    }
    ADD_FAILURE() << "no seed " << number;
    return {};
  }
  static search::DocumentDetail detail(const std::string& id) {
    auto d = index_->knowledge.document(id);
    EXPECT_TRUE(d.is_ok()) << id << ": " << d.status().message();
    return d.is_ok() ? std::move(d).value() : search::DocumentDetail{};
  }
  static std::set<std::string> keys(const search::DocumentDetail& d) {
    return {d.citation_keys.begin(), d.citation_keys.end()};
  }
  static std::set<std::string> found(const std::string& query) {
    std::set<std::string> ids;
    const auto r = index_->search.search({.query = query, .limit = 100, .snippets = false});
    EXPECT_TRUE(r.is_ok()) << query;
    if (r.is_ok()) {
      for (const auto& h : r->results) ids.insert(h.id);
    }
    return ids;
  }

  static testing::ScratchDir* dir_;
  static testing::OpenIndex* index_;
  static IndexStats stats_;
};
testing::ScratchDir* FormatsIndexTest::dir_ = nullptr;
testing::OpenIndex* FormatsIndexTest::index_ = nullptr;
IndexStats FormatsIndexTest::stats_;

TEST_F(FormatsIndexTest, EveryCopyIsIndexed) {
  for (const auto& skip : stats_.skips) ADD_FAILURE() << skip.where << ": " << skip.status.message();
  // 5 seeds, 7 copies of each, one scan.
  EXPECT_EQ(stats_.documents, 5u + 5u * 7u + 1u);
}

TEST_F(FormatsIndexTest, EveryCopyHasTheSeedsHeaderFieldsAndCitationKeys) {
  for (const char* number : kSeeds) {
    const search::DocumentDetail want = seed(number);
    std::vector<std::pair<std::string, std::string>> copies(std::begin(kCopies), std::end(kCopies));
    copies.emplace_back("pdf", "pdf");
    for (const auto& [ext, format] : copies) {
      const std::string id = std::string(number) + "." + ext;
      const search::DocumentDetail got = detail(id);
      const doc::DocumentRecord& r = got.stored.record;
      EXPECT_EQ(r.metadata.count("format") ? r.metadata.at("format") : "", format) << id;
      EXPECT_EQ(r.issuer, want.stored.record.issuer) << id;
      EXPECT_EQ(r.symbol, want.stored.record.symbol) << id;
      EXPECT_EQ(r.type, want.stored.record.type) << id;
      EXPECT_EQ(r.date, want.stored.record.date) << id;
      EXPECT_EQ(keys(got), keys(want)) << id;
    }
  }
}

TEST_F(FormatsIndexTest, ScannedCopyKeepsItsCitationsAndIsFound) {
  const search::DocumentDetail scan = detail("004.scan.pdf");
  const search::DocumentDetail want = seed("004");
  EXPECT_EQ(scan.stored.record.metadata.at("format"), "pdf+ocr");
  EXPECT_EQ(scan.stored.record.date, want.stored.record.date);
  EXPECT_EQ(scan.stored.record.issuer, want.stored.record.issuer);
  const std::set<std::string> seed_keys = keys(want), scan_keys = keys(scan);
  std::vector<std::string> kept;
  std::set_intersection(seed_keys.begin(), seed_keys.end(), scan_keys.begin(), scan_keys.end(),
                        std::back_inserter(kept));
  EXPECT_GE(kept.size() * 10, seed_keys.size() * 9) << kept.size() << " of " << seed_keys.size();
  for (const char* query : {"34-CT/TW", "dan van kheo", "Chỉ thị 34"}) {
    const std::set<std::string> ids = found(query);
    EXPECT_EQ(ids.count("004.scan.pdf"), 1u) << query;
    // Found with every other copy of the seed.
    for (const auto& [ext, format] : kCopies) EXPECT_EQ(ids.count("004." + std::string(ext)), 1u);
  }
}

}  // namespace
}  // namespace vanban::index
