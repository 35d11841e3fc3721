// Text files in the encodings Vietnamese users really have: UTF-8 (with or
// without a BOM), UTF-16 (with a BOM, or without one, recognised by its
// NUL bytes), windows-1258 and the legacy font encodings TCVN3 and VNI
// (raw bytes, or mojibake already in UTF-8). Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_PLAIN_TEXT_H_
#define VANBAN_DOC_FORMATS_PLAIN_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

#include "vanban/doc/extract.h"
#include "vanban/status.h"

namespace vanban::doc {

struct DecodedText {
  // UTF-8 with "\n" line ends; not yet NFC (windows-1258 keeps its tone
  // marks apart): extract() normalizes every format's text once.
  std::string text;
  std::string encoding;  // "text" (UTF-8), "utf-16", "windows-1258", "tcvn3", "vni"
};

// Decodes the bytes of a text file, choosing the encoding by BOM, NUL-byte
// pattern, UTF-8 validity, then (for other bytes) uchardet's guess and how
// Vietnamese each candidate decoding reads. Valid UTF-8 and ASCII are kept
// as they are unless the text is windows-1252 mojibake that reads as TCVN3
// or VNI. Errors, with the reasons the indexer's summary groups by:
//   kNotSupported "binary"      NUL bytes beyond a few strays (or at the start)
//   kCorruption "invalid UTF-8" no candidate encoding fits; the detail names
//                               the first bad byte and its line
//   kCorruption "empty"         nothing but white space
// A few stray NUL bytes in long text become spaces (PDF extraction leaves
// them). Thread-safe.
Result<DecodedText> decode_text_file(std::string_view bytes);

// The same as an extraction: `format` is the encoding (bounds are
// extract()'s).
Result<Extracted> extract_text(std::string_view bytes, const ExtractOptions& options);

// Converts `bytes` in the charset `charset` (an ICU converter name or alias:
// "windows-1258", "utf-8", "iso-8859-1") to UTF-8 (not NFC: windows-1258
// writes tone marks as combining characters). kNotSupported for a
// charset ICU does not know. Ill-formed input becomes U+FFFD.
Result<std::string> convert_charset(std::string_view bytes, const std::string& charset);

// True if `bytes` could be a text file: no NUL bytes beyond a few strays
// (or UTF-16), almost no control characters. Reads the first kilobytes.
bool looks_like_text(std::string_view bytes);

// True if `bytes` look like UTF-16 without a byte-order mark: NUL bytes on
// one side of most code units and almost never on the other.
bool looks_like_utf16(std::string_view bytes);

// "\r\n" and lone "\r" to "\n".
std::string normalize_newlines(std::string text);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_PLAIN_TEXT_H_
