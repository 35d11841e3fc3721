// The JSON form of vanban's domain values, in one place: the index stores
// documents and knowledge-base entities in it and the HTTP API answers
// with it, so the two can never disagree on a field's name. nlohmann/json
// finds these functions by argument-dependent lookup:
//
//   nlohmann::json j = record;                      // to_json
//   auto r = j.get<vanban::doc::DocumentRecord>();  // from_json
//
// from_json is lenient: a missing field takes its default (records written
// by older versions stay readable); a field of the wrong JSON type throws
// nlohmann::json::exception, which the decoders turn into a Status.
#ifndef VANBAN_JSON_H_
#define VANBAN_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "vanban/doc/record.h"
#include "vanban/index/entity.h"
#include "vanban/text/campaign.h"
#include "vanban/text/citation.h"

namespace vanban {

// Compact JSON text; ill-formed UTF-8 (which should never get this far)
// becomes U+FFFD instead of an exception.
std::string dump_json(const nlohmann::json& j);

}  // namespace vanban

namespace vanban::doc {
void to_json(nlohmann::json& j, const DocumentRecord& r);
void from_json(const nlohmann::json& j, DocumentRecord& r);
}  // namespace vanban::doc

namespace vanban::text {
// Offsets (start, end) are bytes of the document text.
void to_json(nlohmann::json& j, const Citation& c);
void from_json(const nlohmann::json& j, Citation& c);
void to_json(nlohmann::json& j, const CampaignMention& m);
void from_json(const nlohmann::json& j, CampaignMention& m);
}  // namespace vanban::text

namespace vanban::index {
void to_json(nlohmann::json& j, const LinkedDocument& l);
void from_json(const nlohmann::json& j, LinkedDocument& l);
void to_json(nlohmann::json& j, const DirectiveEntity& d);
void from_json(const nlohmann::json& j, DirectiveEntity& d);
void to_json(nlohmann::json& j, const CampaignVariant& v);
void from_json(const nlohmann::json& j, CampaignVariant& v);
void to_json(nlohmann::json& j, const CampaignEntity& c);
void from_json(const nlohmann::json& j, CampaignEntity& c);
}  // namespace vanban::index

#endif  // VANBAN_JSON_H_
