// PDF files: the text layer read with poppler, pages without usable text
// (scans) rendered and recognised with OCR (ocr.h).
#ifndef VANBAN_DOC_FORMATS_PDF_H_
#define VANBAN_DOC_FORMATS_PDF_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "doc/formats/ocr.h"
#include "vanban/doc/extract.h"
#include "vanban/status.h"

namespace poppler {
class document;
}

namespace vanban::doc {

// The text of a PDF (see Extracted), its pages in reading order (columns
// and layout-table cells one after the other: page_layout.h), running
// headers, footers and page numbers dropped, lines joined into paragraphs
// (page_text.h); page_starts has one offset per page read. Format "pdf",
// or "pdf+ocr" when a page was recognised by OCR: a page whose text layer
// has fewer than 200 letters or is mostly odd symbols (a scan, perhaps
// with a signature stamp's text, or text in a broken font encoding) is
// rendered at options.ocr_dpi and read by OCR, whose text replaces the
// layer's when it has half as many letters again. `properties` holds the
// document information's "title", "author" and "subject" when set.
//
// At most options.max_pages pages are read (a warning says so), and at
// most options.ocr_max_pages recognised. With options.ocr off, pages that
// need OCR keep what text they have, with a warning.
//
// Errors: kCorruption "broken PDF" when poppler cannot open it;
// kNotSupported "encrypted PDF" when it needs a password, "scanned PDF
// without OCR" when no page has text and OCR is off; kTooLarge "too many
// pages" when the pages read hold no text and there are more, "text too
// large" past options.max_text_bytes. A PDF without any text otherwise
// yields an empty text and the warning "no text".
//
// Thread-safe. Throws std::runtime_error only if OCR is needed and
// Tesseract's Vietnamese model is missing.
Result<Extracted> extract_pdf(std::string_view bytes, const ExtractOptions& options);

// Page `index` (0-based) of `doc` as an 8-bit grey image at `dpi`, or at
// the lower resolution that keeps it within `max_pixels`; nullopt when
// the page cannot be rendered. Not thread-safe for one document.
std::optional<GrayImage> render_page(const poppler::document& doc, std::size_t index, double dpi,
                                     std::uint64_t max_pixels);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_PDF_H_
