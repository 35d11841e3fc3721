#include "text/award.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace vanban::text {
namespace {

struct FormEntry {
  std::string_view name;
  std::vector<std::string> words;  // exact spellings, as the Tokenizer gives them
  bool generic;
};

// Forms and titles of the Law on Emulation and Commendation (2022), as
// printed in plans and results articles. Compared by exact spelling (tone
// placement and i/y canonical): folded, "Cờ thi đua" would also be "có thi
// đua". Tokenized once, so the table spells words as document tokens do.
const std::vector<FormEntry>& forms() {
  static const std::vector<FormEntry> table = [] {
    struct Row {
      std::string_view name;
      bool generic;
    };
    static constexpr Row kRows[] = {
        {"Bằng khen", false},          {"Giấy khen", false},
        {"Cờ thi đua", false},         {"Chiến sĩ thi đua", false},
        {"Huân chương", false},        {"Huy chương", false},
        {"Kỷ niệm chương", false},     {"Lao động tiên tiến", false},
        {"Chiến sĩ tiên tiến", false}, {"Tập thể lao động xuất sắc", false},
        {"Tập thể lao động tiên tiến", false}, {"Đơn vị quyết thắng", false},
        {"Anh hùng Lao động", false},  {"Anh hùng Lực lượng vũ trang nhân dân", false},
        {"Nhà giáo Nhân dân", false},  {"Nhà giáo Ưu tú", false},
        {"Thầy thuốc Nhân dân", false}, {"Thầy thuốc Ưu tú", false},
        {"Nghệ sĩ Nhân dân", false},   {"Nghệ sĩ Ưu tú", false},
        {"Gia đình văn hóa", false},   {"Danh hiệu", true},
        {"Giải thưởng", true}};
    Tokenizer tok;
    std::vector<FormEntry> out;
    for (const Row& row : kRows) {
      FormEntry e{row.name, {}, row.generic};
      for (const Token& t : tok.tokenize(row.name)) e.words.push_back(t.exact);
      out.push_back(std::move(e));
    }
    std::stable_sort(out.begin(), out.end(), [](const FormEntry& a, const FormEntry& b) {
      return a.words.size() > b.words.size();
    });
    return out;
  }();
  return table;
}

// The forms by their first word: each token is asked about a few forms.
const std::unordered_map<std::string, std::vector<const FormEntry*>>& forms_by_first_word() {
  static const auto index = [] {
    std::unordered_map<std::string, std::vector<const FormEntry*>> m;
    for (const FormEntry& f : forms()) m[f.words[0]].push_back(&f);  // longest first, as sorted
    return m;
  }();
  return index;
}

}  // namespace

AwardForm award_form_at(const std::vector<Token>& tokens, std::size_t i) {
  if (i >= tokens.size()) return {};
  const auto& index = forms_by_first_word();
  const auto it = index.find(tokens[i].exact);
  if (it == index.end()) return {};
  for (const FormEntry* fp : it->second) {
    const FormEntry& f = *fp;
    if (i + f.words.size() > tokens.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < f.words.size() && match; ++k) {
      match = tokens[i + k].kind == TokenKind::kWord && tokens[i + k].exact == f.words[k];
    }
    if (match) return {f.name, f.words.size(), f.generic};
  }
  return {};
}

bool is_award_title(const std::vector<Token>& name_tokens) {
  return award_form_at(name_tokens, 0).length > 0;
}

}  // namespace vanban::text
