#include "doc/formats/run_text.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "doc/formats/plain_text.h"
#include "vanban/text/legacy_encoding.h"

namespace vanban::doc {
namespace {

// How a DOCX stores text typed in a legacy font: the font's bytes read as
// windows-1252, saved as UTF-8.
std::string as_word_stores_it(std::string_view unicode, text::LegacyEncoding encoding) {
  return *convert_charset(*text::encode_legacy(unicode, encoding), "windows-1252");
}

TEST(RunTextTest, UnicodeRunsAreKeptAsTheyAre) {
  std::set<std::string> encodings;
  RunText run(&encodings);
  run.append("Kính gửi: ", {"Times New Roman", false});
  run.append("Các sở, ban, ngành", {"", false});
  EXPECT_EQ(run.finish(), "Kính gửi: Các sở, ban, ngành");
  EXPECT_TRUE(encodings.empty());
}

TEST(RunTextTest, Tcvn3RunIsConvertedAndReported) {
  std::set<std::string> encodings;
  RunText run(&encodings);
  run.append(as_word_stores_it("phát động phong trào thi đua", text::LegacyEncoding::kTcvn3),
             {".VnTime", false});
  EXPECT_EQ(run.finish(), "phát động phong trào thi đua");
  EXPECT_EQ(encodings, (std::set<std::string>{"tcvn3"}));
}

TEST(RunTextTest, VniRunSplitBetweenALetterAndItsMarkIsConvertedWhole) {
  // Word splits runs anywhere: "Việt" as "Vie" + "ät" in one VNI font.
  const std::string mojibake = as_word_stores_it("Việt Nam", text::LegacyEncoding::kVni);
  std::set<std::string> encodings;
  RunText run(&encodings);
  run.append(mojibake.substr(0, 3), {"VNI-Times", false});
  run.append(mojibake.substr(3), {"VNI-Times", false});
  EXPECT_EQ(run.finish(), "Việt Nam");
  EXPECT_EQ(encodings, (std::set<std::string>{"vni"}));
}

TEST(RunTextTest, CapsFormatWritesCapitals) {
  std::set<std::string> encodings;
  RunText run(&encodings);
  run.append("ủy ban nhân dân", {"Times New Roman", true});
  run.append_plain("\n");
  run.append("tỉnh Lai Châu", {"Times New Roman", false});
  EXPECT_EQ(run.finish(), "ỦY BAN NHÂN DÂN\ntỉnh Lai Châu");
}

TEST(RunTextTest, PlainTextBetweenRunsAndFinishClears) {
  std::set<std::string> encodings;
  RunText run(&encodings);
  run.append(as_word_stores_it("Số:", text::LegacyEncoding::kTcvn3), {".VnTime", false});
  run.append_plain("\t");
  run.append("1954/UBND-TH", {"Arial", false});
  EXPECT_EQ(run.finish(), "Số:\t1954/UBND-TH");
  EXPECT_EQ(run.finish(), "");
  run.append("", {".VnTime", false});
  EXPECT_EQ(run.finish(), "");
}

TEST(RunTextTest, JoinListsEncodingsInOrder) {
  EXPECT_EQ(join({}), "");
  EXPECT_EQ(join({"vni"}), "vni");
  EXPECT_EQ(join({"vni", "tcvn3"}), "tcvn3,vni");
}

TEST(RunTextTest, ToUpperHandlesVietnameseLetters) {
  EXPECT_EQ(to_upper("độc lập - tự do - hạnh phúc"), "ĐỘC LẬP - TỰ DO - HẠNH PHÚC");
  EXPECT_EQ(to_upper("34-ct/tw"), "34-CT/TW");
  EXPECT_EQ(to_upper(""), "");
}

}  // namespace
}  // namespace vanban::doc
