#include "vanban/index/record_codec.h"

#include "vanban/json.h"

namespace vanban::index {
namespace {

Result<nlohmann::json> parse_object(std::string_view data) {
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::corruption("corrupt document data in the index", "not a JSON object");
  }
  return j;
}

}  // namespace

std::string encode_record(const doc::DocumentRecord& record) {
  return dump_json(nlohmann::json(record));
}

std::string encode_stored(const StoredDocument& s) {
  nlohmann::json j = s.record;
  j["citations"] = s.citations;
  j["campaigns"] = s.campaigns;
  j["contents"] = s.contents;
  j["relations"] = s.relations;
  j["effective"] = s.effective;
  return dump_json(j);
}

Result<StoredDocument> decode_stored(std::string_view data) {
  Result<nlohmann::json> j = parse_object(data);
  if (!j) return j.status();
  try {
    StoredDocument s;
    j->get_to(s.record);
    if (const auto c = j->find("citations"); c != j->end()) c->get_to(s.citations);
    if (const auto m = j->find("campaigns"); m != j->end()) m->get_to(s.campaigns);
    if (const auto c = j->find("contents"); c != j->end()) c->get_to(s.contents);
    if (const auto r = j->find("relations"); r != j->end()) r->get_to(s.relations);
    if (const auto e = j->find("effective"); e != j->end()) e->get_to(s.effective);
    return s;
  } catch (const nlohmann::json::exception& e) {
    return Status::corruption("corrupt document data in the index", e.what());
  }
}

Result<doc::DocumentRecord> decode_record(std::string_view data) {
  Result<StoredDocument> s = decode_stored(data);
  if (!s) return s.status();
  return std::move(s->record);
}

std::string encode_relations(const std::vector<text::Relation>& relations) {
  nlohmann::json out = nlohmann::json::array();
  for (const text::Relation& rel : relations) {
    if (rel.type != text::RelationType::kCites) out.push_back(rel);
  }
  return out.empty() ? std::string() : dump_json(out);
}

Result<std::vector<text::Relation>> decode_relations(std::string_view data) {
  std::vector<text::Relation> out;
  if (data.empty()) return out;
  try {
    nlohmann::json::parse(data).get_to(out);
    return out;
  } catch (const nlohmann::json::exception& e) {
    return Status::corruption("stored relations", e.what());
  }
}

}  // namespace vanban::index
