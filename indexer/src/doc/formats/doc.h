// Word 97-2003 (.doc) through antiword, or catdoc when antiword is
// missing, run as a bounded subprocess. Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_DOC_H_
#define VANBAN_DOC_FORMATS_DOC_H_

#include <string_view>

#include "vanban/doc/extract.h"
#include "vanban/status.h"

namespace vanban::doc {

// Extracts a .doc held in `bytes`: format "doc". Errors: kNotSupported
// "install antiword" when neither antiword nor catdoc can be run;
// kNotSupported "encrypted" for a password-protected file; kCorruption
// "broken DOC" when the converter fails; kTooLarge past
// options.max_text_bytes; kDeadlineExceeded after a minute. Thread-safe.
Result<Extracted> extract_doc(std::string_view bytes, const ExtractOptions& options);

// True for an OLE compound file with a WordDocument stream.
bool is_word97(std::string_view bytes);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_DOC_H_
