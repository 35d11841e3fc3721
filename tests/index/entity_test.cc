#include "vanban/index/entity.h"

#include <gtest/gtest.h>

namespace vanban::index {
namespace {

TEST(EntityTest, DirectivesRoundTrip) {
  DirectiveEntity d;
  d.key = "34-ct/tw@2014-04-07";
  d.symbol = "34-CT/TW";
  d.symbol_key = "34-ct/tw";
  d.type = "Chỉ thị";
  d.date = "2014-04-07";
  d.issuer = "Bộ Chính trị";
  d.aliases = {"34-ct/tw"};
  d.documents = {{"seeds/x.txt", "Chỉ thị 34", "2014-04-07", 1.0, "symbol_and_date"}};
  const auto back = decode_directive(encode(d));
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->key, d.key);
  EXPECT_EQ(back->issuer, "Bộ Chính trị");
  EXPECT_EQ(back->aliases, d.aliases);
  ASSERT_EQ(back->documents.size(), 1u);
  EXPECT_EQ(back->documents[0].how, "symbol_and_date");
  EXPECT_DOUBLE_EQ(back->documents[0].confidence, 1.0);
}

TEST(EntityTest, CampaignsRoundTrip) {
  CampaignEntity c;
  c.id = "dan-van-kheo";
  c.name = "Dân vận khéo";
  c.variants = {{"Dân vận khéo", 2, false}};
  c.launchers = {"Ủy ban nhân dân tỉnh Lai Châu"};
  const auto back = decode_campaign(encode(c));
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->name, "Dân vận khéo");
  ASSERT_EQ(back->variants.size(), 1u);
  EXPECT_EQ(back->variants[0].documents, 2);
  EXPECT_EQ(back->launchers, c.launchers);
}

TEST(EntityTest, CorruptEntriesAreAStatus) {
  const auto d = decode_directive("not json");
  EXPECT_TRUE(d.status().is_corruption());
  EXPECT_EQ(d.status().reason(), "corrupt directive in the knowledge base");
  EXPECT_EQ(decode_campaign(R"({"variants": 3})").status().reason(),
            "corrupt campaign in the knowledge base");
}

}  // namespace
}  // namespace vanban::index
