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

// The annual movements of 2023 (Tây Ninh) and 2024 (Sở Công Thương Lai
// Châu) share one task: "Tiếp tục quán triệt, triển khai, tuyên truyền"
// and "Tiếp tục quán triệt, tuyên truyền, phổ biến" the Party's line. The
// rest differ (industry, trade and prices in 2024; e-government, Chỉ thị
// 04 in 2023). Weak: 003#12 "Tăng cường công tác kiểm tra, giám sát về thi
// đua, khen thưởng" is 004#4's second sentence, whose first clause is a
// heading ("Nâng cao vai trò quản lý nhà nước ..."), so it stays alone.
TEST_F(ComparisonTest, AnnualMovementsOfTwoProvincesShareOneTask) {
  const Comparison c = compare({kSeed004, kSeed003});
  ASSERT_EQ(c.documents.size(), 2u);
  EXPECT_EQ(c.documents[0].id, kSeed003) << "oldest first";
  EXPECT_EQ(row_names(c), (std::vector<std::string>{
      "003#0 004#0", "004#1", "004#2", "004#3", "004#4", "003#1", "003#2", "003#3", "003#4",
      "003#5", "003#6", "003#7", "003#8", "003#9", "003#10", "003#11", "003#12", "003#13"}));
  EXPECT_EQ(c.documents[1].period->text, "năm 2024");
  EXPECT_EQ(c.documents[0].period->text, "năm 2023");
  EXPECT_EQ(c.documents[0].previous, -1) << "different issuers";
  EXPECT_EQ(c.documents[1].previous, -1);
  EXPECT_EQ(c.targets.size(), 5u) << "only the 2024 plan states targets";
}

// The five seeds ("chung tay vì người nghèo" is named in each): the Sở and
// the province's plans for the same 2023 movement (000, 001) align item by
// item; "Nâng cao vai trò, trách nhiệm" runs through four documents.
TEST_F(ComparisonTest, FiveSeedsAlignTheSameMovementAcrossIssuers) {
  const Comparison c = compare({kSeed000, kSeed001, kSeed002, kSeed003, kSeed004});
  EXPECT_EQ(row_names(c), (std::vector<std::string>{
      "002#0", "003#0 001#0 004#0 000#0 002#3", "004#1", "004#2", "001#1 000#1", "000#2",
      "003#1", "003#2", "003#3 001#2", "001#3 000#3", "001#4 000#4", "000#5", "001#5",
      "001#6 000#6", "001#7", "001#8 000#7", "001#9 000#8", "001#10", "001#11 000#9",
      "001#12 004#3 000#10 002#4", "002#5", "002#6", "002#7", "002#8", "002#9", "002#10",
      "004#4", "001#13 002#1", "002#2", "003#4", "003#5", "003#6", "003#7", "003#8", "003#9",
      "003#10", "003#11", "003#12", "003#13"}));
}

// The same documents in any order give the same comparison.
TEST_F(ComparisonTest, OrderOfIdsDoesNotMatter) {
  EXPECT_EQ(row_names(compare({kSeed003, kSeed004})), row_names(compare({kSeed004, kSeed003})));
}

TEST_F(ComparisonTest, UnknownAndTooManyIdsAreErrors) {
  EXPECT_TRUE(index_->comparison.compare({"nope.txt"}).status().is_not_found());
  EXPECT_TRUE(index_->comparison.compare({}).status().is_invalid_argument());
  const std::vector<std::string> nine = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};
  EXPECT_TRUE(index_->comparison.compare(nine).status().is_invalid_argument());
}

}  // namespace
}  // namespace vanban::search
