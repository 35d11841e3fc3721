#include "vanban/doc/chrome.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/scratch_dir.h"

namespace vanban::doc {
namespace {

struct LineCase {
  const char* name;
  const char* line;
  bool chrome;
};

class BoilerplateTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(BoilerplateTest, Classifies) {
  EXPECT_EQ(is_boilerplate_line(GetParam().line), GetParam().chrome);
}

// Lines of the three web articles in the seeds.
INSTANTIATE_TEST_SUITE_P(
    Seeds, BoilerplateTest,
    ::testing::Values(
        LineCase{"FontSizeAndContrast", "A- A A+ | Tăng tương phản Giảm tương phản", true},
        LineCase{"Rating", "Tổng số điểm của bài viết là: 0 trong 0 đánh giá", true},
        LineCase{"RatePrompt", "Click để đánh giá bài viết", true},
        LineCase{"Links", "Liên kết website", true},
        LineCase{"Counter", "Thống kê truy cập", true},
        LineCase{"Today", "Hôm nay : 383", true},
        LineCase{"ViewsToday", "Views Today : 82", true},
        LineCase{"Share", "Chia sẻ :", true},
        LineCase{"SkipLink", "Skip to content", true},
        LineCase{"Headline", "Phát động phong trào thi đua đặc biệt", false},
        LineCase{"BodyMentionsToday", "Hôm nay Sở Công Thương tổ chức hội nghị", false},
        LineCase{"Empty", "", false}),
    [](const auto& p) { return std::string(p.param.name); });

struct StripCase {
  const char* name;
  const char* file;
  std::vector<const char*> removed;  // chrome lines that must be gone
  const char* kept_last;             // the article's last real line
};

class StripBoilerplateTest : public ::testing::TestWithParam<StripCase> {};

TEST_P(StripBoilerplateTest, RemovesChromeKeepsTheArticle) {
  const std::string raw = testing::read_file(testing::seeds_dir() + "/" + GetParam().file);
  const std::string text = strip_boilerplate(raw);
  for (const char* line : GetParam().removed) {
    EXPECT_NE(raw.find(line), std::string::npos) << line;
    EXPECT_EQ(text.find(line), std::string::npos) << line;
  }
  EXPECT_NE(text.find(GetParam().kept_last), std::string::npos);
  EXPECT_GT(text.size(), raw.size() * 8 / 10);
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, StripBoilerplateTest,
    ::testing::Values(
        StripCase{"LaiChauPortal",
                  "000_ddb1ffae0c6ba085.txt",
                  {"A- A A+ | Tăng tương phản", "Tổng số điểm của bài viết", "Click để đánh giá",
                   "Liên kết website", "Thống kê truy cập", "Hôm nay : 383", "Hôm qua : 384"},
                  "thành lập tỉnh(01/01/2004- 01/01/2024)./."},
        StripCase{"BacKanPortal",
                  "002_352bcdfb180350d4.txt",
                  {"Chia sẻ :", "BÀI VIẾT CÙNG CHUYÊN MỤC", "View Counter", "Views Today : 82",
                   "Total views : 27673", "Skip to content"},
                  "Nông Thị Thảo (Sở Công Thương)"},
        StripCase{"TayNinhPortal",
                  "003_bf467de301be45ad.txt",
                  {"Tổng số điểm của bài viết", "Ý kiến bạn đọc", "Thống kê truy cập",
                   "Tổng lượt truy cập865,277", "DỰ THẢO VĂN BẢN", "Zalo",
                   "Bạn đã không sử dụng Site"},
                  "pháp luật về thi đua khen thưởng."}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(StripBoilerplateTest, OfficialLetterIsUnchanged) {
  const std::string raw = testing::read_file(testing::seeds_dir() + "/004_39b0106687e293f0.txt");
  EXPECT_EQ(strip_boilerplate(raw), raw);
}

}  // namespace
}  // namespace vanban::doc
