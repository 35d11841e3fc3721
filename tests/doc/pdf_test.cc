#include "doc/formats/pdf.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/doc_pipeline.h"

namespace vanban::doc {
namespace {

using testing::citation_keys;
using testing::number_lines;
using testing::pdf_fixture;
using testing::record_of_text;
using testing::seed_record;

Extracted extract_fixture(const std::string& name, const ExtractOptions& options = {}) {
  return testing::extracted_or_fail(extract_pdf(pdf_fixture(name), options), name);
}

// ---- The seeds printed as PDFs read like the seeds themselves.

struct PdfSeedCase {
  const char* name;
  const char* seed;
  int pages;
  // The header fields both the seed and its PDF give.
  const char* issuer;
  const char* symbol;  // own symbol, or the unnumbered one ("/UBND-TH")
  const char* type;
  const char* date;
  // Where page 2 starts in the text.
  const char* page2_start;
};

class SeedPdfTest : public ::testing::TestWithParam<PdfSeedCase> {
 protected:
  static std::string symbol_of(const DocumentRecord& r) {
    if (!r.symbol.empty()) return r.symbol;
    const auto it = r.metadata.find("unnumbered_symbol");
    return it == r.metadata.end() ? "" : it->second;
  }
};

TEST_P(SeedPdfTest, GivesTheSeedsHeaderFields) {
  const PdfSeedCase& c = GetParam();
  const Extracted pdf = extract_fixture(std::string("seed_") + c.seed + ".pdf");
  const DocumentRecord from_pdf = record_of_text(pdf.text);
  const DocumentRecord from_txt = seed_record(c.seed);
  EXPECT_EQ(from_pdf.issuer, c.issuer);
  EXPECT_EQ(symbol_of(from_pdf), c.symbol);
  EXPECT_EQ(from_pdf.type, c.type);
  EXPECT_EQ(from_pdf.date, c.date);
  EXPECT_EQ(from_pdf.issuer, from_txt.issuer);
  EXPECT_EQ(symbol_of(from_pdf), symbol_of(from_txt));
  EXPECT_EQ(from_pdf.type, from_txt.type);
  EXPECT_EQ(from_pdf.date, from_txt.date);
}

TEST_P(SeedPdfTest, GivesTheSeedsCitations) {
  const PdfSeedCase& c = GetParam();
  const Extracted pdf = extract_fixture(std::string("seed_") + c.seed + ".pdf");
  EXPECT_EQ(citation_keys(pdf.text), citation_keys(seed_record(c.seed).text));
  EXPECT_FALSE(citation_keys(pdf.text).empty());
}

TEST_P(SeedPdfTest, RecordsWherePagesStart) {
  const PdfSeedCase& c = GetParam();
  const Extracted pdf = extract_fixture(std::string("seed_") + c.seed + ".pdf");
  EXPECT_EQ(pdf.format, "pdf");
  ASSERT_EQ(pdf.page_starts.size(), static_cast<std::size_t>(c.pages));
  EXPECT_EQ(pdf.page_starts[0], 0u);
  EXPECT_TRUE(std::is_sorted(pdf.page_starts.begin(), pdf.page_starts.end()));
  const std::string page2 = pdf.text.substr(pdf.page_starts[1], 60);
  EXPECT_EQ(page2.substr(0, std::string(c.page2_start).size()), c.page2_start) << page2;
  EXPECT_TRUE(pdf.ocr_pages.empty());
  EXPECT_TRUE(pdf.warnings.empty());
}

TEST_P(SeedPdfTest, DropsRunningHeadersAndPageNumbers) {
  const Extracted pdf = extract_fixture(std::string("seed_") + GetParam().seed + ".pdf");
  EXPECT_EQ(pdf.text.find("CÔNG BÁO"), std::string::npos);
  EXPECT_EQ(number_lines(pdf.text), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(
    Seeds, SeedPdfTest,
    ::testing::Values(
        PdfSeedCase{"Article000", "000", 3, "", "", "", "", "lý, khai thác, sử dụng tài nguyên"},
        PdfSeedCase{"Letter001", "001", 5, "Ủy ban nhân dân tỉnh Lai Châu", "/UBND-TH", "Công văn",
                 "2023-05", "Thứ hai, với tinh thần"},
        PdfSeedCase{"CongBao002", "002", 5, "", "", "", "", "tuyến cấp độ 3 lĩnh vực Công Thương"},
        PdfSeedCase{"Article003", "003", 4, "", "", "", "2023-01-03",
                 "phòng, chống và chiến thắng dịch Covid-19"},
        PdfSeedCase{"Letter004", "004", 3, "Sở Công Thương tỉnh Lai Châu", "/SCT-VP", "Công văn",
                 "2024-02-29", "Phấn đấu hoàn thành, hoàn thành vượt mức"}),
    [](const auto& p) { return std::string(p.param.name); });

// ---- Layout.

TEST(PdfTest, ReadsALettersHeaderColumnByColumn) {
  const Extracted pdf = extract_fixture("seed_001.pdf");
  EXPECT_EQ(pdf.text.substr(0, pdf.text.find("\nKính gửi:")),
            "ỦY BAN NHÂN DÂN\n"
            "TỈNH LAI CHÂU\n"
            "Số: /UBND-TH\n"
            "V/v phát động phong trào thi đua đặc biệt lập thành tích chào mừng kỷ niệm các sự "
            "kiện lịch sử của tỉnh\n"
            "\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Lai Châu, ngày tháng 5 năm 2023\n");
}

TEST(PdfTest, ReadsTheSignatureBlockAfterTheDistributionList) {
  const Extracted pdf = extract_fixture("seed_001.pdf");
  const DocumentRecord r = record_of_text(pdf.text);
  EXPECT_EQ(r.signer_authority, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
  EXPECT_EQ(r.signer_name, "Tổng Thanh Hải");
  EXPECT_EQ(r.distribution.size(), 7u);
  EXPECT_EQ(r.distribution, seed_record("001").distribution);
  EXPECT_EQ(r.recipients, seed_record("001").recipients);
}

TEST(PdfTest, RepairsSymbolsBrokenAcrossLines) {
  const Extracted pdf = extract_fixture("split_symbol.pdf");
  EXPECT_EQ(pdf.text,
            "Tiếp tục quán triệt sâu sắc các chủ trương của Đảng, trọng tâm là Chỉ thị số 34-CT/TW "
            "ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng.\n"
            "Thực hiện nghiêm các quy định về công tác văn thư tại Nghị định số 30/2020/NĐ-CP ngày "
            "05/3/2020 của Chính phủ.");
  EXPECT_EQ(citation_keys(pdf.text),
            (std::vector<std::string>{"30/2020/nd-cp@2020-03-05", "34-ct/tw@2014-04-07"}));
}

TEST(PdfTest, JoinsADashThatFellAtTheStartOfALine) {
  // Letter 001 wraps "văn hóa - thể thao" before the dash.
  const Extracted pdf = extract_fixture("seed_001.pdf");
  EXPECT_NE(pdf.text.find("hoạt động văn hóa - thể thao toàn quốc"), std::string::npos);
}

TEST(PdfTest, KeepsTheDocumentInformation) {
  const Extracted pdf = extract_fixture("seed_002.pdf");
  EXPECT_EQ(pdf.properties.at("title"),
            "Kết quả phong trào thi đua yêu nước giai đoạn 2015 – 2020 và phương hướng, nhiệm vụ "
            "giai đoạn 2020 – 2025 của Sở Công Thương");
}

TEST(PdfTest, ReadsAPdfRestrictedByAnOwnerPassword) {
  EXPECT_EQ(extract_fixture("owner_restricted.pdf").text, extract_fixture("split_symbol.pdf").text);
}

// ---- Bounds.

TEST(PdfTest, ReadsTheFirstMaxPagesAndSaysSo) {
  ExtractOptions options;
  options.max_pages = 2;
  const Extracted pdf = extract_fixture("seed_002.pdf", options);
  EXPECT_EQ(pdf.page_starts.size(), 2u);
  EXPECT_EQ(pdf.warnings, std::vector<std::string>{"read the first 2 of 5 pages (--max-pages)"});
  EXPECT_EQ(pdf.text.find("Bảy là"), std::string::npos);  // page 3
}

TEST(PdfTest, RefusesTextOverTheLimit) {
  ExtractOptions options;
  options.max_text_bytes = 1000;
  const Result<Extracted> out = extract_pdf(pdf_fixture("seed_000.pdf"), options);
  ASSERT_FALSE(out.is_ok());
  EXPECT_TRUE(out.status().is_too_large());
  EXPECT_EQ(out.status().reason(), "text too large");
}

struct BadCase {
  const char* name;
  const char* file;  // a fixture, or "" for `bytes`
  const char* bytes;
  StatusCode code;
  const char* reason;
  const char* detail_part;
};

class BadPdfTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadPdfTest, GivesTheRightStatus) {
  const BadCase& c = GetParam();
  const std::string bytes = *c.file ? pdf_fixture(c.file) : std::string(c.bytes);
  const Result<Extracted> out = extract_pdf(bytes, {});
  ASSERT_FALSE(out.is_ok());
  EXPECT_EQ(out.status().code(), c.code);
  EXPECT_EQ(out.status().reason(), c.reason);
  EXPECT_NE(out.status().detail().find(c.detail_part), std::string::npos) << out.status().detail();
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadPdfTest,
    ::testing::Values(
        BadCase{"Truncated", "truncated.pdf", "", StatusCode::kCorruption, "broken PDF",
                "truncated"},
        BadCase{"Encrypted", "encrypted.pdf", "", StatusCode::kNotSupported, "encrypted PDF",
                "password"},
        BadCase{"TenThousandEmptyPages", "many_pages.pdf", "", StatusCode::kTooLarge,
                "too many pages", "10000 pages, over the limit of 2000 (--max-pages)"},
        BadCase{"NotAPdf", "", "Chỉ thị số 34-CT/TW", StatusCode::kCorruption, "broken PDF",
                "no %PDF- header"},
        BadCase{"Empty", "", "", StatusCode::kCorruption, "broken PDF", "no %PDF- header"},
        BadCase{"HeaderOnly", "", "%PDF-1.7\n%%EOF\n", StatusCode::kCorruption, "broken PDF",
                "cannot be read"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace vanban::doc
