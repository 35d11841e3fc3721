// The index schema: every term prefix and value slot, in one place. The
// writer and the query builder both spell prefixes only through these
// names, so what is indexed is what is searched. README documents them.
//
// Prefixes follow Omega's convention: a single capital is a standard
// Xapian/Omega prefix, "X..." is ours.
#ifndef VANBAN_INDEX_SCHEMA_H_
#define VANBAN_INDEX_SCHEMA_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vanban::index {

// Bump when the way documents are turned into terms changes: documents
// indexed by an older schema are re-indexed on the next run.
inline constexpr int kSchemaVersion = 13;

// Unprefixed terms: folded syllables and numbers of title and body, with
// positions ("dan", "van", "kheo"), for phrase and proximity matching.
inline constexpr std::string_view kIdPrefix = "Q";        // unique id
inline constexpr std::string_view kTitlePrefix = "S";     // folded title word
// The document's type and subject ("Luật" + "Bảo hiểm xã hội"), then its
// title: folded words with positions and no weight (wdf 0, so document
// lengths are unchanged), for the subject phrase bonus of search.
inline constexpr std::string_view kSubjectPrefix = "XSUB";
inline constexpr std::string_view kExactPrefix = "XE";    // exact word: "XEdân"
inline constexpr std::string_view kSymbolPrefix = "XSYM"; // symbol key, positional
inline constexpr std::string_view kOwnSymbolPrefix = "XOWN";  // the doc's own symbol
inline constexpr std::string_view kTypePrefix = "XT";     // folded type: "XTcong van"
inline constexpr std::string_view kYearPrefix = "Y";      // "Y2024"
inline constexpr std::string_view kMonthPrefix = "M";     // "M202402"
inline constexpr std::string_view kDatePrefix = "D";      // "D20240229"
inline constexpr std::string_view kSourcePrefix = "XSRC"; // input root, hashed
// The input (file or JSONL line) a part of a split gazette issue was read
// from, on each part ("XINissue-302" on "issue-302#1", "#2", ...): an
// unreadable input keeps all its parts.
inline constexpr std::string_view kInputPrefix = "XIN";
inline constexpr std::string_view kIssuerPrefix = "XI";   // folded issuer
// Two adjacent folded syllables of one phrase ("XPban an"): most Vietnamese
// words have two syllables, so pairs stand in for words without a
// segmenter, and they tell "bản án" from "bán" ... "an" in unaccented text.
inline constexpr std::string_view kPairPrefix = "XP";
inline constexpr std::string_view kCitesPrefix = "XCITE"; // directive key cited
inline constexpr std::string_view kCitesSymbolPrefix = "XCS";  // symbol key cited
inline constexpr std::string_view kCampaignPrefix = "XCAMP";   // campaign id
inline constexpr std::string_view kUnnumberedPrefix = "XUN";   // "/ubnd-th" of a draft
// A symbol key the document states a typed relation to (replaces, repeals,
// expires, amends, guides, implements, corrects, continues, based_on):
// "XRTO60/2018/nd-cp". Finds what replaced or implemented a directive.
inline constexpr std::string_view kRelationTargetPrefix = "XRTO";
// Where a document applies: "XAPP*" for a nationwide issuer, "XAPPlai chau"
// for a province it is issued in or addressed to (the applies_to= filter).
inline constexpr std::string_view kAppliesToPrefix = "XAPP";
inline constexpr std::string_view kNationwide = "*";
inline constexpr std::string_view kObligationsTerm = "XOBL";  // assigns tasks or requires reports

// User metadata keys (Database::get_metadata) of the knowledge base.
inline constexpr std::string_view kDirectiveKey = "d:";  // + directive key -> JSON
inline constexpr std::string_view kCampaignKey = "c:";   // + campaign id -> JSON
// When an indexing run last changed the index: seconds since the epoch, in
// decimal (the catalog's; readers report the index's age from it).
inline constexpr std::string_view kUpdatedKey = "t:updated";

// A date slot's value for an ISO date: "2024-02-29" -> "20240229",
// "2023-05" -> "20230500", "2024" -> "20240000"; "" if malformed.
std::string date_value(std::string_view iso);

// "XP" + first + ' ' + second.
std::string pair_term(std::string_view first, std::string_view second);

enum Slot : Xapian::valueno {
  kDateSlot = 0,         // "YYYYMMDD" ("YYYYMM00" month-only), sortable
  kContentHashSlot = 1,  // hex digest of the record + schema version
  kTypeSlot = 2,         // document type as displayed: "Công văn"
  kIssuerSlot = 3,       // issuing body as displayed
  kYearSlot = 4,         // "2024"
  kCitesSlot = 5,        // directive keys cited, one per line (facets)
  // "YYYYMMDD" the document takes effect, from its own effect clause.
  kEffectiveSlot = 6,
  // "YYYYMMDD" the document loses effect as a whole, stated by another
  // document of the corpus (replaced, repealed, declared expired); set when
  // the knowledge base is refreshed (index/status.h).
  kExpirySlot = 7,
  // "YYYYMMDD" part of it loses effect or is amended, likewise.
  kPartialSlot = 8,
  // The document's typed relations (plain citations left out) as JSON
  // (encode_relations()): read per posting of an XRTO term without
  // decoding the whole stored document.
  kRelationsSlot = 9,
  // The absolute path of the input root (the PATH argument) a file's
  // document was found under; its id is the path below it. "" for the
  // lines of a JSONL collection (search/original.h).
  kRootSlot = 10,
};

// Gap between the title and the body in term positions, so a phrase cannot
// match across them.
inline constexpr Xapian::termpos kFieldGap = 100;

// Xapian refuses terms longer than 245 bytes.
inline constexpr std::size_t kMaxTermBytes = 240;

// "Q" + id; ids too long for a term are shortened with a hash suffix. The
// writer, the deleter and the document lookup all use this.
std::string id_term(std::string_view doc_id);

// The term for a source root (an input directory or JSONL file).
std::string source_term(std::string_view root_key);

// "XIN" + the id of an input that was split into parts; ids too long for a
// term are shortened as id_term() shortens them.
std::string input_term(std::string_view input_id);

// A 64-bit FNV-1a digest (vanban/hash.h, from kDigestBasis) as 16 hex
// digits: stable across runs and platforms.
std::string hex_digest(std::string_view bytes);

}  // namespace vanban::index

#endif  // VANBAN_INDEX_SCHEMA_H_
