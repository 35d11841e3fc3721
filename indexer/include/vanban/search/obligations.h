// Obligations and deadlines across the corpus: who is assigned what, and
// which reports are due to whom by when, as campaign documents state them
// (text/contents.h: assignments and reports). Staff ask "what does Văn
// phòng Sở have to do, by when". No HTTP in here.
//
// One obligation per assignment; a report the assignment's own words
// require ("Văn phòng Sở chủ trì ... tổng hợp báo cáo ...", or "...; báo cáo
// kết quả về Sở Nội vụ trước ngày ..." later on its line) is part of it,
// with its recipient and, when the task states none, its deadline. A
// report no assignment covers is an obligation of its own, with no
// assignee.
#ifndef VANBAN_SEARCH_OBLIGATIONS_H_
#define VANBAN_SEARCH_OBLIGATIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/index/record_codec.h"
#include "vanban/search/reader.h"
#include "vanban/status.h"
#include "vanban/text/contents.h"

namespace vanban::search {

enum class ObligationKind {
  kAssignment,  // an assignee and a task (with the report it requires)
  kReport,      // a report required with no assignment around it
};

// "assignment" or "report": the kind as the API and obligation ids name it.
std::string_view kind_name(ObligationKind kind);

struct Obligation {
  // 16 hex digits, stable while the document states the same obligation:
  // a digest of the document id, the assignee key, the task, the recipient
  // and the deadline (a repeat within one document gets "-2", "-3").
  std::string id;
  std::string document_id, title, date, issuer;  // of the document
  ObligationKind kind = ObligationKind::kAssignment;
  std::string assignee;      // as printed: "Văn phòng Sở"; "" for a lone report
  std::string assignee_key;  // text::organization_key: "van phong so cong thuong"
  std::string task;          // the task, or what a lone report is about
  std::string recipient;     // of the report: "Sở Nội vụ (qua Ban Thi đua - Khen thưởng)"; ""
  std::string recipient_key;
  text::Deadline deadline;  // the task's, else its report's
  std::string evidence;     // the words stating it, spaces collapsed
  // The evidence's [start, end) in Unicode code points of the document
  // text (what the API serves).
  std::size_t start = 0;
  std::size_t end = 0;
};

// The obligations `s` states, in text order (ids filled in).
std::vector<Obligation> obligations_of(const index::StoredDocument& s);

struct ObligationFilter {
  // A part of the assignee as printed or of its organisation key, any case,
  // with or without diacritics ("văn phòng sở", "UBND huyện"); "" for all.
  std::string assignee = {};
  // Deadline dates, "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive: with
  // either, only obligations with a deadline date in range are listed.
  std::string from = {};
  std::string to = {};
  std::string id = {};        // one obligation by its id; "" for all
  bool dated_only = false;    // only those with a deadline date (a calendar's)
  std::size_t offset = 0;
  std::size_t limit = 50;
};

struct ObligationList {
  std::size_t total = 0;  // matching the filter, before offset and limit
  // Soonest first: dated ones by deadline date, then the undated ones,
  // newest document first; ties in document id and text order.
  std::vector<Obligation> items;
};

// Lists the obligations of the documents with the obligations term
// (index::kObligationsTerm). Thread-safe (see IndexReader). A filter out of
// range (limit 1 to kMaxLimit, offset at most kMaxOffset, malformed dates)
// is kInvalidArgument naming it.
class ObligationService {
 public:
  static constexpr std::size_t kMaxLimit = 500;
  static constexpr std::size_t kMaxOffset = 100000;

  // `reader` must outlive the service.
  explicit ObligationService(const IndexReader& reader);

  Result<ObligationList> list(const ObligationFilter& filter) const;

 private:
  const IndexReader& reader_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_OBLIGATIONS_H_
