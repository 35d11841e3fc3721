// A sharded index answers exactly as one database does: the same counts,
// results, scores, facets, suggestions, documents and knowledge base,
// whether the shards are local (the stub vanban-index writes) or remote,
// served by two xapian-tcpsrv processes on loopback.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "json_codec.h"
#include "testing/open_index.h"
#include "testing/relation_corpus.h"
#include "testing/scratch_dir.h"
#include "vanban/index/layout.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/search_service.h"

extern char** environ;

namespace vanban::search {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A port nobody listens on now (the kernel's choice for port 0).
int free_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(s);
  return ntohs(addr.sin_port);
}

bool accepts(int port) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(s);
  return ok;
}

// xapian-tcpsrv serving one shard on loopback, stopped on destruction.
class TcpServer {
 public:
  explicit TcpServer(const std::string& db) : port_(free_port()) {
    const std::string port = std::to_string(port_);
    std::vector<std::string> args = {"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1",
                                     "--port", port, db};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    // Its connection handlers log to stderr when a client hangs up.
    posix_spawn_file_actions_t quiet;
    ::posix_spawn_file_actions_init(&quiet);
    ::posix_spawn_file_actions_addopen(&quiet, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    // In a process group of its own: on SIGTERM, xapian-tcpsrv signals its
    // whole group, which would otherwise be this test.
    posix_spawnattr_t attr;
    ::posix_spawnattr_init(&attr);
    ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    ::posix_spawnattr_setpgroup(&attr, 0);
    const int rc = ::posix_spawnp(&pid_, "xapian-tcpsrv", &quiet, &attr, argv.data(), environ);
    ::posix_spawnattr_destroy(&attr);
    ::posix_spawn_file_actions_destroy(&quiet);
    if (rc != 0) {
      pid_ = -1;
      return;
    }
    for (int i = 0; i < 100 && !accepts(port_); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~TcpServer() {
    if (pid_ > 0) {
      ::kill(-pid_, SIGTERM);  // the server and its connection handlers
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool running() const { return pid_ > 0 && accepts(port_); }
  int port() const { return port_; }

 private:
  int port_;
  pid_t pid_ = -1;
};

// Real Vietnamese documents: the five seeds, and each distinct paragraph of
// them as a document of its own, so that every shard holds dozens.
std::string paragraphs_jsonl() {
  std::ostringstream out;
  std::set<std::string> seen;
  std::vector<fs::path> seeds;
  for (const auto& e : fs::directory_iterator(testing::seeds_dir())) seeds.push_back(e.path());
  std::sort(seeds.begin(), seeds.end());
  for (const auto& seed : seeds) {
    std::istringstream text(testing::read_file(seed));
    std::string line;
    int n = 0;
    while (std::getline(text, line)) {
      if (line.size() < 300 || !seen.insert(line).second) continue;
      const std::string title = line.substr(0, line.find_first_of(".;:"));
      out << json{{"id", seed.stem().string() + "#p" + std::to_string(++n)},
                  {"title", title.size() < 200 ? title : std::string()},
                  {"text", line}}
                 .dump()
          << '\n';
    }
  }
  return out.str();
}

// The answer with what may legitimately differ removed: timing, and the
// order of results of equal score (Xapian breaks ties by document id, and
// ids interleave across shards). Scores are compared to 9 digits.
json normalized(const SearchResponse& r) {
  json j = vanban::http::to_json(r);
  j.erase("took_ms");
  for (auto& hit : j["results"]) {
    hit["score"] = std::round(hit["score"].get<double>() * 1e9) / 1e9;
  }
  auto& results = j["results"];
  std::stable_sort(results.begin(), results.end(), [](const json& a, const json& b) {
    if (a["score"] != b["score"]) return a["score"].get<double>() > b["score"].get<double>();
    if (a["date"] != b["date"]) return a["date"].get<std::string>() > b["date"].get<std::string>();
    return a["id"].get<std::string>() < b["id"].get<std::string>();
  });
  return j;
}

json normalized(const DocumentDetail& d) {
  json j = vanban::http::to_json(d);
  auto& similar = j["similar"];
  for (auto& s : similar) s["score"] = std::round(s["score"].get<double>() * 1e9) / 1e9;
  std::stable_sort(similar.begin(), similar.end(), [](const json& a, const json& b) {
    if (a["score"] != b["score"]) return a["score"].get<double>() > b["score"].get<double>();
    return a["id"].get<std::string>() < b["id"].get<std::string>();
  });
  return j;
}

class ShardingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::ScratchDir>("sharding");
    dir_->write("paragraphs/paragraphs.jsonl", paragraphs_jsonl());
    fs::create_directories(dir_->path() / "relations");
    testing::write_relation_corpus(dir_->path() / "relations");
    const std::vector<std::string> inputs = {testing::seeds_dir(), dir_->str("paragraphs"),
                                             dir_->str("relations")};
    single_ = index({dir_->str("single"), 1, inputs});
    sharded_ = index({dir_->str("sharded"), 2, inputs});
    index({dir_->str("three"), 3, inputs});

    // The two shards served by xapian-tcpsrv; a front end holds a stub
    // naming them and the catalog.
    for (int k = 0; k < 2; ++k) {
      servers_[k] = std::make_unique<TcpServer>(dir_->str("sharded/shard-" + std::to_string(k)));
    }
    fs::create_directories(dir_->path() / "front");
    std::ofstream(dir_->path() / "front" / "XAPIANDB")
        << "remote 127.0.0.1:" << servers_[0]->port() << "\nremote 127.0.0.1:"
        << servers_[1]->port() << '\n';
    fs::copy(dir_->path() / "sharded" / "catalog", dir_->path() / "front" / "catalog",
             fs::copy_options::recursive);
  }
  static void TearDownTestSuite() {
    for (auto& s : servers_) s.reset();
    dir_.reset();
  }

  struct Job {
    std::string db;
    std::size_t shards;
    std::vector<std::string> paths;
  };
  static index::IndexStats index(const Job& j) {
    index::IndexJob job;
    job.db_path = j.db;
    job.shards = j.shards;
    job.paths = j.paths;
    return index::run_index(job);
  }

  // The index paths to compare with the single database.
  static std::vector<std::string> others() {
    return {dir_->str("sharded"), dir_->str("three"), dir_->str("front")};
  }

  static std::unique_ptr<testing::ScratchDir> dir_;
  static index::IndexStats single_, sharded_;
  static std::unique_ptr<TcpServer> servers_[2];
};

std::unique_ptr<testing::ScratchDir> ShardingTest::dir_;
index::IndexStats ShardingTest::single_, ShardingTest::sharded_;
std::unique_ptr<TcpServer> ShardingTest::servers_[2];

TEST_F(ShardingTest, EveryShardGetsDocumentsByAStableHashOfTheirId) {
  ASSERT_GT(single_.documents, 60u);
  EXPECT_EQ(sharded_.documents, single_.documents);
  EXPECT_EQ(sharded_.shards, 2u);
  EXPECT_EQ(index::existing_shards(dir_->str("sharded")), 2u);
  for (int k = 0; k < 2; ++k) {
    const Xapian::Database shard(dir_->str("sharded/shard-" + std::to_string(k)));
    EXPECT_GT(shard.get_doccount(), single_.documents / 4) << k;
    for (auto p = shard.postlist_begin(""); p != shard.postlist_end(""); ++p) {
      const auto r = index::decode_record(shard.get_document(*p).get_data());
      ASSERT_TRUE(r.is_ok());
      EXPECT_EQ(index::shard_of(r->id, 2), static_cast<std::size_t>(k)) << r->id;
    }
  }
  // The catalog holds no documents, only the knowledge base and spelling.
  const Xapian::Database catalog(dir_->str("sharded/catalog"));
  EXPECT_EQ(catalog.get_doccount(), 0u);
  EXPECT_NE(catalog.metadata_keys_begin("d:"), catalog.metadata_keys_end("d:"));
  EXPECT_EQ(catalog.get_spelling_suggestion("thưởnh"), "thưởng");
}

TEST_F(ShardingTest, ReindexingAShardedIndexChangesNothingAndKeepsItsShardCount) {
  const auto again = index({dir_->str("sharded"), 0,
                            {testing::seeds_dir(), dir_->str("paragraphs"), dir_->str("relations")}});
  EXPECT_EQ(again.indexed(), 0u);
  EXPECT_EQ(again.unchanged, single_.documents);
  EXPECT_EQ(again.documents, single_.documents);
  EXPECT_THROW(index({dir_->str("sharded"), 3, {testing::seeds_dir()}}), std::runtime_error);
}

TEST_F(ShardingTest, RemoteShardsAreServedByXapianTcpsrv) {
  for (const auto& s : servers_) ASSERT_TRUE(s && s->running()) << "xapian-tcpsrv did not start";
  const Xapian::Database front(dir_->str("front"));
  EXPECT_EQ(front.get_doccount(), single_.documents);
}

// Sorted by date, across local and remote shards: the same dates in the
// same order, undated documents last (the remote backend sorts by a value
// slot, not by a KeyMaker), whatever the page.
TEST_F(ShardingTest, DateOrdersAreTheSameAcrossShards) {
  for (const auto& s : servers_) ASSERT_TRUE(s && s->running());
  auto dates = [](const SearchService& service, const char* sort) {
    const Result<SearchResponse> r = service.search({.query = "thi đua", .limit = 100, .sort = sort});
    EXPECT_TRUE(r.is_ok()) << sort << ": " << r.status().message();
    std::vector<std::string> out;
    if (r) for (const auto& hit : r->results) out.push_back(hit.date);
    return out;
  };
  const testing::OpenIndex single(dir_->str("single"));
  for (const char* sort : {"date_asc", "date_desc"}) {
    const std::vector<std::string> expected = dates(single.search, sort);
    ASSERT_GT(expected.size(), 10u);
    EXPECT_EQ(expected.back(), "") << sort;
    for (const std::string& path : others()) {
      const testing::OpenIndex other(path);
      EXPECT_EQ(dates(other.search, sort), expected) << path << " " << sort;
    }
    // Page by page, across the dated and undated matches.
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < expected.size(); offset += 7) {
      const auto page = single.search.search({.query = "thi đua", .offset = offset, .limit = 7, .sort = sort});
      ASSERT_TRUE(page.is_ok());
      EXPECT_EQ(page->total, expected.size());
      for (const auto& hit : page->results) paged.push_back(hit.date);
    }
    EXPECT_EQ(paged, expected) << sort;
  }
}

TEST_F(ShardingTest, SearchesAnswerAsOneDatabaseDoes) {
  for (const auto& s : servers_) ASSERT_TRUE(s && s->running());
  const testing::OpenIndex single(dir_->str("single"));
  const SearchService& one = single.search;
  std::vector<SearchRequest> requests;
  for (const char* q :
       {"Chỉ thị 34-CT/TW", "chi thi 34-ct/tw", "CT 34", "Dân vận khéo", "dan van kheo",
        "\"giảm nghèo bền vững\"", "Ủy ban nhân dân tỉnh", "UBND", "thi đua khen thưởng",
        "khen thưởnh", "chiến sĩ", "phong trào thi đua vì người nghèo không ai bị bỏ lại phía sau",
        "1954/UBND-TH", "nông thôn mới -giảm", "xyzzy", ""}) {
    requests.push_back({.query = q, .limit = 100, .facets = true});
  }
  requests.push_back({.query = "thi đua", .limit = 100, .type = "Công văn"});
  requests.push_back({.query = "nghèo", .limit = 100, .cites = "34-CT/TW"});
  requests.push_back({.query = "", .limit = 100, .facets = true, .from = "2023", .to = "2024"});
  // Status as of a date: the expiry values are written across shards (the
  // replacing directive and the replaced one may live in different shards).
  for (const char* status : {"in_force", "expired", "not_yet_in_force", "unknown"}) {
    for (const char* as_of : {"2022-01-01", "2024-01-01"}) {
      requests.push_back({.query = "phòng cháy chữa cháy", .limit = 100, .status = status,
                          .as_of = as_of});
    }
  }
  requests.push_back({.query = "thi đua", .limit = 100, .applies_to = "Lai Châu"});

  for (const std::string& path : others()) {
    const testing::OpenIndex other_index(path);
    const SearchService& other = other_index.search;
    EXPECT_EQ(other.document_count(), one.document_count()) << path;
    for (const SearchRequest& req : requests) {
      const Result<SearchResponse> a = one.search(req);
      ASSERT_TRUE(a.is_ok()) << req.query;
      const Result<SearchResponse> b = other.search(req);
      ASSERT_TRUE(b.is_ok()) << req.query;
      EXPECT_EQ(normalized(*b).dump(1), normalized(*a).dump(1)) << path << " q=" << req.query;
    }
    // Pages of a ranked list (no ties in these scores).
    for (std::size_t offset : {0, 3, 7}) {
      const SearchRequest req{.query = "thi đua khen thưởng", .offset = offset, .limit = 3};
      EXPECT_EQ(normalized(*other.search(req)), normalized(*one.search(req))) << path;
    }
  }
}

TEST_F(ShardingTest, DocumentsAndTheKnowledgeBaseAreTheSame) {
  for (const auto& s : servers_) ASSERT_TRUE(s && s->running());
  const testing::OpenIndex single(dir_->str("single"));
  const SearchService& one_search = single.search;
  const KnowledgeService& one = single.knowledge;
  const SearchResponse all = *one_search.search({.query = "", .limit = 100, .snippets = false});
  ASSERT_EQ(all.total, single_.documents);
  const auto directives = one.directives({.limit = 500});
  ASSERT_TRUE(directives);
  ASSERT_GT(directives->total, 5u);
  const auto campaigns = one.campaigns();
  ASSERT_FALSE(campaigns.empty());

  for (const std::string& path : others()) {
    const testing::OpenIndex other_index(path);
    const SearchService& other_search = other_index.search;
    const KnowledgeService& other = other_index.knowledge;
    for (const SearchHit& h : all.results) {
      const auto a = one_search.document(h.id);
      const auto b = other_search.document(h.id);
      ASSERT_TRUE(a && b) << h.id;
      EXPECT_EQ(index::encode_record(*b), index::encode_record(*a)) << path << " " << h.id;
      const auto da = one.document(h.id);
      const auto db = other.document(h.id);
      ASSERT_TRUE(da && db) << h.id;
      EXPECT_EQ(normalized(*db), normalized(*da)) << path << " " << h.id;
    }
    const auto other_directives = other.directives({.limit = 500});
    ASSERT_TRUE(other_directives);
    EXPECT_EQ(vanban::http::to_json(*other_directives), vanban::http::to_json(*directives))
        << path;
    for (const auto& d : directives->items) {
      const auto a = one.directive(d.entity.key);
      const auto b = other.directive(d.entity.key);
      ASSERT_TRUE(a && b) << d.entity.key;
      EXPECT_EQ(vanban::http::to_json(*b), vanban::http::to_json(*a)) << d.entity.key;
    }
    for (const char* as_of : {"2020-01-01", "2023-06-30", "2023-07-01"}) {
      for (const char* key : {"05/CT-UBND", "34-CT/TW", "1954/UBND-TH"}) {
        const auto a = one.directive(key, as_of);
        const auto b = other.directive(key, as_of);
        ASSERT_TRUE(a && b) << key;
        EXPECT_EQ(vanban::http::to_json(*b), vanban::http::to_json(*a)) << path << ' ' << key;
      }
      for (const char* status : {"in_force", "expired"}) {
        const auto a = one.directives({.status = status, .as_of = as_of, .limit = 500});
        const auto b = other.directives({.status = status, .as_of = as_of, .limit = 500});
        ASSERT_TRUE(a && b);
        EXPECT_EQ(vanban::http::to_json(*b), vanban::http::to_json(*a)) << path << ' ' << status;
      }
    }
    const auto expired = other.directive("05/CT-UBND", "2023-07-01");
    ASSERT_TRUE(expired);
    EXPECT_EQ(expired->directive.status.value, index::StatusValue::kExpired) << path;
    const auto other_campaigns = other.campaigns();
    ASSERT_EQ(other_campaigns.size(), campaigns.size()) << path;
    for (std::size_t i = 0; i < campaigns.size(); ++i) {
      EXPECT_EQ(vanban::http::to_json(other_campaigns[i]), vanban::http::to_json(campaigns[i]));
      const auto a = one.campaign(campaigns[i].entity.id);
      const auto b = other.campaign(campaigns[i].entity.id);
      ASSERT_TRUE(a && b);
      EXPECT_EQ(vanban::http::to_json(*b), vanban::http::to_json(*a)) << path;
    }
  }
}

}  // namespace
}  // namespace vanban::search
