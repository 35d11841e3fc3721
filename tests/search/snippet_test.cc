#include "vanban/search/snippet.h"

#include <gtest/gtest.h>

#include <string>

#include "vanban/search/query_builder.h"
#include "vanban/text/tokenize.h"

namespace vanban::search {
namespace {

std::string snippet(const std::string& text, const std::string& query, std::size_t window = 8) {
  QueryBuilder b;
  text::Tokenizer tok;
  return make_snippet(text, Highlighter(b.parse(query)), tok, {.window_tokens = window});
}

TEST(SnippetTest, MarksAdjacentMatchesAsOneSpanInTheDocumentsSpelling) {
  EXPECT_EQ(snippet("Phong trào “Dân vận khéo” năm 2024", "dan van kheo"),
            "Phong trào “<mark>Dân vận khéo</mark>” năm 2024");
}

TEST(SnippetTest, EscapesHtml) {
  EXPECT_EQ(snippet("Thông báo <b>thi đua</b> & khen thưởng", "thi đua"),
            "Thông báo &lt;b&gt;<mark>thi đua</mark>&lt;/b&gt; &amp; khen thưởng");
}

TEST(SnippetTest, PlainTextDropsTheMarksAndUnescapes) {
  const std::string html = snippet("Thông báo <b>thi đua</b> & khen thưởng \"Dân vận khéo\" 'x' hết", "thi đua", 16);
  EXPECT_EQ(snippet_text(html), "Thông báo <b>thi đua</b> & khen thưởng \"Dân vận khéo\" 'x' hết");
  EXPECT_EQ(snippet_text("… theo <mark>Chỉ thị</mark> số <mark>34-CT/TW</mark> …"),
            "… theo Chỉ thị số 34-CT/TW …");
  EXPECT_EQ(snippet_text("&amp;lt; <mark"), "&lt; <mark");  // unescaped once; a broken tag stays
}

TEST(SnippetTest, PicksTheWindowWithMostDistinctWordsWithLeftContext) {
  const std::string text =
      "một hai ba bốn năm sáu bảy tám chín mười thi đua khen thưởng theo Chỉ thị số 34-CT/TW hết";
  EXPECT_EQ(snippet(text, "khen thưởng 34-CT/TW"),
            "… chín mười thi đua <mark>khen thưởng</mark> theo Chỉ …");
  // With a wider window both matches fit, from four tokens before the first.
  EXPECT_EQ(snippet(text, "khen thưởng 34-CT/TW", 12),
            "… chín mười thi đua <mark>khen thưởng</mark> theo Chỉ thị số <mark>34-CT/TW</mark> hết");
}

TEST(SnippetTest, AccentedQueryMarksOnlyExactSpellingsWhenThereAreSome) {
  EXPECT_EQ(snippet("thu ngân sách và thư mời", "thư"), "thu ngân sách và <mark>thư</mark> mời");
  // No exact spelling: the folded matches are marked.
  EXPECT_EQ(snippet("thu ngân sách", "thư"), "<mark>thu</mark> ngân sách");
}

TEST(SnippetTest, SymbolsDoNotLightUpWordsOfTheSameLetters) {
  EXPECT_EQ(snippet("ct 34-CT/TW", "34-CT/TW"), "ct <mark>34-CT/TW</mark>");
}

TEST(SnippetTest, NoMatchShowsTheStartAndEmptyTextNothing) {
  EXPECT_EQ(snippet("một hai ba bốn năm sáu bảy tám chín mười", "xyz", 4), "một hai ba bốn …");
  EXPECT_EQ(snippet("", "xyz"), "");
}

// The spans of match_spans() as the text they cover.
std::vector<std::string> spans(std::string_view text, std::string_view query) {
  text::Tokenizer tok;
  QueryBuilder b;
  std::vector<std::string> out;
  for (const auto& [start, end] : match_spans(text, Highlighter(b.parse(query)), tok)) {
    out.emplace_back(text.substr(start, end - start));
  }
  return out;
}

// Luật Bảo hiểm xã hội 41/2024/QH15, Điều 2 and Điều 5.
constexpr std::string_view kLawText =
    "Điều 2. Đối tượng tham gia bảo hiểm xã hội bắt buộc và bảo hiểm xã hội\n"
    "tự nguyện\n"
    "1. Mức hưởng bảo hiểm xã hội bắt buộc được tính trên cơ sở mức đóng";

TEST(MatchSpansTest, FoldedWordsInTheDocumentsSpellingOneSpanPerLine) {
  EXPECT_EQ(spans(kLawText, "bao hiem"),
            (std::vector<std::string>{"bảo hiểm", "bảo hiểm", "bảo hiểm"}));
  EXPECT_EQ(spans(kLawText, "xa hoi tu nguyen"),
            (std::vector<std::string>{"xã hội", "xã hội", "tự nguyện", "xã hội"}));
}

TEST(MatchSpansTest, QuotedPhraseOnlyWhereItStandsWhole) {
  EXPECT_EQ(spans(kLawText, "\"xa hoi bat buoc\""),
            (std::vector<std::string>{"xã hội bắt buộc", "xã hội bắt buộc"}));
}

TEST(MatchSpansTest, AccentedQueryMarksExactSpellings) {
  EXPECT_EQ(spans(kLawText, "mức"), (std::vector<std::string>{"Mức", "mức"}));
  EXPECT_TRUE(spans(kLawText, "").empty());
}

TEST(HtmlEscapeTest, EscapesTheFiveCharacters) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

}  // namespace
}  // namespace vanban::search
