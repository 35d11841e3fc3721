// The file a document was read from, for "Tải bản gốc": located from what
// the index stores (the input root the document was found under, and its
// id, the path below that root), and served only when it is still a
// regular file inside that root. Documents of a JSONL collection have no
// file of their own.
#ifndef VANBAN_SEARCH_ORIGINAL_H_
#define VANBAN_SEARCH_ORIGINAL_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "vanban/search/reader.h"
#include "vanban/status.h"

namespace vanban::search {

struct OriginalFile {
  std::filesystem::path path;  // canonical
  std::string file_name;       // as stored on disk (UTF-8): "Công văn 1954.docx"
  std::string content_type;    // "application/pdf", ... by its extension
  // Whether a browser may show it in place (PDF, images, plain text); an
  // HTML page or an office file is downloaded.
  bool show_inline = false;
  std::uintmax_t size = 0;
};

// The original of document `id`. kNotFound when there is no such
// document, it came from a JSONL collection, or its file has gone, moved
// outside its root (a symlink now pointing elsewhere) or is not a regular
// file; never a path outside the roots the documents were indexed from.
Result<OriginalFile> find_original(const IndexReader& reader, std::string_view id);

// The Content-Type for a file name, by its extension ("" for unknown:
// application/octet-stream).
std::string content_type_for(std::string_view file_name);

}  // namespace vanban::search

#endif  // VANBAN_SEARCH_ORIGINAL_H_
