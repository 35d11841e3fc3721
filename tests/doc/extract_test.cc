#include "vanban/doc/extract.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/scratch_dir.h"
#include "vanban/doc/loader.h"
#include "vanban/doc/chrome.h"
#include "vanban/doc/metadata.h"
#include "vanban/text/legacy_encoding.h"

namespace vanban::doc {
namespace {

std::string seed_path(const std::string& number) {
  for (const auto& e : std::filesystem::directory_iterator(testing::seeds_dir())) {
    if (e.path().filename().string().starts_with(number + "_")) return e.path().string();
  }
  return {};
}

// What the indexer does with a file's text (loader.cc load_file).
DocumentRecord record_of(const std::string& text) {
  DocumentRecord r;
  r.text = strip_boilerplate(text);
  fill_metadata(r);
  return r;
}

DocumentRecord seed_record(const std::string& number) {
  return record_of(extract_plain_text(testing::read_file(seed_path(number)), {})->text);
}

// Text modulo white space and the Markdown marks the converter left in
// the seeds ("**KT. CHỦ TỊCH", "#### **6. Tổ chức thực hiện**"), which
// are bold runs and headings in the documents.
std::string normalized(std::string_view text) {
  std::string out;
  std::string spaced(text);
  for (std::size_t at; (at = spaced.find("\xC2\xA0")) != std::string::npos;) spaced.replace(at, 2, " ");
  for (const char c : spaced) {
    if (c == '*' || c == '#') continue;
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The non-empty lines, trimmed and sorted: the same text in another order.
std::multiset<std::string> line_set(std::string_view text) {
  std::multiset<std::string> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string line = normalized(text.substr(pos, nl - pos));
    if (!line.empty()) lines.insert(line);
    pos = nl + 1;
  }
  return lines;
}

// Equal strings, or where they first differ (the texts are long).
::testing::AssertionResult same_text(const std::string& got, const std::string& want) {
  if (got == want) return ::testing::AssertionSuccess();
  std::size_t at = 0;
  while (at < got.size() && at < want.size() && got[at] == want[at]) ++at;
  const std::size_t from = at > 80 ? at - 80 : 0;
  return ::testing::AssertionFailure() << "texts differ at byte " << at << "\n  got:  ..."
                                       << got.substr(from, 200) << "\n  want: ..." << want.substr(from, 200);
}

enum class Compare {
  kSameText,        // the same text modulo white space
  kSameTcvn3Text,   // the same as far as TCVN3 can tell (it has no capitals with tones)
  kSameLines,       // the same lines in another order (.doc: antiword's table layout)
};

struct ExtractSeedCase {
  const char* name;
  const char* file;
  const char* seed;
  const char* format;
  Compare compare;
};

std::vector<ExtractSeedCase> seed_cases() {
  static const std::vector<std::string> storage = [] {
    std::vector<std::string> s;
    for (const char* n : {"000", "001", "002", "003", "004"}) {
      for (const char* ext : {"docx", "odt", "html", "tcvn3.txt", "vni.txt", "cp1258.txt"}) {
        s.push_back(std::string(n) + "." + ext);
      }
    }
    return s;
  }();
  std::vector<ExtractSeedCase> cases;
  for (const std::string& f : storage) {
    const std::string ext = f.substr(4);
    const char* format = ext == "tcvn3.txt" ? "tcvn3" : ext == "vni.txt" ? "vni"
                         : ext == "cp1258.txt" ? "windows-1258" : f.c_str() + 4;
    cases.push_back({f.c_str(), f.c_str(), nullptr, format,
                     ext == "tcvn3.txt" ? Compare::kSameTcvn3Text : Compare::kSameText});
  }
  cases.push_back({"001.lo.docx", "001.lo.docx", nullptr, "docx", Compare::kSameText});
  cases.push_back({"001.doc", "001.doc", nullptr, "doc", Compare::kSameLines});
  cases.push_back({"vntime.docx", "vntime.docx", "001", "docx", Compare::kSameTcvn3Text});
  cases.push_back({"003.cp1258.html", "003.cp1258.html", "003", "html", Compare::kSameText});
  cases.push_back({"utf16le.txt", "utf16le.txt", "002", "utf-16", Compare::kSameText});
  cases.push_back({"utf16be.txt", "utf16be.txt", "002", "utf-16", Compare::kSameText});
  return cases;
}

class ExtractSeedTest : public ::testing::TestWithParam<ExtractSeedCase> {};

TEST_P(ExtractSeedTest, SameHeaderFieldsAndTextAsTheTxtSeed) {
  const ExtractSeedCase& c = GetParam();
  const std::string number = c.seed != nullptr ? c.seed : std::string(c.file).substr(0, 3);
  const Result<Extracted> got = extract(testing::formats_fixture(c.file), c.file, {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, c.format);
  const DocumentRecord r = record_of(got->text);
  const DocumentRecord want = seed_record(number);
  EXPECT_EQ(r.issuer, want.issuer);
  EXPECT_EQ(r.symbol, want.symbol);
  EXPECT_EQ(r.metadata.count("unnumbered_symbol") ? r.metadata.at("unnumbered_symbol") : "",
            want.metadata.count("unnumbered_symbol") ? want.metadata.at("unnumbered_symbol") : "");
  EXPECT_EQ(r.type, want.type);
  EXPECT_EQ(r.date, want.date);
  EXPECT_EQ(r.signer_authority, want.signer_authority);
  EXPECT_EQ(r.signer_name, want.signer_name);
  EXPECT_EQ(r.recipients, want.recipients);
  EXPECT_EQ(r.distribution, want.distribution);
  switch (c.compare) {
    case Compare::kSameText:
      EXPECT_TRUE(same_text(normalized(r.text), normalized(want.text)));
      EXPECT_EQ(r.title, want.title);
      break;
    case Compare::kSameTcvn3Text:
      EXPECT_TRUE(same_text(text::encode_legacy(normalized(r.text), text::LegacyEncoding::kTcvn3).value_or("?"),
                            text::encode_legacy(normalized(want.text), text::LegacyEncoding::kTcvn3).value_or("?")));
      break;
    case Compare::kSameLines:
      EXPECT_EQ(line_set(r.text), line_set(want.text));
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ExtractSeedTest, ::testing::ValuesIn(seed_cases()),
                         [](const auto& p) {
                           std::string name = p.param.name;
                           std::replace_if(name.begin(), name.end(), [](char ch) { return !std::isalnum(static_cast<unsigned char>(ch)); }, '_');
                           return "F" + name;
                         });

TEST(ExtractTest, OfficialLetterDocxHeaderFields) {
  const Result<Extracted> got = extract(testing::formats_fixture("001.docx"), "001.docx", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  const DocumentRecord r = record_of(got->text);
  EXPECT_EQ(r.issuer, "Ủy ban nhân dân tỉnh Lai Châu");
  EXPECT_EQ(r.metadata.at("unnumbered_symbol"), "/UBND-TH");
  EXPECT_EQ(r.date, "2023-05");
  EXPECT_EQ(r.signer_authority, "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
  EXPECT_EQ(r.signer_name, "Tổng Thanh Hải");
  EXPECT_EQ(r.distribution.size(), 7u);
  EXPECT_EQ(got->properties.at("title"), "V/v phát động phong trào thi đua đặc");
  // The header table comes out cell by cell: issuer, Quốc hiệu, number and
  // subject, place and date.
  EXPECT_EQ(got->text.substr(0, got->text.find("Kính gửi")),
            "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n\nSố: /UBND-TH\nV/v phát động phong trào thi đua đặc\n"
            "biệt lập thành tích chào mừng kỷ niệm\ncác sự kiện lịch sử của tỉnh\n\n"
            "Lai Châu, ngày tháng 5 năm 2023\n\n");
}

TEST(ExtractTest, LegacyFontRunsAreConvertedAndReported) {
  const Result<Extracted> got = extract(testing::formats_fixture("vntime.docx"), "vntime.docx", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->format, "docx");
  EXPECT_EQ(got->properties.at("encoding"), "tcvn3,vni");
  // .VnTimeH lines are capitals; the VNI-Times paragraph reads as Unicode.
  EXPECT_NE(got->text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"), std::string::npos);
  EXPECT_NE(got->text.find("Thứ hai, với tinh thần “Đẩy mạnh đổi mới, sáng tạo;"), std::string::npos);
}

// What features.docx and features.odt both hold, up to the note.
constexpr std::string_view kFeaturesBody =
    "Kết quả phong trào thi đua năm 2023\n"
    "Các đơn vị đã hoàn thành chỉ tiêu\n"
    "- Phòng Quản lý thương mại\n- Phòng Quản lý công nghiệp\n"
    "1. Rà soát danh sách khen thưởng\n2. Gửi hồ sơ về Hội đồng Thi đua\n\n"
    "TT | Đơn vị | Điểm | Xếp loại\n1 | Văn phòng Sở | 98 | Xuất sắc\n2 | Thanh tra Sở | 95 | Tốt\n\n"
    "Ghi chú: điểm tính theo Quyết định số 12/QĐ-SCT.\n";
constexpr std::string_view kFeaturesEnd =
    "Theo Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị.\n\n"  // the footnote
    "SỞ CÔNG THƯƠNG - BÁO CÁO NỘI BỘ\n\nLưu hành nội bộ";           // header, footer

TEST(ExtractTest, DocxFeatures) {
  const Result<Extracted> got = extract(testing::formats_fixture("features.docx"), "features.docx", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text, std::string(kFeaturesBody) + "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG\n\n" +  // w:caps
                           std::string(kFeaturesEnd));
  EXPECT_EQ(got->properties.at("title"), "Báo cáo kết quả thi đua");
}

TEST(ExtractTest, OdtFeatures) {
  const Result<Extracted> got = extract(testing::formats_fixture("features.odt"), "features.odt", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  // "Ghi chú: ..." ends in a .VnTime span.
  EXPECT_EQ(got->text, std::string(kFeaturesBody) + "\n" + std::string(kFeaturesEnd));
  EXPECT_EQ(got->properties.at("encoding"), "tcvn3");
}

TEST(ExtractTest, WebPageHoldsNoChrome) {
  // The portal page's menu, breadcrumb, sidebar, counter, share buttons and
  // footer (tests/data/formats/make_fixtures.py PAGE).
  const char* const kChrome[] = {
      "Trang chủ", "Giới thiệu", "Văn bản pháp quy", "Tìm kiếm", "Chia sẻ bài viết", "Twitter",
      "Các tin khác", "Hội nghị tổng kết công tác năm 2023", "Cổng thông tin điện tử tỉnh",
      "Đang truy cập", "Hôm nay: 383", "Quản lý năng lượng", "Cơ quan chủ quản",
      "Khu hành chính tỉnh", "Bản quyền thuộc về", "SỞ CÔNG THƯƠNG TỈNH LAI CHÂU",
      "Tổng số điểm của bài viết", "Click để đánh giá"};
  for (const char* page : {"000.html", "001.html", "002.html", "003.html", "004.html", "003.cp1258.html"}) {
    const Result<Extracted> got = extract(testing::formats_fixture(page), page, {});
    ASSERT_TRUE(got.is_ok()) << page << ": " << got.status().message();
    for (const char* chrome : kChrome) {
      EXPECT_EQ(got->text.find(chrome), std::string::npos) << page << " holds " << chrome;
    }
    EXPECT_TRUE(got->properties.at("title").ends_with(" - Sở Công Thương tỉnh Lai Châu")) << page;
  }
}

TEST(ExtractTest, Utf8AndAsciiAreNotMangled) {
  for (const char* n : {"000", "001", "002", "003", "004"}) {
    const std::string bytes = testing::read_file(seed_path(n));
    const Result<Extracted> got = extract(bytes, "seed.txt", {});
    ASSERT_TRUE(got.is_ok()) << n;
    EXPECT_EQ(got->format, "text") << n;
    EXPECT_EQ(got->text, extract_plain_text(bytes, {})->text) << n;
  }
  const char* const kKept[] = {
      "The quick brown fox jumps over the lazy dog.",
      "Tôi là ai",                               // Vietnamese in windows-1252 letters only
      "Café crème à la carte, déjà vu",          // French
      "Điều 5. Nguyên tắc xử lý kỷ luật lao động",
      "§ 5 Abs. 2 — µg/m³ ±0,5 °C",             // symbols that are TCVN3 letters
  };
  for (const char* kept : kKept) {
    const Result<Extracted> got = extract(kept, "a.txt", {});
    ASSERT_TRUE(got.is_ok()) << kept;
    EXPECT_EQ(got->text, kept);
    EXPECT_EQ(got->format, "text") << kept;
  }
}

TEST(ExtractTest, AlqacTextIsNotMangled) {
  // Real legal text (ALQAC 2022), when the shared data is on the machine.
  const std::filesystem::path path =
      std::filesystem::path(VANBAN_CORPUS_DIR) / "../../shared/data/alqac2022/docs.jsonl";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no " << path;
  std::string line;
  int checked = 0;
  while (std::getline(in, line) && checked < 300) {
    const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    if (!doc.is_object() || !doc.contains("text") || !doc["text"].is_string()) continue;
    const std::string body = doc["text"].get<std::string>();
    if (body.find_first_not_of(" \n") == std::string::npos) continue;
    const Result<Extracted> got = extract(body, "alqac.txt", {});
    ASSERT_TRUE(got.is_ok()) << body;
    EXPECT_EQ(got->format, "text") << body;
    EXPECT_EQ(got->text, body);
    ++checked;
  }
  EXPECT_GT(checked, 100);
}

TEST(ExtractTest, MojibakeInUtf8IsConverted) {
  const Result<Extracted> got =
      extract("Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n", "a.txt", {});
  ASSERT_TRUE(got.is_ok());
  EXPECT_EQ(got->format, "tcvn3");
  EXPECT_EQ(got->text, "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n");
  const Result<Extracted> vni = extract("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "a.txt", {});
  ASSERT_TRUE(vni.is_ok());
  EXPECT_EQ(vni->format, "vni");
  EXPECT_EQ(vni->text, "Cộng hòa xã hội chủ nghĩa Việt Nam");
}

TEST(ExtractTest, DecodesLikeTheLoader) {
  // decode_text's cases (tests/doc/loader_test.cc), through extract().
  EXPECT_EQ(extract("\xEF\xBB\xBFVie\u0323\u0302t Nam\r\nLai Châu", "a.txt", {})->text, "Việt Nam\nLai Châu");
  const std::string utf16(std::string("\xFF\xFE\x10\x01\xA3\x1E\x6E\x00\x67\x00", 10));
  EXPECT_EQ(extract(utf16, "a.txt", {})->text, "Đảng");
  std::string stray(5000, 'a');
  stray[1000] = stray[3000] = '\0';
  const Result<Extracted> got = extract(stray, "a.txt", {});
  ASSERT_TRUE(got.is_ok()) << got.status().message();
  EXPECT_EQ(got->text[1000], ' ');
}

struct BadCase {
  const char* name;
  std::string bytes;
  const char* file_name;
  StatusCode code;
  const char* reason;
  const char* detail_part;
};

class ExtractBadFileTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(ExtractBadFileTest, ReportsCodeAndReason) {
  const Result<Extracted> got = extract(GetParam().bytes, GetParam().file_name, {});
  ASSERT_FALSE(got.is_ok()) << got->text.substr(0, 200);
  EXPECT_EQ(got.status().code(), GetParam().code) << got.status().message();
  EXPECT_EQ(got.status().reason(), GetParam().reason) << got.status().message();
  EXPECT_NE(got.status().detail().find(GetParam().detail_part), std::string::npos) << got.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    BadFiles, ExtractBadFileTest,
    ::testing::Values(
        BadCase{"TruncatedDocx", testing::formats_fixture("bad_truncated.docx"), "a.docx", StatusCode::kCorruption, "broken zip", "zip"},
        BadCase{"ZipBomb", testing::formats_fixture("bad_zipbomb.docx"), "a.docx", StatusCode::kTooLarge, "zip bomb", "word/document.xml"},
        BadCase{"EncryptedDocx", testing::formats_fixture("bad_encrypted.docx"), "a.docx", StatusCode::kNotSupported, "encrypted", "password"},
        BadCase{"EncryptedOdt", testing::formats_fixture("bad_encrypted.odt"), "a.odt", StatusCode::kNotSupported, "encrypted", "password"},
        BadCase{"MarkupOnlyPage", testing::formats_fixture("bad_markup.html"), "a.html", StatusCode::kCorruption, "empty", "html"},
        BadCase{"RandomBytes", testing::formats_fixture("bad_random.bin"), "a.bin", StatusCode::kNotSupported, "binary", ""},
        BadCase{"Empty", "", "a.txt", StatusCode::kCorruption, "empty", ""},
        BadCase{"Blank", " \n\t\n", "a.txt", StatusCode::kCorruption, "empty", ""},
        BadCase{"InvalidUtf8", "Chỉ thị\n34-CT/TW \xC3\x28 ngày", "a.txt", StatusCode::kCorruption,
                "invalid UTF-8", "line 2"},
        BadCase{"ZipMagicNul", std::string("PK\x03\x04\0\0", 6), "a.txt", StatusCode::kNotSupported, "binary", ""},
        BadCase{"BrokenPdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a.pdf",
                StatusCode::kCorruption, "broken PDF", ""},
        BadCase{"OddUtf16", std::string("\xFF\xFE\x10\x01\xA3", 5), "a.txt", StatusCode::kCorruption,
                "invalid UTF-8", "UTF-16"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(ExtractTest, ZipPartBeyondTheTextLimitIsTooLarge) {
  ExtractOptions small;
  small.max_text_bytes = 1 << 20;
  const Result<Extracted> got = extract(testing::formats_fixture("bad_zipbomb.docx"), "a.docx", small);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kTooLarge);
  // The seed letter fits in 20 KB but not in 2 KB of text.
  small.max_text_bytes = 2000;
  EXPECT_EQ(extract(testing::formats_fixture("001.odt"), "a.odt", small).status().code(), StatusCode::kTooLarge);
}

TEST(ExtractTest, DocWithoutAntiwordSaysSo) {
  const std::string saved = getenv("PATH") != nullptr ? getenv("PATH") : "";
  setenv("PATH", "/nonexistent", 1);
  const Result<Extracted> got = extract(testing::formats_fixture("001.doc"), "001.doc", {});
  setenv("PATH", saved.c_str(), 1);
  ASSERT_FALSE(got.is_ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotSupported);
  EXPECT_EQ(got.status().reason(), "install antiword");
}

struct DetectCase {
  const char* file;
  const char* name;  // the name the bytes arrive under
  Format format;
};

class DetectFormatTest : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectFormatTest, ByContent) {
  EXPECT_EQ(detect_format(testing::formats_fixture(GetParam().file), GetParam().name), GetParam().format) << GetParam().file;
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, DetectFormatTest,
    ::testing::Values(DetectCase{"001.docx", "x.bin", Format::kDocx}, DetectCase{"001.lo.docx", "", Format::kDocx},
                      DetectCase{"001.odt", "x.docx", Format::kOdt}, DetectCase{"001.doc", "", Format::kDoc},
                      DetectCase{"001.html", "x.txt", Format::kHtml}, DetectCase{"001.tcvn3.txt", "", Format::kText},
                      DetectCase{"001.vni.txt", "", Format::kText}, DetectCase{"utf16le.txt", "", Format::kText},
                      DetectCase{"utf16be.txt", "", Format::kText}, DetectCase{"bad_encrypted.docx", "", Format::kDocx},
                      DetectCase{"bad_random.bin", "x.txt", Format::kBinary}));

}  // namespace
}  // namespace vanban::doc
