// A file as an HTTP answer: streamed in pieces, with its Content-Type and a
// Content-Disposition naming it (RFC 6266; the Vietnamese name in
// filename* per RFC 5987, an ASCII fallback in filename).
#ifndef VANBAN_SERVER_FILE_REPLY_H_
#define VANBAN_SERVER_FILE_REPLY_H_

#include <httplib.h>

#include <string>
#include <string_view>

#include "vanban/search/original.h"

namespace vanban::http {

// `inline; filename="Cong van 1954.pdf"; filename*=UTF-8''C%C3%B4ng%20v%C4%83n%201954.pdf`
// (`attachment` instead of `inline` when `show_inline` is false). The
// fallback folds Vietnamese letters to ASCII and replaces what a quoted
// string cannot hold.
std::string content_disposition(std::string_view file_name, bool show_inline);

// `id` as one URL path segment: every byte but A-Z a-z 0-9 - . _ ~ as %XX
// ("seeds/000.txt" -> "seeds%2F000.txt").
std::string encode_path_segment(std::string_view id);

// Answers 200 with the file's bytes, read as they are sent; a file that
// cannot be opened any more answers 404 JSON.
void reply_file(httplib::Response& res, const search::OriginalFile& file);

}  // namespace vanban::http

#endif  // VANBAN_SERVER_FILE_REPLY_H_
