#include "vanban/text/document_type.h"

#include <algorithm>
#include <map>

#include "vanban/text/normalize.h"

namespace vanban::text {
namespace {

// Folded, with the tokenizer's "qui" for "quy" undone, so that a name
// folded by fold() and one folded syllable by syllable compare equal.
std::string name_key(std::string_view name) {
  std::string k = fold(name);
  for (std::size_t at = k.find("qui"); at != std::string::npos; at = k.find("qui", at + 3)) {
    const bool word_start = at == 0 || k[at - 1] == ' ';
    const bool word_end = at + 3 == k.size() || k[at + 3] == ' ';
    if (word_start && word_end) k[at + 2] = 'y';
  }
  return k;
}

// Code without its trailing term number ("QH14" -> "qh"), folded.
std::string code_key(std::string_view code) {
  while (!code.empty() && code.back() >= '0' && code.back() <= '9') code.remove_suffix(1);
  return fold(code);
}

// folded code -> first name with that code.
std::map<std::string, std::string_view> index_codes(const std::vector<CodeName>& table) {
  std::map<std::string, std::string_view> out;
  for (const CodeName& row : table) out.emplace(code_key(row.code), row.name);
  return out;
}

// The letter groups of a symbol after its number (and year): "30/2020/NĐ-CP"
// -> {"NĐ", "CP"}, "34-CT/TW" -> {"CT", "TW"}; `party` tells whether the
// number was followed by a dash (number-TYPE/ISSUER).
std::vector<std::string_view> letter_groups(std::string_view display, bool* party) {
  std::size_t i = 0;
  while (i < display.size() && ((display[i] >= '0' && display[i] <= '9') || display[i] == '.')) {
    ++i;
  }
  *party = i < display.size() && display[i] == '-';
  std::vector<std::string_view> groups;
  while (i < display.size()) {
    ++i;  // the separator
    const std::size_t end = display.find_first_of("-/", i);
    const std::string_view group = display.substr(i, end == std::string_view::npos ? end : end - i);
    const bool year = !group.empty() && group.find_first_not_of("0123456789") == std::string_view::npos;
    if (!group.empty() && !year) groups.push_back(group);
    i = end == std::string_view::npos ? display.size() : end;
  }
  return groups;
}

}  // namespace

const std::vector<std::string_view>& document_type_names() {
  static const std::vector<std::string_view> names = {
      "Chỉ thị",    "Nghị quyết",   "Kết luận",           "Quy định",  "Kế hoạch",
      "Công văn",   "Quyết định",   "Thông báo",          "Báo cáo",   "Phát động",
      "Nghị định",  "Thông tư",     "Thông tư liên tịch", "Luật",      "Bộ luật",
      "Hướng dẫn",  "Tờ trình",     "Chương trình",       "Công điện", "Thông tri",
      "Đề án",      "Pháp lệnh",    "Quy chế",            "Hiến pháp", "Văn bản hợp nhất",
      "Lệnh",       "Sắc lệnh",     "Điều lệ",            "Kế hoạch liên tịch",
      "Thông tư liên bộ",           "Nghị quyết liên tịch",
  };
  return names;
}

const std::vector<CodeName>& document_type_codes() {
  // A code's first row is its usual meaning; later rows are other types
  // written with the same code (Party Regulations are often "QĐ/TW").
  static const std::vector<CodeName> table = {
      {"CT", "Chỉ thị"},       {"NQ", "Nghị quyết"},      {"KL", "Kết luận"},
      {"QĐi", "Quy định"},     {"QĐ", "Quyết định"},      {"QĐ", "Quy định"},
      {"KH", "Kế hoạch"},      {"BC", "Báo cáo"},         {"TB", "Thông báo"},
      {"HD", "Hướng dẫn"},     {"NĐ", "Nghị định"},       {"TT", "Thông tư"},
      {"TTLT", "Thông tư liên tịch"},                     {"NQLT", "Nghị quyết liên tịch"},
      {"TTr", "Tờ trình"},     {"CTr", "Chương trình"},   {"CĐ", "Công điện"},
      {"ĐA", "Đề án"},         {"QC", "Quy chế"},         {"VBHN", "Văn bản hợp nhất"},
      {"CV", "Công văn"},      {"PĐK", "Phát động"},      {"L", "Lệnh"},
      {"PL", "Pháp lệnh"},     {"SL", "Sắc lệnh"},        {"KHLT", "Kế hoạch liên tịch"},
      {"TTr", "Thông tri"},
      // The National Assembly's acts carry only its code and term:
      // 45/2019/QH14 is a law, 29/2026/UBTVQH15 a resolution.
      {"QH", "Luật"},          {"QH", "Nghị quyết"},      {"UBTVQH", "Nghị quyết"},
  };
  return table;
}

const std::vector<CodeName>& issuer_codes() {
  static const std::vector<CodeName> table = {
      {"CP", "Chính phủ"},
      {"TTg", "Thủ tướng Chính phủ"},
      {"QH", "Quốc hội"},
      {"UBTVQH", "Ủy ban Thường vụ Quốc hội"},
      {"CTN", "Chủ tịch nước"},
      {"VPCP", "Văn phòng Chính phủ"},
      {"VPQH", "Văn phòng Quốc hội"},
      {"BTC", "Bộ Tài chính"},
      {"BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},
      {"LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"},  // before 2008
      {"BKHĐT", "Bộ Kế hoạch và Đầu tư"},
      {"BCT", "Bộ Công Thương"},
      {"BGTVT", "Bộ Giao thông vận tải"},
      {"BNV", "Bộ Nội vụ"},
      {"BTP", "Bộ Tư pháp"},
      {"BYT", "Bộ Y tế"},
      {"BQP", "Bộ Quốc phòng"},
      {"BCA", "Bộ Công an"},
      {"BNG", "Bộ Ngoại giao"},
      {"BXD", "Bộ Xây dựng"},
      {"BTNMT", "Bộ Tài nguyên và Môi trường"},
      {"BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"},
      {"BNNMT", "Bộ Nông nghiệp và Môi trường"},
      {"BGDĐT", "Bộ Giáo dục và Đào tạo"},
      {"BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"},
      {"BKHCN", "Bộ Khoa học và Công nghệ"},
      {"BTTTT", "Bộ Thông tin và Truyền thông"},
      {"BDTTG", "Bộ Dân tộc và Tôn giáo"},
      {"UBDT", "Ủy ban Dân tộc"},
      {"NHNN", "Ngân hàng Nhà nước Việt Nam"},
      {"TTCP", "Thanh tra Chính phủ"},
      {"KTNN", "Kiểm toán nhà nước"},
      {"TANDTC", "Tòa án nhân dân tối cao"},
      {"VKSNDTC", "Viện kiểm sát nhân dân tối cao"},
      {"LB", "liên Bộ"},
      {"TW", "Ban Chấp hành Trung ương"},
      {"TU", "Tỉnh ủy"},
      {"UBND", "Ủy ban nhân dân"},
      {"HĐND", "Hội đồng nhân dân"},
      // A province's departments (their letters start with the office).
      {"SCT", "Sở Công Thương"},
      {"SNV", "Sở Nội vụ"},
      {"STC", "Sở Tài chính"},
      {"SGDĐT", "Sở Giáo dục và Đào tạo"},
      {"SYT", "Sở Y tế"},
      {"SKHĐT", "Sở Kế hoạch và Đầu tư"},
  };
  return table;
}

std::string_view type_for_code(std::string_view code) {
  static const std::map<std::string, std::string_view> index = index_codes(document_type_codes());
  const auto it = index.find(code_key(code));
  return it == index.end() ? std::string_view{} : it->second;
}

std::vector<std::string_view> codes_for_type(std::string_view type_name) {
  const std::string key = name_key(type_name);
  std::vector<std::string_view> out;
  for (const CodeName& row : document_type_codes()) {
    if (name_key(row.name) == key) out.push_back(row.code);
  }
  return out;
}

std::string_view issuer_for_code(std::string_view code, std::string_view type_name) {
  static const std::map<std::string, std::string_view> index = index_codes(issuer_codes());
  const std::string key = code_key(code);
  if (key == "tw") {
    const std::string type = name_key(type_name);
    const bool committee = type == "nghi quyet" || type == "quy dinh" || type == "quyet dinh";
    return committee || type.empty() ? "Ban Chấp hành Trung ương" : "Bộ Chính trị";
  }
  const auto it = index.find(key);
  return it == index.end() ? std::string_view{} : it->second;
}

std::string type_from_symbol(std::string_view display) {
  bool party = false;
  const std::vector<std::string_view> groups = letter_groups(display, &party);
  if (groups.empty()) return {};
  const std::string_view type = type_for_code(groups[0]);
  if (!type.empty()) return std::string(type);
  // A State symbol that starts with the issuing body is an official letter.
  return party ? "" : "Công văn";
}

std::string issuer_from_symbol(std::string_view display) {
  bool party = false;
  const std::vector<std::string_view> groups = letter_groups(display, &party);
  if (groups.empty()) return {};
  const std::string_view type = type_for_code(groups[0]);
  if (type == "Luật" || code_key(groups[0]) == "ubtvqh") {
    return std::string(issuer_for_code(groups[0]));
  }
  if (type.empty()) return party ? "" : std::string(issuer_for_code(groups[0]));
  return groups.size() < 2 ? "" : std::string(issuer_for_code(groups[1], type));
}

const std::vector<std::string_view>& issuer_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out = {"Bộ Chính trị", "Ban Bí thư", "Ban Thường vụ Tỉnh ủy",
                                         "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh"};
    for (const CodeName& row : issuer_codes()) {
      if (row.name.front() != 'l') out.push_back(row.name);  // not "liên Bộ"
    }
    std::sort(out.begin(), out.end(),
              [](std::string_view a, std::string_view b) {
                return a.size() != b.size() ? a.size() > b.size() : a < b;
              });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return names;
}

bool is_nationwide_issuer(std::string_view issuer) {
  // Folded prefixes of the central bodies' names.
  static const char* const kNational[] = {
      "chinh phu",      "thu tuong",           "quoc hoi",           "uy ban thuong vu quoc hoi",
      "chu tich nuoc",  "van phong chinh phu", "van phong quoc hoi", "bo ",
      "ban chap hanh trung uong",              "bo chinh tri",       "ban bi thu",
      "ngan hang nha nuoc",                    "toa an nhan dan toi cao",
      "vien kiem sat nhan dan toi cao",        "kiem toan nha nuoc", "thanh tra chinh phu"};
  const std::string folded = fold(issuer);
  for (const char* prefix : kNational) {
    if (folded.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace vanban::text
