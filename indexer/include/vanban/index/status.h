// Whether a directive is still in force, as the corpus says it: what other
// documents state about it (replaced, repealed, declared expired, amended)
// and its own effect clause, as of a date. The national databases (vbpl.vn)
// keep this by hand; here it is read from the documents' own words, with
// the sentence that proves it, and says so when the corpus is silent.
//
// Two uses: at query time for a directive page (status_as_of), and when the
// knowledge base is refreshed, to store on each document the dates it loses
// effect (kExpirySlot, kPartialSlot) so that searches can filter by status
// with value ranges (update_effect_values).
#ifndef VANBAN_INDEX_STATUS_H_
#define VANBAN_INDEX_STATUS_H_

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/relation.h"

namespace vanban::index {

// One statement by a corpus document that changes a target's effect.
struct EffectEvent {
  text::RelationType type = text::RelationType::kReplaces;  // replaces, repeals, expires, amends
  bool whole = true;        // the whole target, or some of it
  std::string scope_text;   // "khoản 1 Điều 3" when part
  // ISO date it takes effect: the date the text gives, else the stating
  // document's own effective date, else its signing date; "" if none.
  std::string date;
  std::string by_id, by_symbol, by_type, by_title, by_date;  // the stating document
  std::string sentence;  // its evidence
};

// Every effect event of the corpus on symbol `symbol_key` ("60/2018/nd-cp")
// whose target date agrees with `date` (the directive's ISO date, "" when
// unknown: numbers restart each term, so a dated relation to another
// term's document with the same number does not count). Corrupt records
// are passed over. Ordered by date, then stating document id.
std::vector<EffectEvent> effect_events(const Xapian::Database& corpus, std::string_view symbol_key,
                                       std::string_view date);

enum class StatusValue { kInForce, kNotYetInForce, kExpired, kPartlyExpired, kUnknown };

// "in_force", "not_yet_in_force", "expired", "partly_expired", "unknown".
std::string_view to_string(StatusValue value);
// The inverse; false for anything else.
bool parse_status(std::string_view name, StatusValue& value);

// What status_as_of() reads.
struct StatusEvidence {
  std::vector<EffectEvent> events;
  std::string effective_from;  // ISO, from the directive's own text in the corpus; ""
  std::string effect_sentence;  // the effect clause, ""
  // The latest date a corpus document cites, implements or continues it
  // (ISO, ""): a directive still applied, though nothing says so formally.
  std::string last_applied;
  std::string last_applied_by;  // that document's id
};

struct DirectiveStatus {
  StatusValue value = StatusValue::kUnknown;
  std::string since;  // ISO date the status began, "" if unknown
  std::vector<EffectEvent> by;  // the documents that made it so
  std::string sentence;         // the evidence sentence
  // Why, in Vietnamese, as shown to users: always says what "in force"
  // means ("chưa phát hiện văn bản thay thế trong kho đến ngày D").
  std::string reason;
};

// The status on `as_of` (ISO "YYYY-MM-DD"): expired when a whole
// replacement, repeal or expiry took effect by then; partly_expired when
// only parts did (or amendments); not_yet_in_force before its effective
// date; in_force when its effect date has passed, or it is still applied
// by a corpus document by then, and nothing replaced it; unknown otherwise.
DirectiveStatus status_as_of(const StatusEvidence& evidence, std::string_view as_of);

// For each symbol key in `symbol_keys`, sets on every corpus document that
// is that directive (its own symbol, "XOWN") the dates it loses effect:
// kExpirySlot (the earliest whole replacement, repeal or expiry) and
// kPartialSlot (the earliest part of one, or an amendment), removing them
// when nothing says so any more. `corpus` reads every shard; `shards` are
// the writable shards (for an unsharded index, the one database, which may
// also be `corpus`). Does not commit.
void update_effect_values(const Xapian::Database& corpus,
                          const std::vector<Xapian::WritableDatabase*>& shards,
                          const std::set<std::string>& symbol_keys);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_STATUS_H_
