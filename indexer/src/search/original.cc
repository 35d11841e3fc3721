#include "vanban/search/original.h"

#include <algorithm>
#include <array>
#include <utility>

#include "vanban/index/record_codec.h"
#include "vanban/index/schema.h"

namespace vanban::search {
namespace {

namespace fs = std::filesystem;

struct TypeOfExtension {
  std::string_view extension;  // lower case, with the dot
  std::string_view content_type;
  bool show_inline;
};

constexpr std::array kTypes = {
    TypeOfExtension{".pdf", "application/pdf", true},
    TypeOfExtension{".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    false},
    TypeOfExtension{".odt", "application/vnd.oasis.opendocument.text", false},
    TypeOfExtension{".doc", "application/msword", false},
    // Saved web pages are downloaded, never shown from this origin: their
    // scripts must not run beside the API.
    TypeOfExtension{".html", "text/html", false},
    TypeOfExtension{".htm", "text/html", false},
    // Text files keep their bytes (UTF-8, UTF-16 or a legacy encoding):
    // no charset is claimed.
    TypeOfExtension{".txt", "text/plain", true},
    TypeOfExtension{".png", "image/png", true},
    TypeOfExtension{".jpg", "image/jpeg", true},
    TypeOfExtension{".jpeg", "image/jpeg", true},
    TypeOfExtension{".tif", "image/tiff", false},
    TypeOfExtension{".tiff", "image/tiff", false},
};

const TypeOfExtension* type_of(std::string_view file_name) {
  const std::size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  std::string ext(file_name.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& t : kTypes) {
    if (t.extension == ext) return &t;
  }
  return nullptr;
}

// What the index stores to find the file: the root and the document's id.
struct Located {
  std::string root, id, source;
};

Result<Located> locate(const IndexReader& reader, std::string_view id) {
  const std::string term = index::id_term(id);
  return reader.with_database([&](Xapian::Database& db) -> Result<Located> {
    const Xapian::PostingIterator p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return Status::not_found("no document with this id", std::string(id));
    const Xapian::Document doc = db.get_document(*p);
    Result<doc::DocumentRecord> r = index::decode_record(doc.get_data());
    if (!r || r->id != id) return Status::not_found("no document with this id", std::string(id));
    // A document split from a file (a gazette issue's part) is in that file.
    const auto part_of = r->metadata.find("part_of");
    return Located{doc.get_value(index::kRootSlot),
                   part_of == r->metadata.end() ? r->id : part_of->second, r->source};
  });
}

bool inside(const fs::path& path, const fs::path& dir) {
  const auto [d, p] = std::mismatch(dir.begin(), dir.end(), path.begin(), path.end());
  return d == dir.end() && p != path.end();
}

// The canonical path of the file, checked to be a regular file inside its
// root (or the root itself, for a file given as a PATH argument).
Result<fs::path> checked_path(const Located& where) {
  const Status gone = Status::not_found("original file not available", where.id);
  if (where.root.empty()) return gone;  // indexed before roots were kept, or a JSONL line
  std::error_code ec;
  const fs::path root = fs::canonical(where.root, ec);
  if (ec) return gone;
  const bool root_is_file = fs::is_regular_file(root, ec);
  if (root_is_file && fs::path(where.root).filename() != where.id) return gone;
  const fs::path path = root_is_file ? root : fs::canonical(root / fs::path(where.id), ec);
  if (ec || !fs::is_regular_file(path, ec)) return gone;
  if (!root_is_file && !inside(path, root)) return gone;
  return path;
}

}  // namespace

std::string content_type_for(std::string_view file_name) {
  const TypeOfExtension* t = type_of(file_name);
  return t ? std::string(t->content_type) : std::string();
}

Result<OriginalFile> find_original(const IndexReader& reader, std::string_view id) {
  Result<Located> where = locate(reader, id);
  if (!where) return where.status();
  Result<fs::path> path = checked_path(*where);
  if (!path) return path.status();
  OriginalFile out;
  out.file_name = path->filename().string();
  const TypeOfExtension* t = type_of(out.file_name);
  out.content_type = t ? std::string(t->content_type) : "application/octet-stream";
  out.show_inline = t && t->show_inline;
  std::error_code ec;
  out.size = fs::file_size(*path, ec);
  out.path = std::move(*path);
  return out;
}

}  // namespace vanban::search
