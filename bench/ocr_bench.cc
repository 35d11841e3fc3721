// vanban-ocr-bench: how well and how fast the format layer reads the seed
// PDFs (tests/data/pdf/seed_NNN.pdf) by OCR, and how fast it reads their
// text layer. Run by bench/ocr.sh:
//
//   vanban-ocr-bench --pdf-dir tests/data/pdf --seed-dir corpus/seeds [--dpi 200,300]
//
// For each seed and resolution, every page is rendered and recognised on
// one thread (doc/formats/ocr.h), the pages are joined as extract_pdf
// joins them (page_layout.h, page_text.h), and each page's text is
// compared with the seed: the character error rate is the Levenshtein
// distance, over NFC code points with whitespace runs as one space, from
// the page's text to the seed substring it matches best (free start and
// end in the seed), divided by that substring's length. The text layer of
// the same page is scored the same way: what the seed's own reading order
// and Markdown leave over, not OCR errors.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <poppler/cpp/poppler-document.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "doc/formats/ocr.h"
#include "doc/formats/page_layout.h"
#include "doc/formats/page_text.h"
#include "doc/formats/pdf.h"
#include "vanban/text/normalize.h"

namespace fs = std::filesystem;
using vanban::doc::assemble_pages;
using vanban::doc::extract_pdf;
using vanban::doc::Extracted;
using vanban::doc::ExtractOptions;
using vanban::doc::lay_out_page;
using vanban::doc::OcrPage;
using vanban::doc::PageBlocks;
using vanban::doc::PagedText;
using vanban::doc::recognize_pages;

namespace {

using Clock = std::chrono::steady_clock;

// CPU seconds of the whole process: with one OCR thread at a time, the
// page's own, whatever else the machine runs.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// NFC code points, Markdown emphasis marks dropped, whitespace runs as one space.
std::u32string normalized(const std::string& utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(vanban::text::to_nfc(utf8));
  std::u32string out;
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) {
    const UChar32 c = u.char32At(i);
    if (c == '*' || c == '#') continue;
    if (u_isUWhiteSpace(c)) {
      if (!out.empty() && out.back() != U' ') out += U' ';
      continue;
    }
    out += static_cast<char32_t>(c);
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

struct Score {
  std::size_t errors = 0;
  std::size_t reference = 0;  // length of the matched seed substring
  double rate() const {
    return reference ? static_cast<double>(errors) / static_cast<double>(reference) : 0;
  }
};

// Fitting alignment of `page` inside `seed`: the best edit distance from
// `page` to any substring of `seed`, and that substring's length.
Score fit(const std::u32string& page, const std::u32string& seed) {
  const std::size_t m = seed.size();
  std::vector<std::size_t> dist(m + 1, 0), start(m + 1), prev_dist(m + 1), prev_start(m + 1);
  for (std::size_t j = 0; j <= m; ++j) start[j] = j;
  for (std::size_t i = 1; i <= page.size(); ++i) {
    std::swap(dist, prev_dist);
    std::swap(start, prev_start);
    dist[0] = i;
    start[0] = 0;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t sub = prev_dist[j - 1] + (page[i - 1] == seed[j - 1] ? 0 : 1);
      const std::size_t del = prev_dist[j] + 1;  // a page character the seed lacks
      const std::size_t ins = dist[j - 1] + 1;   // a seed character the page lacks
      if (sub <= del && sub <= ins) {
        dist[j] = sub;
        start[j] = prev_start[j - 1];
      } else if (del <= ins) {
        dist[j] = del;
        start[j] = prev_start[j];
      } else {
        dist[j] = ins;
        start[j] = start[j - 1];
      }
    }
  }
  const std::size_t best =
      static_cast<std::size_t>(std::min_element(dist.begin(), dist.end()) - dist.begin());
  return {dist[best], best - start[best]};
}

// The text of each page of `text` split at `starts`.
std::vector<std::string> pages_of(const std::string& text, const std::vector<std::size_t>& starts) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    out.push_back(text.substr(starts[i], end - starts[i]));
  }
  return out;
}

struct Totals {
  std::size_t errors = 0, reference = 0, pages = 0;
  double seconds = 0, cpu = 0;
};

struct PageTime {
  double wall = 0;
  double cpu = 0;
};

// Recognises every page of `doc` at `dpi` on one thread, one page at a
// time; `times` gets each page's time (rendering included).
std::vector<std::string> ocr_pages(const poppler::document& doc, int dpi,
                                   std::vector<PageTime>& times) {
  ExtractOptions options;
  options.ocr_threads = 1;
  std::vector<PageBlocks> blocks;
  for (int p = 0; p < doc.pages(); ++p) {
    const auto t0 = Clock::now();
    const double cpu0 = cpu_seconds();
    std::vector<OcrPage> one = recognize_pages(
        1,
        [&](std::size_t) {
          return vanban::doc::render_page(doc, static_cast<std::size_t>(p), dpi,
                                          options.max_image_pixels);
        },
        options);
    times.push_back(
        {std::chrono::duration<double>(Clock::now() - t0).count(), cpu_seconds() - cpu0});
    blocks.push_back(lay_out_page(one[0].words));
  }
  const PagedText text = assemble_pages(std::move(blocks));
  return pages_of(text.text, text.page_starts);
}

void bench_seed(const std::string& seed, const fs::path& pdf_path, const fs::path& seed_path,
                const std::vector<int>& dpis, std::vector<Totals>& totals) {
  const std::string bytes = read_file(pdf_path);
  const std::u32string reference = normalized(read_file(seed_path));
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  const vanban::Result<Extracted> layer = extract_pdf(bytes, {});
  if (!doc || !layer) {
    std::cerr << pdf_path << ": cannot be read\n";
    return;
  }
  const std::vector<std::string> layer_pages = pages_of(layer->text, layer->page_starts);
  for (std::size_t d = 0; d < dpis.size(); ++d) {
    std::vector<PageTime> times;
    const std::vector<std::string> pages = ocr_pages(*doc, dpis[d], times);
    for (std::size_t p = 0; p < pages.size() && p < layer_pages.size(); ++p) {
      const Score ocr = fit(normalized(pages[p]), reference);
      const Score text_layer = fit(normalized(layer_pages[p]), reference);
      std::printf("%-4s %4d %5zu %8.2f%% %8.2f%% %8.1f %8.1f\n", seed.c_str(), dpis[d], p + 1,
                  100 * ocr.rate(), 100 * text_layer.rate(), times[p].wall, times[p].cpu);
      std::fflush(stdout);
      totals[d].errors += ocr.errors;
      totals[d].reference += ocr.reference;
      totals[d].pages += 1;
      totals[d].seconds += times[p].wall;
      totals[d].cpu += times[p].cpu;
    }
  }
}

// Text layer extraction speed over `pdfs`, each read again for at least a second.
void bench_text_layer(const std::vector<fs::path>& pdfs) {
  std::size_t pdf_bytes = 0, text_bytes = 0, pages = 0;
  double seconds = 0;
  for (const fs::path& path : pdfs) {
    const std::string bytes = read_file(path);
    const auto t0 = Clock::now();
    do {
      const vanban::Result<Extracted> out = extract_pdf(bytes, {});
      if (!out) break;
      pdf_bytes += bytes.size();
      text_bytes += out->text.size();
      pages += out->page_starts.size();
    } while (Clock::now() - t0 < std::chrono::seconds(1));
    seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  }
  std::printf(
      "\ntext layer: %zu pages in %.2f s: %.0f pages/s, %.2f MB/s of PDF, %.2f MB/s of text (one "
      "thread)\n",
      pages, seconds, pages / seconds, pdf_bytes / seconds / 1e6, text_bytes / seconds / 1e6);
}

std::vector<int> parse_dpis(const std::string& list) {
  std::vector<int> out;
  std::stringstream in(list);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoi(item));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path pdf_dir = "tests/data/pdf", seed_dir = "corpus/seeds";
  std::vector<int> dpis{200, 300};
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--pdf-dir")
      pdf_dir = argv[i + 1];
    else if (flag == "--seed-dir")
      seed_dir = argv[i + 1];
    else if (flag == "--dpi")
      dpis = parse_dpis(argv[i + 1]);
  }
  std::vector<fs::path> seeds, pdfs;
  for (const auto& e : fs::directory_iterator(seed_dir)) {
    if (e.path().extension() == ".txt") seeds.push_back(e.path());
  }
  std::sort(seeds.begin(), seeds.end());
  std::vector<Totals> totals(dpis.size());
  std::printf("%-4s %4s %5s %9s %9s %8s %8s\n", "seed", "dpi", "page", "OCR CER", "text CER",
              "wall s", "CPU s");
  for (const fs::path& seed : seeds) {
    const std::string number = seed.filename().string().substr(0, 3);
    const fs::path pdf = pdf_dir / ("seed_" + number + ".pdf");
    if (!fs::exists(pdf)) continue;
    pdfs.push_back(pdf);
    bench_seed(number, pdf, seed, dpis, totals);
  }
  std::printf("\n");
  for (std::size_t d = 0; d < dpis.size(); ++d) {
    const Totals& t = totals[d];
    std::printf(
        "%d dpi: CER %.2f%% over %zu pages (%zu characters); per page %.1f s wall, %.1f s CPU: "
        "%.1f pages/min "
        "per core\n",
        dpis[d], t.reference ? 100.0 * t.errors / t.reference : 0.0, t.pages, t.reference,
        t.pages ? t.seconds / t.pages : 0.0, t.pages ? t.cpu / t.pages : 0.0,
        t.cpu > 0 ? 60 * t.pages / t.cpu : 0.0);
  }
  bench_text_layer(pdfs);
  return 0;
}
