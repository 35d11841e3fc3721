// The unit the indexer stores and the server returns.
#ifndef VANBAN_DOC_RECORD_H_
#define VANBAN_DOC_RECORD_H_

#include <map>
#include <string>
#include <vector>

namespace vanban::doc {

struct DocumentRecord {
  std::string id;      // unique key: JSONL "id", or the path below its root
  std::string title;
  std::string text;    // body, NFC UTF-8
  std::string date;    // ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"; "" if unknown
  std::string type;    // "Công văn", "Chỉ thị", ...; "" if unknown
  std::string symbol;  // the document's own symbol ("1954/UBND-TH"); ""
  std::string source;  // where it was read: a file, or "file.jsonl:LINE"

  // Header fields of an official document (Nghị định 30/2020/NĐ-CP);
  // empty when absent.
  std::string issuer;                     // "Ủy ban nhân dân tỉnh Lai Châu"
  std::string subject;                    // trích yếu: "V/v phát động ..."
  std::vector<std::string> recipients;    // Kính gửi
  std::vector<std::string> distribution;  // Nơi nhận
  std::string signer_authority;           // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
  std::string signer_name;                // "Tổng Thanh Hải"

  // Further fields: JSONL string fields not listed above, and metadata
  // found in the text ("place", "unnumbered_symbol", "issuer_source").
  std::map<std::string, std::string> metadata;
};

}  // namespace vanban::doc

#endif  // VANBAN_DOC_RECORD_H_
