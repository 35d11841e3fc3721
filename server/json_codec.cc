#include "json_codec.h"

#include <set>

#include "file_reply.h"
#include "vanban/text/chars.h"

namespace vanban::http {
namespace {

// Offsets in the API are Unicode code points (JavaScript string indices).
void set_code_point_offsets(nlohmann::json& j, std::string_view text, std::size_t start,
                            std::size_t end) {
  j["start"] = text::code_point_offset(text, start);
  j["end"] = text::code_point_offset(text, end);
}

// An ISO date, or null when unknown.
nlohmann::json date_or_null(const std::string& iso) {
  return iso.empty() ? nlohmann::json(nullptr) : nlohmann::json(iso);
}

nlohmann::json status_json(const index::DirectiveStatus& st) {
  nlohmann::json by = nlohmann::json::array();
  for (const auto& e : st.by) {
    by.push_back({{"id", e.by_id}, {"symbol", e.by_symbol}, {"type", e.by_type},
                  {"title", e.by_title}, {"date", date_or_null(e.date)},
                  {"relation", std::string(text::to_string(e.type))},
                  {"scope", e.whole ? "whole" : "part"}, {"scope_text", e.scope_text}});
  }
  return {{"value", std::string(index::to_string(st.value))},
          {"since", date_or_null(st.since)},
          {"by", std::move(by)},
          {"sentence", st.sentence},
          {"reason", st.reason}};
}

nlohmann::json edge_json(const search::RelationEdge& e) {
  return {{"type", e.type},     {"scope", e.scope},         {"scope_text", e.scope_text},
          {"date", date_or_null(e.date)}, {"sentence", e.sentence}, {"start", e.start},
          {"end", e.end},       {"id", e.id},               {"title", e.title},
          {"doc_date", e.doc_date}, {"doc_type", e.doc_type}, {"symbol", e.symbol},
          {"key", e.key}};
}

nlohmann::json edges_json(const std::vector<search::RelationEdge>& edges) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : edges) out.push_back(edge_json(e));
  return out;
}

nlohmann::json tree_json(const search::ImplementationNode& n) {
  nlohmann::json children = nlohmann::json::array();
  for (const auto& c : n.children) children.push_back(tree_json(c));
  return {{"key", n.key},       {"symbol", n.symbol}, {"type", n.type},
          {"issuer", n.issuer}, {"date", n.date},     {"id", n.id},
          {"title", n.title},   {"relation", n.relation}, {"sentence", n.sentence},
          {"children", std::move(children)}};
}

// A document's own typed edges (the contract of /api/documents/{id}):
// type, symbol, key, scope, date (ISO or null), sentence and its code
// point offsets.
nlohmann::json document_relations(const index::StoredDocument& s) {
  nlohmann::json out = nlohmann::json::array();
  for (const text::Relation& rel : s.relations) {
    const std::string date = !rel.date.empty() ? rel.date : (rel.on_effect_date ? s.effective.date : "");
    nlohmann::json j = {{"type", std::string(text::to_string(rel.type))},
                        {"symbol", rel.target_symbol},
                        {"key", rel.directive_key},
                        {"scope", rel.scope == text::RelationScope::kWhole ? "whole" : "part"},
                        {"scope_text", rel.scope_text},
                        {"date", date_or_null(date)},
                        {"sentence", rel.evidence},
                        {"stated", rel.stated}};
    set_code_point_offsets(j, s.record.text, rel.evidence_start, rel.evidence_end);
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json related(const std::vector<search::RelatedDirective>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& d : list) {
    out.push_back({{"key", d.key}, {"symbol", d.symbol}, {"type", d.type}, {"count", d.count}});
  }
  return out;
}

nlohmann::json citing(const std::vector<search::CitingDocument>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : list) {
    out.push_back({{"id", c.id}, {"title", c.title}, {"date", c.date}, {"sentence", c.sentence}});
  }
  return out;
}

nlohmann::json facet(const std::vector<search::FacetValue>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& v : values) {
    out.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const search::SearchResponse& r) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& hit : r.results) {
    results.push_back({{"id", hit.id},         {"title", hit.title},   {"date", hit.date},
                       {"type", hit.type},     {"symbol", hit.symbol}, {"issuer", hit.issuer},
                       {"snippet", hit.snippet}, {"score", hit.score},
                       {"status", hit.status.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.status)}});
  }
  nlohmann::json out = {{"query", r.query},           {"total", r.total},
                        {"took_ms", r.took_ms},       {"relaxed", r.relaxed},
                        {"partial", r.partial},
                        {"match", r.match == search::MatchKind::kPartial ? "partial" : "all"},
                        {"suggestion", r.suggestion},
                        {"results", std::move(results)}};
  if (r.facets) {
    out["facets"] = {{"type", facet(r.facets->type)},
                     {"issuer", facet(r.facets->issuer)},
                     {"year", facet(r.facets->year)},
                     {"directives", facet(r.facets->directives)}};
  }
  return out;
}

namespace {

// The header fields as one object, with the extra metadata fields.
nlohmann::json document_metadata(const doc::DocumentRecord& r) {
  nlohmann::json metadata = {
      {"issuer", r.issuer},
      {"symbol", r.symbol},
      {"type", r.type},
      {"date", r.date},
      {"subject", r.subject},
      {"recipients", r.recipients},
      {"distribution", r.distribution},
      {"signer", {{"authority", r.signer_authority}, {"name", r.signer_name}}},
  };
  for (const auto& [k, v] : r.metadata) {
    if (!metadata.contains(k)) metadata[k] = v;
  }
  if (r.metadata.count("unnumbered_symbol")) metadata["unnumbered"] = true;
  return metadata;
}

// Citations with the words cited and code-point offsets; each key
// resolved to its directive entity.
nlohmann::json document_citations(const search::DocumentDetail& d) {
  const std::string& text = d.stored.record.text;
  nlohmann::json citations = nlohmann::json::array();
  for (std::size_t i = 0; i < d.stored.citations.size(); ++i) {
    const auto& c = d.stored.citations[i];
    nlohmann::json j = c;
    j.erase("symbol_key");
    if (i < d.citation_keys.size()) j["key"] = d.citation_keys[i];
    j["text"] = text.substr(std::min(c.start, text.size()), c.end > c.start ? c.end - c.start : 0);
    set_code_point_offsets(j, text, c.start, c.end);
    citations.push_back(std::move(j));
  }
  return citations;
}

// Each campaign name once.
nlohmann::json document_campaigns(const search::DocumentDetail& d) {
  nlohmann::json campaigns = nlohmann::json::array();
  std::set<std::string> seen;
  for (const auto& m : d.stored.campaigns) {
    if (!seen.insert(m.id + '\n' + m.name).second) continue;
    campaigns.push_back(
        {{"id", m.id}, {"name", m.name}, {"local", m.local}, {"launched", m.launched}});
  }
  return campaigns;
}

// The headings, offsets in code points: {"level", "label", "title",
// "anchor", "start"}.
nlohmann::json outline_json(const std::vector<text::OutlineEntry>& outline, std::string_view text) {
  std::vector<std::size_t> starts;
  for (const text::OutlineEntry& e : outline) starts.push_back(e.start);
  const std::vector<std::size_t> points = text::code_point_offsets(text, starts);
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < outline.size(); ++i) {
    out.push_back({{"level", std::string(text::to_string(outline[i].level))},
                   {"label", outline[i].label},
                   {"title", outline[i].title},
                   {"anchor", outline[i].anchor},
                   {"start", points[i]}});
  }
  return out;
}

}  // namespace

nlohmann::json match_spans_json(const std::vector<std::pair<std::size_t, std::size_t>>& spans,
                                std::string_view text) {
  // A law has thousands of matches of a common word: one pass over the text.
  std::vector<std::size_t> bytes;
  for (const auto& [start, end] : spans) {
    bytes.push_back(start);
    bytes.push_back(end);
  }
  const std::vector<std::size_t> points = text::code_point_offsets(text, bytes);
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i + 1 < points.size(); i += 2) out.push_back({points[i], points[i + 1]});
  return out;
}

nlohmann::json original_json(const Result<search::OriginalFile>& file, std::string_view id) {
  if (!file) return nullptr;
  return {{"url", "/api/documents/" + encode_path_segment(id) + "/original"},
          {"file_name", file->file_name},
          {"content_type", file->content_type},
          {"size", file->size}};
}

nlohmann::json to_json(const search::DocumentDetail& d) {
  const doc::DocumentRecord& r = d.stored.record;
  nlohmann::json similar = nlohmann::json::array();
  for (const auto& s : d.similar) {
    similar.push_back({{"id", s.id}, {"title", s.title}, {"date", s.date}, {"score", s.score}});
  }
  return {{"id", r.id},
          {"title", r.title},
          {"date", r.date},
          {"type", r.type},
          {"symbol", r.symbol},
          {"issuer", r.issuer},
          {"text", r.text},
          {"metadata", document_metadata(r)},
          {"citations", document_citations(d)},
          {"is_directive", d.is_directive},
          {"cited_by", citing(d.cited_by)},
          {"campaigns", document_campaigns(d)},
          {"contents", contents_json(d.stored.contents, r.text)},
          {"similar", std::move(similar)},
          {"effective_from", date_or_null(d.stored.effective.date)},
          {"effect_sentence", d.stored.effective.evidence},
          {"relations", document_relations(d.stored)},
          {"status", d.status ? status_json(*d.status) : nlohmann::json(nullptr)},
          {"as_of", d.as_of},
          {"outline", outline_json(d.outline, r.text)}};
}

nlohmann::json to_json(const search::DirectiveSummary& s) {
  nlohmann::json out = s.entity;
  out.erase("symbol_key");  // the key says it; the API has never shown it
  out["cited_by_count"] = s.cited_by_count;
  out["status"] = status_json(s.status);
  return out;
}

nlohmann::json to_json(const search::DirectiveList& list) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : list.items) items.push_back(to_json(d));
  return {{"total", list.total}, {"directives", std::move(items)}};
}

nlohmann::json to_json(const search::DirectiveDetail& d) {
  nlohmann::json out = to_json(d.directive);
  out["citing"] = citing(d.citing);
  out["co_cited"] = related(d.co_cited);
  out["as_of"] = d.as_of;
  out["effective_from"] = date_or_null(d.effective_from);
  out["relations"] = {{"incoming", edges_json(d.incoming)}, {"outgoing", edges_json(d.outgoing)}};
  out["implementation"] = tree_json(d.implementation);
  return out;
}

nlohmann::json to_json(const search::CampaignSummary& s) {
  nlohmann::json out = s.entity;
  out["document_count"] = s.document_count;
  return out;
}

nlohmann::json to_json(const search::CampaignDetail& d) {
  nlohmann::json out = to_json(d.campaign);
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& x : d.documents) {
    docs.push_back({{"id", x.id},
                    {"title", x.title},
                    {"date", x.date},
                    {"names", x.names},
                    {"launches", x.launches}});
  }
  out["documents"] = std::move(docs);
  out["cited_directives"] = related(d.cited_directives);
  return out;
}

namespace {

// Each item with its [start, end) bytes of `text` as code points.
template <class T>
nlohmann::json with_code_points(const std::vector<T>& items, std::string_view text) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& x : items) {
    nlohmann::json j = x;
    set_code_point_offsets(j, text, x.start, x.end);
    out.push_back(std::move(j));
  }
  return out;
}

// A row's cells: the document's entry at each index, or null.
template <class T>
nlohmann::json cells_json(const std::vector<int>& cells, const std::vector<search::ComparedDocument>& docs,
                          std::vector<T> search::ComparedDocument::*entries) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t d = 0; d < cells.size() && d < docs.size(); ++d) {
    const std::vector<T>& list = docs[d].*entries;
    const int i = cells[d];
    if (i < 0 || static_cast<std::size_t>(i) >= list.size()) {
      out.push_back(nullptr);
      continue;
    }
    nlohmann::json j = list[static_cast<std::size_t>(i)];
    j["index"] = i;
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::json compared_document(const search::Comparison& c, const search::ComparedDocument& d) {
  const bool has_previous = d.previous >= 0 && static_cast<std::size_t>(d.previous) < c.documents.size();
  return {{"id", d.id},
          {"title", d.title},
          {"date", d.date},
          {"type", d.type},
          {"symbol", d.symbol},
          {"issuer", d.issuer},
          {"period", d.period ? nlohmann::json(*d.period) : nlohmann::json(nullptr)},
          {"movement", d.movement},
          {"launcher", d.launcher},
          {"items", d.items.size()},
          {"previous", has_previous ? nlohmann::json(c.documents[static_cast<std::size_t>(d.previous)].id)
                                    : nlohmann::json(nullptr)},
          {"new", d.added},
          {"dropped", d.dropped}};
}

nlohmann::json obligation_json(const search::Obligation& o) {
  return {{"id", o.id},
          {"kind", search::kind_name(o.kind)},
          {"document", {{"id", o.document_id}, {"title", o.title}, {"date", o.date}, {"issuer", o.issuer}}},
          {"assignee", o.assignee},
          {"assignee_key", o.assignee_key},
          {"task", o.task},
          {"recipient", o.recipient},
          {"recipient_key", o.recipient_key},
          {"deadline", o.deadline},
          {"evidence", o.evidence},
          {"start", o.start},
          {"end", o.end}};
}

}  // namespace

nlohmann::json contents_json(const text::CampaignContents& c, std::string_view text) {
  const nlohmann::json periods = with_code_points(c.periods, text);
  return {{"period", periods.empty() ? nlohmann::json(nullptr) : periods[0]},
          {"items", with_code_points(c.contents, text)},
          {"targets", with_code_points(c.targets, text)},
          {"assignments", with_code_points(c.assignments, text)},
          {"rewards", with_code_points(c.rewards, text)},
          {"reports", with_code_points(c.reports, text)}};
}

nlohmann::json to_json(const search::Comparison& c) {
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& d : c.documents) documents.push_back(compared_document(c, d));
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : c.rows) {
    rows.push_back({{"similarity", r.similarity},
                    {"cells", cells_json(r.cells, c.documents, &search::ComparedDocument::items)}});
  }
  nlohmann::json targets = nlohmann::json::array();
  for (const auto& t : c.targets) {
    targets.push_back({{"indicator", t.indicator},
                       {"base_unit", t.base_unit},
                       {"cells", cells_json(t.cells, c.documents, &search::ComparedDocument::targets)}});
  }
  return {{"threshold", c.threshold},
          {"documents", std::move(documents)},
          {"rows", std::move(rows)},
          {"targets", std::move(targets)}};
}

nlohmann::json to_json(const search::ObligationList& list) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& o : list.items) items.push_back(obligation_json(o));
  return {{"total", list.total}, {"obligations", std::move(items)}};
}

}  // namespace vanban::http
