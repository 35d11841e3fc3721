// The knowledge base, read side: directives and who cites them, campaigns
// and who runs them, and a document with its links. No HTTP in here.
#ifndef VANBAN_SEARCH_KNOWLEDGE_SERVICE_H_
#define VANBAN_SEARCH_KNOWLEDGE_SERVICE_H_

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/outline.h"
#include "vanban/index/entity.h"
#include "vanban/index/record_codec.h"
#include "vanban/search/reader.h"
#include "vanban/search/relations.h"
#include "vanban/status.h"

namespace vanban::search {

struct DirectiveSummary {
  index::DirectiveEntity entity;
  Xapian::doccount cited_by_count = 0;
  index::DirectiveStatus status;  // as of the request's date
};

struct DirectiveFilter {
  std::string type = {};    // "Chỉ thị", any case, with or without diacritics
  std::string issuer = {};  // a part of the issuer: "Bộ Chính trị", "chinh phu"
  std::string year = {};    // "2014"
  std::string q = {};       // words or a symbol: symbol, subject, issuer, type
  // "in_force", "expired", ... (index::to_string(StatusValue)) as of
  // `as_of` (ISO date; "" = today); "" for any.
  std::string status = {};
  std::string as_of = {};
  // A province ("Lai Châu"): directives of nationwide issuers and those
  // issued in that province.
  std::string applies_to = {};
  std::size_t offset = 0;
  std::size_t limit = 50;
};

struct DirectiveList {
  std::size_t total = 0;
  std::vector<DirectiveSummary> items;  // most cited first
};

struct CitingDocument {
  std::string id, title, date;
  std::string sentence;  // the sentence that cites
  std::string symbol = {}, issuer = {};  // its own, "" when unknown (for exports)
};

struct RelatedDirective {
  std::string key, symbol, type;
  Xapian::doccount count = 0;  // documents citing both / citing it
};

struct DirectiveDetail {
  DirectiveSummary directive;  // with its status as of `as_of`
  std::string as_of;           // ISO
  std::string effective_from;  // from its own effect clause in the corpus, ""
  std::vector<CitingDocument> citing;
  std::vector<RelatedDirective> co_cited;
  std::vector<RelationEdge> incoming;  // what other documents state about it
  std::vector<RelationEdge> outgoing;  // what it states (when the corpus has it)
  ImplementationNode implementation;   // who carried it out, down the chain
};

struct CampaignSummary {
  index::CampaignEntity entity;
  Xapian::doccount document_count = 0;
};

struct CampaignDocument {
  std::string id, title, date;
  std::vector<std::string> names;  // as this document names the campaign
  bool launches = false;
};

struct CampaignDetail {
  CampaignSummary campaign;
  std::vector<CampaignDocument> documents;
  std::vector<RelatedDirective> cited_directives;  // by its documents
};

struct SimilarDocument {
  std::string id, title, date;
  double score = 0;
};

struct DocumentDetail {
  index::StoredDocument stored;
  // Citations resolved to the directive entity key they belong to.
  std::vector<std::string> citation_keys;
  // When this document is itself a cited directive: who cites it.
  std::vector<std::string> is_directive;  // directive keys
  std::vector<CitingDocument> cited_by;
  std::vector<SimilarDocument> similar;
  // When the document is a directive: its status as of `as_of`.
  std::optional<index::DirectiveStatus> status;
  std::string as_of;
  // Its Phần / Chương / Mục / Điều headings (text/outline.h), byte offsets
  // into stored.record.text.
  std::vector<text::OutlineEntry> outline;
};

// Thread-safe (see IndexReader). Unknown keys and ids are kNotFound; a
// filter out of range is kInvalidArgument, naming it.
class KnowledgeService {
 public:
  static constexpr std::size_t kMaxLimit = 500;
  static constexpr std::size_t kMaxOffset = 100000;

  // `reader` must outlive the service; the search service may share it.
  explicit KnowledgeService(const IndexReader& reader);

  Result<DirectiveList> directives(const DirectiveFilter& filter) const;

  // `key` is a directive key ("34-ct/tw@2014-04-07"), an alias of one
  // ("34-ct/tw"), or a symbol as typed ("34-CT/TW") when only one
  // directive has it. Its status is as of `as_of` (ISO "YYYY-MM-DD"; ""
  // for today; kInvalidArgument for anything else).
  Result<DirectiveDetail> directive(std::string_view key, std::string_view as_of = {}) const;

  std::vector<CampaignSummary> campaigns() const;
  // `id` is a campaign id ("dan-van-kheo") or a name as written.
  Result<CampaignDetail> campaign(std::string_view id) const;

  Result<DocumentDetail> document(std::string_view id, std::string_view as_of = {}) const;

 private:
  const IndexReader& reader_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_KNOWLEDGE_SERVICE_H_
