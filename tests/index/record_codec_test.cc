#include "vanban/index/record_codec.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::index {
namespace {

StoredDocument sample() {
  StoredDocument s;
  s.record.id = "seeds/a.txt";
  s.record.title = "Tiêu đề";
  s.record.text = "Thực hiện Chỉ thị số 34-CT/TW <script>";
  s.record.recipients = {"Các sở, ban, ngành"};
  s.record.metadata["place"] = "Lai Châu";
  text::Citation c;
  c.symbol = "34-CT/TW";
  c.symbol_key = "34-ct/tw";
  c.key = "34-ct/tw@2014-04-07";
  c.start = 21;
  c.end = 36;
  s.citations.push_back(c);
  text::CampaignMention m;
  m.name = "Dân vận khéo";
  m.id = "dan-van-kheo";
  m.launched = true;
  s.campaigns.push_back(m);
  return s;
}

TEST(RecordCodecTest, StoredDocumentsRoundTrip) {
  const StoredDocument s = sample();
  const auto back = decode_stored(encode_stored(s));
  ASSERT_TRUE(back.is_ok()) << back.status().message();
  EXPECT_EQ(back->record.id, "seeds/a.txt");
  EXPECT_EQ(back->record.text, s.record.text);
  EXPECT_EQ(back->record.recipients, s.record.recipients);
  EXPECT_EQ(back->record.metadata, s.record.metadata);
  ASSERT_EQ(back->citations.size(), 1u);
  EXPECT_EQ(back->citations[0].key, "34-ct/tw@2014-04-07");
  EXPECT_EQ(back->citations[0].end, 36u);
  ASSERT_EQ(back->campaigns.size(), 1u);
  EXPECT_TRUE(back->campaigns[0].launched);
}

TEST(RecordCodecTest, ARecordAloneDecodesWithoutCitations) {
  const StoredDocument s = sample();
  const auto back = decode_stored(encode_record(s.record));
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->record.title, "Tiêu đề");
  EXPECT_TRUE(back->citations.empty());
  EXPECT_EQ(decode_record(encode_stored(s))->id, "seeds/a.txt");
}

TEST(RecordCodecTest, MissingFieldsTakeTheirDefaults) {
  const auto r = decode_record(R"({"id": "x", "text": "Nội dung"})");
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->id, "x");
  EXPECT_TRUE(r->title.empty());
  EXPECT_TRUE(r->metadata.empty());
}

TEST(RecordCodecTest, CorruptDataIsAStatus) {
  EXPECT_TRUE(decode_record("{").status().is_corruption());
  EXPECT_TRUE(decode_record("[1, 2]").status().is_corruption());
  const auto wrong_type = decode_stored(R"({"id": 7})");
  EXPECT_TRUE(wrong_type.status().is_corruption());
  EXPECT_EQ(wrong_type.status().reason(), "corrupt document data in the index");
}

}  // namespace
}  // namespace vanban::index
