// DOCX (Office Open XML, ECMA-376 WordprocessingML): the text of the body
// in reading order, then footnotes and endnotes, then page headers and
// footers; runs in TCVN3 or VNI fonts converted to Unicode. Private to the
// format layer.
#ifndef VANBAN_DOC_FORMATS_DOCX_H_
#define VANBAN_DOC_FORMATS_DOCX_H_

#include <string_view>

#include "vanban/doc/extract.h"
#include "vanban/status.h"

namespace vanban::doc {

// Extracts a DOCX held in `bytes`. format "docx"; properties["title"] from
// the core properties, properties["encoding"] = "tcvn3" / "vni" when runs
// in legacy fonts were converted. Errors: kNotSupported "encrypted" for a
// password-protected file (an OLE container holding an EncryptedPackage);
// kCorruption "broken zip" / "broken DOCX" (no word/document.xml, XML that
// does not parse); kTooLarge "zip bomb". Thread-safe.
Result<Extracted> extract_docx(std::string_view bytes, const ExtractOptions& options);

// True if `bytes` are an OLE compound file (Word 97-2003, or an encrypted
// OOXML file) and whether it holds an EncryptedPackage stream.
bool is_ole_file(std::string_view bytes);
bool is_encrypted_ooxml(std::string_view bytes);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_DOCX_H_
