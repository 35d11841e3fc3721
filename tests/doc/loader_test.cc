#include "vanban/doc/loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/temp_index.h"

namespace vanban::doc {
namespace {

TEST(DecodeTextTest, AcceptsUtf8AndNormalizesToNfc) {
  Skip why;
  const auto text = decode_text("\xEF\xBB\xBFVie\u0323\u0302t Nam\r\nLai Châu", &why);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "Việt Nam\nLai Châu");
}

TEST(DecodeTextTest, ConvertsUtf16WithByteOrderMark) {
  // "Đảng" in UTF-16LE with a BOM.
  const std::string bytes("\xFF\xFE\x10\x01\xA3\x1E\x6E\x00\x67\x00", 10);
  Skip why;
  const auto text = decode_text(bytes, &why);
  ASSERT_TRUE(text.has_value()) << why.detail;
  EXPECT_EQ(*text, "Đảng");
}

TEST(DecodeTextTest, RejectsInvalidUtf8WithItsPosition) {
  Skip why;
  EXPECT_FALSE(decode_text("Chỉ thị\n34-CT/TW \xC3\x28 ngày", &why).has_value());
  EXPECT_EQ(why.reason, SkipReason::kInvalidUtf8);
  EXPECT_NE(why.detail.find("line 2"), std::string::npos) << why.detail;
}

TEST(DecodeTextTest, RejectsBinaryAndEmpty) {
  Skip why;
  EXPECT_FALSE(decode_text(std::string("PK\x03\x04\0\0", 6), &why).has_value());
  EXPECT_EQ(why.reason, SkipReason::kBinary);
  EXPECT_FALSE(decode_text(" \n\t\n", &why).has_value());
  EXPECT_EQ(why.reason, SkipReason::kEmpty);
  EXPECT_FALSE(decode_text("", &why).has_value());
  EXPECT_EQ(why.reason, SkipReason::kEmpty);
}

TEST(DecodeTextTest, StrayNulBytesInLongTextBecomeSpaces) {
  // PDF extraction leaves a few NUL bytes where checkbox glyphs were.
  std::string text(5000, 'a');
  text[1000] = '\0';
  text[3000] = '\0';
  Skip why;
  const auto out = decode_text(text, &why);
  ASSERT_TRUE(out.has_value()) << why.detail;
  EXPECT_EQ((*out)[1000], ' ');
}

TEST(ListInputsTest, WalksDirectoriesWithRelativeIdsInStableOrder) {
  const testing::ScratchDir dir("list_inputs");
  dir.write("b/2.txt", "hai");
  dir.write("a.txt", "một");
  dir.write(".hidden/x.txt", "ẩn");
  dir.write("c/d/e/3.txt", "ba");
  std::vector<Skip> skips;
  const auto files = list_inputs({dir.str(), dir.str("missing")}, skips);
  std::vector<std::string> ids;
  for (const auto& f : files) ids.push_back(f.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a.txt", "b/2.txt", "c/d/e/3.txt"}));
  ASSERT_EQ(skips.size(), 1u);
  EXPECT_EQ(skips[0].reason, SkipReason::kNotFound);
}

TEST(ListInputsTest, SymlinkLoopDoesNotTrapTheWalk) {
  const testing::ScratchDir dir("symlink_loop");
  dir.write("a/doc.txt", "văn bản");
  std::filesystem::create_directory_symlink(dir.path() / "a", dir.path() / "a" / "loop");
  std::vector<Skip> skips;
  const auto files = list_inputs({dir.str()}, skips);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].id, "a/doc.txt");
}

TEST(LoadJsonlTest, ReadsGoodLinesAndReportsBadOnes) {
  const testing::ScratchDir dir("jsonl");
  const auto path = dir.write(
      "docs.jsonl",
      "{\"id\":\"a\",\"title\":\"Điều 1\",\"text\":\"Phạm vi điều chỉnh\",\"topic\":\"lao động\"}\n"
      "not json\n"
      "{\"title\":\"no id\",\"text\":\"x\"}\n"
      "\n"
      "{\"id\":7,\"text\":\"Dân vận khéo\"}\n");
  std::vector<Skip> skips;
  const auto files = list_inputs({path.string()}, skips);
  ASSERT_EQ(files.size(), 1u);
  ASSERT_TRUE(files[0].jsonl);
  std::vector<DocumentRecord> records;
  std::vector<Skip> bad;
  Skip why;
  ASSERT_TRUE(load_jsonl(
      files[0], {}, [&](DocumentRecord&& r) { records.push_back(std::move(r)); },
      [&](Skip&& s) { bad.push_back(std::move(s)); }, &why));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, "a");
  EXPECT_EQ(records[0].title, "Điều 1");
  EXPECT_EQ(records[0].metadata.at("topic"), "lao động");
  EXPECT_EQ(records[1].id, "7");
  ASSERT_EQ(bad.size(), 2u);
  EXPECT_EQ(bad[0].reason, SkipReason::kMalformedJson);
  EXPECT_NE(bad[0].where.find(":2"), std::string::npos);
  EXPECT_EQ(bad[1].reason, SkipReason::kMissingField);
}

TEST(LoadJsonlTest, OverlongLineIsSkippedWithItsNumberAndTheRestRead) {
  const testing::ScratchDir dir("jsonl_long_line");
  const auto path = dir.write("docs.jsonl", "{\"id\":\"a\",\"text\":\"Dân vận khéo\"}\n{\"id\":\"b\",\"text\":\"" +
                                                std::string(5000, 'x') +
                                                "\"}\n{\"id\":\"c\",\"text\":\"Chỉ thị 34-CT/TW\"}");
  std::vector<Skip> skips;
  const auto files = list_inputs({path.string()}, skips);
  ASSERT_EQ(files.size(), 1u);
  std::vector<std::string> ids;
  std::vector<Skip> bad;
  Skip why;
  ASSERT_TRUE(load_jsonl(
      files[0], {.max_document_bytes = 1000}, [&](DocumentRecord&& r) { ids.push_back(r.id); },
      [&](Skip&& s) { bad.push_back(std::move(s)); }, &why));
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "c"}));  // the last line has no newline
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].reason, SkipReason::kTooLarge);
  EXPECT_NE(bad[0].where.find("docs.jsonl:2"), std::string::npos) << bad[0].where;
}

TEST(ListInputsTest, DeepNestingAndBrokenLinks) {
  const testing::ScratchDir dir("deep");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "d" + std::to_string(i % 10) + "/";
  dir.write(deep + "sâu.txt", "Văn bản nằm rất sâu");
  std::filesystem::create_symlink(dir.path() / "khong-co.txt", dir.path() / "link.txt");
  std::vector<Skip> skips;
  const auto files = list_inputs({dir.str()}, skips);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].id, deep + "sâu.txt");
  ASSERT_EQ(skips.size(), 1u);
  EXPECT_NE(skips[0].detail.find("broken symbolic link"), std::string::npos);
}

// A file that cannot be opened when its turn comes (removed, or without
// read permission for a non-root indexer) is reported, not fatal.
TEST(LoadTextFileTest, FileThatCannotBeOpenedIsReported) {
  const testing::ScratchDir dir("unreadable");
  dir.write("gone.txt", "Văn bản bị xóa trong lúc lập chỉ mục");
  std::vector<Skip> skips;
  const auto files = list_inputs({dir.str()}, skips);
  ASSERT_EQ(files.size(), 1u);
  std::filesystem::remove(files[0].path);
  Skip why;
  EXPECT_FALSE(load_text_file(files[0], {}, &why).has_value());
  EXPECT_EQ(why.reason, SkipReason::kUnreadable);
  EXPECT_NE(why.where.find("gone.txt"), std::string::npos);
}

TEST(LoadTextFileTest, EnforcesTheSizeLimit) {
  const testing::ScratchDir dir("size_limit");
  dir.write("big.txt", std::string(2048, 'a'));
  std::vector<Skip> skips;
  const auto files = list_inputs({dir.str()}, skips);
  ASSERT_EQ(files.size(), 1u);
  Skip why;
  EXPECT_FALSE(load_text_file(files[0], {.max_document_bytes = 1024}, &why).has_value());
  EXPECT_EQ(why.reason, SkipReason::kTooLarge);
  EXPECT_TRUE(load_text_file(files[0], {.max_document_bytes = 4096}, &why).has_value());
}

}  // namespace
}  // namespace vanban::doc
