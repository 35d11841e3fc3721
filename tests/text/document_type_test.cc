#include "vanban/text/document_type.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vanban::text {
namespace {

TEST(DocumentTypeTest, TypeForCodeInAnyCase) {
  EXPECT_EQ(type_for_code("NĐ"), "Nghị định");
  EXPECT_EQ(type_for_code("nd"), "Nghị định");
  EXPECT_EQ(type_for_code("TTLT"), "Thông tư liên tịch");
  EXPECT_EQ(type_for_code("CTr"), "Chương trình");
  EXPECT_EQ(type_for_code("QĐi"), "Quy định");
  EXPECT_EQ(type_for_code("QĐ"), "Quyết định");
  EXPECT_EQ(type_for_code("QH15"), "Luật");
  EXPECT_EQ(type_for_code("UBND"), "");
}

TEST(DocumentTypeTest, CodesForTypeFoldedEitherWay) {
  const std::vector<std::string_view> rules = {"QĐi", "QĐ"};
  EXPECT_EQ(codes_for_type("Quy định"), rules);
  EXPECT_EQ(codes_for_type("qui dinh"), rules);  // as the tokenizer folds "Quy"
  EXPECT_EQ(codes_for_type("Kế hoạch"), std::vector<std::string_view>{"KH"});
  EXPECT_TRUE(codes_for_type("Công báo").empty());
}

TEST(DocumentTypeTest, IssuerForCodeDependsOnTypeForTheCentralCommittee) {
  EXPECT_EQ(issuer_for_code("BLĐTBXH"), "Bộ Lao động - Thương binh và Xã hội");
  EXPECT_EQ(issuer_for_code("TTg"), "Thủ tướng Chính phủ");
  EXPECT_EQ(issuer_for_code("TW", "Chỉ thị"), "Bộ Chính trị");
  EXPECT_EQ(issuer_for_code("TW", "Nghị quyết"), "Ban Chấp hành Trung ương");
  EXPECT_EQ(issuer_for_code("XYZ"), "");
}

struct SymbolCase {
  const char* symbol;
  const char* type;
  const char* issuer;
};

class SymbolCodesTest : public ::testing::TestWithParam<SymbolCase> {};

TEST_P(SymbolCodesTest, TypeAndIssuerFromTheSymbol) {
  EXPECT_EQ(type_from_symbol(GetParam().symbol), GetParam().type);
  EXPECT_EQ(issuer_from_symbol(GetParam().symbol), GetParam().issuer);
}

INSTANTIATE_TEST_SUITE_P(
    Symbols, SymbolCodesTest,
    ::testing::Values(SymbolCase{"30/2020/NĐ-CP", "Nghị định", "Chính phủ"},
                      SymbolCase{"34-CT/TW", "Chỉ thị", "Bộ Chính trị"},
                      SymbolCase{"08-QĐi/TW", "Quy định", "Ban Chấp hành Trung ương"},
                      SymbolCase{"24-NQ/TW", "Nghị quyết", "Ban Chấp hành Trung ương"},
                      SymbolCase{"19/CT-TTg", "Chỉ thị", "Thủ tướng Chính phủ"},
                      SymbolCase{"72/2011/TTLT-BTC-BGTVT", "Thông tư liên tịch", "Bộ Tài chính"},
                      SymbolCase{"45/2019/QH14", "Luật", "Quốc hội"},
                      SymbolCase{"66.16/2026/NQ-CP", "Nghị quyết", "Chính phủ"},
                      SymbolCase{"24/TT-LB", "Thông tư", "liên Bộ"},
                      SymbolCase{"1954/UBND-TH", "Công văn", "Ủy ban nhân dân"},
                      SymbolCase{"12-HD/BTGTW", "Hướng dẫn", ""}),
    [](const auto& p) {
      std::string name;
      for (const char c : std::string(p.param.symbol)) {
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) name += c;
      }
      return name;
    });

TEST(DocumentTypeTest, EveryCodeNamesAKnownType) {
  const auto& names = document_type_names();
  for (const CodeName& row : document_type_codes()) {
    EXPECT_NE(std::find(names.begin(), names.end(), row.name), names.end()) << row.code;
  }
}

TEST(DocumentTypeTest, IssuerNamesLongestFirst) {
  const auto& names = issuer_names();
  ASSERT_FALSE(names.empty());
  for (std::size_t i = 1; i < names.size(); ++i) EXPECT_GE(names[i - 1].size(), names[i].size());
}

}  // namespace
}  // namespace vanban::text
