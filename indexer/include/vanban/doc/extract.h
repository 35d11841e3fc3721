// The format layer: the bytes of a file users really keep (DOCX, ODT, .doc,
// PDF with or without a text layer, scanned images, saved web pages, text
// in UTF-8, UTF-16, windows-1258 or the legacy TCVN3 and VNI font
// encodings) turned into one clean text for everything downstream. The
// format is chosen by content (libmagic), the extension only breaking ties.
//
// Every function is thread-safe and reports an unusable file as a Status
// (never throws for bad input): kCorruption for a broken file, kNotSupported
// for an encrypted or unknown format, kTooLarge past a bound.
#ifndef VANBAN_DOC_EXTRACT_H_
#define VANBAN_DOC_EXTRACT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/status.h"

namespace vanban::doc {

struct ExtractOptions {
  // Recognise pages without usable text (scanned PDFs, images) with
  // Tesseract's Vietnamese model. Default is on.
  bool ocr = true;
  // Pages recognised per document at most; later pages are cut (and the
  // cut is reported as a warning). Default is 50.
  std::size_t ocr_max_pages = 50;
  // Time budget of one page's recognition, in seconds. Default is 60.
  double ocr_seconds_per_page = 60;
  // Rendering resolution for OCR. Default is 300 dpi.
  int ocr_dpi = 300;
  // Threads for OCR; 0 means one per core.
  unsigned ocr_threads = 0;
  // Extracted text beyond this many bytes is an error (kTooLarge), and so
  // is an archive member (DOCX/ODT part) that unpacks beyond it: a zip bomb
  // cannot take unbounded memory. Default is 64 MiB.
  std::uintmax_t max_text_bytes = std::uintmax_t{64} << 20;
  // PDF pages read at most. Default is 2000.
  std::size_t max_pages = 2000;
  // Images (scans) larger than this many pixels are refused. Default is
  // 100 megapixels (a 20,000 x 20,000 image is 400).
  std::uint64_t max_image_pixels = 100'000'000;
};

// What a file held.
struct Extracted {
  // NFC UTF-8 with "\n" line ends, one paragraph per line. Table rows are
  // lines with their cells separated by " | ", except layout tables: the
  // two-column borderless tables that hold an official document's header
  // (issuer and "Số:" left, Quốc hiệu and place/date right) and signature
  // block ("Nơi nhận" left, "TM. ..." and the signer right) come out column
  // by column, so the header parser reads them as it reads a .txt letter.
  std::string text;
  // What the file was: "text", "utf-16", "windows-1258", "tcvn3", "vni",
  // "docx", "odt", "doc", "pdf", "pdf+ocr", "image+ocr", "html".
  std::string format;
  // PDF: byte offset in `text` where each page starts (page 1 first).
  std::vector<std::size_t> page_starts;
  // 1-based pages recognised by OCR, and their mean word confidence (0-100;
  // -1 when nothing was recognised).
  std::vector<int> ocr_pages;
  double ocr_confidence = -1;
  // Fields the container itself states (HTML <title>, DOCX core
  // properties' title), to be kept as metadata; never trusted over the text.
  std::map<std::string, std::string> properties;
  // The run went on, but: "OCR stopped after 50 pages (--ocr-max-pages)".
  std::vector<std::string> warnings;
};

enum class Format {
  kUnknown,
  kText,    // plain text in some encoding
  kDocx,
  kOdt,
  kDoc,     // Word 97-2003
  kPdf,
  kImage,   // PNG, JPEG, TIFF
  kHtml,
  kBinary,  // anything else (executables, archives, media)
};

// The format of `bytes` by content; `file_name` (may be empty) breaks ties
// (a ZIP that is a DOCX or an ODT, HTML saved as .txt).
Format detect_format(std::string_view bytes, std::string_view file_name);

// Extracts the text of a file of any supported format.
Result<Extracted> extract(std::string_view bytes, std::string_view file_name,
                          const ExtractOptions& options);

// The same for bytes known to be text (a JSONL record's "text"): the
// encoding is detected as for a text file, but the bytes are never taken
// for another format.
Result<Extracted> extract_plain_text(std::string_view bytes, const ExtractOptions& options);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_EXTRACT_H_
