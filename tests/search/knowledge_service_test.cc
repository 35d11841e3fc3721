#include "vanban/search/knowledge_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "vanban/search/search_service.h"

namespace vanban::search {
namespace {

const std::set<std::string> kAllSeeds = {"000_ddb1ffae0c6ba085.txt", "001_a09f608bfb9e07f5.txt",
                                         "002_352bcdfb180350d4.txt", "003_bf467de301be45ad.txt",
                                         "004_39b0106687e293f0.txt"};

class KnowledgeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("knowledge");
    testing::index_paths(dir_->str("db"), {testing::seeds_dir()});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
    kb_ = &index_->knowledge;
  }
  static void TearDownTestSuite() {
    index_.reset();
    dir_.reset();
  }
  // A search that must succeed.
  static SearchResponse find(const SearchRequest& r) {
    Result<SearchResponse> out = index_->search.search(r);
    EXPECT_TRUE(out.is_ok()) << r.query << ": " << out.status().message();
    return out ? std::move(*out) : SearchResponse{};
  }
  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
  static const KnowledgeService* kb_;
};

std::unique_ptr<testing::ScratchDir> KnowledgeTest::dir_;
std::unique_ptr<testing::OpenIndex> KnowledgeTest::index_;
const KnowledgeService* KnowledgeTest::kb_ = nullptr;

TEST_F(KnowledgeTest, Directive34ListsAllFiveSeedsWithTheirSentences) {
  for (const char* key : {"34-ct/tw@2014-04-07", "34-CT/TW", "34- ct/tw"}) {
    const auto d = kb_->directive(key);
    ASSERT_TRUE(d.is_ok()) << key;
    EXPECT_EQ(d->directive.entity.key, "34-ct/tw@2014-04-07");
    EXPECT_EQ(d->directive.entity.symbol, "34-CT/TW");
    EXPECT_EQ(d->directive.entity.type, "Chỉ thị");
    EXPECT_EQ(d->directive.entity.issuer, "Bộ Chính trị");
    EXPECT_EQ(d->directive.entity.date, "2014-04-07");
    EXPECT_EQ(d->directive.cited_by_count, 5u);
    std::set<std::string> ids;
    for (const auto& c : d->citing) {
      ids.insert(c.id);
      EXPECT_NE(c.sentence.find("34"), std::string::npos) << c.sentence;
      EXPECT_NE(c.sentence.find("CT/TW"), std::string::npos) << c.sentence;
    }
    EXPECT_EQ(ids, kAllSeeds);
  }
}

TEST_F(KnowledgeTest, CoCitedDirectives) {
  const auto d = kb_->directive("34-CT/TW");
  ASSERT_TRUE(d.is_ok());
  ASSERT_FALSE(d->co_cited.empty());
  std::set<std::string> keys;
  for (const auto& c : d->co_cited) keys.insert(c.key);
  EXPECT_TRUE(keys.count("32-ct/tu@2014-06-26"));  // 000 and 001 cite both
  EXPECT_TRUE(keys.count("19/ct-ttg@2021-07-16"));  // 003 and 004
  EXPECT_FALSE(keys.count("34-ct/tw@2014-04-07"));
  EXPECT_EQ(d->co_cited[0].count, 2u);
}

TEST_F(KnowledgeTest, DirectiveOutsideTheCorpusIsAnEntityToo) {
  const auto d = kb_->directive("19/CT-TTg");
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->directive.entity.issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(d->directive.entity.date, "2021-07-16");
  EXPECT_TRUE(d->directive.entity.documents.empty());
  EXPECT_EQ(d->directive.cited_by_count, 2u);
  EXPECT_TRUE(kb_->directive("99-CT/TW").status().is_not_found());
}

// 000 cites Công văn 1954/UBND-TH of 30/5/2023; 001 is the province's
// letter of May 2023 with a blank number "Số: /UBND-TH" on that subject.
TEST_F(KnowledgeTest, UnnumberedDraftIsLinkedToTheDirectiveItIs) {
  const auto d = kb_->directive("1954/UBND-TH");
  ASSERT_TRUE(d.is_ok());
  ASSERT_EQ(d->directive.entity.documents.size(), 1u);
  EXPECT_EQ(d->directive.entity.documents[0].id, "001_a09f608bfb9e07f5.txt");
  EXPECT_GE(d->directive.entity.documents[0].confidence, 0.6);
  EXPECT_LT(d->directive.entity.documents[0].confidence, 1.0);
  const auto doc = kb_->document("001_a09f608bfb9e07f5.txt");
  ASSERT_TRUE(doc.is_ok());
  EXPECT_EQ(doc->is_directive, std::vector<std::string>{"1954/ubnd-th@2023-05-30"});
  ASSERT_EQ(doc->cited_by.size(), 1u);
  EXPECT_EQ(doc->cited_by[0].id, "000_ddb1ffae0c6ba085.txt");
}

TEST_F(KnowledgeTest, DirectiveListFilters) {
  const auto all = kb_->directives({});
  ASSERT_TRUE(all.is_ok());
  EXPECT_GE(all->total, 20u);
  EXPECT_EQ(all->items[0].entity.key, "34-ct/tw@2014-04-07");  // most cited first
  const auto party = kb_->directives({.type = "chi thi", .issuer = "bo chinh tri"});
  ASSERT_TRUE(party.is_ok());
  for (const auto& d : party->items) {
    EXPECT_EQ(d.entity.type, "Chỉ thị");
    EXPECT_EQ(d.entity.issuer, "Bộ Chính trị");
  }
  std::set<std::string> keys;
  for (const auto& d : party->items) keys.insert(d.entity.key);
  EXPECT_EQ(keys, (std::set<std::string>{"34-ct/tw@2014-04-07", "5-ct/tw@2016-05-15"}));
  const auto y2022 = kb_->directives({.year = "2022"});
  for (const auto& d : y2022->items) EXPECT_EQ(d.entity.date.substr(0, 4), "2022");
  const auto by_symbol = kb_->directives({.q = "19/ct-ttg"});
  ASSERT_EQ(by_symbol->items.size(), 1u);
  // A symbol typed with its type, or loosely, as the search box takes it.
  for (const char* q : {"Chỉ thị 34-CT/TW", "34-ct/tw", "34ct/tw", "34 ct tw", "CT34"}) {
    const auto loose = kb_->directives({.q = q});
    ASSERT_TRUE(loose.is_ok()) << q;
    ASSERT_EQ(loose->items.size(), 1u) << q;
    EXPECT_EQ(loose->items[0].entity.key, "34-ct/tw@2014-04-07") << q;
  }
  // Type and number: every directive of that type with that number.
  const auto ct34 = kb_->directives({.q = "chi thi 34"});
  ASSERT_TRUE(ct34.is_ok());
  ASSERT_FALSE(ct34->items.empty());
  for (const auto& d : ct34->items) EXPECT_EQ(d.entity.symbol_key.substr(0, 6), "34-ct/");
  EXPECT_EQ(kb_->directives({.limit = 0}).status().message(), "limit must be between 1 and 500");
  EXPECT_EQ(kb_->directives({.offset = 100001}).status().message(), "offset must be at most 100000");
  EXPECT_EQ(kb_->directives({.year = "14"}).status().message(), "year must be four digits: 14");
}

TEST_F(KnowledgeTest, PovertyCampaignListsEverySeedAndItsLocalVariants) {
  const auto c = kb_->campaign("Chung tay vì người nghèo - Không để ai bị bỏ lại phía sau");
  ASSERT_TRUE(c.is_ok());
  std::set<std::string> ids;
  for (const auto& d : c->documents) ids.insert(d.id);
  EXPECT_EQ(ids, kAllSeeds);
  EXPECT_EQ(c->campaign.document_count, 5u);
  EXPECT_EQ(c->campaign.entity.name.rfind("Cả nước chung tay vì người nghèo", 0), 0u);
  std::set<std::string> local;
  for (const auto& v : c->campaign.entity.variants) {
    if (v.local) local.insert(v.name.substr(0, v.name.find(" chung")));
  }
  EXPECT_EQ(local, (std::set<std::string>{"Lai Châu", "Tây Ninh"}));
  EXPECT_FALSE(c->cited_directives.empty());
}

TEST_F(KnowledgeTest, CampaignsAndLaunchers) {
  const auto all = kb_->campaigns();
  ASSERT_GE(all.size(), 10u);
  EXPECT_GE(all[0].document_count, all.back().document_count);
  const auto dvk = kb_->campaign("dan-van-kheo");
  ASSERT_TRUE(dvk.is_ok());
  EXPECT_EQ(dvk->campaign.document_count, 2u);
  const auto special = kb_->campaign(
      "Thi đua đổi mới, sáng tạo, lập thành tích cao nhất chào mừng kỷ niệm 115 năm thành lập tỉnh "
      "(28/6/1909-28/6/2024), 75 năm thành lập Đảng bộ tỉnh (10/10/1949-10/10/2024), 70 năm ngày "
      "Bác Hồ gửi thư cho đồng bào và cán bộ Lai Châu (12/12/1953-12/12/2023) và 20 năm chia "
      "tách, thành lập tỉnh (01/01/2004-01/01/2024)");
  ASSERT_TRUE(special.is_ok());
  const auto& launchers = special->campaign.entity.launchers;
  EXPECT_NE(std::find(launchers.begin(), launchers.end(), "Giám đốc Sở Công Thương"), launchers.end());
  EXPECT_NE(std::find(launchers.begin(), launchers.end(), "Ủy ban nhân dân tỉnh Lai Châu"),
            launchers.end());
}

TEST_F(KnowledgeTest, DocumentDetailHasCitationsCampaignsAndSimilar) {
  const auto d = kb_->document("004_39b0106687e293f0.txt");
  ASSERT_TRUE(d.is_ok());
  EXPECT_EQ(d->stored.citations.size(), 8u);
  EXPECT_EQ(d->citation_keys.size(), 8u);
  EXPECT_EQ(d->stored.record.signer_name, "Nguyễn Sỹ Chín");
  std::set<std::string> campaigns;
  for (const auto& m : d->stored.campaigns) campaigns.insert(m.id);
  EXPECT_TRUE(campaigns.count("dan-van-kheo"));
  ASSERT_FALSE(d->similar.empty());
  for (const auto& s : d->similar) EXPECT_NE(s.id, "004_39b0106687e293f0.txt");
  EXPECT_TRUE(kb_->document("nope").status().is_not_found());
}

TEST_F(KnowledgeTest, UndatedCitationResolvesToTheDatedDirective) {
  const auto d = kb_->document("002_352bcdfb180350d4.txt");
  ASSERT_TRUE(d.is_ok());
  for (const auto& key : d->citation_keys) EXPECT_EQ(key, "34-ct/tw@2014-04-07");
}

// The chrome lines are gone from the indexed text: no phrase search finds
// them, and no snippet shows them. (Their words still occur in real
// sentences, "tăng cường", "phản ánh", so a search for the loose words may
// find documents, ranked on those sentences.)
TEST_F(KnowledgeTest, PageChromeMatchesNoSearch) {
  for (const std::string q : {"Tăng tương phản", "Thống kê truy cập", "Liên kết website",
                              "Views Today", "Click để đánh giá bài viết", "Hôm qua : 384"}) {
    EXPECT_EQ(find({.query = "\"" + q + "\""}).total, 0u) << q;
    for (const auto& hit : find({.query = q}).results) {
      EXPECT_EQ(hit.snippet.find("tương phản"), std::string::npos) << hit.snippet;
      EXPECT_EQ(hit.snippet.find("Thống kê truy cập"), std::string::npos) << hit.snippet;
    }
  }
  EXPECT_EQ(find({.query = "Views Today"}).total, 0u);
}

TEST_F(KnowledgeTest, SearchFiltersAndFacets) {
  SearchRequest r;
  r.query = "thi đua";
  r.facets = true;
  const auto all = find(r);
  ASSERT_TRUE(all.facets.has_value());
  ASSERT_FALSE(all.facets->directives.empty());
  EXPECT_EQ(all.facets->directives[0].value, "34-ct/tw@2014-04-07");
  EXPECT_EQ(all.facets->directives[0].label, "Chỉ thị 34-CT/TW");
  EXPECT_EQ(all.facets->directives[0].count, 5u);

  r.cites = "19/CT-TTg";
  EXPECT_EQ(find(r).total, 2u);
  r.cites = "19/ct-ttg@2021-07-16";
  EXPECT_EQ(find(r).total, 2u);
  for (const char* cites : {"34 ct tw", "Chỉ thị 34-CT/TW", "chi thi 34", "CT34"}) {
    r.cites = cites;
    EXPECT_EQ(find(r).total, 5u) << cites;
  }
  r.cites = "chi thi";
  EXPECT_EQ(index_->search.search(r).status().code(), StatusCode::kInvalidArgument);
  r.cites.clear();
  r.type = "cong van";
  EXPECT_EQ(find(r).total, 2u);
  r.type.clear();
  r.from = "2024";
  r.to = "2024";
  const auto y2024 = find(r);
  ASSERT_EQ(y2024.total, 1u);
  EXPECT_EQ(y2024.results[0].id, "004_39b0106687e293f0.txt");
  // A relaxed search counts facets over its any-word matches.
  SearchRequest loose;
  loose.query = "khéo xyzzyqq";
  loose.facets = true;
  const auto relaxed = find(loose);
  EXPECT_TRUE(relaxed.relaxed);
  ASSERT_TRUE(relaxed.facets.has_value());
  Xapian::doccount years = 0;
  for (const auto& y : relaxed.facets->year) years += y.count;
  EXPECT_EQ(years, 2u);  // 003 and 004, both dated
  r.from = "yesterday";
  EXPECT_EQ(index_->search.search(r).status().message(),
            "from must be a date: YYYY, YYYY-MM or YYYY-MM-DD: yesterday");
}

TEST_F(KnowledgeTest, CitationQueries) {
  for (const char* q : {"CT 34", "Chỉ thị 34", "chi thi so 34", "34/CT-TW"}) {
    EXPECT_EQ(find({.query = q}).total, 5u) << q;
  }
}

TEST(KnowledgeUpdateTest, RemovingACitingDocumentUpdatesTheEntity) {
  const testing::ScratchDir dir("knowledge_update");
  std::filesystem::copy(testing::seeds_dir(), dir.path() / "corpus");
  testing::index_paths(dir.str("db"), {dir.str("corpus")});
  std::filesystem::remove(dir.path() / "corpus/004_39b0106687e293f0.txt");
  testing::index_paths(dir.str("db"), {dir.str("corpus")});
  const testing::OpenIndex index(dir.str("db"));
  const KnowledgeService& kb = index.knowledge;
  EXPECT_EQ(kb.directive("34-CT/TW")->directive.cited_by_count, 4u);
  // 477/CT-UBND was cited only by 004.
  EXPECT_TRUE(kb.directive("477/CT-UBND").status().is_not_found());
  EXPECT_EQ(kb.campaign("dan-van-kheo")->campaign.document_count, 1u);
}

}  // namespace
}  // namespace vanban::search
