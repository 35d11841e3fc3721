// format=csv|docx on /api/search and /api/directives/{key}: the files a
// real server sends over the indexed seeds, read back (an RFC 4180 reader,
// the DOCX's table with pugixml) and compared with the JSON answers to the
// same requests.
#include "export_reply.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "doc/formats/zip_archive.h"
#include "file_reply.h"
#include "testing/csv_reader.h"
#include "testing/docx_reader.h"
#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "testing/test_server.h"
#include "vanban/report/csv.h"
#include "vanban/report/docx.h"
#include "vanban/search/relations.h"
#include "vanban/search/snippet.h"
#include "vanban/text/date.h"

namespace vanban::http {
namespace {

using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kDocumentHeaders = {"Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu",
                                                   "Đoạn trích"};

// A server over `paths`, with a search cache (which exports must not fill).
class ExportServer {
 public:
  ExportServer(const std::string& name, const std::vector<std::string>& paths)
      : dir_(name), cache_(64) {
    testing::index_paths(dir_.str("db"), paths);
    index_ = std::make_unique<testing::OpenIndex>(dir_.str("db"));
    services_ = std::make_unique<Services>(Services{index_->search, index_->knowledge, &cache_});
    server_ = std::make_unique<testing::TestServer>(*services_);
  }

  httplib::Result get(const std::string& path) const { return server_->get(path); }
  nlohmann::json json(const std::string& path) const {
    const auto r = get(path);
    EXPECT_TRUE(r && r->status == 200) << path;
    return r ? nlohmann::json::parse(r->body) : nlohmann::json();
  }
  const SearchCache& cache() const { return cache_; }
  testing::ScratchDir& dir() { return dir_; }

 private:
  testing::ScratchDir dir_;
  SearchCache cache_;
  std::unique_ptr<testing::OpenIndex> index_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<testing::TestServer> server_;
};

std::string str(const nlohmann::json& j) { return j.is_string() ? j.get<std::string>() : ""; }

// The rows a search export should hold: the JSON hits, the snippet as text.
Rows search_rows(const nlohmann::json& answer) {
  Rows rows;
  for (const auto& hit : answer["results"]) {
    rows.push_back({str(hit["symbol"]), str(hit["date"]), str(hit["issuer"]), str(hit["title"]),
                    search::snippet_text(str(hit["snippet"]))});
  }
  return rows;
}

// The records of a CSV answer after its byte order mark, with the formula
// guard taken off (the test's rows are the JSON's values).
Rows csv_rows(const std::string& body) {
  EXPECT_EQ(body.rfind(std::string(report::kUtf8Bom), 0), 0u) << "starts with a BOM";
  Rows records = testing::read_csv(std::string_view(body).substr(report::kUtf8Bom.size()));
  for (auto& record : records) {
    for (auto& field : record) {
      if (field.size() > 1 && field[0] == '\'' && std::string_view("=+-@").find(field[1]) != std::string_view::npos) {
        field.erase(0, 1);
      }
    }
  }
  return records;
}

std::string document_xml(const std::string& docx) {
  Result<doc::ZipArchive> zip = doc::ZipArchive::open(docx);
  EXPECT_TRUE(zip.is_ok());
  if (!zip) return {};
  Result<std::string> xml = zip->read("word/document.xml", 64 << 20);
  return xml ? *xml : std::string();
}

// DOCX dates are dd/mm/yyyy.
Rows with_vietnamese_dates(Rows rows, std::size_t date_column) {
  for (auto& row : rows) row[date_column] = text::vietnamese_date(row[date_column]);
  return rows;
}

class ExportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<ExportServer>("export", std::vector<std::string>{testing::seeds_dir()}); }
  static void TearDownTestSuite() { server_.reset(); }
  static std::unique_ptr<ExportServer> server_;
};
std::unique_ptr<ExportServer> ExportTest::server_;

constexpr const char* kQuery = "q=Ch%E1%BB%89%20th%E1%BB%8B%2034-CT%2FTW";  // Chỉ thị 34-CT/TW

TEST_F(ExportTest, SearchCsvHoldsTheJsonAnswersRows) {
  const nlohmann::json answer = server_->json(std::string("/api/search?") + kQuery + "&limit=100");
  ASSERT_EQ(answer["total"], 5);
  const std::size_t cached = server_->cache().size();
  const auto r = server_->get(std::string("/api/search?") + kQuery + "&format=csv&limit=2&offset=1");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Transfer-Encoding"), "chunked");
  EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store");
  EXPECT_FALSE(r->has_header("X-Cache"));
  EXPECT_EQ(r->get_header_value("Content-Disposition").rfind(
                "attachment; filename=\"tim kiem - chi thi 34-ct-tw.csv\"; filename*=UTF-8''", 0),
            0u);
  Rows expected = search_rows(answer);
  expected.insert(expected.begin(), kDocumentHeaders);
  EXPECT_EQ(csv_rows(r->body), expected);  // every result: offset and limit are the page's, not the file's
  EXPECT_NE(r->body.find("Chỉ thị 34-CT/TW"), std::string::npos);
  EXPECT_EQ(server_->cache().size(), cached) << "exports are not cached";
}

TEST_F(ExportTest, SearchDocxHoldsTheJsonAnswersRowsAndTheFilters) {
  const std::string filters = "&type=C%C3%B4ng%20v%C4%83n&from=2023";  // Công văn, from 2023
  const nlohmann::json answer = server_->json(std::string("/api/search?q=thi%20%C4%91ua") + filters + "&limit=100");
  ASSERT_GT(answer["results"].size(), 0u);
  const auto r = server_->get(std::string("/api/search?q=thi%20%C4%91ua") + filters + "&format=docx");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), report::kDocxContentType);
  EXPECT_EQ(r->body.substr(0, 2), "PK");
  const testing::DocxTable table = testing::read_docx_table(document_xml(r->body));
  Rows expected = with_vietnamese_dates(search_rows(answer), 1);
  expected.insert(expected.begin(), kDocumentHeaders);
  EXPECT_EQ(table.cells, expected);
  ASSERT_EQ(table.paragraphs_before.size(), 6u);
  EXPECT_EQ(table.paragraphs_before[0], "Kết quả tìm kiếm văn bản");
  EXPECT_EQ(table.paragraphs_before[1], "Từ khóa: thi đua");
  EXPECT_EQ(table.paragraphs_before[2], "Loại văn bản: Công văn");
  EXPECT_EQ(table.paragraphs_before[3], "Từ ngày: 2023");
  EXPECT_EQ(table.paragraphs_before[4], "Số kết quả: " + std::to_string(answer["total"].get<int>()));
  EXPECT_EQ(table.paragraphs_before[5], "Ngày xuất: " + text::vietnamese_date(search::today_iso()));
}

TEST_F(ExportTest, DirectiveDocxListsItsCitingDocuments) {
  const nlohmann::json directive = server_->json("/api/directives/34-CT%2FTW");
  ASSERT_GT(directive["citing"].size(), 1u);
  Rows expected = {kDocumentHeaders};
  for (const auto& c : directive["citing"]) {
    const nlohmann::json doc = server_->json("/api/documents/" + encode_path_segment(str(c["id"])));
    expected.push_back({str(doc["symbol"]), text::vietnamese_date(str(c["date"])), str(doc["issuer"]),
                        str(c["title"]), str(c["sentence"])});
  }
  const auto r = server_->get("/api/directives/34-CT%2FTW?format=docx");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Disposition").rfind(
                "attachment; filename=\"chi thi 34-ct-tw - van ban trich dan.docx\"", 0),
            0u);
  const testing::DocxTable table = testing::read_docx_table(document_xml(r->body));
  EXPECT_EQ(table.cells, expected);
  EXPECT_EQ(table.paragraphs_before.at(0), "Chỉ thị 34-CT/TW: các văn bản trích dẫn");
  EXPECT_EQ(table.paragraphs_before.at(1), "Ngày ban hành: 07/04/2014");
  EXPECT_EQ(table.paragraphs_before.at(2), "Cơ quan ban hành: Bộ Chính trị");
}

// The implementation tree, depth first, as rows.
void flatten(const nlohmann::json& node, int depth, Rows& rows) {
  for (const auto& child : node["children"]) {
    const std::string relation = str(child["relation"]) == "continues" ? "Tiếp tục thực hiện" : "Thực hiện";
    rows.push_back({std::to_string(depth), str(child["symbol"]), str(child["date"]), str(child["issuer"]),
                    str(child["title"]), relation, str(child["sentence"])});
    flatten(child, depth + 1, rows);
  }
}

TEST_F(ExportTest, DirectiveCsvListsItsImplementation) {
  const nlohmann::json directive = server_->json("/api/directives/34-CT%2FTW");
  Rows expected = {{"Cấp", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu", "Quan hệ", "Đoạn trích"}};
  flatten(directive["implementation"], 1, expected);
  ASSERT_GT(expected.size(), 1u) << "the seeds carry 34-CT/TW out";
  const auto r = server_->get("/api/directives/34-CT%2FTW?format=csv&list=implementation");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(csv_rows(r->body), expected);
}

TEST_F(ExportTest, BadRequestsAreJsonErrors) {
  struct Case {
    const char* path;
    int status;
    const char* error;
  };
  for (const Case& c : {
           Case{"/api/search?q=thi&format=xml", 400, "format must be json, csv or docx"},
           Case{"/api/search?format=csv", 400, "missing parameter q"},
           Case{"/api/search?q=thi&format=csv&from=abc", 400, nullptr},
           Case{"/api/directives/34-CT%2FTW?format=pdf", 400, "format must be json, csv or docx"},
           Case{"/api/directives/34-CT%2FTW?format=csv&list=all", 400, "list must be citing or implementation"},
           Case{"/api/directives/99-CT%2FTW?format=docx", 404, "no directive with this key"},
       }) {
    const auto r = server_->get(c.path);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, c.status) << c.path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << c.path;
    if (c.error) {
      EXPECT_EQ(nlohmann::json::parse(r->body)["error"], c.error) << c.path;
    }
  }
  // A JSON answer ignores `list`, and format=json is the JSON answer.
  EXPECT_EQ(server_->get("/api/directives/34-CT%2FTW?list=all&format=json")->status, 200);
}

TEST(ExportFileNameTest, KeepsVietnameseAndDropsWhatFileSystemsRefuse) {
  EXPECT_EQ(export_file_name("Chỉ thị 34-CT/TW - văn bản trích dẫn", ExportFormat::kCsv),
            "Chỉ thị 34-CT-TW - văn bản trích dẫn.csv");
  EXPECT_EQ(export_file_name("Tìm kiếm - \"dân vận khéo\" <b>\t*?", ExportFormat::kDocx),
            "Tìm kiếm - -dân vận khéo- -b----.docx");
  EXPECT_EQ(export_file_name(" ", ExportFormat::kDocx), "vanban.docx");
  // Cut on a code point: "ệ" is 3 bytes, and 41 of them are 123.
  std::string long_name;
  for (int i = 0; i < 41; ++i) long_name += "ệ";
  const std::string cut = export_file_name(long_name, ExportFormat::kCsv);
  EXPECT_EQ(cut, long_name.substr(0, 120) + ".csv");
}

// Over more documents than one search returns: the pages come in order,
// one after the other, and the file stops at report::kMaxExportRows.
class ExportPagesTest : public ::testing::Test {
 protected:
  static constexpr std::size_t kDocuments = report::kMaxExportRows + 30;

  static void SetUpTestSuite() {
    testing::ScratchDir lines("export_pages_src");
    std::string jsonl;
    for (std::size_t i = 0; i < kDocuments; ++i) {
      const std::string n = std::to_string(i + 1);
      jsonl += R"({"id": "cv-)" + n + R"(", "title": "Công văn số )" + n +
               R"(/UBND-TH về phong trào thi đua", "text": "Thực hiện Chỉ thị số 34-CT/TW, Ủy ban nhân dân tỉnh Lai Châu phát động phong trào thi đua lần thứ )" +
               n + R"(."})" + "\n";
    }
    server_ = std::make_unique<ExportServer>("export_pages", std::vector<std::string>{lines.write("cv.jsonl", jsonl).string()});
  }
  static void TearDownTestSuite() { server_.reset(); }
  static std::unique_ptr<ExportServer> server_;
};
std::unique_ptr<ExportServer> ExportPagesTest::server_;

TEST_F(ExportPagesTest, CsvStreamsThePagesInOrderUpToTheBound) {
  Rows expected = {kDocumentHeaders};
  for (std::size_t offset = 0; offset < report::kMaxExportRows; offset += 100) {
    const nlohmann::json page =
        server_->json("/api/search?q=phong%20tr%C3%A0o&limit=100&offset=" + std::to_string(offset));
    for (auto& row : search_rows(page)) expected.push_back(std::move(row));
  }
  ASSERT_EQ(expected.size(), report::kMaxExportRows + 1);
  const auto r = server_->get("/api/search?q=phong%20tr%C3%A0o&format=csv");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const Rows got = csv_rows(r->body);
  ASSERT_EQ(got.size(), expected.size());
  EXPECT_EQ(got, expected);
}

TEST_F(ExportPagesTest, DocxSaysHowManyMatchedAndHowManyItHolds) {
  const auto r = server_->get("/api/search?q=phong%20tr%C3%A0o&format=docx");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const testing::DocxTable table = testing::read_docx_table(document_xml(r->body));
  EXPECT_EQ(table.cells.size(), report::kMaxExportRows + 1);
  EXPECT_EQ(table.cells.back()[3].rfind("Công văn số ", 0), 0u);
  EXPECT_EQ(table.paragraphs_before.at(2),
            "Số kết quả: khoảng " + std::to_string(kDocuments) + " (xuất " + std::to_string(report::kMaxExportRows) +
                " văn bản đầu tiên)");
}

}  // namespace
}  // namespace vanban::http
