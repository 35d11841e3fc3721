// Emulation movements and campaigns ("phong trào thi đua", "cuộc vận động",
// "chủ đề") named in a document, usually in quotes: “Dân vận khéo”, “Cả
// nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”. Local
// variants (“Lai Châu chung tay vì người nghèo ...”) share the national
// campaign's id.
#ifndef VANBAN_TEXT_CAMPAIGN_H_
#define VANBAN_TEXT_CAMPAIGN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/text/citation.h"
#include "vanban/text/tokenize.h"

namespace vanban::text {

struct CampaignMention {
  std::string name;      // as quoted: "Lai Châu chung sức xây dựng nông thôn mới"
  std::string id;        // grouping id: "chung-suc-xay-dung-nong-thon-moi"
  bool local = false;    // the name carries a place ("Lai Châu ...")
  bool launched = false;  // the sentence launches it ("phát động")
  std::string launcher;  // "Chính phủ" from "... do Chính phủ phát động"
  std::size_t start = 0;  // byte offsets of the quoted name
  std::size_t end = 0;
};

// The campaign id of a name (UTF-8): its folded words joined by '-',
// without what varies between documents that name the same campaign:
// places (provinces, "Việt Nam", "cả nước"), the function words "và",
// "của", "các", "những", leading exhortations ("Đẩy mạnh", "Tiếp tục",
// "Tăng cường", a subject's "Về") and titles before a name ("Chủ tịch Hồ
// Chí Minh"). So "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong
// cách Hồ Chí Minh" and "Học tập và làm theo tư tưởng, đạo đức, phong cách
// Chủ tịch Hồ Chí Minh" share "hoc-tap-lam-theo-tu-tuong-dao-duc-phong-
// cach-ho-chi-minh". At most 120 bytes: a longer id keeps its head and ends
// in 8 hex digits of its FNV-1a digest. "" if nothing is left. Thread-safe.
std::string campaign_id(std::string_view name);

// Campaign names quoted in `text` (NFC UTF-8) right after (or in a list
// following) a campaign word. Quotes that are a citation's subject are
// skipped, and so are award titles: a quote after "danh hiệu", or one that
// starts with an award form ("Chiến sĩ thi đua toàn quốc", "Lao động tiên
// tiến", "Tập thể lao động xuất sắc"), and the quotes listed after it.
// `tokens` is the Tokenizer's output for `text`, `citations` find_citations'.
std::vector<CampaignMention> find_campaigns(std::string_view text,
                                            const std::vector<Token>& tokens,
                                            const std::vector<Citation>& citations);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CAMPAIGN_H_
