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

// The campaign id of a name: folded words with places (provinces, "Việt
// Nam", "cả nước") removed, joined by '-'. "" if nothing is left.
std::string campaign_id(std::string_view name);

// Campaign names quoted in `text` right after (or in a list following) a
// campaign word. Quotes that are a citation's subject are skipped.
std::vector<CampaignMention> find_campaigns(std::string_view text,
                                            const std::vector<Token>& tokens,
                                            const std::vector<Citation>& citations);

}  // namespace vanban::text

#endif  // VANBAN_TEXT_CAMPAIGN_H_
