// What the connection front knows of HTTP/1.1 before httplib parses a
// request: where a request head ends, and the few responses the front
// writes itself (408 for a head that came too slowly, 503 when the server
// is full, 431 for a head too large), with the JSON error body every other
// error has.
#ifndef VANBAN_SERVER_REQUEST_HEAD_H_
#define VANBAN_SERVER_REQUEST_HEAD_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "vanban/status.h"

namespace vanban::http {

// A request head larger than this is refused with 431. httplib limits each
// line to 8 KiB (CPPHTTPLIB_HEADER_MAX_LENGTH) but not their number; a
// browser's head is under 2 KiB.
inline constexpr std::size_t kMaxHeadBytes = 32 * 1024;

// The length of the first request head in `bytes` (ASCII, as received),
// up to and including the blank line that ends it ("\r\n\r\n", or "\n\n"
// from a lax client); 0 while the head is incomplete.
std::size_t head_length(std::string_view bytes);

// What a client refused for overload is told to wait before trying again
// (the "Retry-After" of every 503, from the front and from the routes).
inline constexpr std::chrono::seconds kRetryAfter{1};

// A whole HTTP/1.1 response with `http_status` and the JSON body of
// `status` ({"error": reason, "detail": detail}, as reply_error writes it),
// "Connection: close", and "Retry-After" when `retry_after` is positive.
// For answers written before or instead of httplib's parsing.
std::string raw_error_response(int http_status, const Status& status,
                               std::chrono::seconds retry_after = std::chrono::seconds(0));

}  // namespace vanban::http

#endif  // VANBAN_SERVER_REQUEST_HEAD_H_
