// Typed relations that a document states about the documents it cites
// ("Thông tư này thay thế Thông tư số 03/2014/TT-BKHĐT", "Bãi bỏ khoản 1
// Điều 15 của Thông tư số 59/2015/TT-BLĐTBXH", "Thực hiện Chỉ thị số
// 34-CT/TW"), and the date a document itself takes effect.
//
// Built on the citations of citation.h. Only what the document itself
// says counts: text quoted inside an amendment (“...”), the descriptions
// of cited documents ("Thông tư số A hướng dẫn Nghị định số B"), history
// notes ("Y đã được sửa đổi, bổ sung bởi Z"), conditions ("đến khi Y hết
// hiệu lực"), tasks given to others and annexed form templates state
// nothing; the annex list "DANH MỤC VĂN BẢN ... BÃI BỎ" states repeals.
// Every other citation with a symbol is a `cites` relation.
//
// All functions take NFC UTF-8 text with the tokens and citations of
// find_citations(); they are pure (thread-safe) and never throw on odd
// text: what cannot be read is left out.
#ifndef VANBAN_TEXT_RELATION_H_
#define VANBAN_TEXT_RELATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/citation.h"
#include "vanban/text/tokenize.h"

namespace vanban::text {

enum class RelationType {
  kReplaces,    // "[văn bản này] thay thế Y"
  kRepeals,     // "Bãi bỏ Y"; the annex list of repealed documents
  kExpires,     // "Y hết hiệu lực (kể từ ngày ...)" in the effect article
  kAmends,      // "Sửa đổi, bổ sung (một số điều của) Y"
  kGuides,      // "[văn bản này] hướng dẫn / quy định chi tiết ... Y"
  kImplements,  // "Thực hiện / triển khai / quán triệt Y", "theo tinh thần Y"
  kCorrects,    // "Đính chính Y"
  kContinues,   // "tiếp tục thực hiện Y"
  kBasedOn,     // a "Căn cứ ..." clause of the preamble
  kCites,       // every other citation
};

// "replaces", "repeals", ..., "based_on", "cites": the names the
// evaluation files and the API use.
std::string_view to_string(RelationType type);

enum class RelationScope { kWhole, kPart };

struct Relation {
  RelationType type = RelationType::kCites;
  std::string target_symbol;  // display form: "60/2018/NĐ-CP"
  std::string target_key;     // symbol key: "60/2018/nd-cp"
  std::string directive_key;  // Citation::key: "60/2018/nd-cp@2018-04-20"
  // For replaces, repeals and expires: the whole target or some of it;
  // kWhole for the other types.
  RelationScope scope = RelationScope::kWhole;
  std::string scope_text;  // as printed when kPart: "khoản 1 Điều 3", ""
  // ISO date the relation takes effect when the text gives one (for
  // expires: the date the target loses effect), else "".
  std::string date;
  // expires: the target loses effect "kể từ ngày [văn bản này] có hiệu
  // lực": the caller resolves it with find_effective_from().
  bool on_effect_date = false;
  // The sentence that states it, whitespace collapsed and page furniture
  // dropped; for a list item, the lead-in and the item joined by " … ".
  std::string evidence;
  std::size_t evidence_start = 0;  // byte offsets of that text in the document
  std::size_t evidence_end = 0;
  // True when a verb governs the target in its own clause; false when the
  // relation is inferred from context (a list lead-in, an annex heading,
  // "theo tinh thần", "trọng tâm là").
  bool stated = true;
  std::size_t citation = 0;  // index of the target's citation in `citations`
};

// Every relation the document states, in text order of the targets; one
// per (type, target key, scope) with the first evidence. Citations that
// state nothing give a `cites` relation each (once per target key).
// `citations` must be find_citations(text, tokens).
std::vector<Relation> find_relations(std::string_view text, const std::vector<Token>& tokens,
                                     const std::vector<Citation>& citations);

// The date a document takes effect, read from its own effect clause.
struct EffectiveFrom {
  std::string date;  // ISO "YYYY-MM-DD"; "" when unknown
  // The effect sentence (collapsed), "" when the document has none; its
  // byte offsets in the text.
  std::string evidence;
  std::size_t evidence_start = 0;
  std::size_t evidence_end = 0;
};

// Reads "[Thông tư|Nghị định|...] này có hiệu lực (thi hành) (kể) từ ngày
// D" -> D, "... kể từ ngày ký (ban hành)" and, for acts of the National
// Assembly, "... từ ngày thông qua" -> `signed_date` (the date passed),
// "... sau N ngày kể từ ngày ký" -> `signed_date` + N days. Only the document's own clause
// counts (not one quoted in an amendment nor an annexed template's); the
// first one wins. The date is "" when there is no effect clause, or the
// clause needs a signing date and `signed_date` (ISO) is "".
EffectiveFrom find_effective_from(std::string_view text, const std::vector<Token>& tokens,
                                  std::string_view signed_date);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_RELATION_H_
