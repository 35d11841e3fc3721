// Reading documents from disk: plain-text files (any directory depth) and
// JSONL collections. Every problem with one input is reported as a value
// (Skip) so the caller can go on with the rest.
#ifndef VANBAN_DOC_LOADER_H_
#define VANBAN_DOC_LOADER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/doc/record.h"

namespace vanban::doc {

struct LoadOptions {
  // Files (and JSONL lines) larger than this are skipped, which bounds the
  // memory one document can take. Default is 64 MiB.
  std::uintmax_t max_document_bytes = std::uintmax_t{64} << 20;
};

enum class SkipReason {
  kNotFound,
  kUnreadable,
  kTooLarge,
  kEmpty,
  kBinary,
  kInvalidUtf8,
  kMalformedJson,
  kMissingField,
};

// Short English label for summaries: "invalid UTF-8", "binary", ...
std::string_view to_string(SkipReason reason);

struct Skip {
  SkipReason reason;
  std::string where;   // file path, or "file.jsonl:LINE"
  std::string detail;  // human-readable explanation
};

// One file found under a PATH argument.
struct InputFile {
  std::filesystem::path path;
  std::string id;        // path relative to the argument, '/'-separated
  std::string root_key;  // absolute path of the argument it was found under
  bool jsonl = false;    // ".jsonl": one document per line
  std::uintmax_t size = 0;
};

// Expands PATH arguments into input files, in a stable (sorted) order.
// Directories are walked recursively; hidden entries (".name") are skipped
// and symbolic links to directories are not followed, so link loops cannot
// trap the walk. Missing or unreadable paths are appended to `skips`.
std::vector<InputFile> list_inputs(const std::vector<std::string>& paths,
                                   std::vector<Skip>& skips);

// Reads one text file into a record (NFC, "\n" line ends, metadata filled).
// UTF-8 with or without BOM and UTF-16 with a BOM are accepted. Returns
// std::nullopt and fills `*skip` if the file is unusable.
std::optional<DocumentRecord> load_text_file(const InputFile& file,
                                             const LoadOptions& options,
                                             Skip* skip);

// Streams a JSONL file: `on_record` receives each good line's record
// (fields "id" and "text" required, "title" optional, other string fields go
// to metadata), `on_skip` each bad line. Returns false with `*skip` filled if
// the file itself cannot be read.
bool load_jsonl(const InputFile& file, const LoadOptions& options,
                const std::function<void(DocumentRecord&&)>& on_record,
                const std::function<void(Skip&&)>& on_skip, Skip* skip);

// Turns raw bytes into clean document text: strips a UTF-8 BOM, converts
// UTF-16 with a BOM, rejects binary data (NUL bytes) and invalid UTF-8,
// normalizes to NFC and "\n" line ends. Returns std::nullopt and fills
// `*skip` (reason and detail only) on failure.
std::optional<std::string> decode_text(std::string_view bytes, Skip* skip);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_LOADER_H_
