// An index of some folders in a scratch directory, served over HTTP by a
// TestServer with every service the routes have: the fixture the route
// tests share (SetUpTestSuite makes one, TearDownTestSuite drops it).
#ifndef VANBAN_TESTING_SERVED_INDEX_H_
#define VANBAN_TESTING_SERVED_INDEX_H_

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "routes.h"
#include "testing/open_index.h"
#include "testing/scratch_dir.h"
#include "testing/test_server.h"

namespace vanban::testing {

class ServedIndex {
 public:
  ServedIndex(const std::string& name, const std::vector<std::string>& paths) : dir_(name) {
    index_paths(dir_.str("db"), paths);
    index_ = std::make_unique<OpenIndex>(dir_.str("db"));
    services_ = std::make_unique<http::Services>(http::Services{
        index_->search, index_->knowledge, nullptr, nullptr, &index_->comparison, &index_->obligations});
    server_ = std::make_unique<TestServer>(*services_);
  }
  ~ServedIndex() {
    server_.reset();  // before what it serves
    services_.reset();
    index_.reset();
  }

  OpenIndex& index() { return *index_; }
  TestServer& server() { return *server_; }

  // The body of a 200 JSON answer to GET `path` (null, and a test failure,
  // for anything else).
  nlohmann::json ok_json(const std::string& path) {
    const auto r = server_->get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return nlohmann::json::parse(r->body);
  }

 private:
  ScratchDir dir_;
  std::unique_ptr<OpenIndex> index_;
  std::unique_ptr<http::Services> services_;
  std::unique_ptr<TestServer> server_;
};

}  // namespace vanban::testing

#endif  // VANBAN_TESTING_SERVED_INDEX_H_
