#include "doc/formats/pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "doc/formats/ocr.h"
#include "doc/formats/page_layout.h"
#include "doc/formats/page_text.h"

namespace vanban::doc {
namespace {

// A page whose text layer has fewer letters than this may be a scan: a
// scanned letter signed digitally carries the signature stamp as text
// ("Người ký: Sở Công Thương / Email: ... / Thời gian ký: ...", about 100
// letters). The last page of a text letter can be as short (157 letters
// on page 5 of letter 001), so such a page is read by OCR only when ink
// lies outside its text (kMinStrayInk).
constexpr std::size_t kMinTextLayerLetters = 200;
// A text layer with more than this share of odd symbols (not letters,
// digits, spaces or punctuation: "Uû ban nh©n d©n" from a TCVN3 font
// without a Unicode map, U+FFFD, private-use glyphs) is unusable.
// Vietnamese text in Unicode has almost none.
constexpr double kMaxOddShare = 0.1;
// OCR text replaces a page's text layer only when it has this many times
// as many letters (a short genuine page read again by OCR is not better).
constexpr double kOcrGain = 1.5;
// Thin pages are rendered at this resolution to look for ink outside
// their text: a 36 dpi A4 page is 298 x 421 pixels, rendered in ~10 ms.
constexpr double kInkCheckDpi = 36;
// A pixel darker than this is ink (clean paper renders at 255, the strokes
// of 13 pt text at 36 dpi at 60-190).
constexpr int kInkLevel = 200;
// A thin page is read by OCR when this share of its pixels is ink outside
// its words' boxes. Measured at 36 dpi: the scanned pages of the seed
// fixtures have 10-17% ink; the thin last page of letter 001 has 0.8% ink,
// all of it inside its words.
constexpr double kMinStrayInk = 0.01;
// Thin pages checked for ink at most: this many, or twice the pages OCR
// may read (options.ocr_max_pages). 100 checks take about a second.
constexpr std::size_t kMaxInkChecks = 100;

using DocumentPtr = std::unique_ptr<poppler::document>;

// Poppler reports every damaged object on stderr; the Status says it once.
void quiet_poppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string to_utf8(const poppler::ustring& s) {
  std::string out;
  icu::UnicodeString(reinterpret_cast<const char16_t*>(s.data()), static_cast<int32_t>(s.size()))
      .toUTF8String(out);
  return out;
}

Result<DocumentPtr> open_pdf(std::string_view bytes) {
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return Status::corruption("broken PDF", "no %PDF- header");
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::too_large("file too large", std::to_string(bytes.size()) + " bytes, over 2 GiB");
  }
  DocumentPtr doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return Status::corruption("broken PDF", "its structure cannot be read (truncated or damaged)");
  }
  if (doc->is_locked()) {
    return Status::not_supported("encrypted PDF", "a password is needed to open it");
  }
  return doc;
}

std::map<std::string, std::string> properties_of(const poppler::document& doc) {
  std::map<std::string, std::string> out;
  const std::pair<const char*, poppler::ustring> fields[] = {
      {"title", doc.get_title()}, {"author", doc.get_author()}, {"subject", doc.get_subject()}};
  for (const auto& [name, value] : fields) {
    std::string v = clean_line_text(to_utf8(value));
    if (!v.empty()) out.emplace(name, std::move(v));
  }
  return out;
}

// The words of a page's text layer, in rows: poppler lists them line by
// line, so a word that does not continue to the right on the same
// baseline starts a new row.
PageWords text_layer(const poppler::page& page) {
  PageWords out;
  Box prev;
  for (const poppler::text_box& t : page.text_list()) {
    const poppler::rectf r = t.bbox();
    WordBox w{to_utf8(t.text()), {r.left(), r.top(), r.right(), r.bottom()}, t.has_space_after()};
    if (w.text.empty()) continue;
    const double middle = (w.box.top + w.box.bottom) / 2;
    if (out.lines.empty() || w.box.left < prev.left || middle < prev.top || middle > prev.bottom) {
      out.lines.emplace_back();
    }
    prev = w.box;
    out.lines.back().push_back(std::move(w));
  }
  return out;
}

// Letters of a page, or 0 when its text is mostly odd symbols.
std::size_t usable_letters(const PageWords& page) {
  std::size_t letters = 0, odd = 0;
  for (const auto& line : page.lines) {
    for (const WordBox& w : line) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(w.text);
      for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) {
        const UChar32 c = u.char32At(i);
        if (u_isalpha(c)) {
          ++letters;
        } else if (!u_isdigit(c) && !u_ispunct(c) && !u_isUWhiteSpace(c)) {
          ++odd;
        }
      }
    }
  }
  const double share =
      letters + odd == 0 ? 0 : static_cast<double>(odd) / static_cast<double>(letters + odd);
  return share > kMaxOddShare ? 0 : letters;
}

// The share of the page's pixels that are ink outside its words' boxes.
double stray_ink(const poppler::document& doc, std::size_t index, const PageWords& words,
                 const ExtractOptions& options) {
  std::optional<GrayImage> image = render_page(doc, index, kInkCheckDpi, options.max_image_pixels);
  if (!image) return 0;
  // Blank out the words (a pixel more around them: antialiasing) and count what is left.
  const double scale = image->dpi / 72.0;
  for (const auto& line : words.lines) {
    for (const WordBox& w : line) {
      const int x0 = std::max(0, static_cast<int>(w.box.left * scale) - 1);
      const int x1 = std::min(image->width, static_cast<int>(std::ceil(w.box.right * scale)) + 1);
      const int y0 = std::max(0, static_cast<int>(w.box.top * scale) - 1);
      const int y1 = std::min(image->height, static_cast<int>(std::ceil(w.box.bottom * scale)) + 1);
      for (int y = y0; y < y1; ++y) {
        std::fill_n(image->pixels.begin() + static_cast<std::ptrdiff_t>(y) * image->width + x0,
                    std::max(0, x1 - x0), std::uint8_t{255});
      }
    }
  }
  const auto ink = std::count_if(image->pixels.begin(), image->pixels.end(),
                                 [](std::uint8_t p) { return p < kInkLevel; });
  return static_cast<double>(ink) / static_cast<double>(image->pixels.size());
}

struct PdfPage {
  PageWords words;
  std::size_t letters = 0;  // usable letters of the text layer
};

// OCR boxes are in pixels of the rendered page; the text layer's in points.
void scale_words(PageWords& page, double factor) {
  for (auto& line : page.lines) {
    for (WordBox& w : line) {
      w.box = {w.box.left * factor, w.box.top * factor, w.box.right * factor,
               w.box.bottom * factor};
    }
  }
}

std::string page_list(const std::vector<std::size_t>& pages) {
  std::string out;
  for (std::size_t i = 0; i < pages.size() && i < 10; ++i) {
    out += (i ? ", " : "") + std::to_string(pages[i] + 1);
  }
  return out + (pages.size() > 10 ? ", ..." : "");
}

// Recognises `selected` pages and keeps OCR text where it reads more.
void recognize_scanned(const poppler::document& doc, std::vector<PdfPage>& pages,
                       std::vector<std::size_t> selected, const ExtractOptions& options,
                       Extracted& out) {
  if (selected.size() > options.ocr_max_pages) {
    selected.resize(options.ocr_max_pages);
    out.warnings.push_back("OCR stopped after " + std::to_string(selected.size()) +
                           " pages (--ocr-max-pages)");
  }
  std::vector<double> to_points(selected.size(), 1);
  std::vector<OcrPage> ocr = recognize_pages(
      selected.size(),
      [&](std::size_t k) {
        std::optional<GrayImage> image =
            render_page(doc, selected[k], options.ocr_dpi, options.max_image_pixels);
        if (image) to_points[k] = 72.0 / image->dpi;
        return image;
      },
      options);
  std::vector<int> numbers;
  std::vector<OcrPage> used;
  for (std::size_t k = 0; k < selected.size(); ++k) {
    PdfPage& page = pages[selected[k]];
    numbers.push_back(static_cast<int>(selected[k] + 1));
    scale_words(ocr[k].words, to_points[k]);
    const auto letters = static_cast<double>(usable_letters(ocr[k].words));
    if (letters <= kOcrGain * static_cast<double>(page.letters)) continue;
    page.words = std::move(ocr[k].words);
    out.ocr_pages.push_back(numbers.back());
    used.push_back(std::move(ocr[k]));
  }
  add_timeout_warnings(ocr, numbers, options, out.warnings);
  out.ocr_confidence = mean_confidence(used);
  if (!out.ocr_pages.empty()) out.format = "pdf+ocr";
}

// Pages whose text layer is too thin for the ink on them. A thousand
// blank pages must not cost a thousand renders: see kMaxInkChecks.
std::vector<std::size_t> pages_needing_ocr(const poppler::document& doc,
                                           const std::vector<PdfPage>& pages,
                                           const ExtractOptions& options, Extracted& out) {
  const std::size_t max_checks = std::max(kMaxInkChecks, 2 * options.ocr_max_pages);
  std::size_t checks = 0;
  std::vector<std::size_t> scanned;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].letters >= kMinTextLayerLetters) continue;
    if (checks++ == max_checks) {
      out.warnings.push_back("pages from " + std::to_string(i + 1) +
                             " not checked for scans (over " + std::to_string(max_checks) +
                             " pages with little text)");
      break;
    }
    if (stray_ink(doc, i, pages[i].words, options) >= kMinStrayInk) scanned.push_back(i);
  }
  return scanned;
}

std::vector<PdfPage> read_text_layers(const poppler::document& doc, std::size_t count) {
  std::vector<PdfPage> pages(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::unique_ptr<poppler::page> page(doc.create_page(static_cast<int>(i)));
    if (!page) continue;
    pages[i].words = text_layer(*page);
    pages[i].letters = usable_letters(pages[i].words);
  }
  return pages;
}

// The text of the pages, or the Status saying why there is none.
Result<Extracted> finish(std::vector<PdfPage> pages, std::size_t total, bool scanned,
                         const ExtractOptions& options, Extracted out) {
  std::vector<PageBlocks> blocks;
  for (const PdfPage& page : pages) blocks.push_back(lay_out_page(page.words));
  PagedText text = assemble_pages(std::move(blocks));
  if (text.text.size() > options.max_text_bytes) return text_too_large(text.text.size(), options);
  if (text.text.empty() && scanned && !options.ocr) {
    return Status::not_supported("scanned PDF without OCR",
                                 "no page has a text layer, and OCR is off (--no-ocr)");
  }
  if (text.text.empty() && total > pages.size()) {
    return Status::too_large("too many pages",
                             std::to_string(total) + " pages, over the limit of " +
                                 std::to_string(options.max_pages) +
                                 " (--max-pages), and the pages read have no text");
  }
  if (text.text.empty()) out.warnings.push_back("no text");
  out.text = std::move(text.text);
  out.page_starts = std::move(text.page_starts);
  return out;
}

}  // namespace

std::optional<GrayImage> render_page(const poppler::document& doc, std::size_t index, double dpi,
                                     std::uint64_t max_pixels) {
  const std::unique_ptr<poppler::page> page(doc.create_page(static_cast<int>(index)));
  if (!page) return std::nullopt;
  const poppler::rectf rect = page->page_rect();
  const double pixels = rect.width() / 72 * dpi * rect.height() / 72 * dpi;
  if (!(pixels >= 1) || !std::isfinite(pixels)) return std::nullopt;
  if (pixels > static_cast<double>(max_pixels)) {
    dpi *= std::sqrt(static_cast<double>(max_pixels) / pixels);
  }
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.format() != poppler::image::format_gray8 || img.width() <= 0 ||
      img.height() <= 0) {
    return std::nullopt;
  }
  GrayImage out{img.width(), img.height(), static_cast<int>(std::lround(dpi)), {}};
  out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
  for (int y = 0; y < out.height; ++y) {
    std::memcpy(
        out.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width),
        img.const_data() + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row(),
        static_cast<std::size_t>(out.width));
  }
  return out;
}

Result<Extracted> extract_pdf(std::string_view bytes, const ExtractOptions& options) {
  quiet_poppler();
  Result<DocumentPtr> doc = open_pdf(bytes);
  if (!doc) return doc.status();
  const int total = (*doc)->pages();
  if (total <= 0) return Status::corruption("broken PDF", "no pages");
  const std::size_t count = std::min(static_cast<std::size_t>(total), options.max_pages);
  Extracted out;
  out.format = "pdf";
  out.properties = properties_of(**doc);
  if (count < static_cast<std::size_t>(total)) {
    out.warnings.push_back("read the first " + std::to_string(count) + " of " +
                           std::to_string(total) + " pages (--max-pages)");
  }
  std::vector<PdfPage> pages = read_text_layers(**doc, count);
  const std::vector<std::size_t> scanned = pages_needing_ocr(**doc, pages, options, out);
  if (!scanned.empty() && options.ocr) recognize_scanned(**doc, pages, scanned, options, out);
  if (!scanned.empty() && !options.ocr) {
    out.warnings.push_back("page " + page_list(scanned) +
                           ": no usable text layer, and OCR is off (--no-ocr)");
  }
  return finish(std::move(pages), static_cast<std::size_t>(total), !scanned.empty(), options,
                std::move(out));
}

}  // namespace vanban::doc
