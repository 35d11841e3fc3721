// References from one document to another ("Chỉ thị số 34-CT/TW ngày
// 07/4/2014 của Bộ Chính trị về ..."): a small grammar over the tokens of a
// document.
//
//   citation := [TYPE] ["số"] SYMBOL { [","] "ngày" DATE | "(" ... ")"
//               | "của" ISSUER | "ban hành ngày" DATE } [SUBJECT]
//
// TYPE is a document-type word of document_type_names() (Chỉ thị, Nghị
// định, Thông tư liên tịch, ...) or a law's name ("Luật Việc làm số
// 38/2013/QH13"); DATE any common form; ISSUER a body of issuer_names(),
// with the office that signs for it ("Bộ trưởng Bộ Tài chính"), else the
// words up to the next clause; SUBJECT a quoted title or a "về [việc] ...",
// "quy định ...", "hướng dẫn ..." clause up to where it ends (';', ':',
// '(', the sentence end, a new item, the next citation, or a predicate such
// as "hết hiệu lực"). Words may be wrapped across lines, as PDF extraction
// leaves them; issuer and subject are given with whitespace collapsed and
// gazette page furniture dropped. The document's own number ("Số:
// 1954/UBND-TH" at the start of a header line) and form numbers ("Mẫu số
// 02-ĐTD/SHTT") are not citations.
#ifndef VANBAN_TEXT_CITATION_H_
#define VANBAN_TEXT_CITATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/document_type.h"
#include "vanban/text/tokenize.h"

namespace vanban::text {

struct Citation {
  std::string symbol;      // display form: "34-CT/TW"
  std::string symbol_key;  // "34-ct/tw"
  std::string type;        // "Chỉ thị": the type word, else inferred from the symbol
  std::string date;        // ISO, "" when the text gives none
  std::string issuer;      // "Bộ Chính trị", "" when the text gives none
  std::string subject;     // quoted title or "về ..." clause, "" (at most 600 bytes)
  // The directive this citation names: symbol_key, plus "@" and the date
  // when known ("34-ct/tw@2014-04-07"); numbers restart each term, so the
  // same symbol with two dates is two directives.
  std::string key;
  std::size_t start = 0;  // byte offsets of the whole citation in the text
  std::size_t end = 0;
};

// The directive key for a symbol key and an ISO date ("" if unknown).
std::string directive_key(std::string_view symbol_key, std::string_view date);

// Every citation in `text` (NFC UTF-8), in text order. `tokens` must be the
// document-text tokenization of `text` (Tokenizer with default options).
// Within one document an undated citation takes the date of a dated
// citation of the same symbol.
std::vector<Citation> find_citations(std::string_view text,
                                     const std::vector<Token>& tokens);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CITATION_H_
