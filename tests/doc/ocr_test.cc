// OCR tests. Recognition costs 3-4 s of CPU a page and ctest runs every
// test in a process of its own, so each test recognises its file once and
// checks everything about it, and the scanned copies are made once into a
// directory named after the content they come from (shared by processes).
#include "doc/formats/ocr.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include "doc/formats/pdf.h"
#include "testing/doc_pipeline.h"
#include "testing/scans.h"
#include "vanban/hash.h"

namespace vanban::doc {
namespace {

namespace fs = std::filesystem;
using testing::citation_keys;
using testing::number_lines;
using testing::pdf_data_dir;
using testing::pdf_fixture;
using testing::read_file;
using testing::record_of_text;
using testing::scans_dir;
using testing::seed_record;

std::string scan(const std::string& name) { return read_file(scans_dir() / name); }

Extracted extract_scan(const std::string& name, const ExtractOptions& options = {}) {
  const std::string bytes = scan(name);
  const bool pdf = name.size() > 4 && name.substr(name.size() - 4) == ".pdf";
  return testing::extracted_or_fail(
      pdf ? extract_pdf(bytes, options) : extract_image(bytes, options), name);
}

// ---- Scanned copies of the seeds.

struct ScanCase {
  const char* name;
  const char* seed;
  int pages;
  const char* date;  // the seed's
  // A letter's draft symbol and signer, "" for an article.
  const char* unnumbered_symbol;
  const char* signer_name;
};

class ScannedSeedTest : public ::testing::TestWithParam<ScanCase> {};

TEST_P(ScannedSeedTest, ReadsLikeTheSeed) {
  const ScanCase& c = GetParam();
  const Extracted pdf = extract_scan(std::string("scanned_") + c.seed + ".pdf");
  // Every page by OCR, in page order.
  EXPECT_EQ(pdf.format, "pdf+ocr");
  std::vector<int> all;
  for (int p = 1; p <= c.pages; ++p) all.push_back(p);
  EXPECT_EQ(pdf.ocr_pages, all);
  EXPECT_EQ(pdf.page_starts.size(), static_cast<std::size_t>(c.pages));
  EXPECT_TRUE(std::is_sorted(pdf.page_starts.begin(), pdf.page_starts.end()));
  EXPECT_GT(pdf.ocr_confidence, 85);
  EXPECT_LE(pdf.ocr_confidence, 100);
  // Nine tenths of the seed's citations, the directive and the campaign.
  const std::vector<std::string> seed = citation_keys(seed_record(c.seed).text);
  const std::vector<std::string> found = citation_keys(pdf.text);
  std::vector<std::string> kept;
  std::set_intersection(seed.begin(), seed.end(), found.begin(), found.end(),
                        std::back_inserter(kept));
  EXPECT_GE(kept.size() * 10, seed.size() * 9) << kept.size() << " of " << seed.size() << " kept";
  EXPECT_NE(pdf.text.find("Chỉ thị số 34-CT/TW ngày 07/4/2014"), std::string::npos);
  EXPECT_NE(pdf.text.find("Dân vận khéo"), std::string::npos);
  // The seed's header fields and signature; no page numbers.
  const DocumentRecord r = record_of_text(pdf.text);
  const DocumentRecord from_seed = seed_record(c.seed);
  EXPECT_EQ(r.date, c.date);
  EXPECT_EQ(r.date, from_seed.date);
  EXPECT_EQ(r.issuer, from_seed.issuer);
  EXPECT_EQ(r.type, from_seed.type);
  EXPECT_EQ(r.subject, from_seed.subject);
  const auto draft = r.metadata.find("unnumbered_symbol");
  EXPECT_EQ(draft == r.metadata.end() ? "" : draft->second, c.unnumbered_symbol);
  EXPECT_EQ(r.signer_name, c.signer_name);
  EXPECT_EQ(number_lines(pdf.text), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Seeds, ScannedSeedTest,
                         ::testing::Values(ScanCase{"Article003", "003", 4, "2023-01-03", "", ""},
                                           ScanCase{"Letter004", "004", 3, "2024-02-29", "/SCT-VP",
                                                    "Nguyễn Sỹ Chín"}),
                         [](const auto& p) { return std::string(p.param.name); });

// ---- PDFs with text pages and scanned pages.

TEST(OcrTest, ReadsOnlyTheScannedPageOfAMixedPdf) {
  const Extracted pdf = extract_scan("mixed_004.pdf");
  EXPECT_EQ(pdf.format, "pdf+ocr");
  EXPECT_EQ(pdf.ocr_pages, std::vector<int>{3});
  EXPECT_EQ(pdf.text.substr(0, pdf.text.find('\n')), "Số: /SCT-VP");
  ASSERT_EQ(pdf.page_starts.size(), 3u);
  EXPECT_NE(pdf.text.find("Nguyễn Sỹ Chín", pdf.page_starts[2]), std::string::npos);
}

TEST(OcrTest, ReadsAScanWhoseTextLayerIsAStamp) {
  // 189 letters of text under the scan: too few for a page, and the ink of
  // the scan lies outside them.
  const Extracted pdf = extract_scan("stamped_004.pdf");
  EXPECT_EQ(pdf.format, "pdf+ocr");
  EXPECT_EQ(pdf.ocr_pages, std::vector<int>{1});
  EXPECT_NE(pdf.text.find("Nguyễn Sỹ Chín"), std::string::npos);
  EXPECT_EQ(pdf.text.find("Thực hiện nghiêm"), std::string::npos);
}

TEST(OcrTest, WithoutOcrAMixedPdfKeepsItsTextPagesAndWarns) {
  ExtractOptions options;
  options.ocr = false;
  const Extracted pdf = extract_scan("mixed_004.pdf", options);
  EXPECT_EQ(pdf.format, "pdf");
  EXPECT_TRUE(pdf.ocr_pages.empty());
  EXPECT_EQ(pdf.warnings,
            std::vector<std::string>{"page 3: no usable text layer, and OCR is off (--no-ocr)"});
  EXPECT_EQ(pdf.text.substr(0, pdf.text.find('\n')), "Số: /SCT-VP");
  EXPECT_EQ(pdf.text.find("Nguyễn Sỹ Chín"), std::string::npos);
}

TEST(OcrTest, WithoutOcrAScannedPdfIsNotSupported) {
  ExtractOptions options;
  options.ocr = false;
  const Result<Extracted> pdf = extract_pdf(scan("scanned_004.pdf"), options);
  ASSERT_FALSE(pdf.is_ok());
  EXPECT_TRUE(pdf.status().is_not_supported());
  EXPECT_EQ(pdf.status().message(),
            "scanned PDF without OCR: no page has a text layer, and OCR is off (--no-ocr)");
}

// ---- Bounds.

TEST(OcrTest, StopsAfterOcrMaxPages) {
  ExtractOptions options;
  options.ocr_max_pages = 1;
  const Extracted pdf = extract_scan("scanned_004.pdf", options);
  EXPECT_EQ(pdf.ocr_pages, std::vector<int>{1});
  EXPECT_EQ(pdf.warnings, std::vector<std::string>{"OCR stopped after 1 pages (--ocr-max-pages)"});
  EXPECT_EQ(pdf.page_starts.size(), 3u);
  EXPECT_EQ(pdf.text.substr(0, pdf.text.find('\n')), "Số: /SCT-VP");
  EXPECT_EQ(pdf.text.find("Nguyễn Sỹ Chín"), std::string::npos);  // page 3
}

TEST(OcrTest, StopsAPageAtItsTimeLimit) {
  ExtractOptions options;
  options.ocr_max_pages = 1;
  options.ocr_seconds_per_page = 0.3;
  const Extracted pdf = extract_scan("scanned_004.pdf", options);
  EXPECT_NE(std::find(pdf.warnings.begin(), pdf.warnings.end(),
                      "OCR of page 1 stopped after 0.3 s (--ocr-seconds-per-page)"),
            pdf.warnings.end());
  // Less than the page holds (its text layer in the text PDF).
  const Result<Extracted> page = extract_pdf(pdf_fixture("seed_004.pdf"), {});
  ASSERT_TRUE(page.is_ok());
  EXPECT_LT(pdf.text.size(), page->page_starts.at(1));
}

// ---- Images.

TEST(OcrTest, ReadsAPngScanOfALetter) {
  const Extracted image = extract_scan("page1_001.png");
  EXPECT_EQ(image.format, "image+ocr");
  EXPECT_EQ(image.ocr_pages, std::vector<int>{1});
  EXPECT_EQ(image.page_starts, std::vector<std::size_t>{0});
  const DocumentRecord r = record_of_text(image.text);
  const DocumentRecord seed = seed_record("001");
  EXPECT_EQ(r.issuer, "Ủy ban nhân dân tỉnh Lai Châu");
  EXPECT_EQ(r.issuer, seed.issuer);
  EXPECT_EQ(r.metadata.at("unnumbered_symbol"), "/UBND-TH");
  EXPECT_EQ(r.type, seed.type);
  EXPECT_EQ(r.date, seed.date);
  EXPECT_EQ(r.recipients, seed.recipients);
}

TEST(OcrTest, ReadsATiffScanOfALettersHeaderColumnByColumn) {
  const Extracted image = extract_scan("header_001.tif");
  const std::string expected =
      "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: /UBND-TH\nV/v phát động phong trào thi đua đặc biệt lập "
      "thành tích chào mừng kỷ niệm các sự kiện lịch sử của tỉnh\n\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Lai Châu, ngày tháng 5 năm 2023\n\n"
      "Kính gửi:\n- Các sở, ban, ngành, đoàn thể tỉnh;\n- Các doanh nghiệp trên địa bàn tỉnh";
  EXPECT_EQ(image.text.substr(0, expected.size()), expected);
}

// The pages of a multi-page TIFF (as scanners and fax servers write
// them), made with Leptonica from two scanned headers.
std::string two_page_tiff() {
  std::string out;
  PIXA* pages = pixaCreate(2);
  for (const char* name : {"header_001.tif", "header_004.jpg"}) {
    const std::string bytes = scan(name);
    PIX* pix = pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size());
    if (pix != nullptr) pixaAddPix(pages, pix, L_INSERT);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixaWriteMemMultipageTiff(&data, &size, pages) == 0) {
    out.assign(reinterpret_cast<const char*>(data), size);
  }
  lept_free(data);
  pixaDestroy(&pages);
  return out;
}

TEST(OcrTest, ReadsEveryPageOfATiffUpToTheLimit) {
  const std::string tiff = two_page_tiff();
  ASSERT_FALSE(tiff.empty());
  const Result<Extracted> both = extract_image(tiff, {});
  ASSERT_TRUE(both.is_ok()) << both.status().message();
  EXPECT_EQ(both->ocr_pages, (std::vector<int>{1, 2}));
  ASSERT_EQ(both->page_starts.size(), 2u);
  const auto line_at = [&](std::size_t start) {
    return both->text.substr(start, both->text.find('\n', start) - start);
  };
  EXPECT_EQ(line_at(0), "ỦY BAN NHÂN DÂN");
  EXPECT_EQ(line_at(both->page_starts[1]), "Số: /SCT-VP");
  ExtractOptions options;
  options.ocr_max_pages = 1;
  const Result<Extracted> first = extract_image(tiff, options);
  ASSERT_TRUE(first.is_ok()) << first.status().message();
  EXPECT_EQ(first->ocr_pages, std::vector<int>{1});
  EXPECT_EQ(first->warnings, std::vector<std::string>{"OCR stopped after 1 pages (--ocr-max-pages)"});
  EXPECT_EQ(first->text.find("SCT-VP"), std::string::npos);
}

TEST(OcrTest, ReadsAJpegScan) {
  const Extracted image = extract_scan("header_004.jpg");
  EXPECT_NE(image.text.find("Lai Châu, ngày 29 tháng 02 năm 2024"), std::string::npos)
      << image.text;
}

TEST(OcrTest, ReportsAPngCutShort) {
  // A good header (2480 x 3508), then the data ends.
  const Result<Extracted> out = extract_image(scan("page1_001.png").substr(0, 5000), {});
  ASSERT_FALSE(out.is_ok());
  EXPECT_TRUE(out.status().is_corruption());
  EXPECT_EQ(out.status().message(), "broken image: the pixels cannot be decoded");
}

struct BadImageCase {
  const char* name;
  std::string bytes;
  bool ocr;
  StatusCode code;
  const char* reason;
  const char* detail_part;
};

class BadImageTest : public ::testing::TestWithParam<BadImageCase> {};

TEST_P(BadImageTest, GivesTheRightStatus) {
  const BadImageCase& c = GetParam();
  ExtractOptions options;
  options.ocr = c.ocr;
  const Result<Extracted> out = extract_image(c.bytes, options);
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().code(), c.code);
  EXPECT_EQ(out.status().reason(), c.reason);
  EXPECT_NE(out.status().detail().find(c.detail_part), std::string::npos) << out.status().detail();
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadImageTest,
    ::testing::Values(
        // Refused from its header: decoding would take 1.2 GB.
        BadImageCase{"HugePng", pdf_fixture("huge.png"), true, StatusCode::kTooLarge,
                     "image too large",
                     "20000 x 20000 pixels, over the limit of 100000000 (--max-image-pixels)"},
        BadImageCase{"TruncatedHeader", pdf_fixture("huge.png").substr(0, 20), true,
                     StatusCode::kCorruption, "broken image", "PNG header"},
        BadImageCase{"Gif", std::string("GIF89a\x01\0\x01\0\0\0\0;", 14), true,
                     StatusCode::kNotSupported, "unsupported image format", "GIF"},
        BadImageCase{"NotAnImage", "Chỉ thị số 34-CT/TW", true, StatusCode::kCorruption,
                     "broken image", "not a PNG, JPEG or TIFF"},
        BadImageCase{"OcrOff", pdf_fixture("huge.png"), false, StatusCode::kNotSupported,
                     "image without OCR", "OCR is off"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::doc
