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

TEST(RecordCodecTest, TheTextIsStoredAfterTheFieldsAsItIs) {
  StoredDocument s = sample();
  s.record.text = "Dòng 1: \"trích dẫn\"\n\tDòng 2 \\ hết";
  const std::string data = encode_stored(s);
  const std::size_t nul = data.find('\0');
  ASSERT_NE(nul, std::string::npos);
  EXPECT_EQ(data.substr(nul + 1), s.record.text);  // not JSON-escaped
  EXPECT_EQ(data.substr(0, nul).find("Dòng 1"), std::string::npos);
  EXPECT_EQ(decode_stored(data)->record.text, s.record.text);
  EXPECT_EQ(decode_record(encode_record(s.record))->text, s.record.text);
}

TEST(RecordCodecTest, EmptyTextRoundTrips) {
  StoredDocument s = sample();
  s.record.text.clear();
  const auto back = decode_stored(encode_stored(s));
  ASSERT_TRUE(back.is_ok());
  EXPECT_TRUE(back->record.text.empty());
  EXPECT_EQ(back->record.title, "Tiêu đề");
}

// Indexes written before schema 12 stored the whole document as JSON; a
// server reads them until the next indexing run rewrites them.
TEST(RecordCodecTest, AllJsonDataOfEarlierSchemasStillDecodes) {
  const auto r = decode_stored(
      R"({"id": "seeds/a.txt", "text": "Thực hiện Chỉ thị số 34-CT/TW",)"
      R"( "citations": [{"symbol": "34-CT/TW", "key": "34-ct/tw@2014-04-07"}]})");
  ASSERT_TRUE(r.is_ok()) << r.status().message();
  EXPECT_EQ(r->record.text, "Thực hiện Chỉ thị số 34-CT/TW");
  ASSERT_EQ(r->citations.size(), 1u);
  EXPECT_EQ(r->citations[0].key, "34-ct/tw@2014-04-07");
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
  // The fields before the text must be a JSON object too.
  EXPECT_TRUE(decode_stored(std::string(R"({"id": "x")") + '\0' + "văn bản")
                  .status()
                  .is_corruption());
  EXPECT_TRUE(decode_stored(std::string(1, '\0') + "văn bản").status().is_corruption());
}

}  // namespace
}  // namespace vanban::index
