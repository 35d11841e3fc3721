#include "vanban/text/contents.h"

#include "text/contents_internal.h"

namespace vanban::text {

CampaignContents extract_contents(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<Citation>& citations,
                                  const ContentsOptions& options) {
  using namespace contents_detail;
  const DocScan scan(text, tokens, citations);
  const std::string home = home_for(scan, options);
  Outline outline = read_outline(scan);
  CampaignContents out;
  out.periods = find_periods(scan, options);
  out.targets = find_targets(scan, outline);
  out.assignments = find_assignments(scan, outline, home);
  out.rewards = find_rewards(scan);
  out.reports = find_reports(scan, out.assignments, home);
  out.contents = std::move(outline.contents);
  return out;
}

}  // namespace vanban::text
