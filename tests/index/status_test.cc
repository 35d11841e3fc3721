// status_as_of(): a directive's status on a date from what the corpus
// states about it, and the Vietnamese reason shown to users.
#include "vanban/index/status.h"

#include <gtest/gtest.h>

#include <string>

namespace vanban::index {
namespace {

using text::RelationType;

// Nghị định 60/2018/NĐ-CP replaced by 123/2026/NĐ-CP from 2026-07-01.
EffectEvent replaced_by_123() {
  EffectEvent e;
  e.type = RelationType::kReplaces;
  e.date = "2026-07-01";
  e.by_id = "nghi-dinh-so-123-2026-nd-cp";
  e.by_symbol = "123/2026/NĐ-CP";
  e.by_type = "Nghị định";
  e.sentence = "Nghị định này thay thế Nghị định số 60/2018/NĐ-CP ngày 20 tháng 4 năm 2018.";
  return e;
}

EffectEvent amended_in_part() {
  EffectEvent e;
  e.type = RelationType::kRepeals;
  e.whole = false;
  e.scope_text = "khoản 1 Điều 3";
  e.date = "2024-01-15";
  e.by_id = "thong-tu-so-5-2024";
  e.by_symbol = "05/2024/TT-BTC";
  e.by_type = "Thông tư";
  return e;
}

TEST(StatusTest, ReplacedFromTheDateTheReplacementTakesEffect) {
  StatusEvidence e;
  e.effective_from = "2018-06-05";
  e.events = {replaced_by_123()};
  const DirectiveStatus before = status_as_of(e, "2026-06-30");
  EXPECT_EQ(before.value, StatusValue::kInForce);
  EXPECT_EQ(before.reason,
            "Có hiệu lực từ ngày 2018-06-05; chưa phát hiện văn bản thay thế trong kho đến ngày "
            "2026-06-30; sẽ hết hiệu lực từ ngày 2026-07-01 theo Nghị định 123/2026/NĐ-CP");
  const DirectiveStatus after = status_as_of(e, "2026-07-01");
  EXPECT_EQ(after.value, StatusValue::kExpired);
  EXPECT_EQ(after.since, "2026-07-01");
  EXPECT_EQ(after.reason, "Bị thay thế bởi Nghị định 123/2026/NĐ-CP từ ngày 2026-07-01");
  EXPECT_EQ(after.sentence, replaced_by_123().sentence);
  ASSERT_EQ(after.by.size(), 1u);
  EXPECT_EQ(after.by[0].by_id, "nghi-dinh-so-123-2026-nd-cp");
}

TEST(StatusTest, NotYetInForceBeforeItsEffectDate) {
  StatusEvidence e;
  e.effective_from = "2026-06-20";
  e.effect_sentence = "Nghị định này có hiệu lực thi hành kể từ ngày 20 tháng 6 năm 2026.";
  const DirectiveStatus s = status_as_of(e, "2026-05-05");
  EXPECT_EQ(s.value, StatusValue::kNotYetInForce);
  EXPECT_EQ(s.since, "2026-06-20");
  EXPECT_EQ(s.sentence, e.effect_sentence);
  EXPECT_EQ(status_as_of(e, "2026-06-20").value, StatusValue::kInForce);
}

TEST(StatusTest, PartRepealedIsPartlyExpiredAndSaysWhichPart) {
  StatusEvidence e;
  e.effective_from = "2020-01-01";
  e.events = {amended_in_part()};
  EXPECT_EQ(status_as_of(e, "2023-12-31").value, StatusValue::kInForce);
  const DirectiveStatus s = status_as_of(e, "2024-01-15");
  EXPECT_EQ(s.value, StatusValue::kPartlyExpired);
  EXPECT_EQ(s.reason,
            "Bị bãi bỏ bởi Thông tư 05/2024/TT-BTC (khoản 1 Điều 3) từ ngày 2024-01-15; chưa phát "
            "hiện văn bản thay thế trong kho đến ngày 2024-01-15");
  // A later whole replacement wins over the part.
  e.events.push_back(replaced_by_123());
  EXPECT_EQ(status_as_of(e, "2026-08-01").value, StatusValue::kExpired);
}

TEST(StatusTest, PartyDirectiveWithoutEffectClauseSaysWhatTheCorpusKnows) {
  // Chỉ thị 34-CT/TW has no effect clause; the corpus still applies it.
  StatusEvidence e;
  e.last_applied = "2024-02-29";
  e.last_applied_by = "004_39b0106687e293f0.txt";
  const DirectiveStatus applied = status_as_of(e, "2026-11-29");
  EXPECT_EQ(applied.value, StatusValue::kInForce);
  EXPECT_EQ(applied.reason,
            "Kho không có điều khoản hiệu lực của văn bản này; vẫn được trích dẫn, thực hiện trong "
            "văn bản ngày 2024-02-29; chưa phát hiện văn bản thay thế trong kho đến ngày 2026-11-29");
  // Before any document applied it, nothing is claimed.
  const DirectiveStatus silent = status_as_of(e, "2020-01-01");
  EXPECT_EQ(silent.value, StatusValue::kUnknown);
  EXPECT_EQ(silent.reason.rfind("Không xác định: ", 0), 0u);
}

TEST(StatusTest, NamesRoundTrip) {
  for (const StatusValue v : {StatusValue::kInForce, StatusValue::kNotYetInForce,
                              StatusValue::kExpired, StatusValue::kPartlyExpired,
                              StatusValue::kUnknown}) {
    StatusValue back = StatusValue::kUnknown;
    ASSERT_TRUE(parse_status(to_string(v), back));
    EXPECT_EQ(back, v);
  }
  StatusValue ignored;
  EXPECT_FALSE(parse_status("valid", ignored));
  EXPECT_FALSE(parse_status("", ignored));
}

}  // namespace
}  // namespace vanban::index
