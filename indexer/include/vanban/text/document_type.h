// The one table of document types and of issuing bodies, as symbols spell
// them: the letter codes of a symbol ("30/2020/NĐ-CP": type code NĐ, issuer
// code CP) and the names Vietnamese text uses ("Nghị định", "Chính phủ").
// Decree 30/2020/NĐ-CP, Appendix III, lists the State codes; Party codes
// (CT/TW, KL/TW, QĐi/TW) follow the Party's own rules.
//
// The citation grammar, the header parser and the query builder all read
// these tables, so a code added here is known everywhere. Lookups accept
// any case and diacritics ("nd", "NĐ", "Nđ"). Thread-safe (immutable
// tables); no ICU types.
#ifndef VANBAN_TEXT_DOCUMENT_TYPE_H_
#define VANBAN_TEXT_DOCUMENT_TYPE_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// One row of a code table: a letter code as printed in symbols and the
// name it stands for.
struct CodeName {
  std::string_view code;  // "NĐ", "TTg", "BLĐTBXH"
  std::string_view name;  // "Nghị định", "Thủ tướng Chính phủ"
};

// The canonical names of document types, e.g. "Chỉ thị", "Nghị định"
// (every name type_for_code or a citation can give, and more).
const std::vector<std::string_view>& document_type_names();

// Type codes of symbols, first row of a code being its usual meaning:
// CT -> Chỉ thị, NĐ -> Nghị định, TTLT -> Thông tư liên tịch, QH -> Luật.
const std::vector<CodeName>& document_type_codes();

// Issuer codes of symbols: CP -> Chính phủ, TTg -> Thủ tướng Chính phủ,
// BLĐTBXH -> Bộ Lao động - Thương binh và Xã hội, TU -> Tỉnh ủy.
const std::vector<CodeName>& issuer_codes();

// The type a letter code stands for ("" if unknown). A trailing term
// number is ignored ("QH14" -> "Luật").
std::string_view type_for_code(std::string_view code);

// Every code a type name is written with in symbols, in table order:
// "Quy định" -> {"QĐi", "QĐ"}. Matches the name folded ("quy dinh",
// "qui dinh" as the tokenizer folds "Quy"). Empty if unknown.
std::vector<std::string_view> codes_for_type(std::string_view type_name);

// The body an issuer code stands for ("" if unknown). "TW" depends on the
// type: Party Resolutions and Regulations are the Central Committee's
// ("Ban Chấp hành Trung ương"), Directives and Conclusions the
// Politburo's ("Bộ Chính trị"; the Secretariat's are told apart only by
// the text).
std::string_view issuer_for_code(std::string_view code, std::string_view type_name = {});

// The type a symbol's letter code implies: "34-CT/TW" -> "Chỉ thị",
// "30/2020/NĐ-CP" -> "Nghị định", "1954/UBND-TH" -> "Công văn" (a State
// symbol that starts with its issuer is an official letter); "" if unknown.
std::string type_from_symbol(std::string_view symbol_display);

// The issuer a symbol names: "30/2020/NĐ-CP" -> "Chính phủ", "34-CT/TW" ->
// "Bộ Chính trị", "72/2011/TTLT-BTC-BGTVT" -> "Bộ Tài chính" (the first
// of several); "" if its code is unknown.
std::string issuer_from_symbol(std::string_view symbol_display);

// Names of issuing bodies as text writes them after "của": every name of
// issuer_codes() plus a few bodies that have no code of their own ("Ban
// Bí thư", "Tỉnh ủy"), longest first so the longest match can win.
const std::vector<std::string_view>& issuer_names();

// True for a central body whose documents apply nationwide: Chính phủ,
// Thủ tướng Chính phủ, Quốc hội, a Bộ, the Party's central bodies, ...
// (any case, with or without diacritics); false for a province's bodies.
bool is_nationwide_issuer(std::string_view issuer);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_DOCUMENT_TYPE_H_
