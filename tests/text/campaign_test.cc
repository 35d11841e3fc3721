#include "vanban/text/campaign.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "testing/scratch_dir.h"
#include "vanban/doc/metadata.h"

namespace vanban::text {
namespace {

std::vector<CampaignMention> campaigns_of(const std::string& text) {
  Tokenizer tok;
  const auto tokens = tok.tokenize(text);
  return find_campaigns(text, tokens, find_citations(text, tokens));
}

std::vector<std::string> names_of(const std::vector<CampaignMention>& found) {
  std::vector<std::string> names;
  for (const auto& m : found) names.push_back(m.name);
  return names;
}

std::set<std::string> ids_in_seed(const std::string& file) {
  std::set<std::string> ids;
  for (const auto& m : campaigns_of(testing::read_file(testing::seeds_dir() + "/" + file))) {
    ids.insert(m.id);
  }
  return ids;
}

TEST(CampaignIdTest, LocalVariantsShareTheNationalId) {
  const std::string national = campaign_id("Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau");
  EXPECT_EQ(national, "chung-tay-vi-nguoi-ngheo-khong-de-ai-bi-bo-lai-phia-sau");
  EXPECT_EQ(campaign_id("Lai Châu chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"), national);
  EXPECT_EQ(campaign_id("Tây Ninh chung tay vì người nghèo – không để ai bị bỏ lại phía sau"), national);
  EXPECT_EQ(campaign_id("Bắc Kạn chung sức xây dựng nông thôn mới"),
            campaign_id("Chung sức xây dựng nông thôn mới"));
  EXPECT_EQ(campaign_id("Doanh nghiệp Tây Ninh hội nhập và phát triển"),
            campaign_id("Doanh nghiệp Việt Nam hội nhập và phát triển"));
  EXPECT_NE(campaign_id("Toàn dân đoàn kết xây dựng nông thôn mới và đô thị văn minh"),
            campaign_id("Chung sức xây dựng nông thôn mới"));
}

TEST(CampaignIdTest, WordingVariantsOfOneCampaignShareAnId) {
  const std::string id = campaign_id("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
  EXPECT_EQ(id, "hoc-tap-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh");
  // Seed 003, a directive's subject, a title before the name, a typo in a
  // mark that folding drops (all seen in baomoi_news).
  EXPECT_EQ(campaign_id("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"), id);
  EXPECT_EQ(campaign_id("Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"), id);
  EXPECT_EQ(campaign_id("Học tập và làm theo tư tưởng, đạo đức, phong cách Chủ tịch Hồ Chí Minh"), id);
  EXPECT_EQ(campaign_id("Đẩy mạnh học tập và làm theo tư tưởng, đạo dức, phong cách Hồ Chí Minh"), id);
  // The older campaign (Chỉ thị 06-CT/TW, 2006) keeps its own id.
  EXPECT_EQ(campaign_id("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh"),
            "hoc-tap-lam-theo-tam-guong-dao-duc-ho-chi-minh");
  // A title that is not before a name stays.
  EXPECT_EQ(campaign_id("chủ tịch xã gần dân"), "chu-tich-xa-gan-dan");
}

TEST(CampaignIdTest, LongIdsEndInADigest) {
  std::string name;
  for (int i = 0; i < 40; ++i) name += "thi đua sáng tạo ";
  const std::string id = campaign_id(name);
  // The digest the id had before hash.h (computed apart, in Python).
  EXPECT_EQ(id.size(), 118u);
  EXPECT_EQ(id.substr(id.size() - 9), "-887538fc");
}

TEST(FindCampaignsTest, AwardTitlesAreNotCampaigns) {
  const auto found = campaigns_of(
      "Trong phong trào thi đua, 12 cá nhân đạt danh hiệu “Chiến sĩ thi đua cơ sở”, “Lao động "
      "tiên tiến”; 3 tập thể đạt danh hiệu thi đua “Tập thể lao động xuất sắc”. Hưởng ứng phong "
      "trào thi đua “Chiến sĩ thi đua toàn quốc”, “Dân vận khéo”.");
  EXPECT_EQ(names_of(found), (std::vector<std::string>{"Dân vận khéo"}));
}

// Award titles as national documents quote them after a campaign word
// (phapluat8: a ministry's emulation and commendation rules), each kept out
// by the award table of text/award.cc.
class AwardTitleTest : public ::testing::TestWithParam<const char*> {};

TEST_P(AwardTitleTest, IsNotACampaignAfterACampaignWord) {
  const std::string title = GetParam();
  EXPECT_EQ(names_of(campaigns_of("Tổng kết phong trào thi đua “" + title + "”.")), std::vector<std::string>{})
      << title;
  // What makes it so: the same quote with another name is a campaign.
  EXPECT_EQ(names_of(campaigns_of("Tổng kết phong trào thi đua “Dân vận khéo”.")),
            std::vector<std::string>{"Dân vận khéo"});
}

INSTANTIATE_TEST_SUITE_P(
    Phapluat8, AwardTitleTest,
    ::testing::Values("Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua cơ sở", "Chiến sĩ thi đua cấp bộ",
                      "Lao động tiên tiến", "Cờ thi đua của Chính phủ", "Cờ thi đua của Bộ",
                      "Cờ thi đua của Bộ Lao động - Thương binh và Xã hội",
                      "Bằng khen của Bộ Kế hoạch và Đầu tư", "Bằng khen của Thủ tướng Chính phủ"));

TEST(FindCampaignsTest, QuotedNamesAfterCampaignWordsAndInLists) {
  const auto found = campaigns_of(
      "Đẩy mạnh các phong trào thi đua như: Thi đua “Dân vận khéo”; “Lai Châu chung sức xây "
      "dựng nông thôn mới”; tiếp tục thực hiện Cuộc vận động “Học tập và làm theo tấm gương "
      "đạo đức Hồ Chí Minh”.");
  EXPECT_EQ(names_of(found), (std::vector<std::string>{"Dân vận khéo", "Lai Châu chung sức xây dựng nông thôn mới",
                                             "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh"}));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_FALSE(found[0].local);
  EXPECT_TRUE(found[1].local);
}

TEST(FindCampaignsTest, QuotesThatAreNotCampaigns) {
  // A directive's quoted subject, an expression in quotes, a slogan far
  // from any campaign word.
  EXPECT_TRUE(campaigns_of("Báo cáo số 325-BC/TU ngày 09/11/2022 của Tỉnh ủy về \"Tự soi, tự sửa\".").empty());
  EXPECT_TRUE(campaigns_of("ngăn chặn biểu hiện \"tự diễn biến\", \"tự chuyển hóa\" trong nội bộ").empty());
  EXPECT_TRUE(campaigns_of("Với tinh thần “Đẩy mạnh đổi mới, sáng tạo; khơi dậy ý chí tự lực”, các cấp").empty());
}

TEST(FindCampaignsTest, LaunchersFromTheSentence) {
  const auto a = campaigns_of("Giám đốc Sở Công Thương phát động phong trào thi đua đặc biệt với chủ đề “Thi đua đổi mới, sáng tạo”");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_TRUE(a[0].launched);
  EXPECT_EQ(a[0].launcher, "Giám đốc Sở Công Thương");
  const auto b = campaigns_of("hưởng ứng phong trào thi đua “Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc” do Chính phủ phát động.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].launcher, "Chính phủ");
}

// "chung tay vì người nghèo" is named by every seed, four times as a local
// variant (Lai Châu, Tây Ninh) or the national name.
TEST(FindCampaignsTest, EverySeedNamesThePovertyCampaign) {
  const std::string id = campaign_id("Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau");
  for (const char* file : {"000_ddb1ffae0c6ba085.txt", "001_a09f608bfb9e07f5.txt", "002_352bcdfb180350d4.txt",
                           "003_bf467de301be45ad.txt", "004_39b0106687e293f0.txt"}) {
    EXPECT_TRUE(ids_in_seed(file).count(id)) << file;
  }
  EXPECT_TRUE(ids_in_seed("004_39b0106687e293f0.txt").count("dan-van-kheo"));
  EXPECT_TRUE(ids_in_seed("003_bf467de301be45ad.txt").count("dan-van-kheo"));
  EXPECT_FALSE(ids_in_seed("000_ddb1ffae0c6ba085.txt").count("dan-van-kheo"));
}

}  // namespace
}  // namespace vanban::text
