// The parts of a header that legal documents print and official letters do
// not: the type heading with the subject under it ("NGHỊ ĐỊNH" / "Quy định
// chi tiết ..."; a law's name in capitals, "LUẬT" / "BẢO HIỂM XÃ HỘI"),
// the document a consolidated text consolidates, a law's passing date
// ("... thông qua ngày 29 tháng 6 năm 2024"), and the issuer's name as the
// one table of issuers spells it (text/document_type.h). Private to
// vanban_core. Lines are NFC UTF-8 header lines cleaned by
// header_lines.h clean_line. Thread-safe (pure functions).
#ifndef VANBAN_DOC_LEGAL_HEADER_H_
#define VANBAN_DOC_LEGAL_HEADER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::doc {

// What the type heading and the lines printed under it say.
struct LegalHeading {
  std::size_t line = 0;      // the heading's index in the lines
  std::string type;          // "Nghị định", "Luật", ...
  std::string subject;       // "Quy định chi tiết ...", "Bảo hiểm xã hội"; or ""
  std::string consolidates;  // the first symbol of the lines that follow
                             // the subject ("45/2019/QH14"), or ""
};

// The first type heading of `lines` (header_lines.h type_heading) and what
// follows it: the subject is the lines under it up to a blank line, the
// preamble ("Căn cứ ..."), a chapter or article, or a change between
// capitals and running text; a law's name in capitals is put in running
// text ("BẢO HIỂM XÃ HỘI" -> "Bảo hiểm xã hội"). std::nullopt if no line
// is a type heading.
std::optional<LegalHeading> read_legal_heading(const std::vector<std::string>& lines);

// The date a law or resolution of the National Assembly was passed, from
// the sentence that closes it ("Luật này đã được Quốc hội ... thông qua
// ngày 29 tháng 6 năm 2024."), looked for in `lines` (the document's last
// lines, in order): ISO, or "".
std::string passing_date(const std::vector<std::string>& lines);

// `issuer` (a body's name as read from the header) as the table of issuers
// spells it ("Bộ Tài Chính" -> "Bộ Tài chính"), a name printed twice over
// ("Chính phủ Chính phủ": the gazette repeats the issuer above the header)
// once; unknown names are returned as they are.
std::string canonical_issuer(std::string_view issuer);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_LEGAL_HEADER_H_
