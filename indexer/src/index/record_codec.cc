#include "vanban/index/record_codec.h"

#include "vanban/json.h"

namespace vanban::index {
namespace {

// Stored data is the JSON of everything but the text, a NUL byte (which
// JSON text never holds: dump() escapes control characters), then the
// text as it is. The text is most of a document's bytes; kept out of the
// JSON it is neither escaped when written nor lexed character by character
// when read (a knowledge-base refresh reads thousands of records).
constexpr char kTextSeparator = '\0';

std::string with_text(const nlohmann::json& fields, std::string_view text) {
  std::string out = dump_json(fields);
  out.reserve(out.size() + 1 + text.size());
  out += kTextSeparator;
  out += text;
  return out;
}

// The record's fields as JSON, without its text.
nlohmann::json record_fields(const doc::DocumentRecord& record) {
  nlohmann::json j = record;
  j.erase("text");
  return j;
}

Result<nlohmann::json> parse_object(std::string_view data) {
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::corruption("corrupt document data in the index", "not a JSON object");
  }
  return j;
}

}  // namespace

std::string encode_record(const doc::DocumentRecord& record) {
  return with_text(record_fields(record), record.text);
}

std::string encode_stored(const StoredDocument& s) {
  nlohmann::json j = record_fields(s.record);
  j["citations"] = s.citations;
  j["campaigns"] = s.campaigns;
  j["contents"] = s.contents;
  j["relations"] = s.relations;
  j["effective"] = s.effective;
  return with_text(j, s.record.text);
}

Result<StoredDocument> decode_stored(std::string_view data) {
  // Data written before schema 12 is all JSON, the text inside it.
  const std::size_t separator = data.find(kTextSeparator);
  const std::string_view fields = data.substr(0, separator);
  Result<nlohmann::json> j = parse_object(fields);
  if (!j) return j.status();
  try {
    StoredDocument s;
    j->get_to(s.record);
    if (separator != std::string_view::npos) s.record.text.assign(data.substr(separator + 1));
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
