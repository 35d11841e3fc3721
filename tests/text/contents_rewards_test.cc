// Rewards (contents_rewards.cc): named awards after a giving or
// receiving verb, and generic commendations promised or reported.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "testing/doc_scan.h"
#include "text/contents_internal.h"
#include "vanban/json.h"  // the status's name

namespace vanban::text::contents_detail {
namespace {

using testing::ScannedText;

// "status|form|form_text|body|evidence".
std::vector<std::string> rewards_of(const std::string& text) {
  const ScannedText s(text);
  std::vector<std::string> rows;
  for (const Reward& r : find_rewards(s.scan())) {
    rows.push_back(nlohmann::json(r.status).get<std::string>() + "|" + r.form + "|" + r.form_text +
                   "|" + r.body + "|" + s.span(r.start, r.end));
  }
  return rows;
}

struct RewardCase {
  const char* name;
  const char* text;
  std::vector<std::string> rewards;
};

void PrintTo(const RewardCase& c, std::ostream* os) { *os << c.name; }

class RewardTest : public ::testing::TestWithParam<RewardCase> {};

TEST_P(RewardTest, FindsTheRewards) { EXPECT_EQ(rewards_of(GetParam().text), GetParam().rewards); }

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, RewardTest,
    ::testing::Values(
        // 2017 news articles (baomoi): a receiving verb, "vinh dự" marks
        // it done, the body stops at the next giving verb.
        RewardCase{"ReceivedWithHonour",
                   "Năm 2013, chương trình Đèn Đom Đóm đã vinh dự đón nhận Bằng khen của Thủ tướng "
                   "Chính phủ trao tặng ghi nhận cho hành trình miệt mài lan tỏa ánh sáng của tinh "
                   "thần hiếu học.",
                   {"awarded|Bằng khen|Bằng khen|Thủ tướng Chính phủ|đón nhận Bằng khen của Thủ "
                    "tướng Chính phủ"}},
        // A giving verb with no promise reports an event.
        RewardCase{"GivenWithoutAGiver",
                   "Lê Huỳnh Đức là cầu thủ Việt Nam duy nhất được Liên hợp quốc chọn làm Đại sứ "
                   "thiện chí ở Việt Nam, 2 lần được trao tặng Huân chương Lao động.",
                   {"awarded|Huân chương|Huân chương Lao động||trao tặng Huân chương Lao động"}},
        RewardCase{"ProposedToABody",
                   "Cá nhân có thành tích xuất sắc được xem xét đề nghị Chủ tịch UBND tỉnh tặng "
                   "Bằng khen.",
                   {"promised|Bằng khen|Bằng khen|Chủ tịch UBND tỉnh|đề nghị Chủ tịch UBND tỉnh tặng "
                    "Bằng khen"}},
        RewardCase{"SoughtInAnAim",
                   "Phấn đấu năm 2024 đơn vị được tặng Cờ thi đua của Bộ Công Thương.",
                   {"sought|Cờ thi đua|Cờ thi đua|Bộ Công Thương|tặng Cờ thi đua của Bộ Công "
                    "Thương"}},
        // The giver before the verb gives every award of its list.
        RewardCase{"AListOfAwardsFromOneGiver",
                   "Hội nghị đã tặng Bằng khen cho 5 tập thể, Giấy khen cho 10 cá nhân.",
                   {"awarded|Bằng khen|Bằng khen|Hội nghị|tặng Bằng khen",
                    "awarded|Giấy khen|Giấy khen|Hội nghị|tặng Bằng khen cho 5 tập thể, Giấy "
                    "khen"}},
        // A generic title named by its quoted form.
        RewardCase{"QuotedTitle",
                   "Năm 2023, 12 cá nhân đã đạt danh hiệu “Chiến sĩ thi đua cơ sở”.",
                   {"awarded|Chiến sĩ thi đua|danh hiệu “Chiến sĩ thi đua cơ sở”||đạt danh hiệu "
                    "“Chiến sĩ thi đua cơ sở”"}},
        // Generic commendations: proposed, and done.
        RewardCase{"ProposedCommendation",
                   "Kết thúc đợt thi đua, Ban Thi đua - Khen thưởng tổng hợp, đề nghị UBND tỉnh "
                   "khen thưởng.",
                   {"promised|khen thưởng|khen thưởng|UBND tỉnh|đề nghị UBND tỉnh khen thưởng"}},
        RewardCase{"CommendationDone",
                   "Dịp này, Sở Công Thương đã biểu dương, khen thưởng 15 tập thể.",
                   {"awarded|khen thưởng|biểu dương, khen thưởng|Sở Công Thương|biểu dương, khen "
                    "thưởng"}}),
    [](const auto& p) { return std::string(p.param.name); });

INSTANTIATE_TEST_SUITE_P(
    NoReward, RewardTest,
    ::testing::Values(
        RewardCase{"FormWithoutAVerb", "Mẫu Bằng khen được in màu.", {}},
        // Exact spelling: unaccented words are no form.
        RewardCase{"Unaccented", "don vi duoc tang Bang khen", {}},
        RewardCase{"TheFieldsName", "Hội đồng Thi đua - Khen thưởng tỉnh họp thường kỳ.", {}},
        RewardCase{"InsideAQuote", "phong trào “Thi đua nhận Cờ thi đua”", {}},
        RewardCase{"Empty", "", {}}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::text::contents_detail
