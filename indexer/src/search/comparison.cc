#include "vanban/search/comparison.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>
#include <utility>

#include "search/entity_lookup.h"
#include "search/header_fields.h"
#include "vanban/index/schema.h"
#include "vanban/text/chars.h"
#include "vanban/text/citation.h"
#include "vanban/text/organization.h"
#include "vanban/text/tokenize.h"

namespace vanban::search {
namespace {

// A clause's evidence: sorted, distinct units (syllable pairs, cited
// symbols).
using Units = std::vector<std::string>;

// Syllables that join words rather than name a task (exact forms, so
// "thì" is one and "thi" of "thi đua" is not): they break a phrase.
bool function_syllable(std::string_view exact) {
  static const std::set<std::string_view> kFunction = {
      "và",   "các", "của",  "những", "trong", "với", "để",   "cho",  "là",   "theo", "về",
      "trên", "đến", "từ",   "được",  "có",    "một", "này",  "đó",   "như",  "ở",    "tại",
      "khi",  "thì", "hơn",  "nữa",   "việc",  "sự",  "mỗi",  "từng", "đã",   "sẽ",   "đang",
      "cần",  "phải", "hoặc", "nhất", "cũng",  "cả",  "ngày", "năm"};
  return kFunction.count(exact) > 0;
}

// The units of a first clause: its syllable pairs and the symbols it
// cites (each citation one unit, its words none).
Units clause_units(std::string_view clause, text::Tokenizer& tokenizer) {
  const std::vector<text::Token> tokens = tokenizer.tokenize(clause);
  const std::vector<text::Citation> citations = text::find_citations(clause, tokens);
  std::set<std::string> units;
  for (const text::Citation& c : citations) units.insert("§" + c.symbol_key);
  auto in_citation = [&](const text::Token& t) {
    return std::any_of(citations.begin(), citations.end(), [&](const text::Citation& c) {
      return t.start < c.end && c.start < t.end;
    });
  };
  const text::Token* previous = nullptr;  // the last word of the current phrase
  for (const text::Token& t : tokens) {
    const bool word = t.kind == text::TokenKind::kWord && !function_syllable(t.exact) &&
                      !in_citation(t);
    if (word && previous &&
        text::is_blank(clause.substr(previous->end, t.start - previous->end), true)) {
      units.insert(previous->folded + ' ' + t.folded);
    }
    previous = word ? &t : nullptr;
  }
  return {units.begin(), units.end()};
}

// Dice coefficient of `a` and `b` without the `common` units (all sorted).
double dice(const Units& a, const Units& b, const Units& common) {
  auto kept = [&](const Units& u) {
    Units out;
    std::set_difference(u.begin(), u.end(), common.begin(), common.end(), std::back_inserter(out));
    return out;
  };
  const Units ka = kept(a);
  const Units kb = kept(b);
  if (ka.empty() || kb.empty()) return 0;
  Units shared;
  std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(shared));
  return 2.0 * static_cast<double>(shared.size()) / static_cast<double>(ka.size() + kb.size());
}

// The units in more than kCommonShare of all entries (and at least
// kMinCommonItems): the vocabulary every compared document uses.
Units common_units(const std::vector<std::vector<Units>>& per_document) {
  std::map<std::string, std::size_t> entries_with;
  std::size_t entries = 0;
  for (const auto& document : per_document) {
    for (const Units& u : document) {
      ++entries;
      for (const std::string& unit : u) ++entries_with[unit];
    }
  }
  const double bound = std::max(static_cast<double>(kMinCommonItems) - 0.5,
                                kCommonShare * static_cast<double>(entries));
  Units out;
  for (const auto& [unit, n] : entries_with) {
    if (static_cast<double>(n) > bound) out.push_back(unit);
  }
  return out;
}

// An entry to align: document `doc`'s entry `index`.
struct EntryRef {
  std::size_t doc = 0;
  std::size_t index = 0;
};

struct Candidate {
  double similarity = 0;
  EntryRef a, b;
};

// Every pair of entries of two different documents at least `threshold`
// similar and `compatible`, most similar first (ties in document order).
template <class Compatible>
std::vector<Candidate> candidates(const std::vector<std::vector<Units>>& per_document,
                                  double threshold, Compatible&& compatible) {
  const Units common = common_units(per_document);
  std::vector<Candidate> out;
  for (std::size_t d1 = 0; d1 < per_document.size(); ++d1) {
    for (std::size_t d2 = d1 + 1; d2 < per_document.size(); ++d2) {
      for (std::size_t i = 0; i < per_document[d1].size(); ++i) {
        for (std::size_t j = 0; j < per_document[d2].size(); ++j) {
          if (!compatible(EntryRef{d1, i}, EntryRef{d2, j})) continue;
          const double s = dice(per_document[d1][i], per_document[d2][j], common);
          if (s >= threshold) out.push_back({s, {d1, i}, {d2, j}});
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) {
    return x.similarity > y.similarity;
  });
  return out;
}

// Rows of entries, each with at most one entry per document, grown from
// the most similar pair down (single link). Returns, per row, its cells
// and the similarity that completed it.
struct Rows {
  std::vector<std::vector<int>> cells;  // row -> document -> entry or -1
  std::vector<double> similarity;
  std::vector<std::vector<std::size_t>> row_of;  // document -> entry -> row
};

Rows singleton_rows(const std::vector<std::vector<Units>>& per_document) {
  Rows rows;
  for (std::size_t d = 0; d < per_document.size(); ++d) {
    rows.row_of.emplace_back();
    for (std::size_t i = 0; i < per_document[d].size(); ++i) {
      std::vector<int> cells(per_document.size(), -1);
      cells[d] = static_cast<int>(i);
      rows.row_of[d].push_back(rows.cells.size());
      rows.cells.push_back(std::move(cells));
      rows.similarity.push_back(1);
    }
  }
  return rows;
}

// Merges row `from` into row `into` when no document has an entry in both.
void merge_rows(Rows& rows, std::size_t into, std::size_t from, double similarity) {
  if (into == from) return;
  for (std::size_t d = 0; d < rows.cells[into].size(); ++d) {
    if (rows.cells[into][d] >= 0 && rows.cells[from][d] >= 0) return;
  }
  for (std::size_t d = 0; d < rows.cells[into].size(); ++d) {
    const int entry = rows.cells[from][d];
    if (entry < 0) continue;
    rows.cells[into][d] = entry;
    rows.row_of[d][static_cast<std::size_t>(entry)] = into;
  }
  rows.cells[from].assign(rows.cells[from].size(), -1);
  rows.similarity[into] = similarity;
}

// The rows in the documents' own order: the first document's rows in its
// order; each later document's new rows right after the row of its
// previous entry.
std::vector<std::size_t> reading_order(const Rows& rows) {
  std::vector<std::size_t> order;
  std::set<std::size_t> placed;
  for (const auto& entries : rows.row_of) {
    std::size_t cursor = 0;  // insert position in `order`
    for (const std::size_t row : entries) {
      if (placed.insert(row).second) {
        order.insert(order.begin() + static_cast<std::ptrdiff_t>(cursor), row);
        ++cursor;
      } else {
        cursor = static_cast<std::size_t>(std::find(order.begin(), order.end(), row) -
                                          order.begin()) + 1;
      }
    }
  }
  return order;
}

template <class Compatible>
std::vector<ComparisonRow> align(const std::vector<std::vector<Units>>& per_document,
                                 double threshold, Compatible&& compatible) {
  Rows rows = singleton_rows(per_document);
  for (const Candidate& c : candidates(per_document, threshold, compatible)) {
    merge_rows(rows, rows.row_of[c.a.doc][c.a.index], rows.row_of[c.b.doc][c.b.index],
               c.similarity);
  }
  std::vector<ComparisonRow> out;
  for (const std::size_t row : reading_order(rows)) {
    out.push_back({rows.cells[row], rows.similarity[row]});
  }
  return out;
}

// Byte offsets [start, end) of `text` as code points.
template <class Item>
Item with_code_points(Item item, std::string_view text) {
  item.start = text::code_point_offset(text, item.start);
  item.end = text::code_point_offset(text, item.end);
  return item;
}

template <class Item>
std::vector<Item> with_code_points(const std::vector<Item>& items, std::string_view text) {
  std::vector<Item> out;
  for (const Item& item : items) out.push_back(with_code_points(item, text));
  return out;
}

ComparedDocument compared(const index::StoredDocument& s) {
  const doc::DocumentRecord& r = s.record;
  ComparedDocument d;
  d.id = r.id;
  d.title = r.title;
  copy_header_fields(r, d);
  if (!s.contents.periods.empty()) d.period = with_code_points(s.contents.periods[0], r.text);
  for (const text::CampaignMention& m : s.campaigns) {
    if (!m.launched) continue;
    d.movement = m.name;
    d.launcher = m.launcher;
    break;
  }
  d.items = with_code_points(s.contents.contents, r.text);
  d.targets = with_code_points(s.contents.targets, r.text);
  return d;
}

// Oldest first; undated documents last; then by id.
bool earlier(const index::StoredDocument* a, const index::StoredDocument* b) {
  const std::string da = index::date_value(a->record.date);
  const std::string db = index::date_value(b->record.date);
  if (da.empty() != db.empty()) return db.empty();
  return std::tie(da, a->record.id) < std::tie(db, b->record.id);
}

std::vector<std::vector<Units>> item_units(const std::vector<ComparedDocument>& documents) {
  text::Tokenizer tokenizer;
  std::vector<std::vector<Units>> out;
  for (const ComparedDocument& d : documents) {
    out.emplace_back();
    for (const text::ContentItem& i : d.items) out.back().push_back(clause_units(i.text, tokenizer));
  }
  return out;
}

std::vector<TargetRow> align_targets(const std::vector<ComparedDocument>& documents,
                                     double threshold) {
  text::Tokenizer tokenizer;
  std::vector<std::vector<Units>> units;
  for (const ComparedDocument& d : documents) {
    units.emplace_back();
    for (const text::Target& t : d.targets) units.back().push_back(clause_units(t.indicator, tokenizer));
  }
  const auto same_unit = [&](EntryRef a, EntryRef b) {
    return documents[a.doc].targets[a.index].base_unit == documents[b.doc].targets[b.index].base_unit;
  };
  std::vector<TargetRow> out;
  for (ComparisonRow& row : align(units, threshold, same_unit)) {
    const auto first = std::find_if(row.cells.begin(), row.cells.end(), [](int c) { return c >= 0; });
    const auto doc = static_cast<std::size_t>(first - row.cells.begin());
    const text::Target& t = documents[doc].targets[static_cast<std::size_t>(*first)];
    out.push_back({t.indicator, t.base_unit, std::move(row.cells)});
  }
  return out;
}

// Each document's previous document of the same issuer, and the rows it
// added and dropped since.
void mark_changes(Comparison& c) {
  std::vector<std::string> issuers;
  for (const ComparedDocument& d : c.documents) issuers.push_back(text::organization_key(d.issuer));
  for (std::size_t k = 0; k < c.documents.size(); ++k) {
    ComparedDocument& d = c.documents[k];
    for (std::size_t j = k; j-- > 0;) {
      if (!issuers[k].empty() && issuers[j] == issuers[k] && !c.documents[j].date.empty()) {
        d.previous = static_cast<int>(j);
        break;
      }
    }
    if (d.previous < 0 || d.date.empty()) continue;
    const auto prev = static_cast<std::size_t>(d.previous);
    for (std::size_t row = 0; row < c.rows.size(); ++row) {
      const bool here = c.rows[row].cells[k] >= 0;
      const bool before = c.rows[row].cells[prev] >= 0;
      if (here && !before) d.added.push_back(row);
      if (before && !here) d.dropped.push_back(row);
    }
  }
}

}  // namespace

double clause_similarity(std::string_view a, std::string_view b,
                         const std::vector<std::string>& common) {
  text::Tokenizer tokenizer;
  Units sorted_common = common;
  std::sort(sorted_common.begin(), sorted_common.end());
  return dice(clause_units(a, tokenizer), clause_units(b, tokenizer), sorted_common);
}

Comparison compare_documents(const std::vector<index::StoredDocument>& documents,
                             const ComparisonOptions& options) {
  std::vector<const index::StoredDocument*> ordered;
  for (const auto& s : documents) {
    if (ordered.size() < kMaxCompared) ordered.push_back(&s);
  }
  std::stable_sort(ordered.begin(), ordered.end(), earlier);
  Comparison c;
  c.threshold = options.threshold;
  for (const index::StoredDocument* s : ordered) c.documents.push_back(compared(*s));
  const auto any_pair = [](EntryRef, EntryRef) { return true; };
  c.rows = align(item_units(c.documents), options.threshold, any_pair);
  c.targets = align_targets(c.documents, options.threshold);
  mark_changes(c);
  return c;
}

ComparisonService::ComparisonService(const IndexReader& reader) : reader_(reader) {}

Result<Comparison> ComparisonService::compare(const std::vector<std::string>& ids,
                                              const ComparisonOptions& options) const {
  std::vector<std::string> distinct;
  for (const std::string& id : ids) {
    if (std::find(distinct.begin(), distinct.end(), id) == distinct.end()) distinct.push_back(id);
  }
  if (distinct.empty()) return Status::invalid_argument("ids must name at least one document");
  if (distinct.size() > kMaxCompared) {
    return Status::invalid_argument(
        "ids must name at most " + std::to_string(kMaxCompared) + " documents",
        std::to_string(distinct.size()) + " given");
  }
  return reader_.with_database([&](Xapian::Database& db) -> Result<Comparison> {
    std::vector<index::StoredDocument> stored;
    for (const std::string& id : distinct) {
      std::optional<index::StoredDocument> s = stored_by_id(db, id);
      if (!s) return Status::not_found("no document with this id", id);
      stored.push_back(std::move(*s));
    }
    return compare_documents(stored, options);
  });
}

}  // namespace vanban::search
