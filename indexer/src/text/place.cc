#include "vanban/text/place.h"

#include <algorithm>
#include <map>

#include "text/letter_case.h"
#include "vanban/text/tokenize.h"

namespace vanban::text {
namespace {

// Each variant's folded words and the key of its province.
struct Variant {
  std::vector<std::string> words;
  std::string key;
};

// The canonical name's key for the variants that spell one province
// another way.
const std::map<std::string_view, std::string_view>& aliases() {
  static const std::map<std::string_view, std::string_view> table = {
      {"Bà Rịa Vũng Tàu", "Bà Rịa - Vũng Tàu"}, {"Thừa Thiên - Huế", "Thừa Thiên Huế"},
      {"Huế", "Thừa Thiên Huế"},                {"TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"},
      {"TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"},
  };
  return table;
}

std::vector<std::string> folded_words(Tokenizer& tok, std::string_view name) {
  std::vector<std::string> words;
  for (const Token& t : tok.tokenize(name)) words.push_back(t.folded);
  return words;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Every variant, longest first so that the longest match wins.
const std::vector<Variant>& variants() {
  static const std::vector<Variant> list = [] {
    std::vector<Variant> out;
    Tokenizer tok;
    for (const std::string_view name : province_names()) {
      const auto alias = aliases().find(name);
      const std::string_view canonical = alias == aliases().end() ? name : alias->second;
      out.push_back({folded_words(tok, name), join(folded_words(tok, canonical))});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Variant& a, const Variant& b) { return a.words.size() > b.words.size(); });
    return out;
  }();
  return list;
}

}  // namespace

const std::vector<std::string_view>& province_names() {
  static const std::vector<std::string_view> names = {
      "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu", "Bạc Liêu", "Bắc Giang",
      "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước",
      "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
      "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội",
      "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
      "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai",
      "Lâm Đồng", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
      "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
      "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
      "Thanh Hóa", "Thừa Thiên Huế", "Thừa Thiên - Huế", "Huế", "Tiền Giang",
      "Thành phố Hồ Chí Minh", "TP Hồ Chí Minh", "TP. Hồ Chí Minh",
      "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái"};
  return names;
}

std::string province_key(std::string_view name) {
  thread_local Tokenizer tok;
  const std::vector<std::string> words = folded_words(tok, name);
  for (const Variant& v : variants()) {
    if (v.words == words) return v.key;
  }
  return {};
}

std::vector<std::string> provinces_in(std::string_view text) {
  thread_local Tokenizer tok;
  std::vector<std::string> words;
  // Names are written with capitals ("Hòa Bình"); in lower case the same
  // words are common nouns ("giữ vững hòa bình": peace).
  std::vector<bool> capital;
  for (const Token& t : tok.tokenize(text)) {
    words.push_back(t.folded);
    capital.push_back(starts_upper(text.substr(t.start, t.end - t.start)));
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!capital[i]) continue;
    for (const Variant& v : variants()) {
      if (i + v.words.size() > words.size() ||
          !std::equal(v.words.begin(), v.words.end(), words.begin() + static_cast<long>(i))) {
        continue;
      }
      if (std::find(out.begin(), out.end(), v.key) == out.end()) out.push_back(v.key);
      i += v.words.size() - 1;
      break;
    }
  }
  return out;
}

}  // namespace vanban::text
