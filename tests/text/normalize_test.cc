#include "vanban/text/normalize.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "testing/scratch_dir.h"

namespace vanban::text {
namespace {

struct Case {
  const char* name;
  const char* input;
  const char* expected;
};

std::string case_name(const ::testing::TestParamInfo<Case>& p) { return p.param.name; }

// --- NFC --------------------------------------------------------------------

class ToNfcTest : public ::testing::TestWithParam<Case> {};

TEST_P(ToNfcTest, MatchesExpected) {
  EXPECT_EQ(to_nfc(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, ToNfcTest,
    ::testing::Values(
        Case{"AsciiUnchanged", "34-CT/TW", "34-CT/TW"},
        Case{"AlreadyNfc", "Dân vận khéo", "Dân vận khéo"},
        // "Việt" typed as V i e + combining dot below + combining circumflex.
        Case{"DecomposedMarks", "Vie\u0323\u0302t Nam", "Việt Nam"},
        Case{"DecomposedUppercase", "D\u0302n va\u0323\u0302n", "D\u0302n vận"},
        Case{"DecomposedSeedPhrase", "Thi đua \u201CDa\u0302n va\u0323\u0302n khe\u0301o\u201D",
             "Thi đua \u201CDân vận khéo\u201D"},
        Case{"Empty", "", ""}),
    case_name);

// --- Word forms: exact spelling with canonical tone placement ----------------

class ExactFormTest : public ::testing::TestWithParam<Case> {};

TEST_P(ExactFormTest, MatchesExpected) {
  EXPECT_EQ(word_forms(GetParam().input).exact, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    TonePlacement, ExactFormTest,
    ::testing::Values(
        // Old and new placements give one spelling (seeds write both
        // "Tỉnh uỷ" and "Tỉnh ủy", "khoá XI").
        Case{"HoaNewStyle", "hoà", "hòa"}, Case{"HoaOldStyle", "hòa", "hòa"},
        Case{"UyNewStyle", "uỷ", "ủy"}, Case{"UyOldStyle", "ủy", "ủy"},
        Case{"UyCapitalized", "Uỷ", "ủy"},
        Case{"KhoaNewStyle", "khoá", "khóa"}, Case{"KhoaOldStyle", "khóa", "khóa"},
        Case{"ThuyNewStyle", "thuý", "thúy"}, Case{"ThuyOldStyle", "thúy", "thúy"},
        Case{"KhoeNewStyle", "khoẻ", "khỏe"},
        Case{"DecomposedNewStyle", "hoa\u0300", "hòa"},
        // With a final consonant the tone sits on the last vowel either way.
        Case{"FinalConsonant", "hoàng", "hoàng"}, Case{"Toan", "TOÁN", "toán"},
        // A modified vowel (ơ, ư, â, ê, ô) carries the tone.
        Case{"HornVowels", "người", "người"}, Case{"Thuong", "thưởng", "thưởng"},
        Case{"Quoc", "Quốc", "quốc"}, Case{"Nguyen", "Nguyễn", "nguyễn"},
        // "qu" and "gi" are onsets, not vowels.
        Case{"Quy", "quý", "quí"}, Case{"Giua", "giữa", "giữa"}, Case{"Gia", "già", "già"},
        Case{"Gin", "gìn", "gìn"},
        // Three-vowel nucleus: tone on the middle vowel.
        Case{"Hoai", "hoài", "hoài"}, Case{"Khuyu", "khuỷu", "khuỷu"},
        Case{"DStroke", "Đảng", "đảng"}, Case{"NoTone", "dân", "dân"},
        Case{"NotASyllableKeepsMarks", "café", "café"},
        // i/y spellings after an onset are one word.
        Case{"KyWithY", "kỹ", "kĩ"}, Case{"KyWithI", "kĩ", "kĩ"}, Case{"SyWithY", "sỹ", "sĩ"},
        Case{"LyWithY", "Lý", "lí"}, Case{"AsciiMy", "My", "mi"},
        Case{"YAloneStays", "ý", "ý"}, Case{"VowelClusterStays", "máy", "máy"},
        Case{"UyStays", "tuy", "tuy"}),
    case_name);

// --- Folding --------------------------------------------------------------

class FoldTest : public ::testing::TestWithParam<Case> {};

TEST_P(FoldTest, MatchesExpected) { EXPECT_EQ(fold(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Vietnamese, FoldTest,
    ::testing::Values(
        Case{"CapitalDd", "ĐIỀU 5", "dieu 5"},
        Case{"Decomposed", "Vie\u0323\u0302t", "viet"},
        Case{"Campaign", "Dân vận khéo", "dan van kheo"},
        Case{"Directive", "Chỉ thị 34-CT/TW", "chi thi 34-ct/tw"},
        Case{"Decree", "30/2020/NĐ-CP", "30/2020/nd-cp"},
        Case{"Issuer", "Ủy ban nhân dân tỉnh Lai Châu", "uy ban nhan dan tinh lai chau"},
        Case{"BothTonePlacements", "hoà hòa", "hoa hoa"},
        Case{"Empty", "", ""}),
    case_name);

// fold() as its contract defines it, computed by ICU on the whole string:
// lower-case (root locale), NFD, every combining mark dropped, đ -> d.
std::string icu_fold(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  u.toLower(icu::Locale::getRoot());
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString nfd = icu::Normalizer2::getNFDInstance(status)->normalize(u, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < nfd.length();) {
    const UChar32 c = nfd.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) == 0) out.append(c == 0x0111 ? UChar32{'d'} : c);
  }
  std::string s;
  out.toUTF8String(s);
  return s;
}

// fold() takes a faster path, code point by code point, for Latin,
// combining marks and punctuation: on every code point of the Basic
// Multilingual Plane but the surrogates, alone and next to letters and
// marks, it agrees with ICU.
TEST(FoldTest, AgreesWithIcuOnEveryCodePoint) {
  int checked = 0;
  for (UChar32 c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    for (const std::string& s : {one, "Ê" + one + "\u0301a", "x\u0323" + one + "Đ"}) {
      ASSERT_EQ(fold(s), icu_fold(s)) << "U+" << std::hex << c;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3 * (0xFFFF - 0x800));
}

// ... and on real text: every line of the five seed documents, and the
// same lines decomposed (NFD) and upper-cased.
TEST(FoldTest, AgreesWithIcuOnTheSeeds) {
  std::size_t lines = 0;
  for (const auto& entry : std::filesystem::directory_iterator(vanban::testing::seeds_dir())) {
    std::ifstream in(entry.path());
    std::string previous;
    for (std::string line; std::getline(in, line); previous = line) {
      // Lines joined by a space fold to their folds joined by it.
      EXPECT_EQ(fold(previous + " " + line), fold(previous) + " " + fold(line));
      UErrorCode status = U_ZERO_ERROR;
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
      std::string nfd, upper;
      icu::Normalizer2::getNFDInstance(status)->normalize(u, status).toUTF8String(nfd);
      icu::UnicodeString(u).toUpper(icu::Locale::getRoot()).toUTF8String(upper);
      for (const std::string& s : {line, nfd, upper}) ASSERT_EQ(fold(s), icu_fold(s)) << s;
      ++lines;
    }
  }
  EXPECT_GT(lines, 300u);  // 318 in the five seeds
  EXPECT_EQ(fold("CHỈ THỊ SỐ 34-CT/TW NGÀY 26/5/2009 — “Dân vận khéo”"),
            "chi thi so 34-ct/tw ngay 26/5/2009 — “dan van kheo”");
  // Outside the table's blocks (Greek, with its context-dependent final
  // sigma) the whole string goes through ICU.
  EXPECT_EQ(fold("ΟΔΟΣ Việt"), icu_fold("ΟΔΟΣ Việt"));
  EXPECT_EQ(fold("ΟΔΟΣ Việt"), "οδος viet");
}

TEST(WordFormsTest, FoldedFormDropsEveryMark) {
  EXPECT_EQ(word_forms("Khéo").folded, "kheo");
  EXPECT_EQ(word_forms("đổi").folded, "doi");
  EXPECT_EQ(word_forms("ASCII").folded, "ascii");
  EXPECT_EQ(word_forms("ASCII").exact, "ascii");
}

// The per-thread memo of word forms is bounded (two generations of 8,192
// words); words met again after many others are still right, old and new
// tone placements alike.
TEST(WordFormsTest, StayRightPastTheMemoBound) {
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 40000; ++i) {
      const std::string number = "Số" + std::to_string(i);  // 40,000 distinct words
      ASSERT_EQ(word_forms(number).folded, "so" + std::to_string(i));
      if (i % 5000 == 0) {
        EXPECT_EQ(word_forms("Hoà").exact, "hòa");
        EXPECT_EQ(word_forms("Uỷ").exact, "ủy");
        EXPECT_EQ(word_forms("Đảng").folded, "dang");
      }
    }
  }
}

// Found by fuzz/fuzz_normalize: ill-formed bytes become U+FFFD.
TEST(ToNfcTest, IllFormedUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(to_nfc("Vie\u0323\u0302t \xC3"), "Việt \uFFFD");
  EXPECT_EQ(to_nfc("\xC3\x28 đ"), "\uFFFD( đ");
}

TEST(HasDiacriticsTest, DetectsMarksAndDStroke) {
  EXPECT_TRUE(has_diacritics("phong trào thi đua"));
  EXPECT_TRUE(has_diacritics("dd đ"));
  EXPECT_TRUE(has_diacritics("Vie\u0323\u0302t"));
  EXPECT_FALSE(has_diacritics("phong trao thi dua"));
  EXPECT_FALSE(has_diacritics("34-CT/TW"));
  EXPECT_FALSE(has_diacritics(""));
}

}  // namespace
}  // namespace vanban::text
