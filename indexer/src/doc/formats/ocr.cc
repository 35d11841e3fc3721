#include "doc/formats/ocr.h"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#if defined(_OPENMP)
#include <omp.h>
#endif

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <memory>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "doc/formats/page_text.h"

namespace vanban::doc {
namespace {

// Tesseract's page segmentation: sparse text, every chunk of text found
// wherever it is, in lines; page_layout.h puts the lines in reading order.
// Measured with bench/ocr.sh on the 20 pages of the seed PDFs at 300 dpi
// (character error rate, CPU per page): sparse text 0.36%, 3.3 s;
// automatic segmentation (PSM_AUTO) 0.51%, 3.3 s: it reads a letter's
// signature block as lines running across both columns, with noise in the
// gap ("- Lãnh đạm Sở; h 5 Nguyễn Sỹ Chín"), and drops the slash of
// "Số: /UBND-TH". At 200 dpi sparse text makes 0.37% in 2.7 s.
constexpr tesseract::PageSegMode kPageSegMode = tesseract::PSM_SPARSE_TEXT;

// Debian's Vietnamese model (tesseract-ocr-vie, the "fast" LSTM). The
// script model "Vietnamese" (tesseract-ocr-script-viet) measured 0.42%
// against 0.51% with PSM_AUTO, but 4.7 s a page against 3.3.
constexpr const char* kLanguage = "vie";

// Tesseract reads JPEG speckles in blank areas (the space left for a
// signature) as "-", "_", "„", "h", "5" with confidences under 45; real
// words of the seed scans score 80-96, misreadings ("đạm" for "đạo") and
// dashes ("2021 – 2025") 30-50. A word under this confidence with at most
// one letter or digit, and more than kNoiseGapEm of its line's height
// away from the words beside it, is noise.
constexpr float kNoiseConfidence = 50;
constexpr double kNoiseGapEm = 1.0;

// Images whose header gives a resolution outside this range are read as
// of unknown resolution (Tesseract then estimates it from the text).
constexpr int kMinPlausibleDpi = 70;
constexpr int kMaxPlausibleDpi = 2400;

// ---- Engines.

struct EngineDeleter {
  void operator()(tesseract::TessBaseAPI* api) const;
};
using Engine = std::unique_ptr<tesseract::TessBaseAPI, EngineDeleter>;

std::unique_ptr<tesseract::TessBaseAPI> make_engine() {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Tesseract reports on stderr ("Detected 12 diacritics"); the indexer
  // reports for itself.
  api->SetVariable("debug_file", "/dev/null");
  if (api->Init(nullptr, kLanguage, tesseract::OEM_LSTM_ONLY) != 0) {
    throw std::runtime_error(
        "Tesseract cannot load its Vietnamese model (vie.traineddata: install the Debian "
        "package tesseract-ocr-vie, or set TESSDATA_PREFIX)");
  }
  return api;
}

// Initialised engines not in use, kept for the next document: loading the
// model costs 0.2-0.5 s, recognising a page 3-5 s.
class EnginePool {
 public:
  // Made with one engine ready. Tesseract builds its dictionary cache, a
  // static, in the first Init; statics are destroyed in the reverse order
  // of their construction, so this pool, finished after that cache, goes
  // first, and its engines hand their dictionaries back to a cache that
  // still exists (the other way round, LeakSanitizer reports them).
  EnginePool() { idle_.push_back(make_engine()); }

  Engine lease() {
    {
      const std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        Engine e(idle_.back().release());
        idle_.pop_back();
        return e;
      }
    }
    return Engine(make_engine().release());  // outside the lock: Init is slow
  }

  void give_back(tesseract::TessBaseAPI* api) {
    std::unique_ptr<tesseract::TessBaseAPI> owned(api);
    owned->Clear();
    const std::lock_guard<std::mutex> lock(mu_);
    if (idle_.size() < max_idle_) idle_.push_back(std::move(owned));
  }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<tesseract::TessBaseAPI>> idle_;
  const std::size_t max_idle_ = std::max(1u, std::thread::hardware_concurrency());
};

EnginePool& engine_pool() {
  static EnginePool pool;
  return pool;
}

void EngineDeleter::operator()(tesseract::TessBaseAPI* api) const { engine_pool().give_back(api); }

// ---- Recognition of one page.

std::string take_text(char* owned) {
  const std::unique_ptr<char[]> text(owned);
  return text ? std::string(text.get()) : std::string();
}

bool few_alnum(const std::string& word) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  int alnum = 0;
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i)))
    alnum += u_isalnum(u.char32At(i)) ? 1 : 0;
  return alnum <= 1;
}

// Drops the noise words of a line (see kNoiseConfidence) and counts the
// confidence of the others.
void drop_noise(std::vector<WordBox>& line, const std::vector<float>& confidences, OcrPage& page) {
  double height = 0;
  for (const WordBox& w : line) height = std::max(height, w.box.height());
  const double far = kNoiseGapEm * height;
  std::vector<WordBox> kept;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const bool alone = (i == 0 || line[i].box.left - line[i - 1].box.right > far) &&
                       (i + 1 == line.size() || line[i + 1].box.left - line[i].box.right > far);
    if (alone && confidences[i] < kNoiseConfidence && few_alnum(line[i].text)) continue;
    kept.push_back(std::move(line[i]));
    page.confidence_sum += confidences[i];
    ++page.word_count;
  }
  line = std::move(kept);
}

// The words Tesseract read, in its text lines, noise aside.
void collect_words(tesseract::TessBaseAPI& api, OcrPage& page) {
  const std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return;
  constexpr auto kWord = tesseract::RIL_WORD;
  std::vector<float> confidences;
  const auto end_line = [&] {
    if (page.words.lines.empty()) return;
    drop_noise(page.words.lines.back(), confidences, page);
    confidences.clear();
  };
  do {
    if (it->Empty(kWord)) continue;
    if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || page.words.lines.empty()) {
      end_line();
      page.words.lines.emplace_back();
    }
    int left = 0, top = 0, right = 0, bottom = 0;
    it->BoundingBox(kWord, &left, &top, &right, &bottom);
    std::string text = take_text(it->GetUTF8Text(kWord));
    if (text.empty()) continue;
    page.words.lines.back().push_back(
        {std::move(text), {double(left), double(top), double(right), double(bottom)}, true});
    confidences.push_back(it->Confidence(kWord));
  } while (it->Next(kWord));
  end_line();
}

OcrPage recognize(tesseract::TessBaseAPI& api, const GrayImage& image, double seconds) {
  OcrPage page;
  page.recognised = true;
  api.SetPageSegMode(kPageSegMode);
  api.SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
  if (image.dpi > 0) api.SetSourceResolution(image.dpi);
  tesseract::ETEXT_DESC monitor;
  if (seconds > 0) {
    monitor.set_deadline_msecs(static_cast<int32_t>(std::min(seconds * 1000, 2e9)));
  }
  api.Recognize(&monitor);
  page.timed_out = monitor.deadline_exceeded();
  collect_words(api, page);
  api.Clear();
  return page;
}

// ---- Pages in parallel.

class OcrRun {
 public:
  OcrRun(std::size_t count, const PageImageSource& source, const ExtractOptions& options)
      : source_(source), options_(options), pages_(count) {}

  std::vector<OcrPage> run() {
    unsigned threads =
        options_.ocr_threads ? options_.ocr_threads : std::thread::hardware_concurrency();
    threads = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, pages_.size()));
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i) workers.emplace_back([this] { work(); });
    for (std::thread& t : workers) t.join();
    if (error_) std::rethrow_exception(error_);
    return std::move(pages_);
  }

 private:
  void work() {
#if defined(_OPENMP)
    // Tesseract's LSTM asks OpenMP for 4 to 10 threads per page; with a
    // thread per page already that oversubscribes the cores: one page of
    // letter 001 at 300 dpi took 19.4 s instead of 5.2 s on 2 cores.
    // The setting is this thread's own.
    omp_set_max_active_levels(0);
#endif
    try {
      Engine engine = engine_pool().lease();
      for (std::size_t i = next_++; i < pages_.size() && !failed_; i = next_++) {
        std::optional<GrayImage> image;
        {
          const std::lock_guard<std::mutex> lock(source_mu_);
          image = source_(i);
        }
        if (image && image->width > 0 && image->height > 0) {
          pages_[i] = recognize(*engine, *image, options_.ocr_seconds_per_page);
        }
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(source_mu_);
      if (!error_) error_ = std::current_exception();
      failed_ = true;
    }
  }

  const PageImageSource& source_;
  const ExtractOptions& options_;
  std::vector<OcrPage> pages_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false};
  std::mutex source_mu_;  // the source, and error_
  std::exception_ptr error_;
};

// ---- Images.

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// Leptonica reports every bad input on stderr; the Status says it once.
void quiet_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

const l_uint8* as_bytes(std::string_view bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

struct ImageInfo {
  int format = IFF_UNKNOWN;
  std::size_t pages = 0;      // TIFF pages within the OCR page limit (+1 to tell a cut)
  std::uint64_t pixels = 0;   // of the largest page
  int width = 0, height = 0;  // of that page
};

std::string format_name(int format) {
  switch (format) {
    case IFF_BMP: return "BMP";
    case IFF_GIF: return "GIF";
    case IFF_JP2: return "JPEG 2000";
    case IFF_WEBP: return "WebP";
    case IFF_PNM: return "PNM";
    case IFF_PS: return "PostScript";
    case IFF_LPDF: return "PDF";
    default: return "format " + std::to_string(format);
  }
}

Status too_many_pixels(const ImageInfo& info, const ExtractOptions& options) {
  return Status::too_large("image too large",
                           std::to_string(info.width) + " x " + std::to_string(info.height) +
                               " pixels, over the limit of " +
                               std::to_string(options.max_image_pixels) + " (--max-image-pixels)");
}

// Dimensions (of every TIFF page) from the headers alone.
Result<ImageInfo> read_image_header(std::string_view bytes, const ExtractOptions& options) {
  ImageInfo info;
  if (bytes.size() < 12 || findFileFormatBuffer(as_bytes(bytes), &info.format) != 0 ||
      info.format == IFF_UNKNOWN) {
    return Status::corruption("broken image", "not a PNG, JPEG or TIFF file");
  }
  const bool tiff = L_FORMAT_IS_TIFF(info.format);
  if (info.format != IFF_PNG && info.format != IFF_JFIF_JPEG && !tiff) {
    return Status::not_supported("unsupported image format", format_name(info.format));
  }
  for (std::size_t page = 0;; ++page) {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, fmt = 0;
    const l_ok bad =
        tiff ? readHeaderMemTiff(as_bytes(bytes), bytes.size(), static_cast<l_int32>(page), &w, &h,
                                 &bps, &spp, &res, &cmap, &fmt)
             : pixReadHeaderMem(as_bytes(bytes), bytes.size(), &fmt, &w, &h, &bps, &spp, &cmap);
    if (bad != 0 || w <= 0 || h <= 0) {
      if (page == 0)
        return Status::corruption("broken image",
                                  "unreadable " +
                                      std::string(tiff                     ? "TIFF"
                                                  : info.format == IFF_PNG ? "PNG"
                                                                           : "JPEG") +
                                      " header");
      break;
    }
    info.pages = page + 1;
    const auto pixels = static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h);
    if (pixels > info.pixels) {
      info.pixels = pixels;
      info.width = w;
      info.height = h;
    }
    if (pixels > options.max_image_pixels) return too_many_pixels(info, options);
    if (!tiff || info.pages > options.ocr_max_pages) break;
  }
  return info;
}

GrayImage to_gray_image(Pix* pix) {
  const PixPtr gray(pixConvertTo8(pix, 0));
  GrayImage image;
  if (!gray) return image;
  image.width = pixGetWidth(gray.get());
  image.height = pixGetHeight(gray.get());
  const l_int32 res = pixGetXRes(pix);
  image.dpi = res >= kMinPlausibleDpi && res <= kMaxPlausibleDpi ? res : 0;
  image.pixels.resize(static_cast<std::size_t>(image.width) *
                      static_cast<std::size_t>(image.height));
  const l_uint32* data = pixGetData(gray.get());
  const l_int32 wpl = pixGetWpl(gray.get());
  for (int y = 0; y < image.height; ++y) {
    const l_uint32* row = data + static_cast<std::ptrdiff_t>(y) * wpl;
    std::uint8_t* out =
        image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width);
    for (int x = 0; x < image.width; ++x) out[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(row, x));
  }
  return image;
}

std::optional<GrayImage> decode_page(std::string_view bytes, const ImageInfo& info,
                                     std::size_t page) {
  const PixPtr pix(L_FORMAT_IS_TIFF(info.format)
                       ? pixReadMemTiff(as_bytes(bytes), bytes.size(), static_cast<l_int32>(page))
                       : pixReadMem(as_bytes(bytes), bytes.size()));
  if (!pix) return std::nullopt;
  return to_gray_image(pix.get());
}

}  // namespace

std::vector<OcrPage> recognize_pages(std::size_t count, const PageImageSource& source,
                                     const ExtractOptions& options) {
  if (count == 0) return {};
  return OcrRun(count, source, options).run();
}

double mean_confidence(const std::vector<OcrPage>& pages) {
  double sum = 0;
  std::size_t words = 0;
  for (const OcrPage& p : pages) {
    sum += p.confidence_sum;
    words += p.word_count;
  }
  return words == 0 ? -1 : sum / static_cast<double>(words);
}

Status text_too_large(std::size_t bytes, const ExtractOptions& options) {
  return Status::too_large("text too large",
                           std::to_string(bytes) + " bytes of text, over the limit of " +
                               std::to_string(options.max_text_bytes) + " (--max-text-bytes)");
}

void add_timeout_warnings(const std::vector<OcrPage>& pages, const std::vector<int>& page_numbers,
                          const ExtractOptions& options, std::vector<std::string>& warnings) {
  for (std::size_t i = 0; i < pages.size() && i < page_numbers.size(); ++i) {
    if (!pages[i].timed_out) continue;
    std::ostringstream seconds;  // 60, 0.5
    seconds << options.ocr_seconds_per_page;
    warnings.push_back("OCR of page " + std::to_string(page_numbers[i]) + " stopped after " +
                       seconds.str() + " s (--ocr-seconds-per-page)");
  }
}

Result<Extracted> extract_image(std::string_view bytes, const ExtractOptions& options) {
  quiet_leptonica();
  if (!options.ocr) return Status::not_supported("image without OCR", "OCR is off (--no-ocr)");
  Result<ImageInfo> info = read_image_header(bytes, options);
  if (!info) return info.status();
  Extracted out;
  out.format = "image+ocr";
  std::size_t pages = info->pages;
  if (pages > options.ocr_max_pages) {
    pages = options.ocr_max_pages;
    out.warnings.push_back("OCR stopped after " + std::to_string(pages) +
                           " pages (--ocr-max-pages)");
  }
  std::size_t decoded = 0;
  const std::vector<OcrPage> ocr = recognize_pages(
      pages,
      [&](std::size_t page) {
        std::optional<GrayImage> image = decode_page(bytes, *info, page);
        decoded += image ? 1 : 0;
        return image;
      },
      options);
  if (pages > 0 && decoded == 0)
    return Status::corruption("broken image", "the pixels cannot be decoded");
  std::vector<PageBlocks> blocks;
  std::vector<int> page_numbers;
  for (std::size_t i = 0; i < ocr.size(); ++i) {
    blocks.push_back(lay_out_page(ocr[i].words));
    page_numbers.push_back(static_cast<int>(i + 1));
    if (ocr[i].recognised) out.ocr_pages.push_back(page_numbers.back());
  }
  PagedText text = assemble_pages(std::move(blocks));
  if (text.text.size() > options.max_text_bytes) return text_too_large(text.text.size(), options);
  out.text = std::move(text.text);
  out.page_starts = std::move(text.page_starts);
  out.ocr_confidence = mean_confidence(ocr);
  add_timeout_warnings(ocr, page_numbers, options, out.warnings);
  if (out.text.empty()) out.warnings.push_back("no text recognised");
  return out;
}

}  // namespace vanban::doc
