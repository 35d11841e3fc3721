// The unit the indexer stores and the server returns.
#ifndef VANBAN_DOC_RECORD_H_
#define VANBAN_DOC_RECORD_H_

#include <map>
#include <string>

namespace vanban::doc {

struct DocumentRecord {
  std::string id;      // unique key: JSONL "id", or the path below its root
  std::string title;
  std::string text;    // body, NFC UTF-8
  std::string date;    // ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" if unknown
  std::string type;    // "Công văn", "Chỉ thị", ...; "" if unknown
  std::string symbol;  // the document's own symbol ("1954/UBND-TH"); ""
  std::string source;  // where it was read: a file, or "file.jsonl:LINE"
  // Further fields: JSONL string fields not listed above, and metadata
  // found in the text (e.g. "place", "unnumbered_symbol").
  std::map<std::string, std::string> metadata;
};

}  // namespace vanban::doc

#endif  // VANBAN_DOC_RECORD_H_
