#include "options.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/scratch_dir.h"

namespace vanban::cli {
namespace {

// The options of a program that reads every kind of key.
struct Settings {
  std::string db;
  std::vector<std::string> corpus;
  int port = 8080;
  std::string host = "127.0.0.1";
  bool ocr = true;
  std::uintmax_t max_doc_bytes = 1;
  std::string access_log = "off";
};

class CommandLineTest : public ::testing::Test {
 protected:
  CommandLineTest() : dir_("cli_options") {
    add_common_options(app_, "vanban-test");
    add_config_option(app_, "db", settings_.db);
    add_config_option(app_, "corpus", settings_.corpus);
    add_config_option(app_, "port", settings_.port);
    add_config_option(app_, "host", settings_.host);
    add_config_option(app_, "ocr", settings_.ocr);
    add_config_option(app_, "max_doc_bytes", settings_.max_doc_bytes);
    add_config_option(app_, "access_log", settings_.access_log);
  }

  // Parses `args`; returns CLI11's message when it refuses them.
  std::string parse(std::vector<std::string> args) {
    args.insert(args.begin(), "vanban-test");
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    try {
      app_.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const CLI::ParseError& e) {
      return e.what();
    }
    return {};
  }

  std::string config(const std::string& text) { return dir_.write("vanban.conf", text).string(); }

  testing::ScratchDir dir_;
  CLI::App app_{"test"};
  Settings settings_;
};

TEST_F(CommandLineTest, TheFileFillsWhatTheCommandLineLeavesOut) {
  const std::string file = config(
      "db = /var/lib/vanban/index\ncorpus = /srv/văn bản\ncorpus = /srv/công văn\n"
      "port = 9000\nhost = 0.0.0.0\nocr = off\nmax_doc_bytes = 2M\naccess_log = json\n");
  ASSERT_EQ(parse({"--config", file, "--port", "9100", "/srv/thi đua"}), "");
  EXPECT_EQ(settings_.db, "/var/lib/vanban/index");
  EXPECT_EQ(settings_.port, 9100);  // the flag wins
  EXPECT_EQ(settings_.host, "0.0.0.0");
  EXPECT_FALSE(settings_.ocr);
  EXPECT_EQ(settings_.max_doc_bytes, 2u << 20);
  EXPECT_EQ(settings_.access_log, "json");
  EXPECT_EQ(settings_.corpus, std::vector<std::string>{"/srv/thi đua"});
}

TEST_F(CommandLineTest, ListKeysFillThePositionalArguments) {
  const std::string file = config("corpus = /srv/văn bản\ncorpus = /srv/công văn\n");
  ASSERT_EQ(parse({"--config", file}), "");
  EXPECT_EQ(settings_.corpus, (std::vector<std::string>{"/srv/văn bản", "/srv/công văn"}));
}

TEST_F(CommandLineTest, FlagsAreCheckedAndNormalizedAsTheFileIs) {
  ASSERT_EQ(parse({"--max-doc-bytes", "1K", "--ocr", "no"}), "");
  EXPECT_EQ(settings_.max_doc_bytes, 1024u);
  EXPECT_FALSE(settings_.ocr);
}

TEST_F(CommandLineTest, AConfigFileAskedForMustExist) {
  EXPECT_EQ(parse({"--config", dir_.str("none.conf")}),
            dir_.str("none.conf") + " was not readable (missing?)");
}

TEST_F(CommandLineTest, AnOutOfRangeFlagNamesTheOption) {
  EXPECT_EQ(parse({"--port", "70000"}),
            "--port: bad value for port: out of range: 70000 is not in 1..65535");
}

TEST_F(CommandLineTest, AnErrorInTheFileNamesItsLine) {
  const std::string file = config("db = /var/lib/vanban/index\nport = 80800\n");
  EXPECT_EQ(parse({"--config", file}),
            "bad configuration: " + file +
                ":2: bad value for port: out of range: 80800 is not in 1..65535");
}

}  // namespace
}  // namespace vanban::cli
