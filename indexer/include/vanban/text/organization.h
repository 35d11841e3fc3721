// Organisations as documents name them ("Văn phòng Sở", "UBND các huyện,
// thành phố", "Ủy ban nhân dân các huyện, thành phố"), reduced to keys that
// compare equal across spellings and abbreviations.
#ifndef VANBAN_TEXT_ORGANIZATION_H_
#define VANBAN_TEXT_ORGANIZATION_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/tokenize.h"

namespace vanban::text {

// The key of an organisation's name (NFC UTF-8): folded words (normalize.h)
// separated by one space, with
//   - abbreviations spelled out: UBND -> "uy ban nhan dan", HĐND, MTTQ,
//     TĐKT, BCH, BTV, TW, TP, GD&ĐT, LĐTB&XH, TN&MT, KH&ĐT, VHTTDL, ...;
//   - the quantifiers "các", "những", "mỗi", "từng", "toàn thể" dropped;
//   - a bare "Sở" or "Bộ" (not followed by a capitalized name) read as the
//     home department when `home` names one: with home "Sở Công Thương
//     tỉnh Lai Châu", "Văn phòng Sở" -> "van phong so cong thuong";
//   - punctuation, and document symbols, dropped.
// "" if no word is left. Never throws on odd text. Thread-safe (one
// Tokenizer per call).
std::string organization_key(std::string_view name, std::string_view home = {});

// The department a bare "Sở"/"Bộ" means in a document issued by `issuer`:
// its "Sở"/"Bộ"/"Ban" and the department's name (department_name_end:
// "Sở Nội vụ tỉnh Lai Châu" -> "Sở Nội vụ"); "" if `issuer` names none.
std::string home_department(std::string_view issuer);

// One past the last token of the name of a department, a ministry or the
// Ban Dân tộc whose capitalized "Sở", "Bộ" or "Ban" is tokens[i] (`tokens`
// are `text`, NFC UTF-8, as the Tokenizer splits it); i if tokens[i] is no
// such word followed by a capitalized name. The name is
//   - the longest standard name or its abbreviation that follows, the
//     provincial departments of Nghị định 24/2014/NĐ-CP as amended by
//     107/2020/NĐ-CP and 45/2025/NĐ-CP, and the ministries ("Sở Nội vụ tỉnh
//     Lai Châu", "Sở Văn hóa, Thể thao và Du lịch", "Sở GD&ĐT", "Bộ Chính
//     trị");
//   - else, after "Sở"/"Bộ" only, the capitalized words that follow with
//     only spaces between, up to a place word ("tỉnh", "thành phố"...).
// Never throws. Thread-safe.
std::size_t department_name_end(std::string_view text, const std::vector<Token>& tokens,
                                std::size_t i);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_ORGANIZATION_H_
