#include "vanban/json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace vanban {
namespace {

using nlohmann::json;

TEST(JsonTest, DumpIsCompactUtf8) {
  EXPECT_EQ(dump_json(json{{"issuer", "Ủy ban nhân dân tỉnh Lai Châu"}, {"n", 1954}}),
            "{\"issuer\":\"Ủy ban nhân dân tỉnh Lai Châu\",\"n\":1954}");
  EXPECT_EQ(dump_json(json::array()), "[]");
}

TEST(JsonTest, DumpReplacesIllFormedUtf8) {
  // "Chỉ thị" with its "ỉ" cut after the first byte.
  EXPECT_EQ(dump_json(json("Ch\xE1 th\xE1\xBB\x8B")), "\"Ch\xEF\xBF\xBD th\xE1\xBB\x8B\"");
}

TEST(JsonTest, RecordRoundTripsWithFieldNamesOfTheApi) {
  doc::DocumentRecord r;
  r.id = "001_a09f608bfb9e07f5";
  r.symbol = "1954/UBND-TH";
  r.issuer = "Ủy ban nhân dân tỉnh Lai Châu";
  r.date = "2023-05-30";
  r.recipients = {"Các sở, ban, ngành, đoàn thể tỉnh", "UBND các huyện, thành phố"};
  r.metadata["unnumbered_symbol"] = "/UBND-TH";
  const json j = r;
  EXPECT_EQ(j.at("symbol"), "1954/UBND-TH");
  EXPECT_EQ(j.at("recipients").size(), 2u);
  EXPECT_EQ(j.at("metadata").at("unnumbered_symbol"), "/UBND-TH");
  const auto back = j.get<doc::DocumentRecord>();
  EXPECT_EQ(back.id, r.id);
  EXPECT_EQ(back.issuer, r.issuer);
  EXPECT_EQ(back.recipients, r.recipients);
  EXPECT_EQ(back.metadata, r.metadata);
}

TEST(JsonTest, MissingFieldsTakeTheirDefaults) {
  // A record written before "signer_name" and "distribution" existed.
  const auto r = json::parse(R"({"id":"002","symbol":"34-CT/TW"})").get<doc::DocumentRecord>();
  EXPECT_EQ(r.id, "002");
  EXPECT_EQ(r.symbol, "34-CT/TW");
  EXPECT_EQ(r.signer_name, "");
  EXPECT_TRUE(r.distribution.empty());
  const auto c = json::parse(R"({"symbol":"34-CT/TW"})").get<text::Citation>();
  EXPECT_EQ(c.start, 0u);
  EXPECT_EQ(c.key, "");
}

TEST(JsonTest, AFieldOfTheWrongTypeThrows) {
  EXPECT_THROW(json::parse(R"({"id":7})").get<doc::DocumentRecord>(), json::exception);
  EXPECT_THROW(json::parse(R"({"recipients":"Các sở"})").get<doc::DocumentRecord>(), json::exception);
}

TEST(JsonTest, EnumsAreWords) {
  text::Relation rel;
  rel.type = text::RelationType::kReplaces;
  rel.scope = text::RelationScope::kPart;
  rel.target_symbol = "60/2018/NĐ-CP";
  rel.scope_text = "khoản 1 Điều 3";
  const json j = rel;
  EXPECT_EQ(j.at("type"), "replaces");
  EXPECT_EQ(j.at("scope"), "part");
  const auto back = j.get<text::Relation>();
  EXPECT_EQ(back.type, text::RelationType::kReplaces);
  EXPECT_EQ(back.scope, text::RelationScope::kPart);
  EXPECT_EQ(back.scope_text, "khoản 1 Điều 3");
  EXPECT_EQ(json("based_on").get<text::RelationType>(), text::RelationType::kBasedOn);
  EXPECT_EQ(json(text::RewardStatus::kAwarded), "awarded");
}

TEST(JsonTest, DirectiveEntityWithLinkedDocuments) {
  index::DirectiveEntity d;
  d.key = "34-ct/tw@2014-04-07";
  d.symbol = "34-CT/TW";
  d.issuer = "Bộ Chính trị";
  d.documents.push_back({"ct34", "Chỉ thị 34-CT/TW", "2014-04-07", 1.0, "symbol_and_date"});
  const json j = d;
  EXPECT_EQ(dump_json(j.at("documents")),
            "[{\"confidence\":1.0,\"date\":\"2014-04-07\",\"how\":\"symbol_and_date\",\"id\":\"ct34\","
            "\"title\":\"Chỉ thị 34-CT/TW\"}]");
  const auto back = j.get<index::DirectiveEntity>();
  ASSERT_EQ(back.documents.size(), 1u);
  EXPECT_EQ(back.documents[0].how, "symbol_and_date");
  EXPECT_EQ(back.issuer, "Bộ Chính trị");
}

}  // namespace
}  // namespace vanban
