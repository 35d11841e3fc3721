#include "vanban/doc/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "testing/scratch_dir.h"

namespace vanban::doc {
namespace {

TEST(ListInputsTest, WalksDirectoriesWithRelativeIdsInStableOrder) {
  const testing::ScratchDir dir("list_inputs");
  dir.write("b/2.txt", "hai");
  dir.write("a.txt", "một");
  dir.write(".hidden/x.txt", "ẩn");
  dir.write("c/d/e/3.txt", "ba");
  const InputListing listing = list_inputs({dir.str(), dir.str("missing")});
  std::vector<std::string> ids;
  for (const auto& f : listing.files) ids.push_back(f.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a.txt", "b/2.txt", "c/d/e/3.txt"}));
  ASSERT_EQ(listing.problems.size(), 1u);
  EXPECT_TRUE(listing.problems[0].status.is_not_found());
  EXPECT_TRUE(listing.incomplete_roots.empty());
}

TEST(ListInputsTest, SymlinkLoopDoesNotTrapTheWalk) {
  const testing::ScratchDir dir("symlink_loop");
  dir.write("a/doc.txt", "văn bản");
  std::filesystem::create_directory_symlink(dir.path() / "a", dir.path() / "a" / "loop");
  const InputListing listing = list_inputs({dir.str()});
  ASSERT_EQ(listing.files.size(), 1u);
  EXPECT_EQ(listing.files[0].id, "a/doc.txt");
}

// "root|id" for each scope, with the scratch directory's path as "D".
std::vector<std::string> scopes(const InputListing& listing, const testing::ScratchDir& dir) {
  const std::string d = std::filesystem::weakly_canonical(dir.path()).generic_string();
  std::vector<std::string> out;
  for (const RemovalScope& s : listing.scopes) {
    std::string root = s.root_key;
    if (root.compare(0, d.size(), d) == 0) root = "D" + root.substr(d.size());
    out.push_back(root + "|" + s.id);
  }
  return out;
}

std::vector<std::string> ids(const InputListing& listing) {
  std::vector<std::string> out;
  for (const auto& f : listing.files) out.push_back(f.id);
  return out;
}

TEST(ListInputsTest, EveryRootIsAScopeEvenWhenEmpty) {
  const testing::ScratchDir dir("list_scopes");
  dir.write("van-ban/a.txt", "Công văn");
  dir.write("van-ban/luat.jsonl", "{\"id\":\"1\",\"text\":\"Điều 1\"}\n");
  std::filesystem::create_directory(dir.path() / "trong");
  const InputListing listing = list_inputs({dir.str("van-ban"), dir.str("trong")});
  EXPECT_EQ(scopes(listing, dir), (std::vector<std::string>{"D/van-ban|", "D/van-ban/luat.jsonl|",
                                                             "D/trong|"}));
}

TEST(ListChangedTest, ListsChangedPathsAsAFullRunDoes) {
  const testing::ScratchDir dir("list_changed");
  dir.write("corpus/a.txt", "Công văn 1954/UBND-TH");
  dir.write("corpus/thi-dua/b.txt", "Phong trào “Dân vận khéo”");
  dir.write("corpus/thi-dua/2024/c.txt", "Kế hoạch thi đua năm 2024");
  dir.write("corpus/.tam/d.txt", "tệp ẩn");
  const std::string corpus = dir.str("corpus");
  const InputListing full = list_inputs({corpus});
  const InputListing changed = list_changed(
      {corpus}, {dir.str("corpus/a.txt"), dir.str("corpus/thi-dua"),
                 dir.str("corpus/thi-dua/2024/c.txt"), dir.str("corpus/da-xoa.txt"),
                 dir.str("corpus/.tam/d.txt")});
  EXPECT_EQ(ids(changed), (std::vector<std::string>{"a.txt", "thi-dua/2024/c.txt", "thi-dua/b.txt"}));
  // The same spelling of each file as the full run's, hence the same record.
  for (const InputFile& f : changed.files) {
    const auto same = std::find_if(full.files.begin(), full.files.end(),
                                   [&](const InputFile& g) { return g.id == f.id; });
    ASSERT_NE(same, full.files.end());
    EXPECT_EQ(f.path, same->path);
    EXPECT_EQ(f.root_key, same->root_key);
  }
  EXPECT_EQ(scopes(changed, dir), (std::vector<std::string>{"D/corpus|a.txt", "D/corpus|da-xoa.txt",
                                                             "D/corpus|thi-dua"}));
  EXPECT_TRUE(changed.problems.empty());
}

TEST(ListChangedTest, ADeletedCollectionIsAScopeOfItsOwn) {
  const testing::ScratchDir dir("list_changed_jsonl");
  std::filesystem::create_directory(dir.path() / "corpus");
  const InputListing changed = list_changed({dir.str("corpus")}, {dir.str("corpus/luat.jsonl")});
  EXPECT_TRUE(changed.files.empty());
  EXPECT_EQ(scopes(changed, dir),
            (std::vector<std::string>{"D/corpus|luat.jsonl", "D/corpus/luat.jsonl|"}));
}

TEST(ListChangedTest, PathsOutsideTheRootsOrUnderAMissingRootRemoveNothing) {
  const testing::ScratchDir dir("list_changed_outside");
  dir.write("corpus/a.txt", "Công văn");
  const InputListing changed = list_changed({dir.str("corpus"), dir.str("gone")},
                                            {dir.str("other/a.txt"), dir.str("gone/b.txt")});
  EXPECT_TRUE(changed.files.empty());
  EXPECT_TRUE(changed.scopes.empty());
  ASSERT_EQ(changed.problems.size(), 3u);  // "gone" itself, then both paths
  EXPECT_EQ(changed.problems[1].status.reason(), "not under an indexed path");
}

// Every line of `path`, as the reader gives them.
std::vector<JsonlLine> read_all(const std::filesystem::path& path, const LoadOptions& options = {}) {
  const InputListing listing = list_inputs({path.string()});
  EXPECT_EQ(listing.files.size(), 1u);
  EXPECT_TRUE(listing.files[0].jsonl);
  JsonlReader reader(listing.files[0], options);
  std::vector<JsonlLine> lines;
  while (auto line = reader.next()) lines.push_back(std::move(*line));
  EXPECT_TRUE(reader.status().is_ok()) << reader.status().message();
  return lines;
}

TEST(JsonlReaderTest, ReadsGoodLinesAndReportsBadOnes) {
  const testing::ScratchDir dir("jsonl");
  const auto path = dir.write(
      "docs.jsonl",
      "{\"id\":\"a\",\"title\":\"Điều 1\",\"text\":\"Phạm vi điều chỉnh\",\"topic\":\"lao động\"}\n"
      "not json\n"
      "{\"title\":\"no id\",\"text\":\"x\"}\n"
      "\n"
      "{\"id\":7,\"text\":\"Dân vận khéo\"}\n");
  const std::vector<JsonlLine> lines = read_all(path);
  ASSERT_EQ(lines.size(), 4u);  // the blank line is passed over
  ASSERT_TRUE(lines[0].records.is_ok());
  EXPECT_EQ(lines[0].records->front().id, "a");
  EXPECT_EQ(lines[0].records->front().title, "Điều 1");
  EXPECT_EQ(lines[0].records->front().metadata.at("topic"), "lao động");
  EXPECT_EQ(lines[1].records.status().reason(), "malformed JSON");
  EXPECT_EQ(lines[1].number, 2u);
  EXPECT_EQ(lines[1].where, path.string() + ":2");
  EXPECT_EQ(lines[2].records.status().reason(), "missing field");
  ASSERT_TRUE(lines[3].records.is_ok());
  EXPECT_EQ(lines[3].records->front().id, "7");
  EXPECT_EQ(lines[3].number, 5u);
}

TEST(JsonlReaderTest, OverlongLineIsSkippedWithItsNumberAndTheRestRead) {
  const testing::ScratchDir dir("jsonl_long_line");
  const auto path = dir.write("docs.jsonl", "{\"id\":\"a\",\"text\":\"Dân vận khéo\"}\n{\"id\":\"b\",\"text\":\"" +
                                                std::string(5000, 'x') +
                                                "\"}\n{\"id\":\"c\",\"text\":\"Chỉ thị 34-CT/TW\"}");
  const std::vector<JsonlLine> lines = read_all(path, {.max_document_bytes = 1000});
  ASSERT_EQ(lines.size(), 3u);  // the last line has no newline
  EXPECT_EQ(lines[0].records->front().id, "a");
  EXPECT_TRUE(lines[1].records.status().is_too_large());
  EXPECT_EQ(lines[1].where, path.string() + ":2");
  EXPECT_EQ(lines[1].id, "b");  // read from the head that was kept
  EXPECT_EQ(lines[2].records->front().id, "c");
}

// A line that no longer parses still names the document it held, so that
// the indexer keeps that document instead of deleting it.
TEST(JsonlReaderTest, SalvagesTheIdOfATruncatedLine) {
  const testing::ScratchDir dir("jsonl_truncated");
  const auto path = dir.write("docs.jsonl",
                              "{\"id\": \"nd-30-2020\", \"text\": \"Nghị định về công tác văn\n"
                              "{\"id\":42,\"text\":\n"
                              "{\"text\":\"không có id\"\n");
  const std::vector<JsonlLine> lines = read_all(path);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].records.status().reason(), "malformed JSON");
  EXPECT_EQ(lines[0].id, "nd-30-2020");
  EXPECT_EQ(lines[1].id, "42");
  EXPECT_EQ(lines[2].id, "");
}

TEST(JsonlReaderTest, FileThatCannotBeOpenedSaysSo) {
  const testing::ScratchDir dir("jsonl_gone");
  const auto path = dir.write("docs.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
  const InputListing listing = list_inputs({path.string()});
  ASSERT_EQ(listing.files.size(), 1u);
  std::filesystem::remove(path);
  JsonlReader reader(listing.files[0], {});
  EXPECT_FALSE(reader.next().has_value());
  EXPECT_TRUE(reader.status().is_io_error());
  EXPECT_EQ(reader.status().reason(), "unreadable");
}

TEST(ListInputsTest, DeepNestingAndBrokenLinks) {
  const testing::ScratchDir dir("deep");
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "d" + std::to_string(i % 10) + "/";
  dir.write(deep + "sâu.txt", "Văn bản nằm rất sâu");
  std::filesystem::create_symlink(dir.path() / "khong-co.txt", dir.path() / "link.txt");
  const InputListing listing = list_inputs({dir.str()});
  ASSERT_EQ(listing.files.size(), 1u);
  EXPECT_EQ(listing.files[0].id, deep + "sâu.txt");
  ASSERT_EQ(listing.problems.size(), 1u);
  EXPECT_EQ(listing.problems[0].status.detail(), "broken symbolic link");
  // The link may have named a document indexed earlier: it is kept.
  ASSERT_EQ(listing.unreadable.size(), 1u);
  EXPECT_EQ(listing.unreadable[0].second, "link.txt");
}

// A file that cannot be opened when its turn comes (removed, or without
// read permission for a non-root indexer) is reported, not fatal.
TEST(LoadFileTest, FileThatCannotBeOpenedIsReported) {
  const testing::ScratchDir dir("unreadable");
  dir.write("gone.txt", "Văn bản bị xóa trong lúc lập chỉ mục");
  const InputListing listing = list_inputs({dir.str()});
  ASSERT_EQ(listing.files.size(), 1u);
  std::filesystem::remove(listing.files[0].path);
  const auto record = load_file(listing.files[0], {});
  ASSERT_FALSE(record.is_ok());
  EXPECT_TRUE(record.status().is_io_error());
  EXPECT_EQ(record.status().message(), "unreadable: cannot open for reading");
}

TEST(LoadFileTest, RecordsWhatTheFileWas) {
  const testing::ScratchDir dir("load_formats");
  dir.write("a.txt", "C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC" "a Vi\xD6t Nam\n");  // TCVN3 bytes
  dir.write("b.txt", "Cộng hòa xã hội chủ nghĩa Việt Nam\n");
  const InputListing listing = list_inputs({dir.str()});
  ASSERT_EQ(listing.files.size(), 2u);
  const auto tcvn3 = load_file(listing.files[0], {});
  ASSERT_TRUE(tcvn3.is_ok()) << tcvn3.status().message();
  ASSERT_EQ(tcvn3->size(), 1u);
  EXPECT_EQ(tcvn3->front().text, "Cộng hoà xã hội chủ nghĩa Việt Nam\n");
  EXPECT_EQ(tcvn3->front().metadata.at("format"), "tcvn3");
  EXPECT_EQ(load_file(listing.files[1], {})->front().metadata.at("format"), "text");
}

TEST(LoadFileTest, BinaryAndEmptyFilesSayWhy) {
  const testing::ScratchDir dir("load_bad");
  dir.write("a.bin", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16));
  dir.write("b.txt", " \n\t\n");
  const InputListing listing = list_inputs({dir.str()});
  ASSERT_EQ(listing.files.size(), 2u);
  EXPECT_EQ(load_file(listing.files[0], {}).status().reason(), "binary");
  EXPECT_EQ(load_file(listing.files[1], {}).status().reason(), "empty");
}

TEST(LoadFileTest, EnforcesTheSizeLimit) {
  const testing::ScratchDir dir("size_limit");
  dir.write("big.txt", std::string(2048, 'a'));
  const InputListing listing = list_inputs({dir.str()});
  ASSERT_EQ(listing.files.size(), 1u);
  const auto small = load_file(listing.files[0], {.max_document_bytes = 1024});
  EXPECT_TRUE(small.status().is_too_large());
  EXPECT_EQ(small.status().message(), "too large: 2048 bytes, over the limit of 1024 (--max-doc-bytes)");
  EXPECT_TRUE(load_file(listing.files[0], {.max_document_bytes = 4096}).is_ok());
}

}  // namespace
}  // namespace vanban::doc
