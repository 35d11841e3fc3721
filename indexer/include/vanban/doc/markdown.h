// Markdown marks that converters (pandoc, Word "save as Markdown", web
// clippers) leave in a document's text: ATX heading marks at a line's start
// ("#### Nơi nhận:") and emphasis around words ("**2.**", "***Nơi
// nhận:***", "(*theo giá so sánh*)"). They are removed when a document is
// loaded, before anything is indexed, stored, snippeted or shown, so the
// page, the snippets and the search see the same words.
//
// The rule is Markdown's own, kept narrow so that texts which use '*' and
// '#' for themselves keep them: an emphasis run opens before a letter or
// digit and after a line start, a space or punctuation, and closes with a
// run of the same length on the same line after a non-space and before a
// line end, a space or punctuation. Footnote markers ("(**)", "Bộ*", "*(9)"),
// bullets ("* Mục tiêu:"), wildcards ("*.mxd") and "#" inside a line
// ("Số: 12/2024/TT-BTC #3") stay. Thread-safe (pure functions).
#ifndef VANBAN_DOC_MARKDOWN_H_
#define VANBAN_DOC_MARKDOWN_H_

#include <string>
#include <string_view>

namespace vanban::doc {

// `text` (UTF-8, '\n' line ends) without Markdown heading marks and
// emphasis; text without them is returned unchanged.
std::string strip_markdown(std::string_view text);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_MARKDOWN_H_
