// Campaign documents side by side: "A Sở officer preparing this year's plan
// wants last year's plan, the province's and the other provinces' side by
// side". The contents each document asks (text/contents.h) are aligned by
// similarity, so the same task worded differently across provinces or
// years is one row; targets are aligned the same way, one column per
// document with its year; each document says what is new and what was
// dropped compared with the previous document of the same issuer, its
// period and who launched its movement. No HTTP in here.
//
// How two items are found to be the same task (measured on the seeds,
// tests/search/comparison_test.cc):
//   - an item's evidence is its first clause (ContentItem::text): the
//     syllable pairs of its words (two adjacent syllables of one phrase,
//     folded: "quán triệt" -> "quan triet"; most Vietnamese words have two
//     syllables, so a pair stands in for a word), where a function syllable
//     ("và", "các", "của", ...), a number or punctuation breaks the phrase;
//     each citation is one unit, the directive it names ("34-ct/tw"), so the
//     issuer's name in "... của Ban Thường vụ Tỉnh ủy" says nothing;
//   - a pair that more than a quarter of all compared items share (and at
//     least kMinCommonItems) is the vocabulary of every emulation plan
//     ("thi đua", "khen thưởng", "phong trào", "tiếp tục"), not evidence;
//   - similarity is the Dice coefficient of the two items' units;
//   - rows grow from the most similar pair down (single link), one item
//     per document, while the pair is at least kAlignThreshold.
#ifndef VANBAN_SEARCH_COMPARISON_H_
#define VANBAN_SEARCH_COMPARISON_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/index/record_codec.h"
#include "vanban/search/reader.h"
#include "vanban/status.h"
#include "vanban/text/contents.h"

namespace vanban::search {

// At most this many documents side by side: a page column each, and the
// alignment compares every pair of their items.
inline constexpr std::size_t kMaxCompared = 8;

// The lowest similarity of two items (or targets' indicators) in one row.
// Measured on the seeds' 38 pairs of items that state the same task (5
// documents; read and decided by hand, see comparison_test.cc): over the
// pairs of six document sets, 0.2 aligns 35 right and 15 wrong, 0.3 aligns
// 31 right and 3 wrong, 0.4 aligns 19 right and 1 wrong; the wrong ones at
// 0.3 are an item that states two tasks. Below 0.3 the shared words are
// those of any plan ("nâng cao vai trò", "trên địa bàn tỉnh").
inline constexpr double kAlignThreshold = 0.3;

// Unit sharing: see the file comment.
inline constexpr double kCommonShare = 0.25;
inline constexpr std::size_t kMinCommonItems = 3;

// One document of a comparison. Offsets are Unicode code points of the
// document's text (what the API serves).
struct ComparedDocument {
  std::string id, title, date, type, symbol, issuer;
  std::optional<text::Period> period;  // the first period the text states
  std::string movement;  // the movement the document launches, as named
  std::string launcher;  // who launches it ("Giám đốc Sở Công Thương"); may be ""
  std::vector<text::ContentItem> items;  // the content items, in text order
  std::vector<text::Target> targets;
  // The closest earlier compared document of the same issuer (by
  // organisation key), by index into Comparison::documents; -1 when none.
  int previous = -1;
  // Rows (indexes into Comparison::rows) this document has and `previous`
  // has not, and the other way round; empty when there is no previous.
  std::vector<std::size_t> added, dropped;
};

// One task across the documents: for each document (in Comparison order)
// the index of its item in ComparedDocument::items, or -1.
struct ComparisonRow {
  std::vector<int> cells;
  // The similarity that joined the row's last item; 1 for one item.
  double similarity = 1;
};

// One indicator across the documents: for each document the index of its
// target in ComparedDocument::targets, or -1. Targets align as items do,
// and only with the same base unit ("đồng", "%").
struct TargetRow {
  std::string indicator;  // as the first document that has it prints it
  std::string base_unit;
  std::vector<int> cells;
};

struct Comparison {
  std::vector<ComparedDocument> documents;  // oldest first, undated last
  std::vector<ComparisonRow> rows;          // in the documents' own order
  std::vector<TargetRow> targets;
  double threshold = kAlignThreshold;
};

struct ComparisonOptions {
  double threshold = kAlignThreshold;
};

// Compares `documents` (at most kMaxCompared are read; more are ignored).
// Deterministic: the same documents give the same rows in any order.
// Thread-safe (a Tokenizer per call); throws only what the Tokenizer
// throws when ICU is missing.
Comparison compare_documents(const std::vector<index::StoredDocument>& documents,
                             const ComparisonOptions& options = {});

// The similarity of two first clauses (NFC UTF-8) as the alignment
// measures it, with the vocabulary of the compared items, `common`
// (units), set aside. For tests and tuning.
double clause_similarity(std::string_view a, std::string_view b,
                         const std::vector<std::string>& common = {});

// Reads the documents to compare from the index. Thread-safe (see
// IndexReader).
class ComparisonService {
 public:
  // `reader` must outlive the service.
  explicit ComparisonService(const IndexReader& reader);

  // `ids`: 1 to kMaxCompared document ids (duplicates count once).
  // kInvalidArgument for none or too many, kNotFound naming the first
  // unknown id.
  Result<Comparison> compare(const std::vector<std::string>& ids,
                             const ComparisonOptions& options = {}) const;

 private:
  const IndexReader& reader_;
};

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_COMPARISON_H_
