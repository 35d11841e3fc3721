// The knowledge base, read side: directives and who cites them, campaigns
// and who runs them, and a document with its links. No HTTP in here.
#ifndef VANBAN_SEARCH_KNOWLEDGE_SERVICE_H_
#define VANBAN_SEARCH_KNOWLEDGE_SERVICE_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/index/entity.h"
#include "vanban/index/record_codec.h"
#include "vanban/search/reader.h"
#include "vanban/status.h"

namespace vanban::search {

struct DirectiveSummary {
  index::DirectiveEntity entity;
  Xapian::doccount cited_by_count = 0;
};

struct DirectiveFilter {
  std::string type = {};    // "Chỉ thị", any case, with or without diacritics
  std::string issuer = {};  // a part of the issuer: "Bộ Chính trị", "chinh phu"
  std::string year = {};    // "2014"
  std::string q = {};       // words or a symbol: symbol, subject, issuer, type
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
};

struct RelatedDirective {
  std::string key, symbol, type;
  Xapian::doccount count = 0;  // documents citing both / citing it
};

struct DirectiveDetail {
  DirectiveSummary directive;
  std::vector<CitingDocument> citing;
  std::vector<RelatedDirective> co_cited;
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
  // directive has it.
  Result<DirectiveDetail> directive(std::string_view key) const;

  std::vector<CampaignSummary> campaigns() const;
  // `id` is a campaign id ("dan-van-kheo") or a name as written.
  Result<CampaignDetail> campaign(std::string_view id) const;

  Result<DocumentDetail> document(std::string_view id) const;

 private:
  const IndexReader& reader_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_KNOWLEDGE_SERVICE_H_
