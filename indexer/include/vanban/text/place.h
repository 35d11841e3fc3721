// Vietnam's provinces and centrally-run cities, as documents name them:
// what localizes a campaign ("Lai Châu chung tay vì người nghèo") and
// which province a document is issued in or addressed to ("applies to
// Lai Châu"). One list, used by both. Thread-safe (immutable tables).
#ifndef VANBAN_TEXT_PLACE_H_
#define VANBAN_TEXT_PLACE_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::text {

// The provinces and centrally-run cities with their usual spelling
// variants ("Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu"; "TP. Hồ Chí Minh").
const std::vector<std::string_view>& province_names();

// The key of a province named by `name` (any case, with or without
// diacritics): its folded canonical name, "lai chau", "thanh pho ho chi
// minh"; "" if `name` is not one.
std::string province_key(std::string_view name);

// The keys of the provinces that `text` (NFC UTF-8) names, each once, in
// order of first mention. A name counts where it starts with a capital
// ("Hòa Bình", "HÒA BÌNH"; not "hòa bình", peace).
std::vector<std::string> provinces_in(std::string_view text);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_PLACE_H_
