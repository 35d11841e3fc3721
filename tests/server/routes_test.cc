#include "routes.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "testing/test_server.h"

namespace vanban::http {
namespace {

// A real server on an ephemeral loopback port over the indexed seeds.
class RoutesTest : public ::testing::Test {
 protected:
  static constexpr std::chrono::milliseconds kHeadTimeout{2000};

  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("routes");
    testing::index_paths(dir_->str("db"), {testing::seeds_dir()});
    index_ = std::make_unique<testing::OpenIndex>(dir_->str("db"));
    services_ = std::make_unique<Services>(Services{index_->search, index_->knowledge});
    http::ServingOptions serving;
    serving.head_timeout = kHeadTimeout;
    server_ = std::make_unique<testing::TestServer>(*services_, VANBAN_WEB_ROOT, serving);
    port_ = server_->port();
  }
  static void TearDownTestSuite() {
    server_.reset();
    services_.reset();
    index_.reset();
    dir_.reset();
  }

  static httplib::Result get(const std::string& path) { return server_->get(path); }
  static nlohmann::json json_of(const httplib::Result& r) {
    EXPECT_NE(r->get_header_value("Content-Type").find("application/json"), std::string::npos);
    return nlohmann::json::parse(r->body);
  }

  static std::unique_ptr<testing::ScratchDir> dir_;
  static std::unique_ptr<testing::OpenIndex> index_;
  static std::unique_ptr<Services> services_;
  static std::unique_ptr<testing::TestServer> server_;
  static int port_;
};

std::unique_ptr<testing::ScratchDir> RoutesTest::dir_;
std::unique_ptr<testing::OpenIndex> RoutesTest::index_;
std::unique_ptr<Services> RoutesTest::services_;
std::unique_ptr<testing::TestServer> RoutesTest::server_;
int RoutesTest::port_ = 0;

TEST_F(RoutesTest, SearchReturnsTheDocumentedShape) {
  const auto r = get("/api/search?q=Ch%E1%BB%89%20th%E1%BB%8B%2034-CT%2FTW&limit=3");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const auto j = json_of(r);
  EXPECT_EQ(j["query"], "Chỉ thị 34-CT/TW");
  EXPECT_EQ(j["total"], 5);
  EXPECT_TRUE(j["took_ms"].is_number());
  ASSERT_EQ(j["results"].size(), 3u);
  for (const auto& hit : j["results"]) {
    for (const char* field : {"id", "title", "date", "snippet", "score"}) {
      EXPECT_TRUE(hit.contains(field)) << field;
    }
  }
}

TEST_F(RoutesTest, UnaccentedQueryHighlightsTheAccentedOriginal) {
  const auto r = get("/api/search?q=dan+van+kheo");
  ASSERT_TRUE(r);
  const auto j = json_of(r);
  EXPECT_EQ(j["total"], 2);
  EXPECT_NE(j["results"][0]["snippet"].get<std::string>().find("<mark>Dân vận khéo</mark>"),
            std::string::npos);
}

TEST_F(RoutesTest, DocumentIdsWithSlashArrivePercentEncoded) {
  // Index the seeds' parent so ids contain a '/'.
  const testing::ScratchDir dir("routes_slash");
  testing::index_paths(dir.str("db"), {VANBAN_CORPUS_DIR});
  const testing::OpenIndex index(dir.str("db"));
  const Services services{index.search, index.knowledge};
  const testing::TestServer server(services);
  const auto r = server.get("/api/documents/seeds%2F000_ddb1ffae0c6ba085.txt");
  const auto unencoded = server.get("/api/documents/seeds/000_ddb1ffae0c6ba085.txt");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["id"], "seeds/000_ddb1ffae0c6ba085.txt");
  EXPECT_NE(j["text"].get<std::string>().find("34-CT/TW"), std::string::npos);
  ASSERT_TRUE(unencoded);
  EXPECT_EQ(unencoded->status, 200);
}

TEST_F(RoutesTest, UnknownDocumentIs404Json) {
  const auto r = get("/api/documents/khong-co.txt");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(json_of(r), (nlohmann::json{{"error", "no document with this id"}, {"detail", "khong-co.txt"}}));
}

// Each message names the parameter at fault and what it must be.
TEST_F(RoutesTest, ErrorsNameTheRealProblem) {
  const std::pair<const char*, const char*> cases[] = {
      {"/api/directives?offset=100001", "offset must be at most 100000"},
      {"/api/directives?limit=501", "limit must be between 1 and 500"},
      {"/api/directives?offset=x", "offset must be a non-negative integer"},
      {"/api/search?q=a&offset=10001", "offset must be at most 10000"},
      {"/api/search?q=a&limit=101", "limit must be between 1 and 100"},
      {"/api/search", "missing parameter q"},
      {"/api/search?q=a&cites=nothing", "cites must be a document symbol such as 34-CT/TW or Chỉ thị 34, or a directive key"},
      {"/api/directives/99-CT%2FTW", "no directive with this key"},
      {"/api/campaigns/khong-co", "no campaign with this id"},
      {"/api/search?q=a&status=valid",
       "status must be in_force, not_yet_in_force, expired, partly_expired or unknown"},
      {"/api/search?q=a&as_of=2024-13-01", "as_of must be a date YYYY-MM-DD"},
      {"/api/search?q=a&sort=newest", "sort must be relevance, date_desc or date_asc"},
      {"/api/search?q=a&from=05%2F03%2F2020", "from must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
      {"/api/search?q=a&from=2020&to=2024-1", "to must be a date: YYYY, YYYY-MM or YYYY-MM-DD"},
      {"/api/directives?as_of=hom-nay", "as_of must be a date YYYY-MM-DD"},
      {"/api/directives/34-CT%2FTW?as_of=30/4/2024", "as_of must be a date YYYY-MM-DD"},
  };
  for (const auto& [path, error] : cases) {
    const auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(json_of(r)["error"], error) << path;
  }
}

// A directive's page: its status as of a date with the reason, the typed
// relations other documents state, and the chain that carried it out.
TEST_F(RoutesTest, DirectiveCarriesStatusRelationsAndChain) {
  const auto r = get("/api/directives/34-CT%2FTW?as_of=2024-06-01");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const nlohmann::json d = json_of(r);
  EXPECT_EQ(d["as_of"], "2024-06-01");
  EXPECT_EQ(d["status"]["value"], "in_force");
  EXPECT_NE(d["status"]["reason"].get<std::string>().find("2024-06-01"), std::string::npos);
  ASSERT_GE(d["relations"]["incoming"].size(), 3u);
  for (const auto& e : d["relations"]["incoming"]) {
    EXPECT_EQ(e["type"], "implements");
    EXPECT_FALSE(e["sentence"].get<std::string>().empty());
  }
  EXPECT_EQ(d["implementation"]["symbol"], "34-CT/TW");
  EXPECT_FALSE(d["implementation"]["children"].empty());
  const auto listed = json_of(get("/api/directives?status=in_force&as_of=2024-06-01&limit=500"));
  bool found = false;
  for (const auto& x : listed["directives"]) {
    EXPECT_EQ(x["status"]["value"], "in_force");
    found = found || x["symbol"] == "34-CT/TW";
  }
  EXPECT_TRUE(found);
}

TEST(HttpStatusTest, OneMappingFromStatusToHttp) {
  EXPECT_EQ(http_status(Status::ok()), 200);
  EXPECT_EQ(http_status(Status::invalid_argument("x")), 400);
  EXPECT_EQ(http_status(Status::not_found("x")), 404);
  EXPECT_EQ(http_status(Status::too_large("x")), 413);
  EXPECT_EQ(http_status(Status::not_supported("x")), 501);
  EXPECT_EQ(http_status(Status::unavailable("x")), 503);
  EXPECT_EQ(http_status(Status::deadline_exceeded("x")), 503);
  EXPECT_EQ(http_status(Status::corruption("x")), 500);
  EXPECT_EQ(http_status(Status::io_error("x")), 500);
}

TEST_F(RoutesTest, BadParametersAre400Json) {
  for (const char* path :
       {"/api/search", "/api/search?q=a&limit=-1", "/api/search?q=a&limit=abc",
        "/api/search?q=a&limit=0", "/api/search?q=a&limit=100000", "/api/search?q=a&offset=1e3",
        "/api/search?q=a&offset=99999999999", "/api/search?q=%FF%FE", "/api/search?q=a&sort=x",
        "/api/search?q=a&to=x"}) {
    const auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
    EXPECT_TRUE(json_of(r).contains("error")) << path;
  }
}

TEST_F(RoutesTest, UnknownRoutesAndTraversalAre404Json) {
  for (const char* path : {"/api/nothing", "/khong-ton-tai", "/..%2f..%2fetc%2fpasswd",
                           "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/%00"}) {
    const auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_TRUE(json_of(r).contains("error")) << path;
  }
}

TEST_F(RoutesTest, HostileRequestsGetJson4xxNeverA500) {
  const std::string long_query(10000, 'a');
  for (const std::string& path : std::vector<std::string>{
           "/api/search?q=" + long_query, "/api/search?q=%zz", "/api/search?q=%E1%BB", "/api/search?q=abc%",
        "/api/search?q=%00", "/api/documents/%zz",
        "/api/search?q=a&from=2023-13-99x", "/api/directives?year=20x", "/api/directives?limit=0"}) {
    const auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_GE(r->status, 400) << path;
    EXPECT_LT(r->status, 500) << path;
    EXPECT_TRUE(json_of(r).contains("error")) << path;
  }
  // Quotes and operators only are queries, not errors.
  for (const char* path : {"/api/search?q=%22", "/api/search?q=-", "/api/search?q=%22%22%22+-+--",
                           "/api/search?q=a&unknown=1", "/api/search?q=%28%29%5B%5D%7B%7D"}) {
    const auto r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
  }
}

TEST_F(RoutesTest, OversizedRequestsAndOtherMethods) {
  httplib::Client client("127.0.0.1", port_);
  const auto post = client.Post("/api/search", std::string(200000, 'x'), "text/plain");
  ASSERT_TRUE(post);
  EXPECT_GE(post->status, 400);
  EXPECT_LT(post->status, 500);
  httplib::Headers big = {{"X-Big", std::string(20000, 'a')}};
  const auto header = client.Get("/api/search?q=a", big);
  // httplib drops the connection or answers 4xx; either way not a 5xx.
  if (header) {
    EXPECT_GE(header->status, 400);
    EXPECT_LT(header->status, 500);
  }
  const auto del = client.Delete("/api/documents/000_ddb1ffae0c6ba085.txt");
  ASSERT_TRUE(del);
  EXPECT_GE(del->status, 400);
  EXPECT_LT(del->status, 500);
  EXPECT_TRUE(get("/healthz"));  // still serving
}

// A client that sends half a request and stalls holds no worker: the
// server answers others at once, and the stalled one with a JSON 408 once
// its head is past the head deadline.
TEST_F(RoutesTest, SlowClientDoesNotStallTheServer) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port_));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  const std::string half = "GET /api/search?q=thi HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  ASSERT_EQ(::send(fd, half.data(), half.size(), 0), static_cast<ssize_t>(half.size()));
  const auto t0 = std::chrono::steady_clock::now();

  const auto r = get("/api/search?q=d%C3%A2n+v%E1%BA%ADn");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));

  timeval tv{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  char buf[512];
  const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
  ASSERT_GT(n, 0);
  const std::string answer(buf, static_cast<std::size_t>(n));
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
  EXPECT_NE(answer.find("{\"detail\":\"the request head did not arrive within 2 s\","
                        "\"error\":\"request timeout\"}"),
            std::string::npos)
      << answer;
  // Generous bounds: a loaded 2-core machine may answer late, never early.
  const auto waited = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(waited, kHeadTimeout);
  EXPECT_LT(waited, kHeadTimeout + std::chrono::seconds(4));
  ::close(fd);
}

TEST_F(RoutesTest, DocumentMarkupIsEscapedInSnippets) {
  const testing::ScratchDir dir("routes_markup");
  dir.write("c/x.txt", "Thông báo <script>alert(1)</script> về phong trào thi đua “Dân vận khéo”");
  testing::index_paths(dir.str("db"), {dir.str("c")});
  const testing::OpenIndex index(dir.str("db"));
  const search::SearchResponse r = *index.search.search({.query = "script dân vận khéo"});
  ASSERT_EQ(r.results.size(), 1u);
  EXPECT_EQ(r.results[0].snippet.find("<script"), std::string::npos) << r.results[0].snippet;
  EXPECT_NE(r.results[0].snippet.find("&lt;<mark>script</mark>&gt;"), std::string::npos)
      << r.results[0].snippet;
}

TEST_F(RoutesTest, HealthAndPage) {
  const auto health = get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(json_of(health)["documents"], 5);

  const auto page = get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->body.find("lang=\"vi\""), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"),
            std::string::npos);
  EXPECT_EQ(page->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(page->body.find("<script type=\"module\" src=\"/js/main.js\"></script>"),
            std::string::npos);
  const auto style = get("/style.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->status, 200);
  EXPECT_EQ(style->get_header_value("Content-Type"), "text/css");
}

// The page's script is ES modules under /js/; a browser runs a module only
// when it is served with a JavaScript MIME type (nosniff makes that strict).
TEST_F(RoutesTest, ServesEveryModuleOfThePageAsJavaScript) {
  bool saw_main = false;
  for (const auto& entry : std::filesystem::directory_iterator(VANBAN_WEB_ROOT "/js")) {
    const std::string name = entry.path().filename().string();
    const auto script = get("/js/" + name);
    ASSERT_TRUE(script) << name;
    EXPECT_EQ(script->status, 200) << name;
    EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript") << name;
    EXPECT_EQ(script->body.size(), entry.file_size()) << name;
    saw_main = saw_main || name == "main.js";
  }
  EXPECT_TRUE(saw_main) << "the page's entry point, js/main.js";
}

// A server with its result cache, over an index the test changes.
TEST(CachedSearchTest, RepeatsAnAnswerUntilTheIndexChanges) {
  testing::ScratchDir dir("cached_search");
  std::filesystem::copy(testing::seeds_dir(), dir.path() / "docs");
  ASSERT_EQ(testing::index_paths(dir.str("db"), {dir.str("docs")}).added, 5u);
  const testing::OpenIndex index(dir.str("db"));
  SearchCache cache(100);
  const Services services{index.search, index.knowledge, &cache};
  const testing::TestServer server(services);
  httplib::Client client = server.client();
  const char* path = "/api/search?q=D%C3%A2n%20v%E1%BA%ADn%20kh%C3%A9o";

  const auto first = client.Get(path);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->get_header_value("X-Cache"), "miss");
  EXPECT_EQ(nlohmann::json::parse(first->body)["total"], 2);
  const auto second = client.Get(path);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->get_header_value("X-Cache"), "hit");
  EXPECT_EQ(second->body, first->body);
  // Another page is another answer; a bad request is never cached.
  EXPECT_EQ(client.Get(std::string(path) + "&limit=1")->get_header_value("X-Cache"), "miss");
  EXPECT_EQ(client.Get("/api/search?q=x&limit=0")->status, 400);
  EXPECT_EQ(client.Get("/api/search?q=x&limit=0")->status, 400);

  // A new document about the campaign: the next search sees it.
  dir.write("docs/moi.txt",
            "Phong trào thi đua \"Dân vận khéo\" năm 2025 của tỉnh Lai Châu được phát động "
            "sâu rộng trong toàn tỉnh.\n");
  ASSERT_EQ(testing::index_paths(dir.str("db"), {dir.str("docs")}).added, 1u);
  const auto third = client.Get(path);
  ASSERT_TRUE(third);
  EXPECT_EQ(third->get_header_value("X-Cache"), "miss");
  EXPECT_EQ(nlohmann::json::parse(third->body)["total"], 3);
  EXPECT_EQ(client.Get(path)->get_header_value("X-Cache"), "hit");
}

}  // namespace
}  // namespace vanban::http
