#include "vanban/search/obligations.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "vanban/index/schema.h"
#include "vanban/text/chars.h"
#include "vanban/text/date.h"
#include "vanban/text/normalize.h"
#include "vanban/text/organization.h"

namespace vanban::search {
namespace {

// What every obligation has: its kind, the task with its deadline, and
// the span of the text that states it. `Source` is a text::Assignment or
// a text::ReportDuty.
template <typename Source>
Obligation stated(ObligationKind kind, std::string task, const Source& source) {
  Obligation o;
  o.kind = kind;
  o.task = std::move(task);
  o.deadline = source.deadline;
  o.start = source.start;
  o.end = source.end;
  return o;
}

Obligation from_assignment(const text::Assignment& a) {
  Obligation o = stated(ObligationKind::kAssignment, a.task, a);
  o.assignee = a.assignee;
  o.assignee_key = a.assignee_key;
  return o;
}

Obligation from_report(const text::ReportDuty& r) {
  Obligation o = stated(ObligationKind::kReport, r.what, r);
  o.recipient = r.recipient;
  o.recipient_key = r.recipient_key;
  return o;
}

// The assignment (index into `assignments`) whose words require report
// `r`: the one whose span holds it, else the last one that starts before
// it on the same line. -1 if none.
int owner_of(const text::ReportDuty& r, const std::vector<text::Assignment>& assignments,
             std::string_view text) {
  int owner = -1;
  for (std::size_t i = 0; i < assignments.size(); ++i) {
    const text::Assignment& a = assignments[i];
    if (a.start <= r.start && r.start < a.end) return static_cast<int>(i);
    const bool same_line = a.start <= r.start && r.start <= text.size() &&
                           text.substr(a.start, r.start - a.start).find('\n') == std::string_view::npos;
    if (same_line) owner = static_cast<int>(i);
  }
  return owner;
}

// Adds report `r` to the obligation of the assignment that requires it.
void attach_report(Obligation& o, const text::ReportDuty& r) {
  if (o.recipient.empty()) {
    o.recipient = r.recipient;
    o.recipient_key = r.recipient_key;
  }
  if (o.deadline.text.empty()) o.deadline = r.deadline;
  o.start = std::min(o.start, r.start);
  o.end = std::max(o.end, r.end);
}

// Byte spans -> evidence and code points; the document's fields; ids.
void finish(std::vector<Obligation>& out, const doc::DocumentRecord& r) {
  std::map<std::string, int> seen;
  for (Obligation& o : out) {
    const std::size_t start = std::min(o.start, r.text.size());
    const std::size_t end = std::clamp(o.end, start, r.text.size());
    o.evidence = text::collapse_spaces(std::string_view(r.text).substr(start, end - start));
    o.start = text::code_point_offset(r.text, start);
    o.end = text::code_point_offset(r.text, end);
    o.document_id = r.id;
    o.title = r.title;
    o.date = r.date;
    o.issuer = r.issuer;
    o.id = index::hex_digest(r.id + '\n' + std::string(kind_name(o.kind)) + '\n' + o.assignee_key +
                             '\n' + o.task + '\n' + o.recipient_key + '\n' + o.deadline.text);
    if (const int n = ++seen[o.id]; n > 1) o.id += "-" + std::to_string(n);
  }
}

// Whether `o` passes `f` (assignee folded, date bounds "YYYYMMDD").
struct Matcher {
  std::string assignee, assignee_key, lo, hi;
  const ObligationFilter& f;

  explicit Matcher(const ObligationFilter& filter)
      : assignee(text::collapse_spaces(text::fold(filter.assignee))),
        assignee_key(text::organization_key(filter.assignee)),
        lo(filter.from.empty() ? "00000000" : text::date_bound(filter.from, false)),
        hi(filter.to.empty() ? "99999999" : text::date_bound(filter.to, true)),
        f(filter) {}

  bool accepts(const Obligation& o) const {
    if (!f.id.empty() && o.id != f.id) return false;
    const bool dated = !o.deadline.date.empty();
    if ((f.dated_only || !f.from.empty() || !f.to.empty()) && !dated) return false;
    if (dated) {
      const std::string day = index::date_value(o.deadline.date);
      if (day < lo || day > hi) return false;
    }
    return assignee.empty() || text::fold(o.assignee).find(assignee) != std::string::npos ||
           o.assignee_key.find(assignee) != std::string::npos ||
           (!assignee_key.empty() && o.assignee_key.find(assignee_key) != std::string::npos);
  }
};

Status validate(const ObligationFilter& f) {
  if (f.limit == 0 || f.limit > ObligationService::kMaxLimit) {
    return Status::invalid_argument("limit must be between 1 and " +
                                    std::to_string(ObligationService::kMaxLimit));
  }
  if (f.offset > ObligationService::kMaxOffset) {
    return Status::invalid_argument("offset must be at most " +
                                    std::to_string(ObligationService::kMaxOffset));
  }
  for (const std::string* date : {&f.from, &f.to}) {
    if (!date->empty() && text::date_bound(*date, false).empty()) {
      return Status::invalid_argument("from and to must be dates: YYYY, YYYY-MM or YYYY-MM-DD",
                                      *date);
    }
  }
  return Status::ok();
}

// Dated first, by deadline; then the newest document first; then by
// document id and text order.
bool sooner(const Obligation& a, const Obligation& b) {
  const bool a_dated = !a.deadline.date.empty();
  const bool b_dated = !b.deadline.date.empty();
  if (a_dated != b_dated) return a_dated;
  if (a.deadline.date != b.deadline.date) return a.deadline.date < b.deadline.date;
  const std::string a_day = index::date_value(a.date);
  const std::string b_day = index::date_value(b.date);
  if (a_day != b_day) return a_day > b_day;
  return std::tie(a.document_id, a.start) < std::tie(b.document_id, b.start);
}

}  // namespace

std::vector<Obligation> obligations_of(const index::StoredDocument& s) {
  const std::vector<text::Assignment>& assignments = s.contents.assignments;
  std::vector<Obligation> out;
  for (const text::Assignment& a : assignments) out.push_back(from_assignment(a));
  std::vector<Obligation> lone_reports;
  for (const text::ReportDuty& r : s.contents.reports) {
    const int owner = owner_of(r, assignments, s.record.text);
    if (owner >= 0) {
      attach_report(out[static_cast<std::size_t>(owner)], r);
    } else {
      lone_reports.push_back(from_report(r));
    }
  }
  out.insert(out.end(), lone_reports.begin(), lone_reports.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const Obligation& a, const Obligation& b) { return a.start < b.start; });
  finish(out, s.record);
  return out;
}

ObligationService::ObligationService(const IndexReader& reader) : reader_(reader) {}

Result<ObligationList> ObligationService::list(const ObligationFilter& f) const {
  if (Status s = validate(f); !s.is_ok()) return s;
  const Matcher matcher(f);
  std::vector<Obligation> all = reader_.with_database([&](Xapian::Database& db) {
    std::vector<Obligation> found;
    const std::string term(index::kObligationsTerm);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      const Result<index::StoredDocument> s = index::decode_stored(db.get_document(*p).get_data());
      if (!s) continue;  // a corrupt record has no obligations to show
      for (Obligation& o : obligations_of(*s)) {
        if (matcher.accepts(o)) found.push_back(std::move(o));
      }
    }
    return found;
  });
  std::stable_sort(all.begin(), all.end(), sooner);
  ObligationList out;
  out.total = all.size();
  for (std::size_t i = f.offset; i < all.size() && out.items.size() < f.limit; ++i) {
    out.items.push_back(std::move(all[i]));
  }
  return out;
}

std::string_view kind_name(ObligationKind kind) {
  return kind == ObligationKind::kAssignment ? "assignment" : "report";
}

}  // namespace vanban::search
