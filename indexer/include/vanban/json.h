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
#include "vanban/text/contents.h"
#include "vanban/text/relation.h"

namespace vanban {

// Compact JSON text; ill-formed UTF-8 (which should never get this far)
// becomes U+FFFD instead of an exception.
std::string dump_json(const nlohmann::json& j);

}  // namespace vanban

// Each type's fields, listed once: nlohmann's macro writes both directions
// (inline), and reading takes a default-constructed value's field for a
// missing key.
namespace vanban::doc {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DocumentRecord, id, title, text, date, type, symbol,
                                                source, issuer, subject, recipients, distribution,
                                                signer_authority, signer_name, metadata)
}  // namespace vanban::doc

namespace vanban::text {
// Offsets (start, end) are bytes of the document text.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Citation, symbol, symbol_key, type, date, issuer,
                                                subject, key, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CampaignMention, name, id, local, launched, launcher,
                                                start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Period, from, to, from_document_date, text, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ContentItem, number, text, depth, parent, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Target, indicator, value_text, value, unit, base_unit,
                                                scale, when, year, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Deadline, text, date)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Assignment, assignee, assignee_key, task, deadline,
                                                start, end)
NLOHMANN_JSON_SERIALIZE_ENUM(RewardStatus, {{RewardStatus::kPromised, "promised"},
                                            {RewardStatus::kAwarded, "awarded"},
                                            {RewardStatus::kSought, "sought"}})
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Reward, status, form, form_text, body, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReportDuty, what, recipient, recipient_key, deadline,
                                                start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CampaignContents, periods, contents, targets,
                                                assignments, rewards, reports)
NLOHMANN_JSON_SERIALIZE_ENUM(RelationType, {{RelationType::kCites, "cites"},
                                            {RelationType::kReplaces, "replaces"},
                                            {RelationType::kRepeals, "repeals"},
                                            {RelationType::kExpires, "expires"},
                                            {RelationType::kAmends, "amends"},
                                            {RelationType::kGuides, "guides"},
                                            {RelationType::kImplements, "implements"},
                                            {RelationType::kCorrects, "corrects"},
                                            {RelationType::kContinues, "continues"},
                                            {RelationType::kBasedOn, "based_on"}})
NLOHMANN_JSON_SERIALIZE_ENUM(RelationScope, {{RelationScope::kWhole, "whole"},
                                             {RelationScope::kPart, "part"}})
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Relation, type, target_symbol, target_key,
                                                directive_key, scope, scope_text, date,
                                                on_effect_date, evidence, evidence_start,
                                                evidence_end, stated, citation)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EffectiveFrom, date, evidence, evidence_start,
                                                evidence_end)
}  // namespace vanban::text

namespace vanban::index {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LinkedDocument, id, title, date, confidence, how)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(DirectiveEntity, key, symbol, symbol_key, type, date,
                                                issuer, subject, aliases, documents)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CampaignVariant, name, documents, local)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CampaignEntity, id, name, variants, launchers)
}  // namespace vanban::index

#endif  // VANBAN_JSON_H_
