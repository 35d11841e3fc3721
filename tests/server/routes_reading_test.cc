// Reading a long document: GET /api/documents/{id} serves its outline
// (text/outline.h) and, with ?q=, the spans the query matches; texts come
// without Markdown marks (doc/markdown.h). Over the seeds and an excerpt
// of Luật Bảo hiểm xã hội 41/2024/QH15 (tests/data/outline).
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "routes.h"
#include "testing/served_index.h"

namespace vanban::http {
namespace {

constexpr char kLaw[] = "/api/documents/luat-41-2024-qh15.txt";

class RoutesReadingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = std::make_unique<testing::ServedIndex>("routes_reading", std::vector<std::string>{testing::seeds_dir(), std::string(VANBAN_TEST_DATA_DIR) + "/outline"});
    index_ = &served_->index();
    server_ = &served_->server();
  }
  static void TearDownTestSuite() {
    index_ = nullptr;
    server_ = nullptr;
    served_.reset();
  }
  // A 200 JSON answer.
  static nlohmann::json ok_json(const std::string& path) { return served_->ok_json(path); }
  // Code points [start, end) of `utf8`, as a browser's string slices them.
  static std::string slice(const std::string& utf8, std::size_t start, std::size_t end) {
    std::size_t points = 0, from = utf8.size(), to = utf8.size();
    for (std::size_t i = 0; i < utf8.size(); ++i) {
      if ((static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) continue;
      if (points == start) from = i;
      if (points == end) to = i;
      ++points;
    }
    return utf8.substr(from, to - from);
  }

  static std::unique_ptr<testing::ServedIndex> served_;
  static testing::OpenIndex* index_;
  static testing::TestServer* server_;
};

std::unique_ptr<testing::ServedIndex> RoutesReadingTest::served_;
testing::OpenIndex* RoutesReadingTest::index_ = nullptr;
testing::TestServer* RoutesReadingTest::server_ = nullptr;

TEST_F(RoutesReadingTest, OutlineWithCodePointOffsets) {
  const nlohmann::json j = ok_json(kLaw);
  const std::string text = j["text"];
  ASSERT_EQ(j["outline"].size(), 13u);
  const nlohmann::json& article = j["outline"][3];
  EXPECT_EQ(article["level"], "dieu");
  EXPECT_EQ(article["label"], "Điều 5");
  EXPECT_EQ(article["title"], "Nguyên tắc bảo hiểm xã hội");
  EXPECT_EQ(article["anchor"], "dieu-5");
  EXPECT_EQ(article["start"], 1463);
  EXPECT_EQ(slice(text, 1463, 1469), "Điều 5");
  EXPECT_EQ(j["outline"][5]["anchor"], "chuong-ii-muc-1");
  EXPECT_EQ(j["outline"][5]["level"], "muc");
}

TEST_F(RoutesReadingTest, UnaccentedQueryMarksTheAccentedWords) {
  const nlohmann::json j = ok_json(std::string(kLaw) + "?q=bao+hiem");
  const std::string text = j["text"];
  ASSERT_EQ(j["matches"].size(), 49u);
  EXPECT_EQ(j["matches"][0], nlohmann::json::array({108, 116}));
  EXPECT_EQ(slice(text, 108, 116), "BẢO HIỂM");
  EXPECT_EQ(slice(text, j["matches"][1][0], j["matches"][1][1]), "Bảo hiểm");
}

TEST_F(RoutesReadingTest, PhraseQueryMarksOnlyThePhrase) {
  const nlohmann::json j = ok_json(std::string(kLaw) + "?q=%22xa+hoi+bat+buoc%22");
  const std::string text = j["text"];
  // Eight times the phrase; once in Chương IV's title, broken over two
  // lines ("... XÃ HỘI" / "BẮT BUỘC ..."): a span per line.
  std::vector<std::string> marked;
  for (const auto& m : j["matches"]) marked.push_back(slice(text, m[0], m[1]));
  const std::string phrase = "xã hội bắt buộc";
  EXPECT_EQ(marked, (std::vector<std::string>{phrase, phrase, phrase, phrase, "XÃ HỘI", "BẮT BUỘC",
                                              phrase, phrase, phrase}));
}

TEST_F(RoutesReadingTest, NoQueryNoMatches) {
  const nlohmann::json j = ok_json(kLaw);
  EXPECT_FALSE(j.contains("matches"));
  const auto r = server_->get(std::string(kLaw) + "?q=" + std::string(3000, 'a'));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

TEST_F(RoutesReadingTest, LetterHasNoOutlineAndNoMarkdown) {
  const nlohmann::json j = ok_json("/api/documents/004_39b0106687e293f0.txt");
  const std::string text = j["text"];
  EXPECT_TRUE(j["outline"].empty());
  EXPECT_EQ(text.find("**"), std::string::npos);
  EXPECT_EQ(text.find("####"), std::string::npos);
  EXPECT_NE(text.find("\n2. Tiếp tục thúc đẩy phát triển công nghiệp"), std::string::npos);
  EXPECT_NE(text.find("\n6. Tổ chức thực hiện\n"), std::string::npos);
  EXPECT_NE(text.find("(theo giá so sánh)"), std::string::npos);
}

}  // namespace
}  // namespace vanban::http
