#include "text/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

// Each quote as its content and its whole span with the marks, "content
// | “content”": a failure shows which quote moved.
std::vector<std::string> quotes_of(const std::string& text) {
  std::vector<std::string> out;
  for (const Quote& q : find_quotes(text)) {
    if (!(q.open < q.begin && q.begin <= q.end && q.end < q.close && q.close <= text.size())) {
      out.push_back("<bad offsets>");
      continue;
    }
    out.push_back(text.substr(q.begin, q.end - q.begin) + " | " +
                  text.substr(q.open, q.close - q.open));
  }
  return out;
}

struct QuoteCase {
  const char* name;
  const char* text;
  std::vector<std::string> quotes;
};

void PrintTo(const QuoteCase& c, std::ostream* os) { *os << c.name; }

class QuotesTest : public ::testing::TestWithParam<QuoteCase> {};

TEST_P(QuotesTest, FindsTheBalancedQuotes) {
  EXPECT_EQ(quotes_of(GetParam().text), GetParam().quotes);
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, QuotesTest,
    ::testing::Values(
        // Seed 000: a slogan whose ';' and ',' stay inside the quote.
        QuoteCase{"CurlySloganWithClauseMarks",
                  "Với tinh thần “Đẩy mạnh đổi mới, sáng tạo; khơi dậy ý chí tự lực, tự cường”, "
                  "các phòng",
                  {"Đẩy mạnh đổi mới, sáng tạo; khơi dậy ý chí tự lực, tự cường | “Đẩy mạnh đổi "
                   "mới, sáng tạo; khơi dậy ý chí tự lực, tự cường”"}},
        // Seed 003: straight quotes, two on one line.
        QuoteCase{"StraightQuotesTwoOnALine",
                  "phong trào \"Tây Ninh chung sức xây dựng nông thôn mới\", \"Tây Ninh chung "
                  "tay vì người nghèo - Không để ai bị bỏ lại phía sau\"",
                  {"Tây Ninh chung sức xây dựng nông thôn mới | \"Tây Ninh chung sức xây dựng "
                   "nông thôn mới\"",
                   "Tây Ninh chung tay vì người nghèo - Không để ai bị bỏ lại phía sau | \"Tây "
                   "Ninh chung tay vì người nghèo - Không để ai bị bỏ lại phía sau\""}},
        QuoteCase{"CurlyAndStraightInOneSentence",
                  "Thi đua “Dân vận khéo” và \"Thi đua quyết thắng\".",
                  {"Dân vận khéo | “Dân vận khéo”", "Thi đua quyết thắng | \"Thi đua quyết thắng\""}},
        // A quote never spans lines: the first one is left open, the
        // second line's is whole.
        QuoteCase{"UnclosedAtLineEndIsDropped",
                  "phong trào “Thi đua quyết thắng\nvà “Toàn dân bảo vệ an ninh Tổ quốc”",
                  {"Toàn dân bảo vệ an ninh Tổ quốc | “Toàn dân bảo vệ an ninh Tổ quốc”"}},
        QuoteCase{"UnclosedStraightAtLineEndIsDropped",
                  "Kế hoạch \"Dân vận khéo\nnăm 2024 \"Chung sức xây dựng nông thôn mới\"",
                  {"Chung sức xây dựng nông thôn mới | \"Chung sức xây dựng nông thôn mới\""}},
        // “ opened again before it closes: the first one was never closed.
        QuoteCase{"ReopenedCurlyKeepsTheInnerQuote",
                  "chủ đề “Năm 2024 “Kỷ cương, trách nhiệm” của tỉnh",
                  {"Kỷ cương, trách nhiệm | “Kỷ cương, trách nhiệm”"}},
        // A curly quote is closed only by ”, a straight one only by ".
        QuoteCase{"MismatchedMarksCloseNothing", "Thi đua “Dân vận khéo\" năm 2024", {}},
        QuoteCase{"CloseMarkAloneIsNoQuote", "Dân vận khéo” năm 2024", {}},
        QuoteCase{"EmptyQuote", "ký hiệu \"\" trống", {" | \"\""}},
        QuoteCase{"EmptyText", "", {}},
        QuoteCase{"NoQuotes", "Sở Công Thương phát động phong trào thi đua năm 2024.", {}}),
    [](const auto& p) { return std::string(p.param.name); });

// Offsets are bytes of the UTF-8 text: “ and ” are three bytes each.
TEST(QuotesTest, OffsetsAreBytes) {
  const std::string text = "Thi đua “Dân vận khéo”.";
  const std::vector<Quote> quotes = find_quotes(text);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].open, text.find("“"));
  EXPECT_EQ(quotes[0].begin, text.find("“") + 3);
  EXPECT_EQ(quotes[0].end, text.find("”"));
  EXPECT_EQ(quotes[0].close, text.find("”") + 3);
  EXPECT_EQ(quotes[0].close, text.size() - 1);
}

}  // namespace
}  // namespace vanban::text
