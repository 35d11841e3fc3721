// Titles that tell documents apart. A collection's "title" field is often a
// label of the collection, not of the record (a topic shared by fifty
// records, the contents of the gazette issue a record was printed in), and
// a file's name says nothing ("CV 2946-26102021_TLD_Hoan dong phi.pdf").
// Such a title is kept as metadata ("given_title") and the record is shown
// under a title built from its own header: type, symbol and subject, as
// staff cite a document ("Nghị định 30/2020/NĐ-CP về công tác văn thư").
// Thread-safe: the functions are pure; a TitleCounts is not to be written
// from two threads.
#ifndef VANBAN_DOC_TITLE_H_
#define VANBAN_DOC_TITLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vanban/doc/record.h"

namespace vanban::doc {

// How many records of one collection carry each title, counted before its
// records are read: a title no record can be told apart by is shared.
class TitleCounts {
 public:
  void add(std::string_view title);
  // Records with `title` (spaces collapsed, case and diacritics kept).
  std::size_t count(std::string_view title) const;

 private:
  std::unordered_map<std::string, std::size_t> counts_;
};

// True if a given `title` (NFC UTF-8) does not name its record:
//   - it is blank;
//   - it names two or more documents by symbol (a gazette issue's contents,
//     "Trong số Công báo này gồm: Thông tư số 65/2026/TT-BCA ...; ...");
//   - it equals one of `labels`, the record's own label fields (a JSONL
//     "topic" or "category"), case and diacritics aside;
//   - it names no symbol and is a bare type name ("Quyết định"), or a short
//     label (a few words, no type name) that at least a few records of the
//     collection share (`records_with_title`): "Bảo hiểm xã hội".
// A title that names the document ("Luật Công đoàn 2012 (12/2012/QH13)")
// or is a long headline is kept, shared or not.
bool is_generic_title(std::string_view title, std::size_t records_with_title,
                      const std::vector<std::string>& labels);

// The title `r` is cited by, from its header fields (type, symbol, date,
// subject; for a consolidated text the "consolidated_type" metadata):
//   "Nghị định 30/2020/NĐ-CP về công tác văn thư"
//   "Quyết định 892/QĐ-TTg năm 2026 phê duyệt Đề án ..."  (no year in the
//       symbol: numbers restart every year)
//   "Luật Bảo hiểm xã hội 41/2024/QH15"                    (a law's name)
//   "Văn bản hợp nhất 47/VBHN-VPQH năm 2023 hợp nhất Luật Bảo hiểm y tế"
//   "Công văn về việc phát động phong trào thi đua ..."    ("V/v ...")
// "" when the record has neither a symbol nor a subject (a web article:
// its headline serves).
std::string display_title(const DocumentRecord& r);

// `s` with HTML character references decoded ("Lu&#x1EAD;t" -> "Luật",
// "&amp;" -> "&"), as some collections store their titles. Unknown or
// malformed references are kept as written.
std::string decode_character_references(std::string_view s);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_TITLE_H_
