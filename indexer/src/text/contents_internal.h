// The pieces of extract_contents (contents.h), one file each: the token
// view they share (contents_scan.cc), the content list and implementation
// sections (contents_outline.cc), periods, targets, assignments and
// reports, rewards. Private to vanban_core.
#ifndef VANBAN_TEXT_CONTENTS_INTERNAL_H_
#define VANBAN_TEXT_CONTENTS_INTERNAL_H_

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vanban/text/citation.h"
#include "vanban/text/contents.h"
#include "vanban/text/tokenize.h"

namespace vanban::text::contents_detail {

// What separates a token from the next, strongest first when several
// marks stand between them. Inside a quote there is no break: a quoted
// name or slogan is one unit of its sentence.
enum class Break : unsigned char {
  kNone,
  kComma,      // ','
  kColon,      // ':'
  kClause,     // ';'
  kSentence,   // '.', '!', '?', '…' (not the dot of "TP." or "KT.")
  kParagraph,  // a line break before a capital, a marker or after punctuation
};

// A sequence of words, split once by the Tokenizer: folded ("phat dong";
// "dinh ky" becomes "dinh ki" as in documents), or exact for words that
// need their accents ("tặng", not "tăng"; canonical tone placement).
using Phrase = std::vector<std::string>;

// Phrases indexed by their first word, so a rule asks each token about the
// few phrases that start with it, not the whole list. Not copyable (the
// index points into the list); immutable after construction.
class PhraseList {
 public:
  explicit PhraseList(std::vector<Phrase> phrases);
  PhraseList(PhraseList&&) = default;
  PhraseList(const PhraseList&) = delete;
  PhraseList& operator=(const PhraseList&) = delete;

  std::size_t size() const { return phrases_.size(); }
  const Phrase& operator[](std::size_t k) const { return phrases_[k]; }
  // The phrases whose first word is `word`; empty if none.
  const std::vector<const Phrase*>& starting_with(const std::string& word) const;

 private:
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<const Phrase*>> by_first_;
};

PhraseList phrases(std::initializer_list<std::string_view> spelled);
PhraseList exact_phrases(std::initializer_list<std::string_view> spelled);

// A document's tokens with what every rule asks of them computed once:
// breaks, quotes, citations, capitals. Holds references: `text`, `tokens`
// and `citations` must outlive it. Not thread-safe to build, const after.
class DocScan {
 public:
  DocScan(std::string_view text, const std::vector<Token>& tokens,
          const std::vector<Citation>& citations);

  std::string_view text() const { return text_; }
  std::size_t size() const { return tokens_.size(); }
  const std::vector<Token>& tokens() const { return tokens_; }
  const Token& token(std::size_t i) const { return tokens_[i]; }
  const std::string& word(std::size_t i) const { return tokens_[i].folded; }
  bool is_word(std::size_t i) const { return tokens_[i].kind == TokenKind::kWord; }
  bool is_number(std::size_t i) const { return tokens_[i].kind == TokenKind::kNumber; }
  bool upper(std::size_t i) const { return upper_[i] != 0; }
  bool in_quote(std::size_t i) const { return quoted_[i] != 0; }
  bool in_citation(std::size_t i) const { return cited_[i] != 0; }
  // Inside a quote or a citation: another document's or a name's words.
  bool foreign(std::size_t i) const { return in_quote(i) || in_citation(i); }
  // The break after token i (kParagraph after the last token).
  Break break_after(std::size_t i) const { return breaks_[i]; }
  // The marks between token i and the next (punctuation and spaces).
  std::string_view gap_after(std::size_t i) const;

  // Tokens of the longest phrase of `list` that starts at token i, with no
  // break inside; 0 if none matches. Folded words, or exact spellings for
  // exact_phrases lists.
  std::size_t match(std::size_t i, const PhraseList& list) const;
  bool match(std::size_t i, const Phrase& phrase) const;
  std::size_t match_exact(std::size_t i, const PhraseList& list) const;

  // The first token that ends after byte `pos` (size() if none).
  std::size_t token_at(std::size_t pos) const;

  // One past the last token of the run from token i that ends at the first
  // break >= `stop`, or after `max` tokens.
  std::size_t run_end(std::size_t i, Break stop, std::size_t max) const;
  // The first token of the run ending at token i (inclusive) that starts
  // after a break >= `stop`, at most `max` tokens back.
  std::size_t run_start(std::size_t i, Break stop, std::size_t max) const;

  // Text of tokens [first, last) as printed (see contents.h); "" if empty.
  std::string printed(std::size_t first, std::size_t last) const;
  std::size_t start_of(std::size_t i) const { return tokens_[i].start; }
  std::size_t end_of(std::size_t last) const { return tokens_[last - 1].end; }
  // The byte after the text printed(first, last) covers: the last token
  // and the brackets and quotes it closes.
  std::size_t span_end(std::size_t first, std::size_t last) const;

 private:
  std::string_view text_;
  const std::vector<Token>& tokens_;
  std::vector<Break> breaks_;
  std::vector<char> upper_, quoted_, cited_;
};

// A phrase of `list` (folded, or exact with `exact`) ends right before
// token i, with no break between it and token i.
bool phrase_before(const DocScan& scan, std::size_t i, const PhraseList& list,
                   bool exact = false);

// Text as printed: line breaks and runs of spaces become one space,
// Markdown emphasis ('*') goes, ends are trimmed of spaces and of the
// punctuation in `trim_marks`.
std::string as_printed(std::string_view raw, std::string_view trim_marks = " ");

// The item's first clause from token i: to the first ';', sentence end or
// paragraph break, cut near kMaxClauseTokens (at a comma when there is one
// in the second half, else at a word outside citations). Returns one past
// its last token.
std::size_t first_clause_end(const DocScan& scan, std::size_t i);

// A four-digit year 1900-2100 printed alone (not a day or month of a date).
bool is_year(const DocScan& scan, std::size_t i);

// A date starting at token i ("ngày 30 tháng 10 năm 2023", "15/12/2023").
struct DateSpan {
  std::string iso;
  std::size_t end;  // one past its last token
};
std::optional<DateSpan> date_at(const DocScan& scan, std::size_t i);

// A deadline starting at token i (see Deadline in contents.h), with the
// token after it; nullopt if none starts there.
struct DeadlineSpan {
  Deadline deadline;
  std::size_t end;
};
std::optional<DeadlineSpan> deadline_at(const DocScan& scan, std::size_t i);
// The first deadline in tokens [first, last).
Deadline find_deadline(const DocScan& scan, std::size_t first, std::size_t last);

// Verbs that start a task ("chủ trì", "phối hợp", "triển khai", ...).
const PhraseList& task_verbs();
// Tokens of a task verb or a word that opens a predicate ("không",
// "sẽ", "nghiêm túc") at token i; 0 if none.
std::size_t predicate_at(const DocScan& scan, std::size_t i);
// An organisation noun (sở, ban, phòng, đơn vị, UBND, ...) at token i.
bool organization_noun_at(const DocScan& scan, std::size_t i);
// An organisation's name starting at token i: a capitalized or quantified
// ("các", "những") phrase up to the first task verb, holding an
// organisation noun, ending before a task verb or at a ':' ("Sở Nội vụ:").
// Returns one past its last token, or i if there is none.
std::size_t organization_end(const DocScan& scan, std::size_t i, std::size_t limit);

// The home department for organisation keys (ContentsOptions::issuer, or
// the "Sở ..." the text names most).
std::string home_for(const DocScan& scan, const ContentsOptions& options);

// The content list and the implementation sections, read line by line.
struct Outline {
  std::vector<ContentItem> contents;
  // Byte ranges of the content items' lines (marker line and the lines
  // wrapped into it), parallel to `contents`.
  std::vector<std::pair<std::size_t, std::size_t>> item_lines;
  // Byte ranges of the lines of implementation sections that name an
  // assignee (item lines, or paragraphs when the section has no markers),
  // and the assignee a heading line gives its sub-items ("1. Sở Nội vụ:").
  struct TaskLine {
    std::size_t start, end;
    std::size_t heading_start = 0, heading_end = 0;  // empty if none
  };
  std::vector<TaskLine> task_lines;
};
Outline read_outline(const DocScan& scan);

std::vector<Period> find_periods(const DocScan& scan, const ContentsOptions& options);
std::vector<Target> find_targets(const DocScan& scan, const Outline& outline);
std::vector<Assignment> find_assignments(const DocScan& scan, const Outline& outline,
                                         const std::string& home);
std::vector<ReportDuty> find_reports(const DocScan& scan, const std::vector<Assignment>& assignments,
                                     const std::string& home);
std::vector<Reward> find_rewards(const DocScan& scan);

}  // namespace vanban::text::contents_detail

#endif  // VANBAN_TEXT_CONTENTS_INTERNAL_H_
