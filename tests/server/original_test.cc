// GET /api/documents/{id}/original: the file a document was read from,
// only from inside the roots it was indexed from.
#include "file_reply.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "testing/test_server.h"

namespace vanban::http {
namespace {

namespace fs = std::filesystem;

class OriginalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::make_unique<testing::ScratchDir>("original");
    const fs::path docs = dir_->path() / "docs";
    fs::create_directories(docs / "Sở Công Thương");
    fs::copy_file(fs::path(VANBAN_FORMATS_DIR) / "004.docx", docs / "Sở Công Thương" / "Công văn 405.docx");
    fs::copy_file(fs::path(VANBAN_TEST_DATA_DIR) / "pdf" / "seed_003.pdf", docs / "ke-hoach.pdf");
    fs::copy_file(testing::seeds_dir() + "/002_352bcdfb180350d4.txt", docs / "bao-cao.txt");
    fs::copy_file(testing::seeds_dir() + "/001_a09f608bfb9e07f5.txt", dir_->path() / "outside.txt");
    dir_->write("lines/docs.jsonl",
                R"({"id": "dong-1", "title": "Một dòng", "text": "Thực hiện Chỉ thị số 34-CT/TW."})"
                "\n");
    testing::index_paths(dir_->str("db"), {docs.string(), dir_->str("lines/docs.jsonl")});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
    services_ = std::make_unique<Services>(Services{index_->search, index_->knowledge});
    server_ = std::make_unique<testing::TestServer>(*services_);
  }

  httplib::Result original(const std::string& id) {
    return server_->get("/api/documents/" + encode_path_segment(id) + "/original");
  }
  void expect_not_available(const std::string& id) {
    const auto r = original(id);
    ASSERT_TRUE(r) << id;
    EXPECT_EQ(r->status, 404) << id;
    EXPECT_EQ(nlohmann::json::parse(r->body)["error"], "original file not available") << id;
  }

  std::unique_ptr<testing::ScratchDir> dir_;
  std::unique_ptr<testing::OpenIndex> index_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(OriginalTest, ServesTheFileWithItsTypeAndVietnameseName) {
  const std::string id = "Sở Công Thương/Công văn 405.docx";
  const auto r = original(id);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->body, testing::read_file(dir_->path() / "docs" / id));
  EXPECT_EQ(r->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(r->get_header_value_count("Content-Security-Policy"), 1u);
  EXPECT_EQ(r->get_header_value("Content-Security-Policy"), "sandbox; default-src 'none'");
  // (httplib's client percent-decodes header values: the exact header is
  // checked in ContentDispositionTest.)
  EXPECT_EQ(r->get_header_value("Content-Disposition").rfind("attachment; filename=\"cong van 405.docx\"; filename*=UTF-8''", 0), 0u);
}

TEST_F(OriginalTest, TheDocumentSaysWhereItsOriginalIs) {
  const auto doc = server_->get("/api/documents/ke-hoach.pdf");
  ASSERT_TRUE(doc);
  const auto j = nlohmann::json::parse(doc->body);
  EXPECT_EQ(j["original"]["url"], "/api/documents/ke-hoach.pdf/original");
  EXPECT_EQ(j["original"]["content_type"], "application/pdf");
  EXPECT_EQ(j["original"]["file_name"], "ke-hoach.pdf");
  const auto line = nlohmann::json::parse(server_->get("/api/documents/dong-1")->body);
  EXPECT_TRUE(line["original"].is_null());
}

TEST_F(OriginalTest, PdfOpensInPlace) {
  const auto r = original("ke-hoach.pdf");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(r->get_header_value("Content-Disposition").rfind("inline; ", 0), 0u);
  EXPECT_EQ(r->body.substr(0, 5), "%PDF-");
  // Neither the page's policy nor a sandbox: the browser's viewer must run.
  EXPECT_EQ(r->get_header_value_count("Content-Security-Policy"), 0u);
  EXPECT_EQ(r->body.size(), fs::file_size(dir_->path() / "docs" / "ke-hoach.pdf"));
}

TEST_F(OriginalTest, NothingOutsideTheIndexedFiles) {
  expect_not_available("dong-1");  // a JSONL line has no file of its own
  const auto unknown = original("khong-co.txt");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(nlohmann::json::parse(unknown->body)["error"], "no document with this id");
  // A folder moved out of the root and replaced by a link to it: its
  // files resolve outside the root.
  const fs::path docs = dir_->path() / "docs";
  fs::rename(docs / "Sở Công Thương", dir_->path() / "moved");
  fs::create_directory_symlink(dir_->path() / "moved", docs / "Sở Công Thương");
  ASSERT_TRUE(fs::exists(docs / "Sở Công Thương" / "Công văn 405.docx"));
  expect_not_available("Sở Công Thương/Công văn 405.docx");
  // A file gone since it was indexed.
  fs::remove(dir_->path() / "docs" / "bao-cao.txt");
  expect_not_available("bao-cao.txt");
  // Traversal in the id never reaches a file: ids are looked up, not joined.
  const auto traversal = server_->get("/api/documents/..%2Foutside.txt/original");
  ASSERT_TRUE(traversal);
  EXPECT_EQ(traversal->status, 404);
}

TEST(ContentDispositionTest, AsciiFallbackAndRfc5987Name) {
  EXPECT_EQ(content_disposition("Kế hoạch \"số 1\".pdf", true),
            "inline; filename=\"ke hoach _so 1_.pdf\"; "
            "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%22s%E1%BB%91%201%22.pdf");
}

}  // namespace
}  // namespace vanban::http
