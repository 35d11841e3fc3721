// Reading documents from disk: files of any supported format (any directory
// depth) and JSONL collections. A problem with one input is a value (a
// Status, with where it happened) so the caller can go on with the rest.
//
// The Status reasons are short and stable, for summaries that count them:
// "not found", "unreadable", "too large", "malformed JSON", "missing
// field", and those of the format layer (extract.h): "empty", "binary",
// "invalid UTF-8", "encrypted", ...
#ifndef VANBAN_DOC_LOADER_H_
#define VANBAN_DOC_LOADER_H_

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/doc/extract.h"
#include "vanban/doc/record.h"
#include "vanban/doc/title.h"
#include "vanban/status.h"

namespace vanban::doc {

struct LoadOptions {
  // Files (and JSONL lines) larger than this are skipped, which bounds the
  // memory one document can take. Default is 64 MiB.
  std::uintmax_t max_document_bytes = std::uintmax_t{64} << 20;
  // How files of each format are read (OCR, bounds): see extract.h.
  ExtractOptions extract = {};
};

// An input that was not indexed, and why.
struct Skip {
  std::string where;  // file path, or "file.jsonl:LINE"
  Status status;
};

// One file found under a PATH argument.
struct InputFile {
  std::filesystem::path path;
  std::string id;        // path relative to the argument, '/'-separated
  std::string root_key;  // absolute path of the argument it was found under
  bool jsonl = false;    // ".jsonl": one document per line
  std::uintmax_t size = 0;
};

// Where a run may remove the documents whose input is gone: the whole of
// a root, or only the ids at and under `id` in it (a path that changed).
struct RemovalScope {
  std::string root_key;
  std::string id;  // "": the whole root; else a file's id or a directory's
};

// What list_inputs() or list_changed() found.
struct InputListing {
  std::vector<InputFile> files;  // in a stable (sorted) order
  std::vector<Skip> problems;    // missing arguments, unreadable entries
  // Roots (InputFile::root_key) under which something could not be listed
  // (an unreadable directory): documents indexed from them earlier may
  // still exist, so none may be removed as missing.
  std::vector<std::string> incomplete_roots;
  // Ids of files that were found but cannot be read at all (broken
  // links), per root: their indexed versions are kept.
  std::vector<std::pair<std::string, std::string>> unreadable;  // root_key, id
  // Where documents whose input was not listed are gone: every root found
  // (an empty directory included), or for list_changed() the paths that
  // changed.
  std::vector<RemovalScope> scopes;
};

// Expands PATH arguments into input files. Directories are walked
// recursively; hidden entries (".name") are skipped and symbolic links to
// directories are not followed, so link loops cannot trap the walk.
InputListing list_inputs(const std::vector<std::string>& paths);

// Lists only the paths in `changed` (files or directories under the PATH
// arguments `paths`, existing or gone, absolute or not) as list_inputs()
// would list them: same ids, root keys and InputFile::path spelling, so a
// document read here is the one read by a full run. A directory is walked;
// a path inside another changed one is listed once. Its scope covers the
// path, so the documents of whatever was deleted or moved away under it
// are removed by the run. A path under no argument, or under one that is
// itself gone, is reported in `problems` and removes nothing.
InputListing list_changed(const std::vector<std::string>& paths,
                          const std::vector<std::string>& changed);

// Reads one file of any format extract() reads into its records (NFC, "\n"
// line ends, page furniture removed, header fields filled): one record, or
// one per document of a gazette issue that holds several (see
// records_of_input). A record's metadata says what the file was: "format"
// ("docx", "pdf+ocr", "tcvn3", ...), and for PDFs "page_starts" (code
// point offsets of each page in the text, comma-separated), "ocr_pages"
// and "ocr_confidence" when pages were recognised.
Result<std::vector<DocumentRecord>> load_file(const InputFile& file, const LoadOptions& options);

// The records of one input (a file's extracted text, or a JSONL line),
// with its id, source, title and metadata set: one record, or, for a
// gazette issue that holds several documents (gazette.h), one per
// document, with the id of the input and "#1", "#2", ... ("ISSUE#2"), the
// input's id as metadata "part_of", its number as "part", and the input's
// title as "given_title". Each record has its page furniture removed
// (chrome.h) and its header fields read (metadata.h). `page_bytes` are the
// byte offsets where the input's pages start (extract.h), if it has pages;
// each record then gets its own as "page_starts".
std::vector<DocumentRecord> records_of_input(DocumentRecord input,
                                             std::vector<std::size_t> page_bytes = {});

// The metadata key of what the format layer read only in part ("OCR
// stopped after 50 pages (--ocr-max-pages)"; "; " between several): the
// indexer reports it as a warning of the run.
inline constexpr char kExtractWarnings[] = "extract_warnings";

// One line of a JSONL collection.
struct JsonlLine {
  std::size_t number = 0;  // 1-based
  std::string where;       // "file.jsonl:LINE"
  // The line's records (fields "id" and "text" required, "title"
  // optional, other string fields go to metadata; one record, or one per
  // document of a gazette issue), or why the line cannot be indexed.
  Result<std::vector<DocumentRecord>> records = Status::corruption("unread");
  // The line's id when it could be read although the record could not
  // (a truncated line still naming its "id"): its indexed version is kept.
  std::string id;
};

// Streams a JSONL file line by line; each line is bounded by
// LoadOptions::max_document_bytes (a longer one is consumed and reported,
// never held). The constructor reads the file's titles first: a title that
// many lines share is a label of the collection, not a record's (title.h).
// Not thread-safe.
class JsonlReader {
 public:
  JsonlReader(const InputFile& file, const LoadOptions& options);

  // The next non-blank line, or std::nullopt at the end of the file or
  // when it cannot be read further (see status()).
  std::optional<JsonlLine> next();

  // OK, or why the file could not be opened or read to its end.
  const Status& status() const { return status_; }

 private:
  bool read_line(std::string& line, bool& too_long);

  const InputFile& file_;
  LoadOptions options_;
  std::ifstream in_;
  std::size_t line_number_ = 0;
  std::uintmax_t bytes_read_ = 0;
  Status status_;
  TitleCounts titles_;
};

}  // namespace vanban::doc

#endif  // VANBAN_DOC_LOADER_H_
