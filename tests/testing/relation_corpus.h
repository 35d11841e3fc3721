// Test data: a provincial series in which a later directive replaces an
// earlier one, written as the province's files are (header, symbol, place
// and date line, effect clause): Chỉ thị 05/CT-UBND of 2020, a Sở's plan
// carrying it out (2021), and Chỉ thị 12/CT-UBND of 2023 that replaces it
// from 1 July 2023.
#ifndef VANBAN_TESTS_TESTING_RELATION_CORPUS_H_
#define VANBAN_TESTS_TESTING_RELATION_CORPUS_H_

#include <filesystem>
#include <fstream>

namespace vanban::testing {

inline constexpr char kOldDirective[] =
    "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 05/CT-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lai Châu, ngày 10 tháng 3 năm 2020\n\nCHỈ THỊ\n"
    "Về tăng cường công tác phòng cháy, chữa cháy trên địa bàn tỉnh\n\n"
    "Thời gian qua, công tác phòng cháy, chữa cháy trên địa bàn tỉnh còn nhiều hạn chế. "
    "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện nghiêm các nội dung sau.\n"
    "Chỉ thị này có hiệu lực kể từ ngày ký.\n";

inline constexpr char kPlan[] =
    "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSỞ CÔNG THƯƠNG\nSố: 31/KH-SCT\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lai Châu, ngày 02 tháng 4 năm 2021\n\nKẾ HOẠCH\n"
    "Thực hiện công tác phòng cháy, chữa cháy năm 2021\n\n"
    "Thực hiện Chỉ thị số 05/CT-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh về tăng cường "
    "công tác phòng cháy, chữa cháy trên địa bàn tỉnh, Sở Công Thương ban hành Kế hoạch "
    "thực hiện như sau.\n";

inline constexpr char kNewDirective[] =
    "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 12/CT-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Lai Châu, ngày 15 tháng 6 năm 2023\n\nCHỈ THỊ\n"
    "Về công tác phòng cháy, chữa cháy trong tình hình mới\n\n"
    "Để nâng cao hiệu quả công tác phòng cháy, chữa cháy, Chủ tịch Ủy ban nhân dân tỉnh "
    "yêu cầu các sở, ban, ngành thực hiện các nội dung sau.\n"
    "Chỉ thị này có hiệu lực kể từ ngày 01 tháng 7 năm 2023 và thay thế Chỉ thị số "
    "05/CT-UBND ngày 10/3/2020 của Ủy ban nhân dân tỉnh về tăng cường công tác phòng cháy, "
    "chữa cháy trên địa bàn tỉnh.\n";

// Writes the three files into `dir` (which must exist): ct05_2020.txt,
// kh31_2021.txt, ct12_2023.txt.
inline void write_relation_corpus(const std::filesystem::path& dir) {
  std::ofstream(dir / "ct05_2020.txt", std::ios::binary) << kOldDirective;
  std::ofstream(dir / "kh31_2021.txt", std::ios::binary) << kPlan;
  std::ofstream(dir / "ct12_2023.txt", std::ios::binary) << kNewDirective;
}

}  // namespace vanban::testing

#endif  // VANBAN_TESTS_TESTING_RELATION_CORPUS_H_
