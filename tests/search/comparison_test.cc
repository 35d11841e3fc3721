#include "vanban/search/comparison.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"

namespace vanban::search {
namespace {

const std::string kSeed000 = "000_ddb1ffae0c6ba085.txt";  // Sở Công Thương, special movement 2023
const std::string kSeed001 = "001_a09f608bfb9e07f5.txt";  // UBND tỉnh Lai Châu, the same movement
const std::string kSeed002 = "002_352bcdfb180350d4.txt";  // Bắc Kạn, results 2015-2020
const std::string kSeed003 = "003_bf467de301be45ad.txt";  // Tây Ninh, annual movement 2023
const std::string kSeed004 = "004_39b0106687e293f0.txt";  // Sở Công Thương Lai Châu, 2024

class ComparisonTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("comparison");
    testing::index_paths(dir_->str("db"), {testing::seeds_dir()});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
  }
  static void TearDownTestSuite() {
    index_.reset();
    dir_.reset();
  }
  // A comparison that must succeed.
  static Comparison compare(const std::vector<std::string>& ids, const ComparisonOptions& o = {}) {
    Result<Comparison> c = index_->comparison.compare(ids, o);
    EXPECT_TRUE(c.is_ok()) << c.status().message();
    return c ? std::move(*c) : Comparison{};
  }
  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
};

std::unique_ptr<testing::ScratchDir> ComparisonTest::dir_;
std::unique_ptr<testing::OpenIndex> ComparisonTest::index_;

// "003#0 004#0": the seed number and item index of each cell of a row.
std::string row_name(const Comparison& c, const std::vector<int>& cells) {
  std::string out;
  for (std::size_t d = 0; d < cells.size(); ++d) {
    if (cells[d] < 0) continue;
    if (!out.empty()) out += ' ';
    out += c.documents[d].id.substr(0, 3) + "#" + std::to_string(cells[d]);
  }
  return out;
}

std::vector<std::string> row_names(const Comparison& c) {
  std::vector<std::string> out;
  for (const ComparisonRow& r : c.rows) out.push_back(row_name(c, r.cells));
  return out;
}

TEST_F(ComparisonTest, Dump) {
  for (const auto& ids : std::vector<std::vector<std::string>>{
           {kSeed003, kSeed004}, {kSeed000, kSeed001, kSeed002, kSeed003, kSeed004}}) {
    const Comparison c = compare(ids);
    for (const auto& r : c.rows) {
      std::string line = row_name(c, r.cells) + " (" + std::to_string(r.similarity) + ")";
      for (std::size_t d = 0; d < r.cells.size(); ++d) {
        if (r.cells[d] >= 0) line += " | " + c.documents[d].items[r.cells[d]].text.substr(0, 50);
      }
      std::printf("%s\n", line.c_str());
    }
    for (const auto& t : c.targets) std::printf("T %s %s\n", row_name(c, t.cells).c_str(), t.indicator.c_str());
    for (const auto& d : c.documents) {
      std::printf("D %s %s issuer=%s prev=%d movement=%s launcher=%s period=%s added=%zu dropped=%zu\n",
                  d.id.c_str(), d.date.c_str(), d.issuer.c_str(), d.previous, d.movement.c_str(),
                  d.launcher.c_str(), d.period ? d.period->text.c_str() : "-", d.added.size(),
                  d.dropped.size());
    }
    std::printf("----\n");
  }
}

}  // namespace
}  // namespace vanban::search
