#include "vanban/doc/markdown.h"

#include <gtest/gtest.h>

namespace vanban::doc {
namespace {

struct MarkdownCase {
  const char* name;
  const char* text;
  const char* stripped;
};

class StripMarkdownTest : public ::testing::TestWithParam<MarkdownCase> {};

TEST_P(StripMarkdownTest, Strips) { EXPECT_EQ(strip_markdown(GetParam().text), GetParam().stripped); }

INSTANTIATE_TEST_SUITE_P(
    Seeds, StripMarkdownTest,
    ::testing::Values(
        // corpus/seeds/004_39b0106687e293f0.txt
        MarkdownCase{"BoldClauseNumber", "**2.** Tiếp tục thúc đẩy phát triển công nghiệp",
                     "2. Tiếp tục thúc đẩy phát triển công nghiệp"},
        MarkdownCase{"BoldSentence",
                     "**5. Nâng cao vai trò quản lý nhà nước về công tác thi đua, khen thưởng.** Tăng cường",
                     "5. Nâng cao vai trò quản lý nhà nước về công tác thi đua, khen thưởng. Tăng cường"},
        MarkdownCase{"HeadingAndBold", "#### **6. Tổ chức thực hiện**", "6. Tổ chức thực hiện"},
        MarkdownCase{"HeadingBoldItalic", "#### ***Nơi nhận:***", "Nơi nhận:"},
        MarkdownCase{"ItalicInParentheses",
                     "Giá trị sản xuất công nghiệp (*theo giá so sánh*) đạt 7.872,7 tỷ đồng",
                     "Giá trị sản xuất công nghiệp (theo giá so sánh) đạt 7.872,7 tỷ đồng"},
        MarkdownCase{"Lines", "**GIÁM ĐỐC**\n\n**Nguyễn Sỹ Chín**\n", "GIÁM ĐỐC\n\nNguyễn Sỹ Chín\n"},
        MarkdownCase{"Nested", "**Điều 5. *Phạm vi* điều chỉnh**", "Điều 5. Phạm vi điều chỉnh"}),
    [](const ::testing::TestParamInfo<MarkdownCase>& p) { return std::string(p.param.name); });

// '*' and '#' that phapluat8's legal texts use for themselves.
INSTANTIATE_TEST_SUITE_P(
    Kept, StripMarkdownTest,
    ::testing::Values(
        MarkdownCase{"Symbol", "Số: 12/2024/TT-BTC", "Số: 12/2024/TT-BTC"},
        MarkdownCase{"FootnotePair",
                     "(**) Ghi chú: không bao gồm tiền lãi từ tiền gửi có kỳ hạn (**)",
                     "(**) Ghi chú: không bao gồm tiền lãi từ tiền gửi có kỳ hạn (**)"},
        MarkdownCase{"FootnoteAfterWord", "Ủy ban nhân dân huyện* và tỉnh*",
                     "Ủy ban nhân dân huyện* và tỉnh*"},
        MarkdownCase{"FootnoteNumber", "*(9)", "*(9)"},
        MarkdownCase{"Bullet", "* Mục tiêu:", "* Mục tiêu:"},
        MarkdownCase{"Wildcards", "*.mxd, *.mpk, *.qgz.", "*.mxd, *.mpk, *.qgz."},
        MarkdownCase{"Unclosed", "** Ghi chú: Nêu rõ thiết bị", "** Ghi chú: Nêu rõ thiết bị"},
        MarkdownCase{"HashInLine", "Mẫu số #3 và #4", "Mẫu số #3 và #4"},
        MarkdownCase{"HashWithoutSpace", "#hashtag", "#hashtag"},
        MarkdownCase{"Product", "2*3*4", "2*3*4"}),
    [](const ::testing::TestParamInfo<MarkdownCase>& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::doc
