// Fuzzes the PDF reader of the format layer: doc/formats/pdf.h extract_pdf
// on raw bytes, with OCR off (recognition takes seconds a page, and
// Tesseract is not what is under test) and 4 pages at most (a page with
// little text is rendered at 36 dpi to look for a scan: 10-30 ms). The layout and line joining (page_layout.h,
// page_text.h) run on whatever text poppler finds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "doc/formats/pdf.h"
#include "fuzz_check.h"

namespace {

namespace doc = vanban::doc;
using vanban::StatusCode;
using vanban::fuzz::show;
using vanban::fuzz::valid_utf8;

void check_failure(std::string_view raw, const vanban::Status& s) {
  const StatusCode c = s.code();
  VANBAN_FUZZ_CHECK(
      c == StatusCode::kCorruption || c == StatusCode::kNotSupported || c == StatusCode::kTooLarge,
      "unexpected status " + s.message() + " for " + show(raw, 200));
  VANBAN_FUZZ_CHECK(!s.reason().empty(), "status without a reason for " + show(raw, 200));
}

void check_extracted(const doc::Extracted& out, const doc::ExtractOptions& options) {
  const std::string ctx = " (text " + show(out.text, 300) + ")";
  VANBAN_FUZZ_CHECK(valid_utf8(out.text), "text not valid UTF-8" + ctx);
  VANBAN_FUZZ_CHECK(vanban::fuzz::is_nfc(out.text), "text not NFC" + ctx);
  VANBAN_FUZZ_CHECK(
      out.text.find('\0') == std::string::npos && out.text.find('\r') == std::string::npos,
      "text has NUL or CR" + ctx);
  VANBAN_FUZZ_CHECK(out.format == "pdf", "format " + out.format + " with OCR off" + ctx);
  VANBAN_FUZZ_CHECK(out.ocr_pages.empty() && out.ocr_confidence == -1,
                    "OCR results with OCR off" + ctx);
  VANBAN_FUZZ_CHECK(!out.page_starts.empty() && out.page_starts.size() <= options.max_pages,
                    std::to_string(out.page_starts.size()) + " page starts" + ctx);
  VANBAN_FUZZ_CHECK(std::is_sorted(out.page_starts.begin(), out.page_starts.end()) &&
                        out.page_starts.front() == 0 && out.page_starts.back() <= out.text.size(),
                    "page starts out of order or range" + ctx);
  for (const std::size_t start : out.page_starts) {
    VANBAN_FUZZ_CHECK(vanban::fuzz::on_boundary(out.text, start),
                      "page start inside a character" + ctx);
  }
  VANBAN_FUZZ_CHECK(out.text.size() <= options.max_text_bytes, "text over max_text_bytes" + ctx);
  // One paragraph per line: no line is blank at the start or end, and no
  // two blank lines follow each other.
  VANBAN_FUZZ_CHECK(out.text.empty() || (out.text.front() != '\n' && out.text.back() != '\n'),
                    "text starts or ends with a newline" + ctx);
  VANBAN_FUZZ_CHECK(out.text.find("\n\n\n") == std::string::npos, "two blank lines" + ctx);
  for (const auto& [key, value] : out.properties) {
    VANBAN_FUZZ_CHECK(valid_utf8(value), "property " + key + " not valid UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 65536) return -1;
  const std::string_view raw = vanban::fuzz::as_view(data, size);
  doc::ExtractOptions options;
  options.ocr = false;
  options.max_pages = 4;
  options.max_text_bytes = 1 << 20;
  const vanban::Result<doc::Extracted> out = doc::extract_pdf(raw, options);
  if (out.is_ok()) {
    check_extracted(*out, options);
  } else {
    check_failure(raw, out.status());
  }
  return 0;
}
