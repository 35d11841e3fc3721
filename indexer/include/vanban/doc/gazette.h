// Issues of the official gazette (Công báo). One issue prints several
// documents one after another, each starting at the top of a page with its
// own header (issuer, number, national motto, place and date, type
// heading), and every page under a running head ("CÔNG BÁO/Số 302/Ngày
// 02-06-2026"). A text holding a whole issue is split into its documents,
// so that each is found, titled and cited on its own. Thread-safe (pure
// functions).
#ifndef VANBAN_DOC_GAZETTE_H_
#define VANBAN_DOC_GAZETTE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban::doc {

// One document of an issue: a byte range of the issue's text, from the
// first line of the page it starts on to the page the next one starts on.
struct GazettePart {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The documents of the gazette issue in `text` (NFC UTF-8, '\n' line
// ends), in order. A document starts where a page (a running head, or the
// start of the text) opens with a document header: capitals first (the
// issuer or the motto), then within its first lines the motto and a type
// heading, and a numbered "Số:" line, a place-and-date line with a full
// date, "Luật số:", or a consolidated text's "... được sửa đổi, bổ sung
// bởi". Forms in annexes (blank numbers and dates) do not start one.
//
// Returns the parts when at least two documents start; the issue's cover
// and table of contents, before the first one, belong to none. Otherwise
// (one document, or no gazette at all) returns one part: the whole text.
std::vector<GazettePart> split_gazette(std::string_view text);

// The first running head of `text`, spaces collapsed ("CÔNG BÁO/Số 302/Ngày
// 02-06-2026"): the issue a document was printed in. "" if none.
std::string gazette_issue(std::string_view text);

}  // namespace vanban::doc

#endif  // VANBAN_DOC_GAZETTE_H_
