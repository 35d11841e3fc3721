#include "vanban/text/sentence.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::text {
namespace {

std::string around(std::string_view text, std::string_view needle) {
  const auto at = text.find(needle);
  return sentence_around(text, at, at + needle.size());
}

TEST(SentenceTest, FromTheLastBreakToTheNextOne) {
  const std::string text =
      "Năm 2023 là năm quan trọng. Trọng tâm là Chỉ thị số 34-CT/TW ngày 07.4.2014 của Bộ "
      "Chính trị. Tiếp tục nâng cao nhận thức";
  EXPECT_EQ(around(text, "34-CT/TW"),
            "Trọng tâm là Chỉ thị số 34-CT/TW ngày 07.4.2014 của Bộ Chính trị.");
  EXPECT_EQ(around(text, "nhận thức"), "Tiếp tục nâng cao nhận thức");
}

TEST(SentenceTest, ListItemsAndSemicolons) {
  const std::string text = "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thành phố.";
  EXPECT_EQ(around(text, "UBND"), "UBND các huyện, thành phố.");
  EXPECT_EQ(around(text, "ngành"), "Các sở, ban, ngành tỉnh");
}

TEST(SentenceTest, SpanOffsetsAndClamping) {
  const std::string text = "Một. Hai ba.";
  const SentenceSpan s = sentence_span(text, 6, 7);
  EXPECT_EQ(text.substr(s.start, s.end - s.start), "Hai ba.");
  // Offsets past the text are clamped to its end: the last sentence.
  EXPECT_EQ(sentence_around(text, 100, 200), "Hai ba.");
  EXPECT_EQ(sentence_around("", 0, 0), "");
}

}  // namespace
}  // namespace vanban::text
