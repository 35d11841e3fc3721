#include "text/award.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vanban/text/tokenize.h"

namespace vanban::text {
namespace {

std::vector<Token> tokens_of(const std::string& text) {
  Tokenizer tok;
  return tok.tokenize(text);
}

// The form at the first token spelled `word` (exact spelling) in `text`:
// "name/length/generic", or "-" for none.
std::string form_at_word(const std::string& text, const std::string& word) {
  const std::vector<Token> tokens = tokens_of(text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].exact != word) continue;
    const AwardForm f = award_form_at(tokens, i);
    if (f.length == 0) return "-";
    return std::string(f.name) + "/" + std::to_string(f.length) + (f.generic ? "/generic" : "");
  }
  return "<no token " + word + ">";
}

struct FormCase {
  const char* name;
  const char* text;
  const char* at;    // exact spelling of the token asked about
  const char* form;  // as form_at_word prints it
};

void PrintTo(const FormCase& c, std::ostream* os) { *os << c.name; }

class AwardFormTest : public ::testing::TestWithParam<FormCase> {};

TEST_P(AwardFormTest, FormAtToken) {
  EXPECT_EQ(form_at_word(GetParam().text, GetParam().at), GetParam().form);
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, AwardFormTest,
    ::testing::Values(
        // Seed 002.
        FormCase{"FlagWithQualifier", "ngành Công Thương được tặng Cờ thi đua xuất sắc của Ủy ban nhân dân tỉnh",
                 "cờ", "Cờ thi đua/3"},
        FormCase{"LowerCaseCertificate", "Hội nghị đã tặng giấy khen cho 12 tập thể", "giấy",
                 "Giấy khen/2"},
        FormCase{"MedalWithItsClass", "đã được tặng Huân chương Lao động hạng Ba", "huân",
                 "Huân chương/2"},
        // The longest form: a collective title, not "Lao động tiên tiến".
        FormCase{"LongestTitleWins", "đạt danh hiệu Tập thể lao động xuất sắc năm 2023", "tập",
                 "Tập thể lao động xuất sắc/6"},
        FormCase{"TitleInsideALongerName", "Chiến sĩ thi đua toàn quốc", "chiến", "Chiến sĩ thi đua/4"},
        FormCase{"GenericTitle", "đạt được các danh hiệu thi đua", "danh", "Danh hiệu/2/generic"},
        FormCase{"GenericPrize", "Giải thưởng Hồ Chí Minh", "giải", "Giải thưởng/2/generic"},
        // Old tone placement ("hoá") is the same exact spelling.
        FormCase{"OldTonePlacement", "đạt danh hiệu Gia đình văn hoá", "gia", "Gia đình văn hóa/4"},
        // Exact, not folded: "có thi đua" (has emulation) is no flag.
        FormCase{"FoldedLookAlikeIsNoForm", "đơn vị có thi đua sôi nổi", "có", "-"},
        FormCase{"UnaccentedIsNoForm", "duoc tang Co thi dua", "co", "-"},
        FormCase{"FormCutAtTextEnd", "đã được tặng Bằng", "bằng", "-"},
        FormCase{"WordOfNoForm", "Phong trào thi đua năm 2024", "phong", "-"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(AwardFormTest, PositionPastTheEndIsNoForm) {
  const std::vector<Token> tokens = tokens_of("Bằng khen");
  EXPECT_EQ(award_form_at(tokens, 0).length, 2u);
  EXPECT_EQ(award_form_at(tokens, 2).length, 0u);
  EXPECT_EQ(award_form_at(tokens, 2).name, "");
  EXPECT_EQ(award_form_at({}, 0).length, 0u);
}

TEST(AwardTitleTest, QuotedTitlesAreAwardsCampaignNamesAreNot) {
  EXPECT_TRUE(is_award_title(tokens_of("Chiến sĩ thi đua toàn quốc")));
  EXPECT_TRUE(is_award_title(tokens_of("Lao động tiên tiến")));
  EXPECT_TRUE(is_award_title(tokens_of("Tập thể lao động xuất sắc")));
  // Seed 001, 003: campaigns.
  EXPECT_FALSE(is_award_title(tokens_of("Dân vận khéo")));
  EXPECT_FALSE(is_award_title(tokens_of("Thi đua quyết thắng")));
  EXPECT_FALSE(is_award_title(tokens_of("Tây Ninh chung sức xây dựng nông thôn mới")));
  // The title must open the name.
  EXPECT_FALSE(is_award_title(tokens_of("Thi đua đạt Cờ thi đua")));
  EXPECT_FALSE(is_award_title({}));
}

}  // namespace
}  // namespace vanban::text
