#include "vanban/json.h"

namespace vanban {

std::string dump_json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// Reads j[key] into `out` when present and not null.
template <typename T>
void read(const nlohmann::json& j, const char* key, T& out) {
  if (const auto it = j.find(key); it != j.end() && !it->is_null()) it->get_to(out);
}

}  // namespace

namespace doc {

void to_json(nlohmann::json& j, const DocumentRecord& r) {
  j = {{"id", r.id},
       {"title", r.title},
       {"text", r.text},
       {"date", r.date},
       {"type", r.type},
       {"symbol", r.symbol},
       {"source", r.source},
       {"issuer", r.issuer},
       {"subject", r.subject},
       {"recipients", r.recipients},
       {"distribution", r.distribution},
       {"signer_authority", r.signer_authority},
       {"signer_name", r.signer_name},
       {"metadata", r.metadata}};
}

void from_json(const nlohmann::json& j, DocumentRecord& r) {
  read(j, "id", r.id);
  read(j, "title", r.title);
  read(j, "text", r.text);
  read(j, "date", r.date);
  read(j, "type", r.type);
  read(j, "symbol", r.symbol);
  read(j, "source", r.source);
  read(j, "issuer", r.issuer);
  read(j, "subject", r.subject);
  read(j, "recipients", r.recipients);
  read(j, "distribution", r.distribution);
  read(j, "signer_authority", r.signer_authority);
  read(j, "signer_name", r.signer_name);
  read(j, "metadata", r.metadata);
}

}  // namespace doc

namespace text {

void to_json(nlohmann::json& j, const Citation& c) {
  j = {{"symbol", c.symbol}, {"symbol_key", c.symbol_key}, {"type", c.type},
       {"date", c.date},     {"issuer", c.issuer},         {"subject", c.subject},
       {"key", c.key},       {"start", c.start},           {"end", c.end}};
}

void from_json(const nlohmann::json& j, Citation& c) {
  read(j, "symbol", c.symbol);
  read(j, "symbol_key", c.symbol_key);
  read(j, "type", c.type);
  read(j, "date", c.date);
  read(j, "issuer", c.issuer);
  read(j, "subject", c.subject);
  read(j, "key", c.key);
  read(j, "start", c.start);
  read(j, "end", c.end);
}

void to_json(nlohmann::json& j, const CampaignMention& m) {
  j = {{"name", m.name},         {"id", m.id},       {"local", m.local},
       {"launched", m.launched}, {"launcher", m.launcher}, {"start", m.start},
       {"end", m.end}};
}

void from_json(const nlohmann::json& j, CampaignMention& m) {
  read(j, "name", m.name);
  read(j, "id", m.id);
  read(j, "local", m.local);
  read(j, "launched", m.launched);
  read(j, "launcher", m.launcher);
  read(j, "start", m.start);
  read(j, "end", m.end);
}

}  // namespace text

namespace index {

void to_json(nlohmann::json& j, const LinkedDocument& l) {
  j = {{"id", l.id},
       {"title", l.title},
       {"date", l.date},
       {"confidence", l.confidence},
       {"how", l.how}};
}

void from_json(const nlohmann::json& j, LinkedDocument& l) {
  read(j, "id", l.id);
  read(j, "title", l.title);
  read(j, "date", l.date);
  read(j, "confidence", l.confidence);
  read(j, "how", l.how);
}

void to_json(nlohmann::json& j, const DirectiveEntity& d) {
  j = {{"key", d.key},         {"symbol", d.symbol},   {"symbol_key", d.symbol_key},
       {"type", d.type},       {"date", d.date},       {"issuer", d.issuer},
       {"subject", d.subject}, {"aliases", d.aliases}, {"documents", d.documents}};
}

void from_json(const nlohmann::json& j, DirectiveEntity& d) {
  read(j, "key", d.key);
  read(j, "symbol", d.symbol);
  read(j, "symbol_key", d.symbol_key);
  read(j, "type", d.type);
  read(j, "date", d.date);
  read(j, "issuer", d.issuer);
  read(j, "subject", d.subject);
  read(j, "aliases", d.aliases);
  read(j, "documents", d.documents);
}

void to_json(nlohmann::json& j, const CampaignVariant& v) {
  j = {{"name", v.name}, {"documents", v.documents}, {"local", v.local}};
}

void from_json(const nlohmann::json& j, CampaignVariant& v) {
  read(j, "name", v.name);
  read(j, "documents", v.documents);
  read(j, "local", v.local);
}

void to_json(nlohmann::json& j, const CampaignEntity& c) {
  j = {{"id", c.id}, {"name", c.name}, {"variants", c.variants}, {"launchers", c.launchers}};
}

void from_json(const nlohmann::json& j, CampaignEntity& c) {
  read(j, "id", c.id);
  read(j, "name", c.name);
  read(j, "variants", c.variants);
  read(j, "launchers", c.launchers);
}

}  // namespace index
}  // namespace vanban
