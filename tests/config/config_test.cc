#include "vanban/config.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/scratch_dir.h"

namespace vanban {
namespace {

// "key=value1,value2" per entry, for exact comparisons.
std::vector<std::string> flatten(const std::vector<ConfigEntry>& entries) {
  std::vector<std::string> out;
  for (const ConfigEntry& e : entries) {
    std::string s = std::string(e.key->name) + "@" + std::to_string(e.line) + "=";
    for (std::size_t i = 0; i < e.values.size(); ++i) s += (i ? "," : "") + e.values[i];
    out.push_back(s);
  }
  return out;
}

TEST(ConfigTest, ReadsTheDocumentedKeysWithNormalizedValues) {
  const auto entries = parse_config(
      "# Sở Nội vụ tỉnh Lai Châu\n"
      "db = /var/lib/vanban/index\n"
      "\n"
      "corpus = /srv/văn bản/Thi đua khen thưởng\n"
      "  ; một ghi chú\n"
      "corpus=/srv/công văn\n"
      "host = 0.0.0.0\n"
      "port = 8080\n"
      "threads = 16\n"
      "cache = 0\n"
      "ocr = Off\n"
      "max_doc_bytes = 64M\n"
      "web = \" /usr/share/vanban/web \"\n"
      "access_log = JSON\n",
      "vanban.conf");
  ASSERT_TRUE(entries) << entries.status().message();
  EXPECT_EQ(flatten(*entries),
            (std::vector<std::string>{
                "db@2=/var/lib/vanban/index",
                "corpus@4=/srv/văn bản/Thi đua khen thưởng,/srv/công văn",
                "host@7=0.0.0.0", "port@8=8080", "threads@9=16", "cache@10=0", "ocr@11=false",
                "max_doc_bytes@12=67108864", "web@13= /usr/share/vanban/web ",
                "access_log@14=json"}));
}

TEST(ConfigTest, AcceptsByteOrderMarkAndWindowsLineEnds) {
  const auto entries = parse_config("\xEF\xBB\xBFport = 9090\r\nocr = yes\r\n", "vanban.conf");
  ASSERT_TRUE(entries) << entries.status().message();
  EXPECT_EQ(flatten(*entries), (std::vector<std::string>{"port@1=9090", "ocr@2=true"}));
}

struct BadConfigCase {
  const char* name;
  const char* text;
  const char* detail;
};

class BadConfigTest : public ::testing::TestWithParam<BadConfigCase> {};

TEST_P(BadConfigTest, IsAnErrorNamingTheLine) {
  const auto entries = parse_config(GetParam().text, "/etc/vanban/vanban.conf");
  ASSERT_FALSE(entries);
  EXPECT_TRUE(entries.status().is_invalid_argument());
  EXPECT_EQ(entries.status().reason(), "bad configuration");
  EXPECT_EQ(entries.status().detail(), GetParam().detail);
}

INSTANTIATE_TEST_SUITE_P(
    Lines, BadConfigTest,
    ::testing::Values(
        BadConfigCase{"UnknownKey", "db = /var/lib/vanban/index\nprot = 8080\n",
                      "/etc/vanban/vanban.conf:2: unknown key \"prot\" (known keys: db, corpus, "
                      "host, port, threads, cache, ocr, max_doc_bytes, rescan_every, web, access_log)"},
        BadConfigCase{"PortOutOfRange", "\n\nport = 70000\n",
                      "/etc/vanban/vanban.conf:3: bad value for port: out of range: 70000 is "
                      "not in 1..65535"},
        BadConfigCase{"PortNotANumber", "port = tám nghìn\n",
                      "/etc/vanban/vanban.conf:1: bad value for port: not a whole number: tám "
                      "nghìn"},
        BadConfigCase{"ThreadsTooMany", "threads = 1025\n",
                      "/etc/vanban/vanban.conf:1: bad value for threads: out of range: 1025 is not "
                      "in 0..1024"},
        BadConfigCase{"OcrNotBoolean", "ocr = có\n",
                      "/etc/vanban/vanban.conf:1: bad value for ocr: not on or off: có"},
        BadConfigCase{"SizeWithUnknownUnit", "max_doc_bytes = 64 MB\n",
                      "/etc/vanban/vanban.conf:1: bad value for max_doc_bytes: not a size "
                      "(bytes, or a number with K, M or G): 64 MB"},
        BadConfigCase{"AccessLogChoice", "access_log = xml\n",
                      "/etc/vanban/vanban.conf:1: bad value for access_log: not one of "
                      "off|text|json: xml"},
        BadConfigCase{"EmptyPath", "db =\n",
                      "/etc/vanban/vanban.conf:1: bad value for db: empty"},
        BadConfigCase{"RepeatedKey", "port = 8080\nhost = ::1\nport = 8081\n",
                      "/etc/vanban/vanban.conf:3: port is already set on line 1"},
        BadConfigCase{"NoEqualsSign", "db /var/lib/vanban\n",
                      "/etc/vanban/vanban.conf:1: expected \"key = value\", got \"db "
                      "/var/lib/vanban\""},
        BadConfigCase{"Section", "[server]\nport = 8080\n",
                      "/etc/vanban/vanban.conf:1: sections are not used: [server]"},
        BadConfigCase{"InvalidUtf8", "db = /srv\ncorpus = /srv/v\xE1n\n",
                      "/etc/vanban/vanban.conf:2: invalid UTF-8"}),
    [](const auto& p) { return std::string(p.param.name); });

struct SizeCase {
  const char* name;
  const char* text;
  std::uint64_t bytes;
};

class ParseSizeTest : public ::testing::TestWithParam<SizeCase> {};

TEST_P(ParseSizeTest, ReadsBytesWithBinarySuffixes) {
  const auto bytes = parse_size(GetParam().text);
  ASSERT_TRUE(bytes) << bytes.status().message();
  EXPECT_EQ(*bytes, GetParam().bytes);
}

INSTANTIATE_TEST_SUITE_P(Sizes, ParseSizeTest,
                         ::testing::Values(SizeCase{"Bytes", "1000", 1000},
                                           SizeCase{"Kibi", "4K", 4096},
                                           SizeCase{"MebiLower", "64m", 64u << 20},
                                           SizeCase{"GibiSpaced", "2 G", 2ull << 30}),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(ParseSizeTest, RefusesWhatDoesNotFit) {
  EXPECT_FALSE(parse_size("9000000000G"));
  EXPECT_FALSE(parse_size("-5"));
  EXPECT_FALSE(parse_size("M"));
}

TEST(ConfigTest, OptionNamesFollowTheKeys) {
  EXPECT_EQ(option_name(*find_config_key("max_doc_bytes")), "--max-doc-bytes");
  EXPECT_EQ(option_name(*find_config_key("db")), "--db");
  EXPECT_EQ(find_config_key("Port"), nullptr);
}

TEST(ConfigTest, ReadsAFileAndReportsAMissingOne) {
  testing::ScratchDir dir("config_file");
  dir.write("vanban.conf", "db = /var/lib/vanban/index\n");
  const auto entries = read_config_file(dir.str("vanban.conf"));
  ASSERT_TRUE(entries);
  EXPECT_EQ(flatten(*entries), std::vector<std::string>{"db@1=/var/lib/vanban/index"});
  const auto missing = read_config_file(dir.str("none.conf"));
  ASSERT_FALSE(missing);
  EXPECT_TRUE(missing.status().is_io_error());
}

}  // namespace
}  // namespace vanban
