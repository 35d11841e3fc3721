#include "vanban/text/place.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace vanban::text {
namespace {

// Vietnam had 63 provinces and centrally-run cities when the seeds were
// written; the list's other names are spelling variants of them.
constexpr std::size_t kProvinces = 63;

TEST(ProvinceNamesTest, EveryNameHasAKeyAndVariantsShareTheirs) {
  std::set<std::string> keys;
  for (const std::string_view name : province_names()) {
    const std::string key = province_key(name);
    EXPECT_FALSE(key.empty()) << name;
    keys.insert(key);
  }
  EXPECT_EQ(keys.size(), kProvinces);
  EXPECT_EQ(province_names().size(), kProvinces + 5);  // 2 for Huế, 2 for TP HCM, 1 for Vũng Tàu
}

struct KeyCase {
  const char* name;
  const char* key;
};

class ProvinceKeyTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(ProvinceKeyTest, KeyOfName) { EXPECT_EQ(province_key(GetParam().name), GetParam().key); }

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, ProvinceKeyTest,
    ::testing::Values(
        KeyCase{"Lai Châu", "lai chau"},  // the seeds' province
        KeyCase{"Tây Ninh", "tay ninh"},
        KeyCase{"LAI CHÂU", "lai chau"},  // a heading: "UBND TỈNH LAI CHÂU"
        KeyCase{"lai chau", "lai chau"},  // typed without diacritics
        KeyCase{"Khánh Hoà", "khanh hoa"},  // old tone placement
        KeyCase{"Khánh Hòa", "khanh hoa"},
        KeyCase{"Đắk Lắk", "dak lak"},
        // Variants: the canonical name's key.
        KeyCase{"Huế", "thua thien hue"}, KeyCase{"Thừa Thiên - Huế", "thua thien hue"},
        KeyCase{"Bà Rịa Vũng Tàu", "ba ria vung tau"}, KeyCase{"Bà Rịa - Vũng Tàu", "ba ria vung tau"},
        KeyCase{"TP. Hồ Chí Minh", "thanh pho ho chi minh"},
        KeyCase{"TP Hồ Chí Minh", "thanh pho ho chi minh"},
        KeyCase{"Thành phố Hồ Chí Minh", "thanh pho ho chi minh"},
        // Not a province: a part of one, more than one, a district, nothing.
        KeyCase{"Lai", ""}, KeyCase{"tỉnh Lai Châu", ""}, KeyCase{"Lai Châu Tây Ninh", ""},
        KeyCase{"Mường Tè", ""}, KeyCase{"", ""}),
    [](const auto& p) {
      std::string name;
      for (const char c : std::string(p.param.key)) name += std::isalpha(static_cast<unsigned char>(c)) ? c : '_';
      return std::to_string(p.index) + "_" + name;
    });

TEST(ProvincesInTest, EachProvinceOnceInOrderOfFirstMention) {
  EXPECT_EQ(provinces_in("Sở Công Thương tỉnh Lai Châu phối hợp với Sở Công Thương tỉnh Tây Ninh; "
                         "UBND tỉnh Lai Châu chủ trì."),
            (std::vector<std::string>{"lai chau", "tay ninh"}));
  EXPECT_EQ(provinces_in("Lai Châu, ngày 29 tháng 02 năm 2024"), (std::vector<std::string>{"lai chau"}));
}

TEST(ProvincesInTest, TheLongestNameWins) {
  // Not "Huế" again after "Thừa Thiên Huế".
  EXPECT_EQ(provinces_in("UBND tỉnh Thừa Thiên Huế và thành phố Huế"),
            (std::vector<std::string>{"thua thien hue"}));
  EXPECT_EQ(provinces_in("Công an TP. Hồ Chí Minh"), (std::vector<std::string>{"thanh pho ho chi minh"}));
  EXPECT_EQ(provinces_in("Bà Rịa - Vũng Tàu"), (std::vector<std::string>{"ba ria vung tau"}));
}

TEST(ProvincesInTest, HeadingsInCapitalsNameProvinces) {
  EXPECT_EQ(provinces_in("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH"), (std::vector<std::string>{"tay ninh"}));
}

// "hòa bình" (peace), "thái bình" are common words: a province's name is
// written with capitals.
TEST(ProvincesInTest, LowerCaseWordsAreNoProvince) {
  EXPECT_EQ(provinces_in("góp phần giữ vững hòa bình, ổn định"), std::vector<std::string>{});
  EXPECT_EQ(provinces_in("Hội Liên hiệp Phụ nữ tỉnh Hòa Bình"), (std::vector<std::string>{"hoa binh"}));
}

TEST(ProvincesInTest, TextWithoutProvinces) {
  EXPECT_EQ(provinces_in(""), std::vector<std::string>{});
  EXPECT_EQ(provinces_in("Bộ Chính trị ban hành Chỉ thị số 34-CT/TW ngày 07/4/2014."),
            std::vector<std::string>{});
  EXPECT_EQ(provinces_in("Lai"), std::vector<std::string>{});  // a name's first word at the end
}

}  // namespace
}  // namespace vanban::text
