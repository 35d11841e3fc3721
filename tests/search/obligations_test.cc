#include "vanban/search/obligations.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/index/schema.h"

namespace vanban::search {
namespace {

// "document|assignee|task|recipient|deadline text|deadline date": one
// obligation, every field a user sees.
std::vector<std::string> rows(const ObligationList& list) {
  std::vector<std::string> out;
  for (const Obligation& o : list.items) {
    out.push_back(o.document_id + "|" + o.assignee + "|" + o.task + "|" + o.recipient + "|" +
                  o.deadline.text + "|" + o.deadline.date);
  }
  return out;
}

class ObligationsSeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("obligations_seeds");
    testing::index_paths(dir_->str("db"), {testing::seeds_dir()});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
  }
  static void TearDownTestSuite() {
    index_.reset();
    dir_.reset();
  }
  static ObligationList list(const ObligationFilter& f) {
    Result<ObligationList> out = index_->obligations.list(f);
    EXPECT_TRUE(out.is_ok()) << out.status().message();
    return out ? std::move(*out) : ObligationList{};
  }
  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
};

std::unique_ptr<testing::ScratchDir> ObligationsSeedTest::dir_;
std::unique_ptr<testing::OpenIndex> ObligationsSeedTest::index_;

// The two plans of Sở Công Thương Lai Châu assign three tasks each (the
// 2024 plan first: the newest document); Văn phòng Sở's task holds the
// report it requires. None states a deadline.
TEST_F(ObligationsSeedTest, ListsTheSeedsAssignmentsNewestDocumentFirst) {
  const ObligationList all = list({});
  EXPECT_EQ(all.total, 6u);
  EXPECT_EQ(rows(all), (std::vector<std::string>{
      "004_39b0106687e293f0.txt|các phòng, đơn vị|cụ thể hoá tổ chức thực hiện các nội dung phong trào thi đua của Sở|||",
      "004_39b0106687e293f0.txt|Các tổ chức đoàn thể|phối hợp với lãnh đạo cơ quan, đơn vị vận động đoàn viên tích cực tham gia và thực hiện có hiệu quả phong trào thi đua do Sở phát động gắn với các hoạt động của tổ chức mình|||",
      "004_39b0106687e293f0.txt|Văn phòng Sở|chủ trì hướng dẫn, kiểm tra, đôn đốc và tổng hợp báo cáo thực hiện các nội dung phong trào thi đua trong toàn ngành theo quy định|||",
      "000_ddb1ffae0c6ba085.txt|Các phòng, đơn vị trực thuộc Sở|triển khai phong trào thi đua đến từng công chức, viên chức, người lao động|||",
      "000_ddb1ffae0c6ba085.txt|Các tổ chức đoàn thể|phối hợp với lãnh đạo cơ quan, đơn vị vận động đoàn viên tích cực tham gia và thực hiện có hiệu quả phong trào thi đua do Sở phát động gắn với các hoạt động của tổ chức mình|||",
      "000_ddb1ffae0c6ba085.txt|Văn phòng Sở|chủ trì hướng dẫn, kiểm tra, đôn đốc và tổng hợp báo cáo thực hiện các nội dung phong trào thi đua trong toàn ngành theo quy định|||",
  }));
  std::set<std::string> ids;
  for (const Obligation& o : all.items) {
    EXPECT_EQ(o.kind, ObligationKind::kAssignment);
    EXPECT_EQ(o.id.size(), 16u) << o.id;
    ids.insert(o.id);
  }
  EXPECT_EQ(ids.size(), 6u) << "ids are distinct";
  EXPECT_EQ(index_->reader.with_database([](Xapian::Database& db) {
    return db.get_termfreq(std::string(index::kObligationsTerm));
  }), 2u) << "only 000 and 004 carry the obligations term";
}

// Văn phòng Sở's evidence runs from the assignee through the report it
// requires; offsets are code points of the document text.
TEST_F(ObligationsSeedTest, EvidenceIsTheDocumentsWords) {
  ObligationFilter f;
  f.assignee = "văn phòng sở";
  const ObligationList office = list(f);
  ASSERT_EQ(office.items.size(), 2u);
  const Obligation& o = office.items[0];
  EXPECT_EQ(o.evidence,
            "Văn phòng Sở chủ trì hướng dẫn, kiểm tra, đôn đốc và tổng hợp báo cáo thực hiện các "
            "nội dung phong trào thi đua trong toàn ngành theo quy định");
  EXPECT_EQ(o.end - o.start, 142u);  // the evidence's code points
  EXPECT_EQ(o.title, "Công văn về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ chính trị năm 2024");
  EXPECT_EQ(o.date, "2024-02-29");
}

struct AssigneeCase {
  const char* name;
  const char* assignee;
  std::size_t expected;
};

class ObligationsAssigneeTest : public ObligationsSeedTest,
                                public ::testing::WithParamInterface<AssigneeCase> {};

// As printed or by organisation key, any case, with or without diacritics.
TEST_P(ObligationsAssigneeTest, MatchesAPartOfTheAssignee) {
  ObligationFilter f;
  f.assignee = GetParam().assignee;
  EXPECT_EQ(list(f).total, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, ObligationsAssigneeTest,
    ::testing::Values(AssigneeCase{"AsPrinted", "Văn phòng Sở", 2},
                      AssigneeCase{"Unaccented", "VAN PHONG SO", 2},
                      AssigneeCase{"OrganisationKey", "van phong so cong thuong", 2},
                      AssigneeCase{"Quantifier", "các tổ chức đoàn thể", 2},
                      AssigneeCase{"Part", "đơn vị", 2},
                      AssigneeCase{"Abbreviation", "UBND", 0},
                      AssigneeCase{"Spaces", "  ", 6}),
    [](const auto& p) { return std::string(p.param.name); });

TEST_F(ObligationsSeedTest, BadFiltersAreInvalidArguments) {
  const std::pair<ObligationFilter, const char*> cases[] = {
      {{.limit = 0}, "limit must be between 1 and 500"},
      {{.limit = 501}, "limit must be between 1 and 500"},
      {{.offset = 100001}, "offset must be at most 100000"},
      {{.from = "15/12/2023"}, "from and to must be dates: YYYY, YYYY-MM or YYYY-MM-DD"},
      {{.to = "2024-1"}, "from and to must be dates: YYYY, YYYY-MM or YYYY-MM-DD"},
  };
  for (const auto& [filter, reason] : cases) {
    const Result<ObligationList> out = index_->obligations.list(filter);
    ASSERT_FALSE(out.is_ok()) << reason;
    EXPECT_TRUE(out.status().is_invalid_argument());
    EXPECT_EQ(out.status().reason(), reason);
  }
}

// Two plans with deadlines, in the wording of the seeds' implementation
// sections.
class ObligationsDatedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("obligations_dated");
    dir_->write("plans/ke-hoach-2024.txt",
                "Kế hoạch tổ chức phong trào thi đua năm 2024\n\n"
                "Lai Châu, ngày 05 tháng 3 năm 2024\n\n"
                "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ:\n- Chủ trì, hướng dẫn các đơn vị "
                "triển khai Kế hoạch này;\n- Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện "
                "trước ngày 30/11/2024.\n2. UBND các huyện, thành phố: triển khai thực hiện "
                "Kế hoạch, báo cáo kết quả về Sở Nội vụ định kỳ 6 tháng.\n3. Căn cứ chức "
                "năng, nhiệm vụ, Văn phòng Sở xây dựng kế hoạch cụ thể.\nNơi nhận:\n- Như "
                "trên;\n");
    dir_->write("plans/tong-ket-2023.txt",
                "Về việc tổng kết phong trào thi đua năm 2023\n\n"
                "Lai Châu, ngày 20 tháng 11 năm 2023\n\n"
                "Giao Sở Nội vụ chủ trì, phối hợp với các đơn vị liên quan theo dõi, đôn đốc; "
                "báo cáo kết quả về Sở Nội vụ (qua Ban Thi đua - Khen thưởng) trước ngày "
                "15/12/2023.\n");
    testing::index_paths(dir_->str("db"), {dir_->str("plans")});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
  }
  static void TearDownTestSuite() {
    index_.reset();
    dir_.reset();
  }
  static ObligationList list(const ObligationFilter& f) {
    Result<ObligationList> out = index_->obligations.list(f);
    EXPECT_TRUE(out.is_ok()) << out.status().message();
    return out ? std::move(*out) : ObligationList{};
  }
  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
};

std::unique_ptr<testing::ScratchDir> ObligationsDatedTest::dir_;
std::unique_ptr<testing::OpenIndex> ObligationsDatedTest::index_;

// Dated obligations by deadline, then the undated ones; a report on the
// assignment's line belongs to it.
TEST_F(ObligationsDatedTest, SoonestDeadlineFirst) {
  EXPECT_EQ(rows(list({})), (std::vector<std::string>{
      "tong-ket-2023.txt|Sở Nội vụ|chủ trì, phối hợp với các đơn vị liên quan theo dõi, đôn đốc|Sở Nội vụ (qua Ban Thi đua - Khen thưởng)|trước ngày 15/12/2023|2023-12-15",
      "ke-hoach-2024.txt|Sở Nội vụ|Tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 30/11/2024|UBND tỉnh|trước ngày 30/11/2024|2024-11-30",
      "ke-hoach-2024.txt|Sở Nội vụ|Chủ trì, hướng dẫn các đơn vị triển khai Kế hoạch này|||",
      "ke-hoach-2024.txt|UBND các huyện, thành phố|triển khai thực hiện Kế hoạch, báo cáo kết quả về Sở Nội vụ định kỳ 6 tháng|Sở Nội vụ|định kỳ 6 tháng|",
      "ke-hoach-2024.txt|Văn phòng Sở|xây dựng kế hoạch cụ thể|||",
  }));
}

struct DateCase {
  const char* name;
  const char* from;
  const char* to;
  std::vector<std::string> deadlines;
};

class ObligationsDateFilterTest : public ObligationsDatedTest,
                                  public ::testing::WithParamInterface<DateCase> {};

// from/to filter deadline dates, inclusive, at the precision given; only
// dated obligations pass.
TEST_P(ObligationsDateFilterTest, KeepsDeadlinesInRange) {
  ObligationFilter f;
  f.from = GetParam().from;
  f.to = GetParam().to;
  std::vector<std::string> deadlines;
  for (const Obligation& o : list(f).items) deadlines.push_back(o.deadline.date);
  EXPECT_EQ(deadlines, GetParam().deadlines);
}

INSTANTIATE_TEST_SUITE_P(
    Plans, ObligationsDateFilterTest,
    ::testing::Values(DateCase{"Year", "2024", "2024", {"2024-11-30"}},
                      DateCase{"FromMonth", "2023-12", "", {"2023-12-15", "2024-11-30"}},
                      DateCase{"ToDayInclusive", "", "2023-12-15", {"2023-12-15"}},
                      DateCase{"DayAfter", "2023-12-16", "2024-11-29", {}}),
    [](const auto& p) { return std::string(p.param.name); });

TEST_F(ObligationsDatedTest, PagesAndPicksOneById) {
  ObligationFilter page;
  page.offset = 1;
  page.limit = 2;
  const ObligationList two = list(page);
  EXPECT_EQ(two.total, 5u);
  ASSERT_EQ(two.items.size(), 2u);
  EXPECT_EQ(two.items[0].deadline.date, "2024-11-30");
  ObligationFilter one;
  one.id = two.items[0].id;
  EXPECT_EQ(rows(list(one)), rows({1, {two.items[0]}}));
  ObligationFilter dated;
  dated.dated_only = true;
  EXPECT_EQ(list(dated).total, 2u);
}

}  // namespace
}  // namespace vanban::search
