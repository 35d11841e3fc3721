// ODT (OpenDocument Text, ISO/IEC 26300): the text of the body in reading
// order, then notes, then page headers and footers; spans in TCVN3 or VNI
// fonts converted to Unicode. Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_ODT_H_
#define VANBAN_DOC_FORMATS_ODT_H_

#include <string_view>

#include "vanban/doc/extract.h"
#include "vanban/status.h"

namespace vanban::doc {

// Extracts an ODT held in `bytes`. format "odt"; properties["title"] from
// meta.xml, properties["encoding"] as for DOCX. Errors: kNotSupported
// "encrypted" (a password-protected file: its manifest declares
// encryption); kCorruption "broken zip" / "broken ODT"; kTooLarge "zip
// bomb". Thread-safe.
Result<Extracted> extract_odt(std::string_view bytes, const ExtractOptions& options);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_ODT_H_
