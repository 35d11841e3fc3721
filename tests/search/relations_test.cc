// Relations, status and implementation chains read back from an index: the
// seeds (who carries out Chỉ thị 34-CT/TW, down the chain) and a small
// provincial series where a later directive replaces an earlier one.
#include "vanban/search/relations.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/search_service.h"

namespace vanban::search {
namespace {

constexpr char kOldDirective[] =
    "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 05/CT-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lai Châu, ngày 10 tháng 3 năm 2020\n\nCHỈ THỊ\n"
    "Về tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh\n\n"
    "Thời gian qua, công tác phòng cháy, chữa cháy trên địa bàn tỉnh còn nhiều hạn chế. "
    "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện nghiêm các nội dung sau.\n"
    "Chỉ thị này có hiệu lực kể từ ngày ký.\n";

constexpr char kPlan[] =
    "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSỞ CÔNG THƯƠNG\nSố: 31/KH-SCT\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lai Châu, ngày 02 tháng 4 năm 2021\n\nKẾ HOẠCH\n"
    "Thực hiện công tác phòng cháy, chữa cháy năm 2021\n\n"
    "Thực hiện Chỉ thị số 05/CT-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh về tăng cường "
    "công tác phòng cháy, chữa cháy trên địa bàn tỉnh, Sở Công Thương ban hành Kế hoạch "
    "thực hiện như sau.\n";

constexpr char kNewDirective[] =
    "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/CT-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lai Châu, ngày 15 tháng 6 năm 2023\n\nCHỈ THỊ\n"
    "Về công tác phòng cháy, chữa cháy trong tình hình mới\n\n"
    "Để nâng cao hiệu quả công tác phòng cháy, chữa cháy, Chủ tịch Ủy ban nhân dân tỉnh "
    "yêu cầu các sở, ban, ngành thực hiện các nội dung sau.\n"
    "Chỉ thị này có hiệu lực kể từ ngày 01 tháng 7 năm 2023 và thay thế Chỉ thị số "
    "05/CT-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh về tăng cường công tác phòng cháy, "
    "chữa cháy trên địa bàn tỉnh.\n";

// Code points [start, end) of UTF-8 `s`.
std::string code_points(const std::string& s, std::size_t start, std::size_t end) {
  std::size_t cp = 0, from = std::string::npos, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (cp == start) from = i;
    if (cp == end) break;
    ++cp;
  }
  return from == std::string::npos ? std::string() : s.substr(from, i - from);
}

void write(const std::filesystem::path& p, const char* text) {
  std::ofstream(p, std::ios::binary) << text;
}

class RelationsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::ScratchDir("relations");
    const auto corpus = dir_->path() / "corpus";
    std::filesystem::create_directories(corpus);
    std::filesystem::copy(testing::seeds_dir(), corpus / "seeds");
    write(corpus / "ct05_2020.txt", kOldDirective);
    write(corpus / "kh31_2021.txt", kPlan);
    write(corpus / "ct12_2023.txt", kNewDirective);
    testing::index_paths(dir_->str("db"), {corpus.string()});
    index_ = new testing::OpenIndex(dir_->str("db"));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete dir_;
  }

  static std::set<std::string> ids(const std::vector<SearchHit>& hits) {
    std::set<std::string> out;
    for (const auto& h : hits) out.insert(h.id);
    return out;
  }

  static testing::ScratchDir* dir_;
  static testing::OpenIndex* index_;
};
testing::ScratchDir* RelationsTest::dir_ = nullptr;
testing::OpenIndex* RelationsTest::index_ = nullptr;

TEST_F(RelationsTest, WhoCarriesOutChiThi34) {
  const auto d = index_->knowledge.directive("34-CT/TW");
  ASSERT_TRUE(d.is_ok()) << d.status().message();
  std::set<std::string> implementers;
  for (const RelationEdge& e : d->incoming) {
    EXPECT_EQ(e.type, "implements") << e.id;
    implementers.insert(e.id);
    // The evidence is where it says: the offsets are code points of the
    // stating document's text.
    const auto doc = index_->knowledge.document(e.id);
    ASSERT_TRUE(doc.is_ok());
    EXPECT_EQ(code_points(doc->stored.record.text, e.start, e.end), e.sentence) << e.id;
  }
  EXPECT_EQ(implementers, (std::set<std::string>{"seeds/000_ddb1ffae0c6ba085.txt",
                                                  "seeds/001_a09f608bfb9e07f5.txt",
                                                  "seeds/002_352bcdfb180350d4.txt",
                                                  "seeds/004_39b0106687e293f0.txt"}));
}

TEST_F(RelationsTest, ImplementationChainGoesDownThroughTheProvince) {
  // Bộ Chính trị's 34-CT/TW -> the province's call (001, the draft of
  // Công văn 1954/UBND-TH) -> Sở Công Thương's plan carrying out that call.
  const auto d = index_->knowledge.directive("34-CT/TW");
  ASSERT_TRUE(d.is_ok());
  const ImplementationNode& root = d->implementation;
  EXPECT_EQ(root.symbol, "34-CT/TW");
  const ImplementationNode* province = nullptr;
  for (const auto& c : root.children) {
    if (c.id == "seeds/001_a09f608bfb9e07f5.txt") province = &c;
    EXPECT_NE(c.id, "seeds/000_ddb1ffae0c6ba085.txt") << "000 belongs under 001, not the root";
  }
  ASSERT_NE(province, nullptr);
  EXPECT_EQ(province->relation, "implements");
  ASSERT_EQ(province->children.size(), 1u);
  EXPECT_EQ(province->children[0].id, "seeds/000_ddb1ffae0c6ba085.txt");
  EXPECT_NE(province->children[0].sentence.find("1954/UBND-TH"), std::string::npos);
}

TEST_F(RelationsTest, ReplacedDirectiveExpiresOnTheDateTheReplacementTakesEffect) {
  const auto before = index_->knowledge.directive("05/CT-UBND", "2023-06-30");
  ASSERT_TRUE(before.is_ok()) << before.status().message();
  EXPECT_EQ(before->directive.status.value, index::StatusValue::kInForce);
  EXPECT_NE(before->directive.status.reason.find("2023-06-30"), std::string::npos);

  const auto after = index_->knowledge.directive("05/CT-UBND", "2023-07-01");
  ASSERT_TRUE(after.is_ok());
  const index::DirectiveStatus& st = after->directive.status;
  EXPECT_EQ(st.value, index::StatusValue::kExpired);
  EXPECT_EQ(st.since, "2023-07-01");
  ASSERT_EQ(st.by.size(), 1u);
  EXPECT_EQ(st.by[0].by_id, "ct12_2023.txt");
  EXPECT_EQ(st.by[0].type, text::RelationType::kReplaces);
  EXPECT_NE(st.sentence.find("thay thế Chỉ thị số"), std::string::npos);

  const auto not_yet = index_->knowledge.directive("05/CT-UBND", "2020-01-01");
  ASSERT_TRUE(not_yet.is_ok());
  EXPECT_EQ(not_yet->directive.status.value, index::StatusValue::kNotYetInForce);

  // The replacing directive (cited by nobody, so a document, not an
  // entity) keeps the relation and its own effect date.
  const auto replacing = index_->knowledge.document("ct12_2023.txt");
  ASSERT_TRUE(replacing.is_ok());
  EXPECT_EQ(replacing->stored.effective.date, "2023-07-01");
  bool replaces = false;
  for (const text::Relation& rel : replacing->stored.relations) {
    if (rel.type == text::RelationType::kReplaces) {
      replaces = true;
      EXPECT_EQ(rel.directive_key, "5/ct-ubnd@2020-03-10");
    }
  }
  EXPECT_TRUE(replaces);
}

TEST_F(RelationsTest, SearchFiltersByStatusAsOfADate) {
  const SearchService& search = index_->search;
  const auto expired = search.search({.query = "phòng cháy chữa cháy", .status = "expired",
                                      .as_of = "2024-01-01"});
  ASSERT_TRUE(expired.is_ok()) << expired.status().message();
  EXPECT_EQ(ids(expired->results), std::set<std::string>{"ct05_2020.txt"});
  EXPECT_EQ(expired->results[0].status, "expired");

  const auto in_force = search.search({.query = "phong chay chua chay", .status = "in_force",
                                       .as_of = "2024-01-01"});
  ASSERT_TRUE(in_force.is_ok());
  EXPECT_EQ(ids(in_force->results).count("ct05_2020.txt"), 0u);
  EXPECT_EQ(ids(in_force->results).count("ct12_2023.txt"), 1u);

  const auto earlier = search.search({.query = "phòng cháy chữa cháy", .status = "in_force",
                                      .as_of = "2022-01-01"});
  ASSERT_TRUE(earlier.is_ok());
  EXPECT_EQ(ids(earlier->results).count("ct05_2020.txt"), 1u);
  EXPECT_EQ(ids(earlier->results).count("ct12_2023.txt"), 0u);  // not yet in force

  EXPECT_EQ(search.search({.query = "phòng cháy", .status = "valid"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(search.search({.query = "phòng cháy", .as_of = "2024-13-01"}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(RelationsTest, DirectiveListFiltersByStatusAndPlace) {
  const auto expired = index_->knowledge.directives({.status = "expired", .as_of = "2024-01-01"});
  ASSERT_TRUE(expired.is_ok());
  std::set<std::string> keys;
  for (const auto& d : expired->items) keys.insert(d.entity.symbol);
  EXPECT_EQ(keys, std::set<std::string>{"05/CT-UBND"});

  const auto lai_chau = index_->knowledge.directives({.applies_to = "Lai Chau", .limit = 500});
  ASSERT_TRUE(lai_chau.is_ok());
  std::set<std::string> symbols;
  for (const auto& d : lai_chau->items) symbols.insert(d.entity.symbol);
  EXPECT_EQ(symbols.count("05/CT-UBND"), 1u);
  EXPECT_EQ(symbols.count("34-CT/TW"), 1u);  // Bộ Chính trị: nationwide
}

}  // namespace
}  // namespace vanban::search
