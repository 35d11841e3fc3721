// Optical character recognition of page images (scanned PDF pages, PNG,
// JPEG and TIFF scans) with Tesseract 5 and its Vietnamese model "vie"
// (Debian package tesseract-ocr-vie, read from Tesseract's own tessdata
// directory, /usr/share/tesseract-ocr/5/tessdata, or $TESSDATA_PREFIX).
//
// Pages are recognised in parallel, one Tesseract engine per thread (an
// engine is not thread-safe); initialised engines are kept in a small
// process-wide pool, since loading the model takes 0.2-0.5 s. OCR output
// goes through the same layout and line joining as a PDF's text layer
// (page_layout.h, page_text.h).
//
// Every function is thread-safe. Bad input is a Status; a missing
// Tesseract model is an environment failure and throws std::runtime_error.
#ifndef VANBAN_DOC_FORMATS_OCR_H_
#define VANBAN_DOC_FORMATS_OCR_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "doc/formats/page_layout.h"
#include "vanban/doc/extract.h"
#include "vanban/status.h"

namespace vanban::doc {

// An 8-bit grey page image, rows top to bottom, `width` bytes each.
struct GrayImage {
  int width = 0;
  int height = 0;
  int dpi = 0;  // 0 when unknown
  std::vector<std::uint8_t> pixels;
};

// What OCR read on one page.
struct OcrPage {
  bool recognised = false;    // false: the page had no image to read
  PageWords words;            // boxes in pixels of the page image
  double confidence_sum = 0;  // of the words' confidences (0-100)
  std::size_t word_count = 0;
  bool timed_out = false;  // stopped at options.ocr_seconds_per_page
};

// Makes the image of page `index` (0-based), or nullopt when the page has
// none. Called from the OCR threads, one call at a time.
using PageImageSource = std::function<std::optional<GrayImage>(std::size_t index)>;

// Recognises pages 0..count-1 on options.ocr_threads threads (0: one per
// core, never more than pages), each page within
// options.ocr_seconds_per_page. Results are in page order. Rethrows what
// `source` throws; throws std::runtime_error when Tesseract cannot load
// the "vie" model.
std::vector<OcrPage> recognize_pages(std::size_t count, const PageImageSource& source,
                                     const ExtractOptions& options);

// The mean word confidence of `pages` (0-100), or -1 without words.
double mean_confidence(const std::vector<OcrPage>& pages);

// Warnings for the pages OCR stopped at their time limit, `page_numbers`
// naming each of `pages` ("OCR of page 3 stopped after 60 s
// (--ocr-seconds-per-page)").
void add_timeout_warnings(const std::vector<OcrPage>& pages, const std::vector<int>& page_numbers,
                          const ExtractOptions& options, std::vector<std::string>& warnings);

// kTooLarge for `bytes` of text over options.max_text_bytes.
Status text_too_large(std::size_t bytes, const ExtractOptions& options);

// The text of a scanned image: PNG, JPEG or TIFF (every page of a
// multi-page TIFF, up to options.ocr_max_pages), format "image+ocr".
// Errors: kNotSupported for another image format or when options.ocr is
// off; kTooLarge for an image over options.max_image_pixels, found from
// its header before any pixel is decoded; kCorruption for an image that
// cannot be decoded.
Result<Extracted> extract_image(std::string_view bytes, const ExtractOptions& options);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_OCR_H_
