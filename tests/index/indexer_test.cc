#include "vanban/index/indexer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "testing/scratch_dir.h"
#include "vanban/index/schema.h"

namespace vanban::index {
namespace {

class IndexRunTest : public ::testing::Test {
 protected:
  IndexRunTest() : dir_("index_run") {
    std::filesystem::copy(testing::seeds_dir(), dir_.path() / "corpus",
                          std::filesystem::copy_options::recursive);
  }
  std::string db() const { return dir_.str("db"); }
  std::string corpus() const { return dir_.str("corpus"); }
  Xapian::doccount count() const { return Xapian::Database(db()).get_doccount(); }

  testing::ScratchDir dir_;
};

TEST_F(IndexRunTest, ReindexingTheSameCorpusChangesNothing) {
  const auto first = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(first.added, 5u);
  EXPECT_EQ(count(), 5u);
  const auto second = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.updated, 0u);
  EXPECT_EQ(second.unchanged, 5u);
  EXPECT_EQ(count(), 5u);
}

TEST_F(IndexRunTest, UpdatesChangedAndRemovesDeletedDocuments) {
  testing::index_paths(db(), {corpus()});
  dir_.write("corpus/000_ddb1ffae0c6ba085.txt", "Thi đua “Dân vận khéo” năm 2025");
  std::filesystem::remove(dir_.path() / "corpus/001_a09f608bfb9e07f5.txt");
  const auto run = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(run.updated, 1u);
  EXPECT_EQ(run.unchanged, 3u);
  EXPECT_EQ(run.removed, 1u);
  EXPECT_EQ(count(), 4u);
  const Xapian::Database database(db());
  EXPECT_EQ(database.get_termfreq(id_term("001_a09f608bfb9e07f5.txt")), 0u);
  EXPECT_EQ(database.get_termfreq(id_term("000_ddb1ffae0c6ba085.txt")), 1u);
}

TEST_F(IndexRunTest, InvalidUtf8FileIsReportedAndTheOthersIndexed) {
  dir_.write("corpus/broken.txt", "Chỉ thị \xC3\x28 34-CT/TW");
  const auto run = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(run.added, 5u);
  ASSERT_EQ(run.skips.size(), 1u);
  EXPECT_EQ(run.skips[0].status.reason(), "invalid UTF-8");
  EXPECT_NE(run.skips[0].where.find("broken.txt"), std::string::npos);
  EXPECT_EQ(count(), 5u);
  EXPECT_NE(run.summary().find("invalid UTF-8: 1"), std::string::npos) << run.summary();
}

TEST_F(IndexRunTest, FileThatTurnsBadKeepsItsIndexedVersion) {
  testing::index_paths(db(), {corpus()});
  dir_.write("corpus/000_ddb1ffae0c6ba085.txt", std::string("\0\x01\x02", 3));
  const auto run = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(run.removed, 0u);
  EXPECT_EQ(count(), 5u);
}

// Runs over the changed paths only, as watch mode does.
IndexStats index_changed(const std::string& db, const std::string& root,
                         const std::vector<std::string>& changed) {
  IndexJob job;
  job.db_path = db;
  job.paths = {root};
  job.changed = changed;
  return run_index(job);
}

TEST_F(IndexRunTest, APartialRunReadsOnlyTheChangedPaths) {
  testing::index_paths(db(), {corpus()});
  dir_.write("corpus/000_ddb1ffae0c6ba085.txt", "Thi đua “Dân vận khéo” năm 2025");
  dir_.write("corpus/moi/ke-hoach.txt", "Kế hoạch tổ chức Hội nghị điển hình tiên tiến");
  std::filesystem::remove(dir_.path() / "corpus/001_a09f608bfb9e07f5.txt");
  // Deleted too, but not among the changed paths: left for a full run.
  std::filesystem::remove(dir_.path() / "corpus/002_352bcdfb180350d4.txt");
  const IndexStats run =
      index_changed(db(), corpus(),
                    {dir_.str("corpus/000_ddb1ffae0c6ba085.txt"), dir_.str("corpus/moi"),
                     dir_.str("corpus/001_a09f608bfb9e07f5.txt")});
  EXPECT_EQ(run.added, 1u);
  EXPECT_EQ(run.updated, 1u);
  EXPECT_EQ(run.unchanged, 0u);
  EXPECT_EQ(run.removed, 1u);
  EXPECT_EQ(count(), 5u);
  const Xapian::Database database(db());
  EXPECT_EQ(database.get_termfreq(id_term("moi/ke-hoach.txt")), 1u);
  EXPECT_EQ(database.get_termfreq(id_term("001_a09f608bfb9e07f5.txt")), 0u);
  EXPECT_EQ(database.get_termfreq(id_term("002_352bcdfb180350d4.txt")), 1u);
  EXPECT_EQ(testing::index_paths(db(), {corpus()}).removed, 1u);
}

TEST_F(IndexRunTest, APartialRunRemovesADirectoryMovedAway) {
  dir_.write("corpus/thi-dua/2023/a.txt", "Phát động phong trào thi đua năm 2023");
  dir_.write("corpus/thi-dua/2024/b.txt", "Kế hoạch thi đua năm 2024");
  dir_.write("corpus/thi-dua-khac.txt", "Thi đua yêu nước");  // shares the prefix, not the folder
  testing::index_paths(db(), {corpus()});
  std::filesystem::rename(dir_.path() / "corpus/thi-dua", dir_.path() / "da-chuyen");
  const IndexStats run = index_changed(db(), corpus(), {dir_.str("corpus/thi-dua")});
  EXPECT_EQ(run.removed, 2u);
  EXPECT_EQ(count(), 6u);
  EXPECT_EQ(Xapian::Database(db()).get_termfreq(id_term("thi-dua-khac.txt")), 1u);
}

TEST_F(IndexRunTest, AFolderEmptiedOfFilesLosesTheirDocuments) {
  testing::index_paths(db(), {corpus()});
  for (const auto& e : std::filesystem::directory_iterator(corpus())) std::filesystem::remove(e);
  EXPECT_EQ(testing::index_paths(db(), {corpus()}).removed, 5u);
  EXPECT_EQ(count(), 0u);
}

TEST_F(IndexRunTest, ARunAskedToStopRemovesNothing) {
  testing::index_paths(db(), {corpus()});
  std::filesystem::remove(dir_.path() / "corpus/001_a09f608bfb9e07f5.txt");
  dir_.write("corpus/moi.txt", "Công văn số 1954/UBND-TH");
  IndexJob job;
  job.db_path = db();
  job.paths = {corpus()};
  int asked = 0;
  IndexCallbacks callbacks;
  callbacks.stop_requested = [&] { return ++asked > 2; };
  const IndexStats run = run_index(job, callbacks);
  EXPECT_TRUE(run.stopped);
  EXPECT_EQ(run.indexed() + run.unchanged, 2u);
  EXPECT_EQ(run.removed, 0u);
  EXPECT_NE(run.summary().find("(stopped early)"), std::string::npos);
  const IndexStats next = testing::index_paths(db(), {corpus()});
  EXPECT_EQ(next.removed, 1u);
  EXPECT_EQ(count(), 5u);
}

TEST_F(IndexRunTest, RecordsWhenTheIndexLastChanged) {
  const auto before = std::chrono::system_clock::now();
  testing::index_paths(db(), {corpus()});
  const std::string stamp = Xapian::Database(db()).get_metadata(std::string(kUpdatedKey));
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(before.time_since_epoch());
  EXPECT_GE(std::stoll(stamp), seconds.count());
  EXPECT_LE(std::stoll(stamp), seconds.count() + 60);
  testing::index_paths(db(), {corpus()});  // nothing changed: the time stays
  EXPECT_EQ(Xapian::Database(db()).get_metadata(std::string(kUpdatedKey)), stamp);
}

// A JSONL collection of five small documents, one per line.
std::string five_lines(int bad_line = 0, const std::string& bad = {}) {
  const char* texts[] = {"Chỉ thị số 34-CT/TW về công tác thi đua", "Phong trào “Dân vận khéo”",
                         "Công văn số 1954/UBND-TH của UBND tỉnh", "Kế hoạch thi đua năm 2024",
                         "Cả nước chung tay vì người nghèo"};
  std::string out;
  for (int i = 1; i <= 5; ++i) {
    out += i == bad_line ? bad
                         : "{\"id\": \"doc-" + std::to_string(i) + "\", \"text\": \"" +
                               texts[i - 1] + "\"}";
    out += '\n';
  }
  return out;
}

class DataLossTest : public ::testing::Test {
 protected:
  DataLossTest() : dir_("data_loss") {}
  std::string db() const { return dir_.str("db"); }
  Xapian::doccount count() const { return Xapian::Database(db()).get_doccount(); }
  bool has(const std::string& id) const {
    return Xapian::Database(db()).get_termfreq(id_term(id)) == 1;
  }
  // Indexes `paths`; after the first input is done, `between` runs (to
  // make a later input vanish or turn unreadable mid-run).
  IndexStats index(const std::vector<std::string>& paths, std::function<void()> between = {}) {
    IndexJob job;
    job.db_path = db();
    job.paths = paths;
    IndexCallbacks callbacks;
    bool done = false;
    callbacks.on_progress = [&](std::uintmax_t, std::uintmax_t, std::size_t) {
      if (between && !done) between();
      done = true;
    };
    return run_index(job, callbacks);
  }

  testing::ScratchDir dir_;
};

TEST_F(DataLossTest, MalformedJsonlLineKeepsItsDocument) {
  dir_.write("c/docs.jsonl", five_lines());
  EXPECT_EQ(index({dir_.str("c")}).added, 5u);
  // Line 3 truncated: it still names its id.
  dir_.write("c/docs.jsonl", five_lines(3, "{\"id\": \"doc-3\", \"text\": \"Công văn số 19"));
  const IndexStats run = index({dir_.str("c")});
  EXPECT_EQ(run.removed, 0u);
  EXPECT_EQ(run.unchanged, 4u);
  ASSERT_EQ(run.skips.size(), 1u);
  EXPECT_EQ(run.skips[0].status.reason(), "malformed JSON");
  EXPECT_EQ(count(), 5u);
  EXPECT_TRUE(has("doc-3"));
}

// A gazette issue of two documents (the first pages of Nghị định
// 158/2025/NĐ-CP and Thông tư 10/2023/TT-BKHĐT as the gazette prints them)
// as one JSONL line, its newlines escaped; without the second document
// when `both` is false.
std::string issue_line(bool both) {
  std::string text =
      "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \\n3 \\n\\nCHÍNH PHỦ \\n\\nSố: 158/2025/NĐ-CP \\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \\nĐộc lập - Tự do - Hạnh phúc \\n\\n"
      "Hà Nội, ngày 25 tháng 6 năm 2025 \\n\\n NGHỊ ĐỊNH \\n"
      "Quy định chi tiết và hướng dẫn thi hành một số điều  \\n"
      "của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc \\n\\n"
      "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \\n";
  if (both) {
    text +=
        "\\nCÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \\n61 \\n\\nBỘ KẾ HOẠCH VÀ ĐẦU TƯ \\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nĐộc lập - Tự do - Hạnh phúc \\n"
        "Số: 10/2023/TT-BKHĐT \\nHà Nội, ngày 01 tháng 11 năm 2023 \\n\\nTHÔNG TƯ \\n"
        "Quy định Bộ chỉ tiêu thống kê tăng trưởng xanh \\n\\n"
        "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015; \\n";
  }
  return "{\"id\": \"issue-851\", \"text\": \"" + text + "\"}\n";
}

// The parts of a split issue share their input: a part the input no longer
// holds is removed, and an input that cannot be read keeps them all.
TEST_F(DataLossTest, ASplitIssueLosesThePartItNoLongerHoldsAndKeepsAllWhenUnreadable) {
  dir_.write("c/docs.jsonl", issue_line(true) + five_lines());
  EXPECT_EQ(index({dir_.str("c")}).added, 7u);
  EXPECT_TRUE(has("issue-851#1"));
  EXPECT_TRUE(has("issue-851#2"));
  // Truncated, the line still names its id: both parts stay.
  dir_.write("c/docs.jsonl", issue_line(true).substr(0, 60) + "\n" + five_lines());
  EXPECT_EQ(index({dir_.str("c")}).removed, 0u);
  EXPECT_TRUE(has("issue-851#2"));
  // One document: the input is no longer split, and neither part remains.
  dir_.write("c/docs.jsonl", issue_line(false) + five_lines());
  const IndexStats run = index({dir_.str("c")});
  EXPECT_EQ(run.added, 1u);
  EXPECT_EQ(run.removed, 2u);
  EXPECT_TRUE(has("issue-851"));
  EXPECT_FALSE(has("issue-851#1"));
  EXPECT_FALSE(has("issue-851#2"));
  EXPECT_EQ(count(), 6u);
}

TEST_F(DataLossTest, JsonlLineWithoutReadableIdRemovesNothingFromItsFile) {
  dir_.write("c/docs.jsonl", five_lines());
  index({dir_.str("c")});
  // Line 3 lost its id and line 5 was deleted: which document line 3 held
  // cannot be told, so nothing of this file is removed this time.
  std::string text = five_lines(3, "{\"te");
  text.erase(text.rfind("{\"id\": \"doc-5\""));
  dir_.write("c/docs.jsonl", text);
  const IndexStats run = index({dir_.str("c")});
  EXPECT_EQ(run.removed, 0u);
  EXPECT_EQ(count(), 5u);
  ASSERT_EQ(run.warnings.size(), 1u);
  EXPECT_NE(run.warnings[0].find("nothing removed from"), std::string::npos);
  // Once the line is mended, the deleted one goes.
  dir_.write("c/docs.jsonl", five_lines().substr(0, five_lines().rfind("{\"id\": \"doc-5\"")));
  EXPECT_EQ(index({dir_.str("c")}).removed, 1u);
  EXPECT_FALSE(has("doc-5"));
}

TEST_F(DataLossTest, OverlongJsonlLineKeepsItsDocument) {
  dir_.write("c/docs.jsonl", five_lines());
  index({dir_.str("c")});
  dir_.write("c/docs.jsonl",
             five_lines(2, "{\"id\": \"doc-2\", \"text\": \"" + std::string(200, 'x') + "\"}"));
  IndexJob job;
  job.db_path = db();
  job.paths = {dir_.str("c")};
  job.load.max_document_bytes = 100;
  const IndexStats run = run_index(job);
  EXPECT_EQ(run.removed, 0u);
  ASSERT_EQ(run.skips.size(), 1u);
  EXPECT_TRUE(run.skips[0].status.is_too_large());
  EXPECT_TRUE(has("doc-2"));
}

TEST_F(DataLossTest, JsonlFileThatVanishesMidRunKeepsItsDocuments) {
  dir_.write("c/a.txt", "Thi đua yêu nước");
  dir_.write("c/b.jsonl", five_lines());
  index({dir_.str("c")});
  const IndexStats run = index({dir_.str("c")}, [&] { std::filesystem::remove(dir_.path() / "c/b.jsonl"); });
  EXPECT_EQ(run.removed, 0u);
  EXPECT_EQ(count(), 6u);
  ASSERT_EQ(run.skips.size(), 1u);
  EXPECT_EQ(run.skips[0].status.reason(), "unreadable");
}

TEST_F(DataLossTest, UnreadableJsonlFileKeepsItsDocuments) {
  dir_.write("c/a.txt", "Thi đua yêu nước");
  dir_.write("c/b.jsonl", five_lines());
  index({dir_.str("c")});
  // A directory where the file was: it opens, but reading fails.
  const IndexStats run = index({dir_.str("c")}, [&] {
    std::filesystem::remove(dir_.path() / "c/b.jsonl");
    std::filesystem::create_directory(dir_.path() / "c/b.jsonl");
  });
  EXPECT_EQ(run.removed, 0u);
  EXPECT_EQ(count(), 6u);
  ASSERT_EQ(run.skips.size(), 1u);
  EXPECT_TRUE(run.skips[0].status.is_io_error());
}

TEST_F(DataLossTest, TextFileThatVanishesOrTurnsUnreadableMidRunIsKept) {
  dir_.write("c/a.txt", "Thi đua yêu nước");
  dir_.write("c/b.txt", "Phong trào “Dân vận khéo”");
  dir_.write("c/c.txt", "Chỉ thị số 34-CT/TW");
  index({dir_.str("c")});
  const IndexStats run = index({dir_.str("c")}, [&] {
    std::filesystem::remove(dir_.path() / "c/b.txt");
    std::filesystem::remove(dir_.path() / "c/c.txt");
    std::filesystem::create_directory(dir_.path() / "c/c.txt");
  });
  EXPECT_EQ(run.removed, 0u);
  EXPECT_EQ(run.skips.size(), 2u);
  EXPECT_TRUE(has("b.txt"));
  EXPECT_TRUE(has("c.txt"));
  // The next run sees b.txt gone for good.
  std::filesystem::remove(dir_.path() / "c/c.txt");
  EXPECT_EQ(index({dir_.str("c")}).removed, 2u);
}

}  // namespace
}  // namespace vanban::index
