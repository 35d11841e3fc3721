// The campaign-contents routes: a document's contents, a campaign's
// comparison, /api/compare, /api/obligations and its iCalendar export.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "routes.h"
#include "testing/served_index.h"

namespace vanban::http {
namespace {

class RoutesContentsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    served_ = std::make_unique<testing::ServedIndex>("routes_contents", std::vector<std::string>{testing::seeds_dir()});
    index_ = &served_->index();
    server_ = &served_->server();
  }
  static void TearDownTestSuite() {
    index_ = nullptr;
    server_ = nullptr;
    served_.reset();
  }
  // A 200 JSON answer.
  static nlohmann::json ok_json(const std::string& path) { return served_->ok_json(path); }
  static std::unique_ptr<testing::ServedIndex> served_;
  static testing::OpenIndex* index_;
  static testing::TestServer* server_;
};

std::unique_ptr<testing::ServedIndex> RoutesContentsTest::served_;
testing::OpenIndex* RoutesContentsTest::index_ = nullptr;
testing::TestServer* RoutesContentsTest::server_ = nullptr;

// The code points [start, end) of UTF-8 `text`, as UTF-8: what a
// JavaScript text.slice(start, end) shows.
std::string code_point_slice(const std::string& text, std::size_t start, std::size_t end) {
  std::size_t cp = 0;
  std::string out;
  for (const char c : text) {
    const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (lead) ++cp;
    if (cp > start && cp <= end) out += c;
  }
  return out;
}

std::vector<std::string> keys(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& [k, v] : j.items()) out.push_back(k);
  return out;
}

// "contents" names its fields by contract; offsets are code points of
// "text", as citations' are.
TEST_F(RoutesContentsTest, DocumentHasItsContentsWithCodePointOffsets) {
  const nlohmann::json doc = ok_json("/api/documents/004_39b0106687e293f0.txt");
  const nlohmann::json& c = doc["contents"];
  EXPECT_EQ(keys(c), (std::vector<std::string>{"assignments", "items", "period", "reports",
                                               "rewards", "targets"}));
  const std::string text = doc["text"];
  EXPECT_EQ(c["period"]["text"], "năm 2024");
  EXPECT_EQ(code_point_slice(text, c["period"]["start"], c["period"]["end"]), "năm 2024");
  ASSERT_EQ(c["items"].size(), 5u);
  EXPECT_EQ(code_point_slice(text, c["items"][4]["start"], c["items"][4]["end"]),
            "5. Nâng cao vai trò quản lý nhà nước về công tác thi đua, khen thưởng");
  ASSERT_EQ(c["targets"].size(), 5u);
  EXPECT_EQ(code_point_slice(text, c["targets"][1]["start"], c["targets"][1]["end"]),
            "tỷ lệ số hộ được sử dụng điện lưới Quốc gia đạt 96,8%");
  EXPECT_EQ(c["assignments"][2]["assignee"], "Văn phòng Sở");
  EXPECT_EQ(c["rewards"].size(), 3u);
  EXPECT_EQ(c["reports"].size(), 1u);
  EXPECT_TRUE(ok_json("/api/documents/002_352bcdfb180350d4.txt")["contents"]["period"].is_object());
}

// The campaign "chung tay vì người nghèo" is named by all five seeds.
TEST_F(RoutesContentsTest, CampaignHasTheComparisonOfItsDocuments) {
  const nlohmann::json c =
      ok_json("/api/campaigns/chung-tay-vi-nguoi-ngheo-khong-de-ai-bi-bo-lai-phia-sau");
  const nlohmann::json& cmp = c["comparison"];
  EXPECT_EQ(keys(cmp), (std::vector<std::string>{"documents", "rows", "targets", "threshold"}));
  ASSERT_EQ(cmp["documents"].size(), 5u);
  EXPECT_EQ(keys(cmp["documents"][0]),
            (std::vector<std::string>{"date", "dropped", "id", "issuer", "items", "launcher",
                                      "movement", "new", "period", "previous", "symbol", "title",
                                      "type"}));
  for (const auto& row : cmp["rows"]) EXPECT_EQ(row["cells"].size(), 5u);
  EXPECT_EQ(cmp["targets"].size(), 9u);
}

TEST_F(RoutesContentsTest, CompareAnswersTheSameShape) {
  const nlohmann::json cmp =
      ok_json("/api/compare?ids=003_bf467de301be45ad.txt,%20004_39b0106687e293f0.txt");
  ASSERT_EQ(cmp["documents"].size(), 2u);
  EXPECT_EQ(cmp["documents"][0]["id"], "003_bf467de301be45ad.txt");
  EXPECT_EQ(cmp["documents"][1]["period"]["text"], "năm 2024");
  const nlohmann::json& first = cmp["rows"][0]["cells"];
  EXPECT_EQ(first[0]["index"], 0);
  EXPECT_EQ(first[1]["number"], "1");
  EXPECT_EQ(cmp["targets"][0]["cells"][0], nullptr);
  EXPECT_EQ(cmp["targets"][0]["cells"][1]["value_text"], "7.872,7");
}

TEST_F(RoutesContentsTest, ObligationsListWithTheirDocuments) {
  const nlohmann::json list = ok_json("/api/obligations?assignee=V%C4%83n%20ph%C3%B2ng&limit=1");
  EXPECT_EQ(list["total"], 2);
  ASSERT_EQ(list["obligations"].size(), 1u);
  const nlohmann::json& o = list["obligations"][0];
  EXPECT_EQ(keys(o), (std::vector<std::string>{"assignee", "assignee_key", "deadline", "document",
                                               "end", "evidence", "id", "kind", "recipient",
                                               "recipient_key", "start", "task"}));
  EXPECT_EQ(o["kind"], "assignment");
  EXPECT_EQ(o["document"]["id"], "004_39b0106687e293f0.txt");
  EXPECT_EQ(o["deadline"], (nlohmann::json{{"text", ""}, {"date", ""}}));
  const std::string text = ok_json("/api/documents/004_39b0106687e293f0.txt")["text"];
  EXPECT_EQ(code_point_slice(text, o["start"], o["end"]), o["evidence"].get<std::string>());
}

// The seeds' obligations have no deadline date: an empty calendar, as an
// attachment.
TEST_F(RoutesContentsTest, CalendarExportIsICalendar) {
  const auto r = server_->get("/api/obligations.ics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(r->get_header_value("Content-Disposition"),
            "attachment; filename=\"vanban-viec-can-lam.ics\"");
  EXPECT_EQ(r->body.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_EQ(r->body.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_EQ(r->body.substr(r->body.size() - 15), "END:VCALENDAR\r\n");
}

// Errors of every new route, the .ics one included, are JSON.
TEST_F(RoutesContentsTest, ErrorsAreJson) {
  const std::string nine = "a,b,c,d,e,f,g,h,i";
  const std::tuple<std::string, int, const char*> cases[] = {
      {"/api/compare", 400, "missing parameter ids"},
      {"/api/compare?ids=,%20,", 400, "ids must name at least one document"},
      {"/api/compare?ids=" + nine, 400, "ids must name at most 8 documents"},
      {"/api/compare?ids=003_bf467de301be45ad.txt,khong-co.txt", 404, "no document with this id"},
      {"/api/obligations?limit=0", 400, "limit must be between 1 and 500"},
      {"/api/obligations?from=15%2F12%2F2023", 400,
       "from and to must be dates: YYYY, YYYY-MM or YYYY-MM-DD"},
      {"/api/obligations.ics?offset=x", 400, "offset must be a non-negative integer"},
      {"/api/obligations.ics?to=2024-1", 400,
       "from and to must be dates: YYYY, YYYY-MM or YYYY-MM-DD"},
  };
  for (const auto& [path, status, error] : cases) {
    const auto r = server_->get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, status) << path;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    EXPECT_EQ(nlohmann::json::parse(r->body)["error"], error) << path;
  }
}

// A server given no comparison or obligation service says so.
TEST_F(RoutesContentsTest, WithoutTheServicesTheRoutesAreUnavailable) {
  const Services bare{index_->search, index_->knowledge};
  const testing::TestServer server(bare);
  for (const char* path : {"/api/compare?ids=a", "/api/obligations", "/api/obligations.ics"}) {
    const auto r = server.get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 503) << path;
  }
  const auto campaign = server.get("/api/campaigns/dan-van-kheo");
  ASSERT_TRUE(campaign);
  EXPECT_FALSE(nlohmann::json::parse(campaign->body).contains("comparison"));
}

}  // namespace
}  // namespace vanban::http
