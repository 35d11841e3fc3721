#include "doc/formats/plain_text.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "testing/scratch_dir.h"
#include "vanban/text/legacy_encoding.h"
#include "vanban/text/normalize.h"

namespace vanban::doc {
namespace {

const std::string kHeader = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: /UBND-TH\nKính gửi: Các sở, ban, ngành;\n";

struct EncodingCase {
  const char* name;
  std::string bytes;
  const char* encoding;
};

class DecodeTextFileTest : public ::testing::TestWithParam<EncodingCase> {};

TEST_P(DecodeTextFileTest, NamesTheEncodingAndGivesUtf8) {
  const Result<DecodedText> got = decode_text_file(GetParam().bytes);
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->encoding, GetParam().encoding);
  EXPECT_EQ(got->text, kHeader);
}

INSTANTIATE_TEST_SUITE_P(
    Encodings, DecodeTextFileTest,
    ::testing::Values(
        EncodingCase{"Utf8", kHeader, "text"},
        EncodingCase{"Utf8Bom", "\xEF\xBB\xBF" + kHeader, "text"},
        EncodingCase{"CrLf", "ỦY BAN NHÂN DÂN\r\nTỈNH LAI CHÂU\rSố: /UBND-TH\r\nKính gửi: Các sở, ban, ngành;\r\n",
                     "text"},
        EncodingCase{"Vni", *text::encode_legacy(kHeader, text::LegacyEncoding::kVni), "vni"},
        EncodingCase{"VniMojibake",
                     *convert_charset(*text::encode_legacy(kHeader, text::LegacyEncoding::kVni), "windows-1252"),
                     "vni"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(PlainTextTest, Utf16FixturesWithAndWithoutBom) {
  for (const auto& [name, bom] : {std::pair<const char*, std::string>{"utf16le.txt", "\xFF\xFE"},
                                  std::pair<const char*, std::string>{"utf16be.txt", "\xFE\xFF"}}) {
    // Seed 002 without a byte-order mark: the NUL pattern gives it away.
    const std::string bytes = testing::formats_fixture(name);
    EXPECT_TRUE(looks_like_utf16(bytes)) << name;
    const Result<DecodedText> got = decode_text_file(bytes);
    ASSERT_TRUE(got.is_ok()) << name << ": " << got.status().message();
    EXPECT_EQ(got->encoding, "utf-16") << name;
    EXPECT_TRUE(got->text.starts_with("Kết quả phong trào thi đua yêu nước giai đoạn 2015 – 2020")) << name;
    const Result<DecodedText> marked = decode_text_file(bom + bytes);
    ASSERT_TRUE(marked.is_ok()) << name;
    EXPECT_EQ(marked->text, got->text) << name;
  }
}

TEST(PlainTextTest, Windows1258FixtureReadsAsTheSeed) {
  const Result<DecodedText> got = decode_text_file(testing::formats_fixture("004.cp1258.txt"));
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->encoding, "windows-1258");
  // Not yet NFC: windows-1258 writes tone marks apart.
  EXPECT_EQ(got->text.find("Kính gửi: Các phòng"), std::string::npos);
  EXPECT_NE(text::to_nfc(got->text).find("Kính gửi: Các phòng, đơn vị trực thuộc Sở."), std::string::npos);
}

TEST(PlainTextTest, FewStrayNulsBecomeSpacesManyAreBinary) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += kHeader;  // about 3 KB
  std::string stray = text;
  const std::size_t at = text.find("UBND", 100);  // an ASCII letter, not inside a UTF-8 sequence
  stray[at] = '\0';
  const Result<DecodedText> got = decode_text_file(stray);
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text.substr(at, 4), " BND");
  std::string many = text;
  for (std::size_t i = 50; i < many.size(); i += 200) many[i] = '\0';
  const Result<DecodedText> binary = decode_text_file(many);
  ASSERT_FALSE(binary.is_ok());
  EXPECT_EQ(binary.status().code(), StatusCode::kNotSupported);
  EXPECT_EQ(binary.status().reason(), "binary");
  EXPECT_EQ(decode_text_file(std::string("\0", 1) + text).status().reason(), "binary");  // at the start
}

TEST(PlainTextTest, BlankIsEmpty) {
  for (const std::string& blank : {std::string(), std::string(" \r\n\t\f")}) {
    const Result<DecodedText> got = decode_text_file(blank);
    ASSERT_FALSE(got.is_ok());
    EXPECT_EQ(got.status().code(), StatusCode::kCorruption);
    EXPECT_EQ(got.status().reason(), "empty");
  }
}

TEST(PlainTextTest, ExtractTextNamesTheEncodingAsFormat) {
  const Result<Extracted> got =
      extract_text(*text::encode_legacy(kHeader, text::LegacyEncoding::kTcvn3), {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, "tcvn3");
  // TCVN3 has no "Ủ" or "Ỉ": written "ủY", "TỉNH", they are capitals
  // again in words written in capitals.
  EXPECT_EQ(got->text, kHeader);
}

TEST(PlainTextTest, ConvertCharset) {
  // "Việt": ê, then the dot below as a combining mark (0xF2).
  EXPECT_EQ(*convert_charset("Vi\xEA\xF2t Nam", "windows-1258"), "Viê\xCC\xA3t Nam");
  EXPECT_EQ(*convert_charset("caf\xE9", "iso-8859-1"), "café");
  EXPECT_EQ(*convert_charset("L\xC3\xA1", "utf-8"), "Lá");
  const Result<std::string> unknown = convert_charset("abc", "x-no-such-charset");
  ASSERT_FALSE(unknown.is_ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotSupported);
  EXPECT_EQ(unknown.status().reason(), "unknown charset");
  EXPECT_EQ(unknown.status().detail(), "x-no-such-charset");
}

TEST(PlainTextTest, LooksLikeText) {
  EXPECT_TRUE(looks_like_text(kHeader));
  EXPECT_TRUE(looks_like_text(testing::formats_fixture("utf16le.txt")));
  EXPECT_FALSE(looks_like_text(testing::formats_fixture("bad_random.bin")));
  EXPECT_FALSE(looks_like_text(std::string("PK\x03\x04\0\0", 6)));
  std::string controls(200, 'a');
  for (std::size_t i = 0; i < controls.size(); i += 10) controls[i] = '\x01';
  EXPECT_FALSE(looks_like_text(controls));
}

TEST(PlainTextTest, LooksLikeUtf16NeedsNulsOnOneSide) {
  EXPECT_TRUE(looks_like_utf16(std::string("L\0a\0i\0 \0C\0h\0", 12)));
  EXPECT_TRUE(looks_like_utf16(std::string("\0L\0a\0i\0 \0C\0h", 12)));
  EXPECT_FALSE(looks_like_utf16(std::string("L\0a\0i\0 \0C\0h", 11)));  // odd size
  EXPECT_FALSE(looks_like_utf16(std::string("\0\0\0\0\0\0\0\0", 8)));   // NULs on both sides
  EXPECT_FALSE(looks_like_utf16(kHeader));
  EXPECT_FALSE(looks_like_utf16(""));
}

TEST(PlainTextTest, NormalizeNewlines) {
  EXPECT_EQ(normalize_newlines("Số: /UBND-TH\r\nV/v phát động\rKính gửi:\n"),
            "Số: /UBND-TH\nV/v phát động\nKính gửi:\n");
  EXPECT_EQ(normalize_newlines("\r\r\n"), "\n\n");
  EXPECT_EQ(normalize_newlines(""), "");
}

}  // namespace
}  // namespace vanban::doc
