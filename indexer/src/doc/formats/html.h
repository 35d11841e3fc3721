// Saved web pages: the main content of the page (the article), without
// menus, navigation, sidebars, footers, scripts, forms, visitor counters
// and share buttons. Private to the format layer.
#ifndef VANBAN_DOC_FORMATS_HTML_H_
#define VANBAN_DOC_FORMATS_HTML_H_

#include <string_view>

#include "vanban/doc/extract.h"
#include "vanban/status.h"

namespace vanban::doc {

// Extracts an HTML page held in `bytes`. The charset comes from a BOM, a
// <meta charset> / http-equiv declaration, or detection as for text files
// (windows-1258, TCVN3, VNI). The main content is chosen by DOM cues
// (nav/aside/footer elements, class and id words such as menu, sidebar,
// footer, share, counter, breadcrumb) and text density (the block with
// most paragraph text; link lists dropped), its headings, paragraphs, list
// items and table rows come out as lines, and the line-level chrome rules
// of doc/metadata.h (strip_boilerplate) run last. Broken markup is
// repaired as libxml2's HTML parser does (HTML 4 rules: unclosed <p> and
// <li> end at the next one); text nested deeper than 400 elements is not
// read. format "html"; properties["title"] from <title>; text "" for a
// page without an element. Errors as decode_text_file (binary, invalid
// UTF-8, empty); kTooLarge for a page over 2 GiB once decoded (libxml2
// takes an int size). Thread-safe; prints nothing.
Result<Extracted> extract_html(std::string_view bytes, const ExtractOptions& options);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_FORMATS_HTML_H_
