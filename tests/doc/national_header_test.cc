// Header fields of national legal documents as printed in the official
// gazette (Công báo), read as the loader reads them (doc/loader.h
// records_of_input: gazette issues split, page furniture removed, header
// read). The texts are headers, closing sentences and page breaks of
// phapluat8 records, as PDF extraction left them (trailing spaces, blank
// lines, running heads and page numbers).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "vanban/doc/chrome.h"
#include "vanban/doc/loader.h"
#include "vanban/text/chars.h"

namespace vanban::doc {
namespace {

std::vector<DocumentRecord> read_input(const std::string& id, const std::string& text) {
  DocumentRecord input;
  input.id = id;
  input.text = text;
  return records_of_input(std::move(input));
}

struct HeaderCase {
  const char* name;
  const char* text;
  const char* type;
  const char* symbol;
  const char* date;
  const char* issuer;
  const char* subject;
  const char* title;
};

class NationalHeaderTest : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(NationalHeaderTest, ReadsTheHeaderFields) {
  const HeaderCase& c = GetParam();
  const std::vector<DocumentRecord> records = read_input(c.name, c.text);
  ASSERT_EQ(records.size(), 1u);
  const DocumentRecord& r = records.front();
  EXPECT_EQ(r.type, c.type);
  EXPECT_EQ(r.symbol, c.symbol);
  EXPECT_EQ(r.date, c.date);
  EXPECT_EQ(r.issuer, c.issuer);
  EXPECT_EQ(r.subject, c.subject);
  EXPECT_EQ(r.title, c.title);
}

INSTANTIATE_TEST_SUITE_P(
    Phapluat8, NationalHeaderTest,
    ::testing::Values(
        // luat-so-41-2024-qh15-42576: no date in the header, the passing
        // date in the closing sentence, the law's name in capitals.
        HeaderCase{"law",
                   " \n \nCÔNG BÁO/Số 987 + 988/Ngày 25-8-2024 \n3 \n \nQUỐC HỘI \n \n"
                   "Luật số: 41/2024/QH15 \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n"
                   "Độc lập - Tự do - Hạnh phúc \n \nLUẬT \nBẢO HIỂM XÃ HỘI \n \n"
                   "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; \n"
                   "Quốc hội ban hành Luật Bảo hiểm xã hội. \n"
                   "15. Chính phủ quy định chi tiết Điều này./.  \n"
                   "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, \n"
                   "kỳ họp thứ 7 thông qua ngày 29 tháng 6 năm 2024. \nCHỦ TỊCH QUỐC HỘI \n",
                   "Luật", "41/2024/QH15", "2024-06-29", "Quốc hội", "Bảo hiểm xã hội",
                   "Luật Bảo hiểm xã hội 41/2024/QH15"},
        // nghi-dinh-so-158-2025-nd-cp-45240: the gazette's section heading
        // and the issuer printed twice, the subject over two lines.
        HeaderCase{"decree",
                   "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \n3 \n\nVĂN BẢN QUY PHẠM PHÁP LUẬT \n\n"
                   "CHÍNH PHỦ \n\nCHÍNH PHỦ \n\nSố: 158/2025/NĐ-CP \n"
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n\n"
                   "Hà Nội, ngày 25 tháng 6 năm 2025 \n\n NGHỊ ĐỊNH \n"
                   "Quy định chi tiết và hướng dẫn thi hành một số điều  \n"
                   "của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc \n\n"
                   "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n",
                   "Nghị định", "158/2025/NĐ-CP", "2025-06-25", "Chính phủ",
                   "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã "
                   "hội về bảo hiểm xã hội bắt buộc",
                   "Nghị định 158/2025/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số "
                   "điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc"},
        // thong-tu-so-10-2023-tt-bkhdt-40324: the page number above the
        // running head.
        HeaderCase{"circular",
                   "2 \nCÔNG BÁO/Số 1119 + 1120/Ngày 13-11-2023 \n\nVĂN BẢN QUY PHẠM PHÁP LUẬT \n\n"
                   "BỘ KẾ HOẠCH VÀ ĐẦU TƯ \n\nBỘ KẾ HOẠCH VÀ ĐẦU TƯ \n"
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc \n"
                   "Số: 10/2023/TT-BKHĐT \nHà Nội, ngày 01 tháng 11 năm 2023 \n\nTHÔNG TƯ \n"
                   "Quy định Bộ chỉ tiêu thống kê tăng trưởng xanh \n\n"
                   "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015; \n",
                   "Thông tư", "10/2023/TT-BKHĐT", "2023-11-01", "Bộ Kế hoạch và Đầu tư",
                   "Quy định Bộ chỉ tiêu thống kê tăng trưởng xanh",
                   "Thông tư 10/2023/TT-BKHĐT quy định Bộ chỉ tiêu thống kê tăng trưởng xanh"},
        // quyet-dinh-so-1478-qd-bldtbxh-42752: the issuer's name over two
        // lines, a subject of five lines, the signing authority under it.
        HeaderCase{"decision",
                   "CÔNG BÁO/Số 1059 + 1060/Ngày 25-9-2024 \n61 \n\n"
                   "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI \n\nBỘ LAO ĐỘNG - THƯƠNG BINH \nVÀ XÃ HỘI \n\n"
                   "Số: 1478/QĐ-BLĐTBXH \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n"
                   "Độc lập - Tự do - Hạnh phúc \n\nHà Nội, ngày 12 tháng 9 năm 2024 \n\n"
                   "QUYẾT ĐỊNH \n"
                   "Về việc bổ sung nội dung tại Quyết định số 225/QĐ-BLĐTBXH ngày \n"
                   "05/3/2024 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội về việc công \n"
                   "bố kết quả hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực quản lý \n"
                   "nhà nước của Bộ Lao động - Thương binh và Xã hội  \n"
                   "kỳ hệ thống hóa 2019 - 2023 \n"
                   "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI \n"
                   "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm \n",
                   "Quyết định", "1478/QĐ-BLĐTBXH", "2024-09-12",
                   "Bộ Lao động - Thương binh và Xã hội",
                   "Về việc bổ sung nội dung tại Quyết định số 225/QĐ-BLĐTBXH ngày 05/3/2024 "
                   "của Bộ trưởng Bộ Lao động - Thương binh và Xã hội về việc công bố kết quả "
                   "hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực quản lý nhà nước "
                   "của Bộ Lao động - Thương binh và Xã hội kỳ hệ thống hóa 2019 - 2023",
                   // A title is cut at a word to its 300 bytes.
                   "Quyết định 1478/QĐ-BLĐTBXH năm 2024 về việc bổ sung nội dung tại Quyết "
                   "định số 225/QĐ-BLĐTBXH ngày 05/3/2024 của Bộ trưởng Bộ Lao động - Thương "
                   "binh và Xã hội về việc công bố kết quả hệ thống hóa văn bản quy phạm pháp "
                   "luật thuộc…"},
        // nghi-quyet-so-100-nq-cp-469357: the issuer's name repeated under
        // the subject, as the enacting body.
        HeaderCase{"resolution",
                   "CÔNG BÁO/Số 242/Ngày 22-04-2026 \n49\n \n \n CHÍNH PHỦ \n \nSố:  100/NQ-CP \n"
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n \n"
                   "Hà Nội, ngày 06 tháng 4 năm 2026     \n \nNGHỊ QUYẾT \n"
                   "Ban hành Chương trình hành động của Chính phủ  \n"
                   "thực hiện Chỉ thị số 49-CT/TW ngày 28 tháng 6 năm 2025 của Ban Bí thư  \n"
                   "về công tác phi chính phủ nước ngoài giai đoạn 2026 - 2030 \n \nCHÍNH PHỦ \n"
                   "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;  \n",
                   "Nghị quyết", "100/NQ-CP", "2026-04-06", "Chính phủ",
                   "Ban hành Chương trình hành động của Chính phủ thực hiện Chỉ thị số "
                   "49-CT/TW ngày 28 tháng 6 năm 2025 của Ban Bí thư về công tác phi chính phủ "
                   "nước ngoài giai đoạn 2026 - 2030",
                   "Nghị quyết 100/NQ-CP năm 2026 ban hành Chương trình hành động của Chính "
                   "phủ thực hiện Chỉ thị số 49-CT/TW ngày 28 tháng 6 năm 2025 của Ban Bí thư "
                   "về công tác phi chính phủ nước ngoài giai đoạn 2026 - 2030"}),
    [](const ::testing::TestParamInfo<HeaderCase>& p) { return std::string(p.param.name); });

// bo-luat-lao-dong-so-45-2019-qh14-29268: a consolidated text, its issuer
// and motto in columns of one line.
TEST(ConsolidatedTextTest, TypedAsConsolidatedWithWhatItConsolidates) {
  const std::vector<DocumentRecord> records = read_input(
      "vbhn",
      "VĂN PHÒNG QUỐC HỘI  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc \n"
      "Số: 125/VBHN-VPQH | Hà Nội, ngày 27 tháng 8 năm 2025\nBỘ LUẬT\nLAO ĐỘNG\n"
      "Bộ luật Lao động số 45/2019/QH14 ngày 20 tháng 11 năm 2019 của Quốc hội, có hiệu lực "
      "kể từ ngày 01 tháng 01 năm 2021, được sửa đổi, bổ sung bởi:\n"
      "Luật Công nghiệp công nghệ số số 71/2025/QH15 ngày 14 tháng 6 năm 2025 của Quốc hội, "
      "có hiệu lực kể từ ngày 01 tháng 01 năm 2026.\n"
      "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n");
  ASSERT_EQ(records.size(), 1u);
  const DocumentRecord& r = records.front();
  EXPECT_EQ(r.type, "Văn bản hợp nhất");
  EXPECT_EQ(r.symbol, "125/VBHN-VPQH");
  EXPECT_EQ(r.date, "2025-08-27");
  EXPECT_EQ(r.issuer, "Văn phòng Quốc hội");
  EXPECT_EQ(r.subject, "Lao động");
  EXPECT_EQ(r.metadata.at("consolidated_type"), "Bộ luật");
  EXPECT_EQ(r.metadata.at("consolidates"), "45/2019/QH14");
  EXPECT_EQ(r.title, "Văn bản hợp nhất 125/VBHN-VPQH năm 2025 hợp nhất Bộ luật Lao động");
}

// thong-tu-so-30-2026-tt-bkhcn-469714: a page break inside a sentence, with
// the signature stamp, running head and page number between.
TEST(PageFurnitureTest, APageBreakInsideASentenceReadsOn) {
  const std::string text =
      "259/2025/NĐ-CP về kiểm soát thương mại chiến lược và các quy định pháp luật \n"
      "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
      "Ngày ký: 2026-06-19 08:47:36 +07:00\n\nCÔNG BÁO/Số 338/Ngày 19-06-2026 \n3\n \n \n"
      "hiện hành về quản lý ngoại thương, thương mại, thuế, hải quan và pháp luật \n";
  EXPECT_EQ(strip_page_furniture(text),
            "259/2025/NĐ-CP về kiểm soát thương mại chiến lược và các quy định pháp luật \n"
            "hiện hành về quản lý ngoại thương, thương mại, thuế, hải quan và pháp luật \n");
}

// Two documents printed one after the other in one issue (the first pages
// of nghi-dinh-so-158-2025-nd-cp-45240 and thong-tu-so-10-2023-tt-bkhdt-40324
// under one issue's running heads): one record each, tied to the input.
TEST(GazetteSplitTest, AnIssueYieldsOneRecordPerDocument) {
  const std::string decree =
      "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \n3 \n\nVĂN BẢN QUY PHẠM PHÁP LUẬT \n\n"
      "CHÍNH PHỦ \n\nSố: 158/2025/NĐ-CP \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \n"
      "Độc lập - Tự do - Hạnh phúc \n\nHà Nội, ngày 25 tháng 6 năm 2025 \n\n NGHỊ ĐỊNH \n"
      "Quy định chi tiết và hướng dẫn thi hành một số điều  \n"
      "của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc \n\n"
      "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n"
      "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.  \n";
  const std::string circular =
      "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025 \n61 \n\n"
      "BỘ KẾ HOẠCH VÀ ĐẦU TƯ \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc \n"
      "Số: 10/2023/TT-BKHĐT \nHà Nội, ngày 01 tháng 11 năm 2023 \n\nTHÔNG TƯ \n"
      "Quy định Bộ chỉ tiêu thống kê tăng trưởng xanh \n\n"
      "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015; \n";
  DocumentRecord issue;
  issue.id = "cong-bao-851";
  issue.title = "Trong số Công báo này gồm: Nghị định số 158/2025/NĐ-CP; Thông tư số 10/2023/TT-BKHĐT";
  issue.text = decree + "\n" + circular;
  const std::vector<DocumentRecord> parts = records_of_input(std::move(issue));
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].id, "cong-bao-851#1");
  EXPECT_EQ(parts[1].id, "cong-bao-851#2");
  EXPECT_EQ(parts[0].symbol, "158/2025/NĐ-CP");
  EXPECT_EQ(parts[1].symbol, "10/2023/TT-BKHĐT");
  EXPECT_EQ(parts[0].issuer, "Chính phủ");
  EXPECT_EQ(parts[1].issuer, "Bộ Kế hoạch và Đầu tư");
  EXPECT_EQ(parts[1].date, "2023-11-01");
  for (const DocumentRecord& p : parts) {
    EXPECT_EQ(p.metadata.at("part_of"), "cong-bao-851");
    EXPECT_EQ(p.metadata.at("gazette"), "CÔNG BÁO/Số 851 + 852/Ngày 01-7-2025");
    EXPECT_EQ(p.metadata.at("given_title"),
              "Trong số Công báo này gồm: Nghị định số 158/2025/NĐ-CP; Thông tư số 10/2023/TT-BKHĐT");
    EXPECT_EQ(p.text.find("CÔNG BÁO"), std::string::npos) << p.id;
  }
  EXPECT_EQ(parts[0].metadata.at("part"), "1");
  EXPECT_EQ(parts[1].title, "Thông tư 10/2023/TT-BKHĐT quy định Bộ chỉ tiêu thống kê tăng trưởng xanh");
}

}  // namespace
}  // namespace vanban::doc
