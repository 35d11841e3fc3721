// The lines of an official document's header, recognized one at a time.
// Nghị định 30/2020/NĐ-CP lays the header out: issuer, number ("Số:"),
// national motto, place and date, then the type heading with the subject
// under it; laws print "Luật số:" and no date. Shared by the header parser
// (metadata.cc, legal_header.cc) and the gazette splitter (gazette.cc).
// Private to vanban_core. Lines are NFC UTF-8 without their '\n'.
// Thread-safe (pure functions).
#ifndef VANBAN_DOC_HEADER_LINES_H_
#define VANBAN_DOC_HEADER_LINES_H_

#include <optional>
#include <string>
#include <string_view>

namespace vanban::doc {

// `line` without the Markdown emphasis and heading marks that converters
// leave around header lines ("**KT. CHỦ TỊCH", "#### ***Nơi nhận:***"),
// surrounding spaces, and with each run of inner spaces made one (PDF
// extraction spaces out columns: "BỘ KHOA  HỌC VÀ CÔNG NGHỆ").
std::string clean_line(std::string_view line);

// The start of a line folded (text::fold): header keywords ("Số:", "V/v",
// "Kính gửi", "Nơi nhận", the place and date) sit in its first bytes, and
// header and footer lines can be long paragraphs.
std::string fold_head(std::string_view line);

// fold_head(clean_line(raw_line)), cleaning only as much of the line as its
// head needs: for scanning every line of a long text.
std::string clean_fold_head(std::string_view raw_line);

// The national motto's lines ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc
// lập - Tự do - Hạnh phúc") and the Party's ("ĐẢNG CỘNG SẢN VIỆT NAM"),
// given folded.
bool is_motto_line(std::string_view folded);

// Where the motto starts inside a line that also holds the issuer
// (columns extracted side by side: "BỘ CÔNG AN      CỘNG HOÀ XÃ HỘI ...",
// "VĂN PHÒNG QUỐC HỘI | CỘNG HÒA ..."): the issuer's part of the line,
// trimmed; the whole line when it holds no motto.
std::string before_motto(std::string_view line);

// A line of rule characters under a header block ("__________", "-----",
// "*").
bool is_rule_line(std::string_view line);

// The type heading of an official document, printed in capitals on its
// own line: "NGHỊ ĐỊNH", "THÔNG TƯ LIÊN TỊCH", "QUYẾT ĐỊNH1" (a footnote
// mark) -> "Nghị định", ...; a law's name may follow on the same line
// ("LUẬT CÔNG ĐOÀN": type "Luật", name "CÔNG ĐOÀN").
struct TypeHeading {
  std::string type;  // a name of text::document_type_names()
  std::string name;  // what follows the type on its line, or ""
};
std::optional<TypeHeading> type_heading(std::string_view line);

// True for the number line of a header, given folded: "số: ...", "số ...",
// "luật số: ...", "bộ luật số: ...".
bool is_number_line(std::string_view folded);

// What a number line says: "Số: 1954/UBND-TH" and "Luật số: 41/2024/QH15"
// name the document's symbol; a draft leaves the number blank ("Số:
// /UBND-TH") and keeps only its suffix. The line may go on with the place
// and date ("Số: 125/VBHN-VPQH | Hà Nội, ngày 27 ...").
struct NumberLine {
  std::string symbol;      // display form ("1954/UBND-TH"), or ""
  std::string unnumbered;  // "/UBND-TH", or ""
};
NumberLine read_number_line(std::string_view line);

// A footnote number printed against a word ("Quy định về đăng ký thuế1",
// "Kiểm soát viên1 công ty"): the digits after a lower-case letter that end
// a word are dropped. Codes keep theirs ("H5N1", "QH14", "PM2.5").
std::string without_footnote_marks(std::string_view text);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_HEADER_LINES_H_
