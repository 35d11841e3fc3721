#include "vanban/text/relation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/scratch_dir.h"
#include "vanban/doc/chrome.h"
#include "vanban/doc/metadata.h"

namespace vanban::text {
namespace {

// A relation as one line: "type target [part:scope text] [date|on_effect]".
std::string describe(const Relation& r) {
  std::string s = std::string(to_string(r.type)) + " " + r.target_symbol;
  if (r.scope == RelationScope::kPart) s += " part:" + r.scope_text;
  if (r.on_effect_date) s += " on_effect";
  if (!r.date.empty()) s += " " + r.date;
  return s;
}

std::vector<Relation> relations_of(const std::string& text) {
  Tokenizer tok;
  const auto tokens = tok.tokenize(text);
  return find_relations(text, tokens, find_citations(text, tokens));
}

std::vector<std::string> described(const std::vector<Relation>& relations, bool with_cites) {
  std::vector<std::string> out;
  for (const Relation& r : relations) {
    if (with_cites || r.type != RelationType::kCites) out.push_back(describe(r));
  }
  return out;
}

struct RelationCase {
  const char* name;
  const char* text;
  std::vector<std::string> relations;  // every relation, `cites` included, in text order
};

class RelationSentenceTest : public ::testing::TestWithParam<RelationCase> {};

TEST_P(RelationSentenceTest, FindsExactlyTheseRelations) {
  EXPECT_EQ(described(relations_of(GetParam().text), true), GetParam().relations);
}

// Sentences of the phapluat8 development split (line breaks as the PDF
// extraction left them) and the negative cases the README lists.
INSTANTIATE_TEST_SUITE_P(
    LegalSentences, RelationSentenceTest,
    ::testing::Values(
        RelationCase{"ReplacesInTheEffectClause",
                     "1. Thông tư này có hiệu lực kể từ ngày 01 tháng 4 năm 2026 và thay thế Thông "
                     "tư số 248/2016/TT-BTC ngày 11 tháng 11 năm 2016 của Bộ trưởng Bộ Tài chính "
                     "quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí.",
                     {"replaces 248/2016/TT-BTC"}},
        RelationCase{"ReplacesTwoJoinedByVa",
                     "2. Thông tư này thay thế Thông tư số 03/2014/TT-BKHĐT ngày 26 tháng 5 năm 2014 "
                     "của Bộ trưởng Bộ Kế hoạch và Đầu tư hướng dẫn về đăng ký hợp tác xã và Thông tư "
                     "số 07/2019/TT-BKHĐT ngày 08 tháng 4 năm 2019 của Bộ trưởng Bộ Kế hoạch và Đầu tư "
                     "sửa đổi, bổ sung một số điều của Thông tư số 03/2014/TT-BKHĐT.",
                     {"replaces 03/2014/TT-BKHĐT", "replaces 07/2019/TT-BKHĐT"}},
        RelationCase{"ReplacesAnnexesIsPart",
                     "Điều 5. Thay thế Danh mục (Phụ lục I, Phụ lục II) \nThay thế Danh mục (Phụ lục I, "
                     "Phụ lục II) ban hành kèm theo Nghị định \nsố 181/2025/NĐ-CP thành Danh mục (Phụ lục "
                     "I, Phụ lục II) ban hành kèm theo \nNghị định này.",
                     {"replaces 181/2025/NĐ-CP part:Danh mục (Phụ lục I, Phụ lục II)"}},
        RelationCase{"RepealsArticleDescriptionNamesNothing",
                     "3. Bãi bỏ quy định tại Điều 10 Thông tư số 09/2019/TT-BKHĐT ngày 29 tháng 7 năm "
                     "2019 của Bộ trưởng Bộ Kế hoạch và Đầu tư sửa đổi, bổ sung, bãi bỏ một số điều "
                     "khoản của các Thông tư liên quan đến chế độ báo cáo định kỳ.",
                     {"repeals 09/2019/TT-BKHĐT part:Điều 10"}},
        RelationCase{"RepealsClausesAcrossSemicolonAndBrokenSymbol",
                     "2. Bãi bỏ khoản 1 Điều 15; các khoản 1, 2 Điều 18 của Thông tư số 59/2015/ "
                     "TT-BLĐTBXH ngày 29 tháng 12 năm 2015 của Bộ trưởng Bộ Lao động - Thương binh và "
                     "Xã hội.",
                     {"repeals 59/2015/TT-BLĐTBXH part:khoản 1 Điều 15; các khoản 1, 2 Điều 18"}},
        RelationCase{"RepealsDottedResolutionNumber",
                     "I. Bãi bỏ điều kiện kinh doanh về thiết lập website thương mại điện tử bán hàng "
                     "quy định tại Điều 52 Nghị định số 52/2013/NĐ-CP; Mục I.B, mục 2 Phụ lục I.2 "
                     "Nghị quyết 66.16/2026/NQ-CP.",
                     {"repeals 52/2013/NĐ-CP part:Điều 52",
                      "repeals 66.16/2026/NQ-CP part:Mục I.B, mục 2 Phụ lục I.2"}},
        RelationCase{"ExpiresListAfterLeadIn",
                     "2. Kể từ ngày Thông tư này có hiệu lực thi hành, các Thông tư sau hết hiệu lực "
                     "thi hành: \na) Thông tư số 10/2016/TT-BKHĐT ngày 22 tháng 7 năm 2016 của Bộ "
                     "trưởng Bộ Kế hoạch và Đầu tư quy định chi tiết việc giám sát đấu thầu; \nb) "
                     "Thông tư số 19/2015/TT-BKHĐT ngày 27 tháng 11 năm 2015 của Bộ trưởng Bộ Kế "
                     "hoạch và Đầu tư quy định chi tiết lập báo cáo thẩm định; \n3. Bãi bỏ Điều 5 "
                     "Thông tư số 09/2019/TT-BKHĐT.",
                     {"expires 10/2016/TT-BKHĐT on_effect", "expires 19/2015/TT-BKHĐT on_effect",
                      "repeals 09/2019/TT-BKHĐT part:Điều 5"}},
        RelationCase{"ExpiresPartOnADate",
                     "2. Quy định về công chứng văn bản uỷ quyền khiếu nại của cá nhân tại khoản 3 "
                     "Điều 5 Nghị định số 124/2020/NĐ-CP được sửa đổi, bổ sung tại Điều 3 Nghị định "
                     "này hết hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2027.",
                     {"expires 124/2020/NĐ-CP part:khoản 3 Điều 5 2027-01-01"}},
        // The amending laws of a history note do not lose effect; the
        // resolution joined after the alias does.
        RelationCase{"ExpiresSkipsHistoryNote",
                     "2. Luật Bảo hiểm xã hội số 58/2014/QH13 đã được sửa đổi, bổ sung một số \nđiều "
                     "theo Luật số 84/2015/QH13, Luật số 35/2018/QH14, Bộ luật số \n45/2019/QH14 "
                     "(sau đây gọi chung là Luật số 58/2014/QH13) và Nghị quyết số \n93/2015/QH13 "
                     "ngày 22 tháng 6 năm 2015 của Quốc hội về việc thực hiện chính sách hưởng bảo "
                     "hiểm xã hội một lần đối với người lao động hết hiệu lực thi hành kể từ ngày "
                     "Luật này có hiệu lực thi hành.",
                     {"expires 58/2014/QH13 on_effect", "cites 84/2015/QH13", "cites 35/2018/QH14",
                      "cites 45/2019/QH14", "expires 93/2015/QH13 on_effect"}},
        RelationCase{"ConditionIsNoExpiry",
                     "Các quy định tại Điều 11 Nghị định số 30/2016/NĐ-CP tiếp tục thực hiện cho đến "
                     "khi Luật Việc làm số 38/2013/QH13 ngày 16 tháng 11 năm 2013 hết hiệu lực thi "
                     "hành.",
                     {"cites 30/2016/NĐ-CP", "cites 38/2013/QH13"}},
        RelationCase{"TableOfExpiredDocumentsStatesNothing",
                     "QUYẾT ĐỊNH: \nĐiều 1. Công bố Danh mục văn bản hết hiệu lực toàn bộ \n1. Thông "
                     "tư số 08/2019/TT-BLĐTBXH ngày 08/3/2019 của Bộ Lao động Thương binh và Xã hội "
                     "về việc hướng dẫn công tác thi đua, khen thưởng hết hiệu lực toàn bộ.",
                     {"cites 08/2019/TT-BLĐTBXH"}},
        RelationCase{"ExpiresInTheEffectArticle",
                     "Điều 7. Hiệu lực thi hành \n1. Thông tư này có hiệu lực thi hành kể từ ngày 01 "
                     "tháng 3 năm 2022. \n2. Thông tư số 27/2015/TT-BLĐTBXH ngày 24/7/2015 của Bộ "
                     "trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn thu thập thông tin thị "
                     "trường lao động hết hiệu lực thi hành.",
                     {"expires 27/2015/TT-BLĐTBXH"}},
        RelationCase{"AmendsInTheTitle",
                     "THÔNG TƯ \nSửa đổi, bổ sung một số điều của Thông tư số 17/2022/TT-BLĐTBXH  "
                     "\nngày 06 tháng 9 năm 2022 của Bộ trưởng Bộ Lao động - Thương binh  \nvà Xã hội "
                     "hướng dẫn thực hiện một số nội dung về giáo dục nghề nghiệp \n",
                     {"amends 17/2022/TT-BLĐTBXH"}},
        RelationCase{"AmendsALawByName",
                     "2. Sửa đổi, bổ sung điểm e khoản 3 Điều 57 của Luật Việc làm số 38/2013/QH13 "
                     "như sau:",
                     {"amends 38/2013/QH13"}},
        RelationCase{"CorrectsOnlyTheCorrectedDocument",
                     "Điều 1. Đính chính lỗi kỹ thuật tại Thông tư số 138/2025/TT-BTC ngày 30 tháng 12 "
                     "năm 2025 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một số điều của Thông tư "
                     "95/2020/TT-BTC ngày 16 tháng 11 năm 2020 của Bộ trưởng Bộ Tài chính hướng dẫn "
                     "giám sát giao dịch chứng khoán và Thông tư số 06/2022/TT-BTC ngày 08 tháng 02 "
                     "năm 2022 của Bộ trưởng Bộ Tài chính.",
                     {"corrects 138/2025/TT-BTC", "cites 95/2020/TT-BTC", "cites 06/2022/TT-BTC"}},
        RelationCase{"BasedOnWithAmendingLaws",
                     "Căn cứ Luật Thuế giá trị gia tăng số 48/2024/QH15 đã được sửa đổi, bổ sung một "
                     "số điều bởi Luật số 90/2025/QH15 và Luật số 149/2025/QH15;",
                     {"based_on 48/2024/QH15", "based_on 90/2025/QH15", "based_on 149/2025/QH15"}},
        RelationCase{"BasedOnNotTheDescribedDecree",
                     "Căn cứ Nghị định số 89/2021/NĐ-CP ngày 18 tháng 10 năm 2021 của Chính phủ sửa "
                     "đổi, bổ sung một số điều của Nghị định số 101/2017/NĐ-CP ngày 01 tháng 9 năm 2017 "
                     "của Chính phủ về đào tạo, bồi dưỡng cán bộ, công chức, viên chức;",
                     {"based_on 89/2021/NĐ-CP", "cites 101/2017/NĐ-CP"}},
        RelationCase{"ImplementsInThePreamble",
                     "Thực hiện Quyết định số 90/QĐ-TTg ngày 18 tháng 01 năm 2022 của Thủ \ntướng "
                     "Chính phủ về phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền \nvững giai "
                     "đoạn 2021 - 2025;",
                     {"implements 90/QĐ-TTg"}},
        RelationCase{"ImplementsByThisDocumentsPlan",
                     "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động thực \nhiện Chỉ thị "
                     "số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư về thực \nhiện bảo hiểm y "
                     "tế toàn dân trong giai đoạn mới.",
                     {"implements 52-CT/TW"}},
        RelationCase{"AnnexListOfRepealedDocuments",
                     "DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT BÃI BỎ TOÀN BỘ \n(Kèm theo Thông tư số "
                     "18/2022/TT-BLĐTBXH ngày 30 tháng 9 năm 2022  \ncủa Bộ trưởng Bộ Lao động - "
                     "Thương binh và Xã hội) \n \nI. Lĩnh vực Quan hệ lao động và Tiền lương \n1. "
                     "Thông tư số 28/2005/TT-LĐTBXH ngày 04/10/2005 của Bộ trưởng Bộ Lao \nđộng - "
                     "Thương binh và Xã hội hướng dẫn thực hiện chế độ tiền lương. \n2. Thông tư liên "
                     "bộ số 24/TT-LB ngày 19/9/1994 của liên Bộ Lao động - Thương binh và Xã hội và "
                     "Bộ Tài chính hướng dẫn sửa đổi, bổ sung một số điểm trong Thông tư liên Bộ số "
                     "12/TT-LB ngày 20/8/1993.",
                     {"repeals 28/2005/TT-LĐTBXH", "repeals 24/TT-LB", "cites 12/TT-LB"}},
        // Negative cases: nothing but citations.
        // The programme is amended; the resolution is what it implements.
        RelationCase{"AmendingAPlanIsNoAmendmentOfItsResolution",
                     "NGHỊ QUYẾT \nSửa đổi, bổ sung nhiệm vụ trong Chương trình hành động của Chính phủ "
                     "thực hiện Nghị quyết số 66-NQ/TW ngày 30 tháng 4 năm 2025 của Bộ Chính trị về đổi "
                     "mới công tác xây dựng và thi hành pháp luật \n",
                     {"cites 66-NQ/TW"}},
        RelationCase{"HistoryNoteStatesNothing",
                     "Trường hợp Thông tư số 06/2021/TT-BXD được sửa đổi, bổ sung, thay thế thì việc "
                     "xác định loại, cấp công trình thực hiện theo quy định tại Thông tư sửa đổi, bổ "
                     "sung, thay thế Thông tư số 06/2021/TT-BXD.",
                     {"cites 06/2021/TT-BXD"}},
        RelationCase{"QuotedAmendmentStatesNothing",
                     "4. Sửa đổi, bổ sung Điều 10 như sau: \n“a) Thực hiện theo quy định của pháp luật "
                     "về giá; Nghị định số 60/2021/NĐ- CP \nngày 21 tháng 6 năm 2021 của Chính phủ "
                     "quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập.”.",
                     {"cites 60/2021/NĐ-CP"}},
        RelationCase{"TaskForOthersStatesNothing",
                     "b) Sửa đổi, bổ sung Nghị định số 01/2018/NĐ-CP của Chính phủ quy định chức "
                     "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Công an để bổ sung Trung tâm "
                     "dữ liệu quốc gia là đơn vị tương đương cấp Cục thuộc Bộ Công an.",
                     {"cites 01/2018/NĐ-CP"}},
        RelationCase{"CarryingOutAccordingToMerelyCites",
                     "4. Việc quản lý người học trong quá trình đào tạo được thực hiện theo quy định "
                     "tại Thông tư số 17/2017/TT-BLĐTBXH ngày 30 tháng 6 năm 2017 của Bộ trưởng Bộ Lao "
                     "động - Thương binh và Xã hội ban hành quy chế công tác học sinh, sinh viên.",
                     {"cites 17/2017/TT-BLĐTBXH"}},
        RelationCase{"GuidingOthersIsATask",
                     "QUYẾT ĐỊNH: \nĐiều 1. Nhiệm vụ \na) Hướng dẫn các cơ quan, đơn vị thực hiện đúng "
                     "chế độ đăng ký tài khoản theo quy định tại Nghị định số 347/2025/NĐ-CP.",
                     {"cites 347/2025/NĐ-CP"}}),
    [](const auto& p) { return std::string(p.param.name); });

struct RelationSeedCase {
  const char* name;
  const char* file;
  std::vector<std::string> relations;  // every relation but `cites`
};

class SeedRelationsTest : public ::testing::TestWithParam<RelationSeedCase> {};

TEST_P(SeedRelationsTest, FindsThePartyAndAdministrativeWording) {
  const std::string text =
      doc::strip_boilerplate(testing::read_file(testing::seeds_dir() + "/" + GetParam().file));
  EXPECT_EQ(described(relations_of(text), false), GetParam().relations);
}

// "trọng tâm là", "theo tinh thần", "theo phát động của UBND tỉnh tại
// Công văn số ...", "quán triệt", "Thực hiện ...": read off the seeds.
INSTANTIATE_TEST_SUITE_P(
    Seeds, SeedRelationsTest,
    ::testing::Values(
        RelationSeedCase{"WebArticleLaiChau",
                 "000_ddb1ffae0c6ba085.txt",
                 {"implements 1954/UBND-TH", "implements 34-CT/TW", "implements 32-CT/TU"}},
        RelationSeedCase{"DraftLetterOfProvince",
                 "001_a09f608bfb9e07f5.txt",
                 {"implements 34-CT/TW", "implements 32-CT/TU"}},
        RelationSeedCase{"WebArticleBacKan", "002_352bcdfb180350d4.txt", {"implements 34-CT/TW"}},
        RelationSeedCase{"WebArticleTayNinh",
                 "003_bf467de301be45ad.txt",
                 {"implements 01/CT-UBND", "implements 04/CT-UBND", "implements 123-KH/TU",
                  "implements 4241/UBND-NC", "implements 21-KL/TW", "implements 4134/KH-UBND",
                  "implements 310/KH-UBND"}},
        RelationSeedCase{"LetterOfDepartment",
                 "004_39b0106687e293f0.txt",
                 {"implements 34-CT/TW", "implements 05-CT/TW"}}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(RelationTest, InferredWordingIsMarked) {
  const auto found = relations_of(
      "3. Tiếp tục đổi mới công tác thi đua, khen thưởng theo tinh thần Chỉ thị số 34-CT/TW ngày "
      "07 tháng 4 năm 2014 của Bộ Chính trị (khoá XI) và Chỉ thị số 32-CT/TU ngày 26/6/2014 của "
      "Tỉnh uỷ “Về tiếp tục đổi mới công tác thi đua, khen thưởng”;");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FALSE(found[0].stated);
  EXPECT_EQ(found[1].directive_key, "32-ct/tu@2014-06-26");
}

TEST(RelationTest, ContinuesIsItsOwnType) {
  const auto found = relations_of(
      "Tiếp tục thực hiện Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới "
      "công tác thi đua, khen thưởng.");
  EXPECT_EQ(described(found, true), std::vector<std::string>{"continues 34-CT/TW"});
}

TEST(RelationTest, EvidenceIsTheSentenceWithItsOffsets) {
  const std::string text =
      "Điều 1. Phạm vi.\n2. Nghị định số 117/2017/NĐ-CP ngày 19 tháng 10 năm 2017 của Chính phủ "
      "quy định về quản lý ngân sách \nhết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành. "
      "3. Tổ chức thực hiện.";
  const auto found = relations_of(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].evidence,
            "2. Nghị định số 117/2017/NĐ-CP ngày 19 tháng 10 năm 2017 của Chính phủ quy định về "
            "quản lý ngân sách hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành");
  EXPECT_EQ(text.substr(found[0].evidence_start, 2), "2.");
  EXPECT_EQ(text[found[0].evidence_end], '.');
  EXPECT_EQ(found[0].scope, RelationScope::kWhole);
}

TEST(RelationTest, EmptyAndOddTextGiveNothing) {
  EXPECT_TRUE(relations_of("").empty());
  EXPECT_TRUE(relations_of("“ Bãi bỏ ” hết hiệu lực: ; . \n a) \n").empty());
}

struct EffectCase {
  const char* name;
  const char* text;
  const char* signed_date;
  const char* expected;
};

class EffectiveFromTest : public ::testing::TestWithParam<EffectCase> {};

TEST_P(EffectiveFromTest, ReadsTheDocumentsOwnClause) {
  Tokenizer tok;
  const std::string text = GetParam().text;
  EXPECT_EQ(find_effective_from(text, tok.tokenize(text), GetParam().signed_date).date,
            GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Clauses, EffectiveFromTest,
    ::testing::Values(
        EffectCase{"Date", "Điều 7. Hiệu lực thi hành \n1. Thông tư này có hiệu lực thi hành kể từ "
                           "ngày 15 tháng 6 năm 2024.",
                   "2024-04-26", "2024-06-15"},
        EffectCase{"HeadingOnTheLineBefore",
                   "Điều 2. Hiệu lực thi hành \nThông tư này có hiệu lực thi hành từ ngày 01 tháng "
                   "11 năm 2021.",
                   "2021-09-07", "2021-11-01"},
        EffectCase{"SigningDate",
                   "Điều 6. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định "
                   "số 1480/QĐ-TTg ngày 03 tháng 7 năm 2025.",
                   "2026-05-05", "2026-05-05"},
        EffectCase{"SigningDateBanHanh", "1. Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành.",
                   "2026-04-06", "2026-04-06"},
        EffectCase{"DaysAfterSigning",
                   "Điều 7. Hiệu lực thi hành \n1. Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký. "
                   "Các chế độ, chính sách quy định tại Thông tư này được áp dụng từ ngày 01 tháng 7 "
                   "năm 2021.",
                   "2021-04-19", "2021-06-03"},
        EffectCase{"DatePassed",
                   "Điều 3. Hiệu lực thi hành \nNghị quyết này có hiệu lực thi hành kể từ ngày thông qua.",
                   "2022-08-10", "2022-08-10"},
        EffectCase{"SigningDateUnknown", "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "", ""},
        EffectCase{"QuotedClauseOfTheAmendedDocument",
                   "3. Sửa đổi Điều 20 như sau: \n“Điều 20. Hiệu lực thi hành \nThông tư này có hiệu "
                   "lực thi hành kể từ ngày 01 tháng 01 năm 2016.”. \nĐiều 2. Hiệu lực thi hành \n"
                   "Thông tư này có hiệu lực thi hành từ ngày 01 tháng 11 năm 2021.",
                   "2021-09-07", "2021-11-01"},
        EffectCase{"TemplatesClauseIsNotOurs",
                   "Điều 1. Ban hành kèm theo Thông tư này các mẫu văn bản. \nMẫu số 02 \nCỘNG HÒA XÃ "
                   "HỘI CHỦ NGHĨA VIỆT NAM \nQUYẾT ĐỊNH \nĐiều 3. Quyết định này có hiệu lực kể từ "
                   "ngày 01 tháng 01 năm 2025.",
                   "2024-04-26", ""},
        EffectCase{"PartOfTheDocumentIsNotItsEffect",
                   "2. Điều 3 và Phụ lục I Nghị quyết này có hiệu lực sau 30 ngày kể từ ngày ký.",
                   "2026-04-29", ""},
        // Layouts of other phapluat8 documents.
        EffectCase{"OwnHeaderMovedBelowThePreamble",
                   "NGHỊ ĐỊNH \nCăn cứ Luật Tổ chức Chính phủ số 63/2025/QH15; \nChương I \nĐiều 1. "
                   "Phạm vi điều chỉnh \nCHÍNH PHỦ \nSố: 135/2026/NĐ-CP \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA "
                   "VIỆT NAM \nĐiều 12. Điều khoản thi hành \n1. Nghị định này có hiệu lực thi hành "
                   "kể từ ngày 25 tháng 5 năm 2026.",
                   "2026-04-07", "2026-05-25"},
        EffectCase{"WrappedLineStartingWithMauIsProse",
                   "Điều 1. Sửa đổi \nb) Sửa đổi Mẫu số 08 và \nMẫu số 09 ban hành kèm theo Nghị định "
                   "này; \nĐiều 2. Hiệu lực thi hành \nNghị định này có hiệu lực thi hành từ ngày 01 "
                   "tháng 01 năm 2026.",
                   "2025-12-31", "2026-01-01"},
        EffectCase{"FormsDescribedInTheBodyEndAtTheNextChapter",
                   "Điều 1. Phạm vi \nChương II \nMẫu số S1a-HKD \nSỔ DOANH THU \nChương III \nĐiều 8. "
                   "Hiệu lực thi hành \n1. Thông tư này có hiệu lực thi hành kể từ ngày 01/01/2026.",
                   "2025-12-31", "2026-01-01"},
        EffectCase{"AnyArticleHeadingOnItsOwnLine",
                   "Điều 19. Hiệu lực văn bản \nThông tư này có hiệu lực thi hành kể từ ngày 10 tháng 01 "
                   "năm 2023.",
                   "2022-11-25", "2023-01-10"},
        EffectCase{"WrappedMentionInATransitionalArticle",
                   "Điều 6. Điều khoản chuyển tiếp \nĐối với hồ sơ đề nghị giải quyết thủ tục hành chính "
                   "nộp trước ngày \nNghị quyết này có hiệu lực thi hành thì tiếp tục thực hiện.",
                   "2026-04-29", ""},
        EffectCase{"NoClause", "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;", "2026-01-01", ""}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(EffectiveFromTest, GivesTheEvidenceSentence) {
  Tokenizer tok;
  const std::string text = "Điều 6. Hiệu lực thi hành \n1. Nghị định này có hiệu lực thi hành từ ngày 01 "
                           "tháng 7 năm 2026. \n2. Bãi bỏ ...";
  const EffectiveFrom e = find_effective_from(text, tok.tokenize(text), "2026-05-15");
  EXPECT_EQ(e.evidence, "1. Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026");
  EXPECT_EQ(text.substr(e.evidence_start, 2), "1.");
}

}  // namespace
}  // namespace vanban::text
