#include "vanban/text/legacy_encoding.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "testing/scratch_dir.h"

namespace vanban::text {
namespace {

struct KnownAnswer {
  const char* name;
  LegacyEncoding encoding;
  const char* mojibake;  // the legacy bytes read as windows-1252, in UTF-8
  const char* unicode;
};

class LegacyKnownAnswerTest : public ::testing::TestWithParam<KnownAnswer> {};

TEST_P(LegacyKnownAnswerTest, DecodesMojibake) {
  EXPECT_EQ(decode_legacy_mojibake(GetParam().mojibake, GetParam().encoding), GetParam().unicode);
}

TEST_P(LegacyKnownAnswerTest, DecodesRawBytes) {
  // The same text as raw bytes (a .txt saved in the legacy encoding).
  const std::string bytes = *encode_legacy(GetParam().unicode, GetParam().encoding);
  EXPECT_EQ(decode_legacy(bytes, GetParam().encoding), GetParam().unicode);
  EXPECT_EQ(decode_legacy_mojibake(GetParam().mojibake, GetParam().encoding),
            decode_legacy(bytes, GetParam().encoding));
}

INSTANTIATE_TEST_SUITE_P(
    Motto, LegacyKnownAnswerTest,
    ::testing::Values(
        KnownAnswer{"Tcvn3QuocHieu", LegacyEncoding::kTcvn3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
                    "Cộng hoà xã hội chủ nghĩa Việt Nam"},
        KnownAnswer{"Tcvn3TieuNgu", LegacyEncoding::kTcvn3, "§éc lËp - Tù do - H¹nh phóc",
                    "Độc lập - Tự do - Hạnh phúc"},
        KnownAnswer{"VniQuocHieu", LegacyEncoding::kVni, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
                    "Cộng hòa xã hội chủ nghĩa Việt Nam"},
        KnownAnswer{"VniTieuNgu", LegacyEncoding::kVni, "Ñoäc laäp - Töï do - Haïnh phuùc",
                    "Độc lập - Tự do - Hạnh phúc"},
        KnownAnswer{"VniCapitals", LegacyEncoding::kVni, "UÛY BAN NHAÂN DAÂN TÆNH LAI CHAÂU",
                    "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"},
        KnownAnswer{"VniBreveAndHorn", LegacyEncoding::kVni, "Ñaêng kyù thi ñua, ngöôøi ñöôïc khen",
                    "Đăng ký thi đua, người được khen"},
        KnownAnswer{"Tcvn3CurlyQuotes", LegacyEncoding::kTcvn3, "“D©n vËn khÐo” – n¨m 2023",
                    "“Dân vận khéo” – năm 2023"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(LegacyEncodingTest, Tcvn3CapitalsOnlyFontAndCapitalWords) {
  // .VnTimeH draws the lower-case codes as capitals.
  EXPECT_EQ(decode_legacy_mojibake("kt. chñ tÞch", LegacyEncoding::kTcvn3, true), "KT. CHỦ TỊCH");
  // Capitals TCVN3 lacks, written in a .VnTime line of capitals.
  EXPECT_EQ(decode_legacy_mojibake("ñY BAN NH¢N D¢N TØNH", LegacyEncoding::kTcvn3), "ỦY BAN NHÂN DÂN TỈNH");
  // A capital then lower-case letters is an ordinary word.
  EXPECT_EQ(decode_legacy_mojibake("Tù do, §µ N½ng", LegacyEncoding::kTcvn3), "Tự do, Đà Nẵng");
}

TEST(LegacyEncodingTest, RealUnicodeInALegacyRunPassesThrough) {
  EXPECT_EQ(decode_legacy_mojibake("Vi\xE1\xBB\x87t Céng", LegacyEncoding::kTcvn3), "Việt Cộng");
}

TEST(LegacyEncodingTest, VniMarkAfterAConsonantStaysALatinLetter) {
  EXPECT_EQ(decode_legacy_mojibake("Möùc 5ù", LegacyEncoding::kVni), "Mức 5ù");
}

struct FontCase {
  const char* font;
  bool legacy;
  LegacyEncoding encoding;
  bool capitals_only;
};

class LegacyFontTest : public ::testing::TestWithParam<FontCase> {};

TEST_P(LegacyFontTest, RecognisesTheFontFamilies) {
  const auto font = legacy_font(GetParam().font);
  ASSERT_EQ(font.has_value(), GetParam().legacy) << GetParam().font;
  if (!font) return;
  EXPECT_EQ(font->encoding, GetParam().encoding);
  EXPECT_EQ(font->capitals_only, GetParam().capitals_only);
}

INSTANTIATE_TEST_SUITE_P(Fonts, LegacyFontTest,
                         ::testing::Values(FontCase{".VnTime", true, LegacyEncoding::kTcvn3, false},
                                           FontCase{".VnTimeH", true, LegacyEncoding::kTcvn3, true},
                                           FontCase{".VnArial Narrow", true, LegacyEncoding::kTcvn3, false},
                                           FontCase{"VNI-Times", true, LegacyEncoding::kVni, false},
                                           FontCase{"VNI-Helve", true, LegacyEncoding::kVni, false},
                                           FontCase{"Times New Roman", false, LegacyEncoding::kTcvn3, false},
                                           FontCase{"", false, LegacyEncoding::kTcvn3, false}));

TEST(LegacyEncodingTest, EveryVietnameseLetterRoundTrips) {
  const std::string letters =
      "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"
      "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬEÈẺẼÉẸÊỀỂỄẾỆIÌỈĨÍỊOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢUÙỦŨÚỤƯỪỬỮỨỰYỲỶỸÝỴĐ";
  const auto vni = encode_legacy(letters, LegacyEncoding::kVni);
  ASSERT_TRUE(vni.has_value());
  EXPECT_EQ(decode_legacy(*vni, LegacyEncoding::kVni), letters);
  // TCVN3 has the lower-case letters and only Ă Â Ê Ô Ơ Ư Đ in capitals.
  const std::string lower = letters.substr(0, letters.size() / 2);
  const auto tcvn3 = encode_legacy(lower, LegacyEncoding::kTcvn3);
  ASSERT_TRUE(tcvn3.has_value());
  EXPECT_EQ(decode_legacy(*tcvn3, LegacyEncoding::kTcvn3), lower);
  EXPECT_EQ(decode_legacy(*encode_legacy("ĂÂÊÔƠƯĐ", LegacyEncoding::kTcvn3), LegacyEncoding::kTcvn3),
            "ĂÂÊÔƠƯĐ");
}

TEST(LegacyEncodingTest, SeedsRoundTripThroughVni) {
  for (const auto& entry : std::filesystem::directory_iterator(testing::seeds_dir())) {
    const std::string text = testing::read_file(entry.path());
    const auto bytes = encode_legacy(text, LegacyEncoding::kVni);
    ASSERT_TRUE(bytes.has_value()) << entry.path();
    EXPECT_EQ(decode_legacy(*bytes, LegacyEncoding::kVni), text) << entry.path();
  }
}

struct SyllableCase {
  const char* word;
  bool vietnamese;
};

class VietnameseSyllableTest : public ::testing::TestWithParam<SyllableCase> {};

TEST_P(VietnameseSyllableTest, Classifies) {
  EXPECT_EQ(is_vietnamese_syllable(GetParam().word), GetParam().vietnamese) << GetParam().word;
}

INSTANTIATE_TEST_SUITE_P(
    Words, VietnameseSyllableTest,
    ::testing::Values(SyllableCase{"nghiêng", true}, SyllableCase{"Quốc", true}, SyllableCase{"được", true},
                      SyllableCase{"người", true}, SyllableCase{"khuya", true}, SyllableCase{"giữa", true},
                      SyllableCase{"thuở", true}, SyllableCase{"hoà", true}, SyllableCase{"ĐỘC", true},
                      SyllableCase{"Vie\u0323\u0302t", true},  // NFD
                      SyllableCase{"cafộ", false}, SyllableCase{"tæng", false}, SyllableCase{"C¸c", false},
                      SyllableCase{"hoµ", false}, SyllableCase{"cac", false},   // a stop needs a rising tone
                      SyllableCase{"Coäng", false}, SyllableCase{"", false}));

TEST(ScoreVietnameseTest, RightDecodingReadsAsVietnameseWrongOnesDoNot) {
  const std::string seed = testing::read_file(testing::seeds_dir() + "/001_a09f608bfb9e07f5.txt");
  EXPECT_GE(score_vietnamese(seed).plausibility(), 0.95);
  const std::string tcvn3 = *encode_legacy(seed, LegacyEncoding::kTcvn3);
  const std::string vni = *encode_legacy(seed, LegacyEncoding::kVni);
  EXPECT_LE(score_vietnamese(decode_legacy(tcvn3, LegacyEncoding::kVni)).plausibility(), 0.3);
  EXPECT_LE(score_vietnamese(decode_legacy(vni, LegacyEncoding::kTcvn3)).plausibility(), 0.3);
  EXPECT_EQ(score_vietnamese("The quick brown fox").vietnamese + score_vietnamese("The quick brown fox").other,
            0u);
}

TEST(CouldBeMojibakeTest, OnlyWindows1252Characters) {
  EXPECT_TRUE(could_be_mojibake("Céng hoµ x· héi"));
  EXPECT_FALSE(could_be_mojibake("Cộng hòa"));  // ộ is not windows-1252
  EXPECT_FALSE(could_be_mojibake("plain ASCII"));
}

}  // namespace
}  // namespace vanban::text
