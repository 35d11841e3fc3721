// Organisations as documents name them ("Văn phòng Sở", "UBND các huyện,
// thành phố", "Ủy ban nhân dân các huyện, thành phố"), reduced to keys that
// compare equal across spellings and abbreviations.
#ifndef VANBAN_TEXT_ORGANIZATION_H_
#define VANBAN_TEXT_ORGANIZATION_H_

#include <string>
#include <string_view>

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
// its "Sở"/"Bộ" and the capitalized words after it ("Sở Công Thương tỉnh
// Lai Châu" -> "Sở Công Thương"); "" if `issuer` names none.
std::string home_department(std::string_view issuer);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_ORGANIZATION_H_
