// Domain values <-> JSON. The HTTP layer's only serialization code.
#ifndef VANBAN_SERVER_JSON_CODEC_H_
#define VANBAN_SERVER_JSON_CODEC_H_

#include <nlohmann/json.hpp>

#include "vanban/doc/record.h"
#include "vanban/json.h"
#include "vanban/search/comparison.h"
#include "vanban/search/knowledge_service.h"
#include "vanban/search/obligations.h"
#include "vanban/search/search_service.h"

namespace vanban::http {

nlohmann::json to_json(const search::SearchResponse& response);
// The document with its metadata, citations (offsets in Unicode code
// points), campaigns, who cites it, similar documents and its outline
// ("outline": [{"level", "label", "title", "anchor", "start"}], `start` in
// code points).
nlohmann::json to_json(const search::DocumentDetail& detail);
// Byte spans of `text` (sorted, disjoint) as [[start, end], ...] in code
// points of `text`.
nlohmann::json match_spans_json(const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                                std::string_view text);
// {"url", "file_name", "content_type", "size"} of a document's original
// file (`url` relative to the server, its id percent-encoded), or null.
nlohmann::json original_json(const Result<search::OriginalFile>& file, std::string_view id);
nlohmann::json to_json(const search::DirectiveSummary& directive);
nlohmann::json to_json(const search::DirectiveList& list);
nlohmann::json to_json(const search::DirectiveDetail& detail);
nlohmann::json to_json(const search::CampaignSummary& campaign);
nlohmann::json to_json(const search::CampaignDetail& detail);

// Campaign contents. A document's: {"period" (the first, or null),
// "items", "targets", "assignments", "rewards", "reports"}, offsets in
// Unicode code points of `text` (the document's).
nlohmann::json contents_json(const text::CampaignContents& contents, std::string_view text);
// {"threshold", "documents", "rows", "targets"} (offsets already in code
// points; document and row references are indexes).
nlohmann::json to_json(const search::Comparison& comparison);
// {"total", "obligations": [{"id", "kind", "document": {"id", "title",
// "date", "issuer"}, "assignee", "assignee_key", "task", "recipient",
// "recipient_key", "deadline": {"text", "date"}, "evidence", "start",
// "end"}]}
nlohmann::json to_json(const search::ObligationList& list);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_JSON_CODEC_H_
