#include "vanban/index/status.h"

#include <algorithm>
#include <map>
#include <optional>

#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"

namespace vanban::index {
namespace {

using text::RelationType;

bool changes_effect(RelationType t) {
  return t == RelationType::kReplaces || t == RelationType::kRepeals ||
         t == RelationType::kExpires || t == RelationType::kAmends;
}

// Dates agree to the precision both have ("2023-05" and "2023-05-30").
bool dates_agree(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  return n == 0 || a.substr(0, n) == b.substr(0, n);
}

// The date a relation takes effect: the one it states, else the stating
// document's own effective date (a replacement takes effect with the
// replacing document), else the date it was signed.
std::string event_date(const text::Relation& rel, const StoredDocument& s) {
  if (!rel.date.empty()) return rel.date;
  if (!s.effective.date.empty()) return s.effective.date;
  return s.record.date;
}

EffectEvent event_of(const text::Relation& rel, const StoredDocument& s) {
  EffectEvent e;
  e.type = rel.type;
  e.whole = rel.scope == text::RelationScope::kWhole && rel.type != RelationType::kAmends;
  e.scope_text = rel.scope_text;
  e.date = event_date(rel, s);
  e.by_id = s.record.id;
  e.by_symbol = s.record.symbol;
  e.by_type = s.record.type;
  e.by_title = s.record.title;
  e.by_date = s.record.date;
  e.sentence = rel.evidence;
  return e;
}

// The directive's date that a relation names: after the '@' of its key.
std::string_view key_date(std::string_view directive_key) {
  const auto at = directive_key.find('@');
  return at == std::string_view::npos ? std::string_view{} : directive_key.substr(at + 1);
}

// An unknown date sorts first: nothing says when, so it holds at any date.
bool by_date(const EffectEvent& a, const EffectEvent& b) {
  return a.date < b.date || (a.date == b.date && a.by_id < b.by_id);
}

bool holds_on(const EffectEvent& e, std::string_view as_of) {
  return e.date.empty() || e.date <= as_of;
}

std::string describe(const EffectEvent& e) {
  std::string who = e.by_type.empty() ? "văn bản" : e.by_type;
  if (!e.by_symbol.empty()) who += " " + e.by_symbol;
  return who;
}

std::string_view verb(RelationType t) {
  switch (t) {
    case RelationType::kReplaces: return "Bị thay thế bởi ";
    case RelationType::kRepeals: return "Bị bãi bỏ bởi ";
    case RelationType::kExpires: return "Hết hiệu lực theo ";
    case RelationType::kAmends: return "Được sửa đổi, bổ sung bởi ";
    default: return "Theo ";
  }
}

// What "in force" means here, always said.
std::string no_replacement(std::string_view as_of) {
  return "chưa phát hiện văn bản thay thế trong kho đến ngày " + std::string(as_of);
}

DirectiveStatus changed_by(StatusValue value, std::vector<EffectEvent> events) {
  DirectiveStatus s;
  s.value = value;
  std::sort(events.begin(), events.end(), by_date);
  s.since = events.front().date;
  s.sentence = events.front().sentence;
  s.reason = std::string(verb(events.front().type)) + describe(events.front());
  if (value == StatusValue::kPartlyExpired && !events.front().scope_text.empty()) {
    s.reason += " (" + events.front().scope_text + ")";
  }
  if (!s.since.empty()) s.reason += " từ ngày " + s.since;
  s.by = std::move(events);
  return s;
}

std::string upcoming(const StatusEvidence& e, std::string_view as_of) {
  for (const EffectEvent& ev : e.events) {
    if (ev.whole && !holds_on(ev, as_of)) {
      return "; sẽ hết hiệu lực từ ngày " + ev.date + " theo " + describe(ev);
    }
  }
  return {};
}

}  // namespace

std::vector<EffectEvent> effect_events(const Xapian::Database& corpus, std::string_view symbol_key,
                                       std::string_view date) {
  std::vector<EffectEvent> out;
  const std::string term = std::string(kRelationTargetPrefix) + std::string(symbol_key);
  for (auto p = corpus.postlist_begin(term); p != corpus.postlist_end(term); ++p) {
    const Xapian::Document doc = corpus.get_document(*p);
    const auto typed = decode_relations(doc.get_value(kRelationsSlot));
    if (!typed) continue;
    std::optional<StoredDocument> s;  // decoded only for a relation that counts
    for (const text::Relation& rel : *typed) {
      if (rel.target_key != symbol_key || !changes_effect(rel.type)) continue;
      if (!dates_agree(key_date(rel.directive_key), date)) continue;
      if (!s) {
        auto decoded = decode_stored(doc.get_data());
        if (!decoded) break;
        s = std::move(*decoded);
      }
      out.push_back(event_of(rel, *s));
    }
  }
  std::sort(out.begin(), out.end(), by_date);
  return out;
}

std::string_view to_string(StatusValue value) {
  switch (value) {
    case StatusValue::kInForce: return "in_force";
    case StatusValue::kNotYetInForce: return "not_yet_in_force";
    case StatusValue::kExpired: return "expired";
    case StatusValue::kPartlyExpired: return "partly_expired";
    case StatusValue::kUnknown: return "unknown";
  }
  return "unknown";
}

bool parse_status(std::string_view name, StatusValue& value) {
  for (const StatusValue v : {StatusValue::kInForce, StatusValue::kNotYetInForce, StatusValue::kExpired,
                              StatusValue::kPartlyExpired, StatusValue::kUnknown}) {
    if (to_string(v) == name) {
      value = v;
      return true;
    }
  }
  return false;
}

DirectiveStatus status_as_of(const StatusEvidence& e, std::string_view as_of) {
  std::vector<EffectEvent> whole, part;
  for (const EffectEvent& ev : e.events) {
    if (!holds_on(ev, as_of)) continue;
    (ev.whole ? whole : part).push_back(ev);
  }
  if (!whole.empty()) return changed_by(StatusValue::kExpired, std::move(whole));
  DirectiveStatus s;
  if (!e.effective_from.empty() && e.effective_from > as_of) {
    s.value = StatusValue::kNotYetInForce;
    s.since = e.effective_from;
    s.sentence = e.effect_sentence;
    s.reason = "Có hiệu lực từ ngày " + e.effective_from;
    return s;
  }
  if (!part.empty()) {
    s = changed_by(StatusValue::kPartlyExpired, std::move(part));
    s.reason += "; " + no_replacement(as_of) + upcoming(e, as_of);
    return s;
  }
  if (!e.effective_from.empty()) {
    s.value = StatusValue::kInForce;
    s.since = e.effective_from;
    s.sentence = e.effect_sentence;
    s.reason = "Có hiệu lực từ ngày " + e.effective_from + "; " + no_replacement(as_of) + upcoming(e, as_of);
  } else if (!e.last_applied.empty() && e.last_applied <= as_of) {
    s.value = StatusValue::kInForce;
    s.reason = "Kho không có điều khoản hiệu lực của văn bản này; vẫn được trích dẫn, thực hiện trong "
               "văn bản ngày " + e.last_applied + "; " + no_replacement(as_of) + upcoming(e, as_of);
  } else {
    s.value = StatusValue::kUnknown;
    s.reason = "Không xác định: kho không có điều khoản hiệu lực của văn bản này; " +
               no_replacement(as_of) + upcoming(e, as_of);
  }
  return s;
}

namespace {

// The dates a document that is `symbol_key` and dated `date` loses effect.
struct EffectValues {
  std::string expiry, partial;  // date_value()s, "" for none
};

EffectValues effect_values(const std::vector<EffectEvent>& events) {
  // An event without a date holds at any date: it sorts before all.
  constexpr std::string_view kAlways = "00000000";
  EffectValues v;
  for (const EffectEvent& ev : events) {
    const std::string date = ev.date.empty() ? std::string(kAlways) : date_value(ev.date);
    std::string& slot = ev.whole ? v.expiry : v.partial;
    if (!date.empty() && (slot.empty() || date < slot)) slot = date;
  }
  return v;
}

// Sets (or removes) one value; true if it changed.
bool set_value(Xapian::Document& doc, Xapian::valueno slot, const std::string& value) {
  if (doc.get_value(slot) == value) return false;
  if (value.empty()) {
    doc.remove_value(slot);
  } else {
    doc.add_value(slot, value);
  }
  return true;
}

void update_shard(const Xapian::Database& corpus, Xapian::WritableDatabase& shard,
                  const std::string& symbol_key) {
  const std::string own = std::string(kOwnSymbolPrefix) + symbol_key;
  std::vector<Xapian::docid> ids;
  for (auto p = shard.postlist_begin(own); p != shard.postlist_end(own); ++p) ids.push_back(*p);
  for (const Xapian::docid id : ids) {
    Xapian::Document doc = shard.get_document(id);
    const auto r = decode_record(doc.get_data());
    if (!r) continue;
    const EffectValues v = effect_values(effect_events(corpus, symbol_key, r->date));
    const bool changed = set_value(doc, kExpirySlot, v.expiry) | set_value(doc, kPartialSlot, v.partial);
    if (changed) shard.replace_document(id, doc);
  }
}

}  // namespace

void update_effect_values(const Xapian::Database& corpus,
                          const std::vector<Xapian::WritableDatabase*>& shards,
                          const std::set<std::string>& symbol_keys) {
  for (const std::string& key : symbol_keys) {
    for (Xapian::WritableDatabase* shard : shards) update_shard(corpus, *shard, key);
  }
}

}  // namespace vanban::index
